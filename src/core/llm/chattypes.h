#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace spoon {

struct ToolCall
{
    QString id;
    QString name;
    QString arguments; // JSON text, as the model wrote it (may be malformed: the agent checks)
    bool operator==(const ToolCall &) const = default;
};

struct ChatMessage
{
    enum class Role
    {
        System,
        User,
        Assistant,
        Tool
    };
    Role role = Role::User;
    QString content;
    QList<ToolCall> toolCalls; // assistant messages that call tools
    QString toolCallId;        // tool messages: the call this answers
    QString name;              // tool messages: the tool's name

    static ChatMessage system(QString text) { return {Role::System, std::move(text), {}, {}, {}}; }
    static ChatMessage user(QString text) { return {Role::User, std::move(text), {}, {}, {}}; }
    static ChatMessage assistant(QString text, QList<ToolCall> calls = {})
    {
        return {Role::Assistant, std::move(text), std::move(calls), {}, {}};
    }
    static ChatMessage toolResult(QString callId, QString toolName, QString result)
    {
        return {Role::Tool, std::move(result), {}, std::move(callId), std::move(toolName)};
    }
};
QString roleName(ChatMessage::Role role);

// Tool calls as the store, `history export`, `ask --json` and `chat --json` write them:
// [{"id", "name", "arguments"}], the arguments as the model's JSON text. (A provider's own
// wire format is its protocol's business.)
QJsonArray toolCallsJson(const QList<ToolCall> &calls);
// What toolCallsJson() wrote; a field missing or of another type reads as empty.
QList<ToolCall> toolCallsFromJson(const QJsonArray &array);

struct ToolSpec
{
    QString name;
    QString description;
    QJsonObject parameters; // JSON Schema
};

struct ChatRequest
{
    QList<ChatMessage> messages;
    QList<ToolSpec> tools;
    QString model;           // empty: the provider's configured model
    double temperature = -1; // < 0: the provider's configured temperature
    int maxTokens = 0;       // 0: the provider's configured limit
    bool stream = true;
    bool cacheAllowed = true; // the caller's cache_enabled
};

// Finish reasons normalised across providers.
enum class FinishReason
{
    Unknown,
    Stop,
    Length,
    ToolCalls,
    ContentFilter,
    Error,
    Cancelled
};
QString finishReasonName(FinishReason reason);

struct TokenUsage
{
    int promptTokens = 0;
    int completionTokens = 0;
    int totalTokens() const { return promptTokens + completionTokens; }
    bool known = false;
};

struct ChatResponse
{
    QString text;
    QList<ToolCall> toolCalls;
    FinishReason finishReason = FinishReason::Unknown;
    TokenUsage usage;
    QString provider;
    QString model;
    bool incomplete = false; // the stream broke off: text holds what arrived
    bool cached = false;
    int retries = 0;
    QStringList fallbacks; // providers that failed before this one answered
    qint64 ttftMs = -1;    // first token; -1 when none came
    qint64 latencyMs = 0;
};

} // namespace spoon

Q_DECLARE_METATYPE(spoon::ChatResponse)
