#include "openaiprotocol.h"

#include "chunkscanner.h"
#include "config/config.h"
#include "net/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

QJsonObject toolCallJson(const ToolCall &call)
{
    return QJsonObject{
        {u"id"_s, call.id},
        {u"type"_s, u"function"_s},
        {u"function"_s, QJsonObject{{u"name"_s, call.name}, {u"arguments"_s, call.arguments}}}};
}

QJsonObject messageJson(const ChatMessage &message)
{
    QJsonObject json{{u"role"_s, roleName(message.role)}};
    switch (message.role) {
    case ChatMessage::Role::Assistant:
        json.insert(u"content"_s, message.content.isEmpty() && !message.toolCalls.isEmpty()
                                      ? QJsonValue(QJsonValue::Null)
                                      : QJsonValue(message.content));
        if (!message.toolCalls.isEmpty()) {
            QJsonArray calls;
            for (const ToolCall &call : message.toolCalls)
                calls.append(toolCallJson(call));
            json.insert(u"tool_calls"_s, calls);
        }
        break;
    case ChatMessage::Role::Tool:
        json.insert(u"tool_call_id"_s, message.toolCallId);
        json.insert(u"content"_s, message.content);
        break;
    default:
        json.insert(u"content"_s, message.content);
    }
    return json;
}

void readUsage(const QJsonValue &usage, TokenUsage *out)
{
    if (!usage.isObject())
        return;
    out->promptTokens = usage[u"prompt_tokens"].toInt();
    out->completionTokens = usage[u"completion_tokens"].toInt();
    out->known = true;
}

QList<ToolCall> readToolCalls(const QJsonArray &calls)
{
    QList<ToolCall> result;
    for (const QJsonValue &call : calls) {
        const QJsonValue function = call[u"function"];
        result.append(ToolCall{call[u"id"].toString(), function[u"name"].toString(),
                               function[u"arguments"].toString()});
    }
    return result;
}

QString errorMessage(const QJsonValue &error)
{
    if (error.isString())
        return error.toString();
    const QString message = error[u"message"].toString();
    return message.isEmpty()
               ? QString::fromUtf8(QJsonDocument(error.toObject()).toJson(QJsonDocument::Compact))
               : message;
}

} // namespace

FinishReason OpenAiProtocol::finishReason(const QString &name)
{
    if (name == "stop"_L1)
        return FinishReason::Stop;
    if (name == "length"_L1)
        return FinishReason::Length;
    if (name == "tool_calls"_L1 || name == "function_call"_L1)
        return FinishReason::ToolCalls;
    if (name == "content_filter"_L1)
        return FinishReason::ContentFilter;
    return FinishReason::Unknown;
}

QUrl OpenAiProtocol::endpoint(const ProviderConfig &provider) const
{
    return endpointUrl(provider, u"/chat/completions");
}

QUrl OpenAiProtocol::modelsEndpoint(const ProviderConfig &provider) const
{
    return endpointUrl(provider, u"/models");
}

HttpHeaders OpenAiProtocol::headers(const ProviderConfig &provider) const
{
    HttpHeaders headers{{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (provider.needsKey && !provider.apiKey.isEmpty())
        headers.append({"Authorization", "Bearer " + provider.apiKey.reveal().toUtf8()});
    return headers;
}

QJsonObject OpenAiProtocol::body(const ChatRequest &request, const ProviderConfig &provider) const
{
    QJsonArray messages;
    for (const ChatMessage &message : request.messages)
        messages.append(messageJson(message));
    QJsonObject body{
        {u"model"_s, request.model.isEmpty() ? provider.model : request.model},
        {u"messages"_s, messages},
        {u"temperature"_s, request.temperature >= 0 ? request.temperature : provider.temperature},
        {u"max_tokens"_s, request.maxTokens > 0 ? request.maxTokens : provider.maxTokens},
        {u"stream"_s, request.stream},
    };
    if (request.stream) // ask for the usage chunk at the end of the stream
        body.insert(u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}});
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolSpec &tool : request.tools) {
            tools.append(
                QJsonObject{{u"type"_s, u"function"_s},
                            {u"function"_s, QJsonObject{{u"name"_s, tool.name},
                                                        {u"description"_s, tool.description},
                                                        {u"parameters"_s, tool.parameters}}}});
        }
        body.insert(u"tools"_s, tools);
    }
    return body;
}

std::unique_ptr<ProtocolStream> OpenAiProtocol::newStream() const
{
    return std::make_unique<OpenAiStream>();
}

bool OpenAiProtocol::parseResponse(const QByteArray &body, ChatResponse *response,
                                   LlmError *error) const
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue choice = document[u"choices"][0];
    if (parseError.error != QJsonParseError::NoError || !choice.isObject()) {
        *error = LlmError{LlmError::Kind::MalformedResponse, 0,
                          parseError.error != QJsonParseError::NoError
                              ? u"the answer is not JSON: "_s + parseError.errorString()
                              : u"the answer has no choices"_s,
                          -1};
        return false;
    }
    const QJsonValue message = choice[u"message"];
    response->text = message[u"content"].toString();
    response->toolCalls = readToolCalls(message[u"tool_calls"].toArray());
    response->finishReason = finishReason(choice[u"finish_reason"].toString());
    response->model = document[u"model"].toString();
    readUsage(document[u"usage"], &response->usage);
    return true;
}

LlmError OpenAiProtocol::parseError(int status, const QByteArray &body) const
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QString message;
    if (document.isObject())
        message =
            errorMessage(document[u"error"].isUndefined() ? document.object() : document[u"error"]);
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(500)).trimmed();
    if (message.isEmpty())
        message = u"(no message)"_s;
    return LlmError{errorKindForStatus(status), status, message, -1};
}

void OpenAiStream::onEvent(const SseEvent &event)
{
    if (isDone())
        return;
    if (event.data == "[DONE]") {
        markDone();
        return;
    }
    if (const std::optional<OpenAiChunkFields> plain = scanOpenAiChunk(event.data)) {
        if (m_response.model.isEmpty())
            m_response.model = plain->model;
        if (!plain->content.isEmpty())
            appendText(plain->content);
        if (plain->finishReason)
            m_response.finishReason = OpenAiProtocol::finishReason(*plain->finishReason);
        return;
    }
    // Tool calls, usage, errors and anything malformed: the DOM reads them, and words errors.
    QJsonParseError parseError{};
    const QJsonDocument chunk = QJsonDocument::fromJson(event.data.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !chunk.isObject()) {
        setError(LlmError{
            LlmError::Kind::MalformedResponse, 0,
            u"a stream chunk is not JSON ("_s + parseError.errorString() + u"): "_s +
                QString::fromUtf8(
                    event.data.first(std::min<qsizetype>(120, event.data.size())).toByteArray()),
            -1});
        return;
    }
    if (chunk[u"error"].isObject() || chunk[u"error"].isString()) {
        setError(LlmError{LlmError::Kind::Server, 0, errorMessage(chunk[u"error"]), -1});
        return;
    }
    if (m_response.model.isEmpty())
        m_response.model = chunk[u"model"].toString();
    readUsage(chunk[u"usage"], &m_response.usage);
    const QJsonArray choices = chunk[u"choices"].toArray();
    if (choices.isEmpty())
        return; // the trailing usage chunk
    const QJsonValue choice = choices.first();
    const QJsonValue delta = choice[u"delta"];
    const QJsonValue content = delta[u"content"];
    if (content.isString() && !content.toString().isEmpty())
        appendText(content.toString());
    const QJsonArray callDeltas = delta[u"tool_calls"].toArray();
    for (const QJsonValue &callDelta : callDeltas) {
        const int index = callDelta[u"index"].toInt(int(m_calls.size()));
        ToolCall &call = m_calls[index];
        if (callDelta[u"id"].isString())
            call.id = callDelta[u"id"].toString();
        const QJsonValue function = callDelta[u"function"];
        if (function[u"name"].isString())
            call.name += function[u"name"].toString();
        if (function[u"arguments"].isString())
            call.arguments += function[u"arguments"].toString();
    }
    if (!callDeltas.isEmpty())
        m_response.toolCalls = m_calls.values(); // a cut-off stream keeps what arrived
    const QJsonValue reason = choice[u"finish_reason"];
    if (reason.isString())
        m_response.finishReason = OpenAiProtocol::finishReason(reason.toString());
}

} // namespace spoon
