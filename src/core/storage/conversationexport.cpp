#include "conversationexport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace spoon::conversationexport {

namespace {

QString tr(const char *text)
{
    // The context lupdate gives a tr() call in this namespace.
    return QCoreApplication::translate("spoon::conversationexport", text);
}

QJsonObject failureJson(const TurnFailure &f)
{
    return {{u"kind"_s, f.kind},         {u"status"_s, f.httpStatus},
            {u"message"_s, f.message},   {u"attempts"_s, f.attempts},
            {u"provider"_s, f.provider}, {u"incomplete"_s, f.incomplete}};
}

// Closes a failed turn, after its last message, as the chat showed it.
QString failureMarkdown(const TurnFailure &f)
{
    QString why = f.error().describe();
    if (!f.provider.isEmpty())
        why = f.provider + u": "_s + why;
    if (f.attempts > 0)
        why += u' ' + tr("(attempts: %1)").arg(f.attempts);
    // A cut answer says so itself, as "(incomplete)".
    return u"\n## "_s + tr("The turn failed") + u"\n\n"_s + why + u'\n';
}

QJsonObject messageJson(const StoredMessage &m)
{
    QJsonObject object{{u"role"_s, roleName(m.message.role)},
                       {u"content"_s, m.message.content},
                       {u"created"_s, isoTime(m.createdMs)}};
    if (!m.message.toolCalls.isEmpty())
        object[u"tool_calls"_s] = toolCallsJson(m.message.toolCalls);
    if (!m.message.toolCallId.isEmpty())
        object[u"tool_call_id"_s] = m.message.toolCallId;
    if (!m.message.name.isEmpty())
        object[u"tool_name"_s] = m.message.name;
    if (m.isError)
        object[u"is_error"_s] = true;
    if (!m.provider.isEmpty())
        object[u"provider"_s] = m.provider;
    if (!m.model.isEmpty())
        object[u"model"_s] = m.model;
    if (m.durationMs >= 0)
        object[u"duration_ms"_s] = m.durationMs;
    if (m.incomplete)
        object[u"incomplete"_s] = true;
    if (m.turnFailure.isFailure())
        object[u"turn_error"_s] = failureJson(m.turnFailure);
    return object;
}

QString roleHeading(const StoredMessage &m)
{
    switch (m.message.role) {
    case ChatMessage::Role::User:
        return tr("User");
    case ChatMessage::Role::Assistant: {
        // Who answered and how long it took, as the JSON form's provider, model, duration_ms.
        QStringList about;
        if (!m.provider.isEmpty() || !m.model.isEmpty())
            about.append(m.provider.isEmpty() ? m.model
                         : m.model.isEmpty()  ? m.provider
                                              : m.provider + u" \u00b7 "_s + m.model);
        if (m.durationMs >= 0)
            about.append(tr("%1 s").arg(QString::number(double(m.durationMs) / 1000.0, 'f', 1)));
        return about.isEmpty() ? tr("Assistant") : tr("Assistant (%1)").arg(about.join(u", "_s));
    }
    case ChatMessage::Role::Tool:
        return m.isError ? tr("Tool %1 (failed)").arg(m.message.name)
                         : tr("Tool %1").arg(m.message.name);
    case ChatMessage::Role::System:
        return tr("System");
    }
    return {};
}

} // namespace

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject summaryJson(const ConversationSummary &c)
{
    return {{u"id"_s, c.id},
            {u"title"_s, c.title},
            {u"agent"_s, c.agent},
            {u"created"_s, isoTime(c.createdMs)},
            {u"updated"_s, isoTime(c.updatedMs)},
            {u"messages"_s, c.messageCount}};
}

QString markdown(const ConversationSummary &c, const QList<StoredMessage> &messages)
{
    QString text = u"# "_s + (c.title.isEmpty() ? tr("Untitled conversation") : c.title) +
                   u"\n\n"_s + tr("Agent %1, started %2").arg(c.agent, isoTime(c.createdMs)) +
                   u"\n"_s;
    const TurnFailure *failedTurn = nullptr; // shown when its turn's messages are done
    for (const StoredMessage &m : messages) {
        if (m.message.role == ChatMessage::Role::User) {
            if (failedTurn)
                text += failureMarkdown(*failedTurn);
            failedTurn = m.turnFailure.isFailure() ? &m.turnFailure : nullptr;
        }
        text += u"\n## "_s + roleHeading(m) + u"\n\n"_s;
        for (const ToolCall &call : m.message.toolCalls)
            text += tr("Calls `%1` with `%2`").arg(call.name, call.arguments) + u"\n\n"_s;
        if (m.message.role == ChatMessage::Role::Tool)
            text += u"```\n"_s + m.message.content + u"\n```\n"_s;
        else if (!m.message.content.isEmpty())
            text += m.message.content + u'\n';
        if (m.incomplete)
            text += u"\n_"_s + tr("(incomplete)") + u"_\n"_s;
    }
    if (failedTurn)
        text += failureMarkdown(*failedTurn);
    return text;
}

QByteArray document(const ConversationSummary &conversation, const QList<StoredMessage> &messages,
                    Format format)
{
    return format == Format::Json
               ? QJsonDocument(json(conversation, messages)).toJson(QJsonDocument::Indented)
               : markdown(conversation, messages).toUtf8();
}

QJsonObject json(const ConversationSummary &conversation, const QList<StoredMessage> &messages)
{
    QJsonObject object = summaryJson(conversation);
    QJsonArray array;
    for (const StoredMessage &m : messages)
        array.append(messageJson(m));
    object[u"messages"_s] = array;
    return object;
}

} // namespace spoon::conversationexport
