#include "chattypes.h"

#include "llmerror.h"
#include "printable.h"

namespace spoon {

QString roleName(ChatMessage::Role role)
{
    switch (role) {
    case ChatMessage::Role::System:
        return QStringLiteral("system");
    case ChatMessage::Role::User:
        return QStringLiteral("user");
    case ChatMessage::Role::Assistant:
        return QStringLiteral("assistant");
    case ChatMessage::Role::Tool:
        return QStringLiteral("tool");
    }
    return {};
}

QJsonArray toolCallsJson(const QList<ToolCall> &calls)
{
    QJsonArray array;
    for (const ToolCall &call : calls) {
        array.append(QJsonObject{{QStringLiteral("id"), call.id},
                                 {QStringLiteral("name"), call.name},
                                 {QStringLiteral("arguments"), call.arguments}});
    }
    return array;
}

QList<ToolCall> toolCallsFromJson(const QJsonArray &array)
{
    QList<ToolCall> calls;
    calls.reserve(array.size());
    for (const QJsonValue &item : array) {
        calls.append({item[QLatin1String("id")].toString(), item[QLatin1String("name")].toString(),
                      item[QLatin1String("arguments")].toString()});
    }
    return calls;
}

QString finishReasonName(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Stop:
        return QStringLiteral("stop");
    case FinishReason::Length:
        return QStringLiteral("length");
    case FinishReason::ToolCalls:
        return QStringLiteral("tool_calls");
    case FinishReason::ContentFilter:
        return QStringLiteral("content_filter");
    case FinishReason::Error:
        return QStringLiteral("error");
    case FinishReason::Cancelled:
        return QStringLiteral("cancelled");
    case FinishReason::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString LlmError::kindName() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::MissingKey:
        return QStringLiteral("missing_key");
    case Kind::Auth:
        return QStringLiteral("auth");
    case Kind::BadRequest:
        return QStringLiteral("bad_request");
    case Kind::RateLimited:
        return QStringLiteral("rate_limited");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::MalformedResponse:
        return QStringLiteral("malformed_response");
    case Kind::TruncatedStream:
        return QStringLiteral("truncated_stream");
    case Kind::TooLarge:
        return QStringLiteral("response_too_large");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::NoProvider:
        return QStringLiteral("no_provider");
    }
    return {};
}

LlmError::Kind LlmError::kindFromName(QStringView name)
{
    for (int k = int(Kind::MissingKey); k <= int(Kind::NoProvider); ++k) {
        if (LlmError{Kind(k), 0, {}, -1}.kindName() == name)
            return Kind(k);
    }
    return Kind::None;
}

QString LlmError::describe() const
{
    // The message is often the server's own words: printable before anyone prints it.
    const QString said = printable(message, true);
    if (httpStatus > 0)
        return QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(said);
    return kindName().replace(u'_', u' ') + QStringLiteral(": ") + said;
}

} // namespace spoon
