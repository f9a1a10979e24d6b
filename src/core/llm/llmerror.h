#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace spoon {

// Every way a call to an LLM fails, with the server's own words when it sent any.
struct LlmError
{
    enum class Kind
    {
        None,
        MissingKey,        // no API key: nothing was sent
        Auth,              // 401, 403
        BadRequest,        // 400, 404, 422 and other 4xx the retry policy leaves alone
        RateLimited,       // 429
        Server,            // 5xx
        Timeout,           // connect, total or idle timeout
        Network,           // refused, unreachable, dropped before an answer
        MalformedResponse, // not the JSON or event stream the protocol promises
        TruncatedStream,   // the stream ended without [DONE] / message_stop
        TooLarge,          // larger than performance.llm.max_response_bytes or max_event_bytes
        Cancelled,
        NoProvider,
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message; // the server's message when there was one, else ours
    qint64 retryAfterMs = -1;

    bool isError() const { return kind != Kind::None; }
    QString kindName() const;
    // The kind kindName() names; None for a name it never gives.
    static Kind kindFromName(QStringView name);
    // "HTTP 429: Rate limit reached for gpt-4.1" / "timeout: no complete response within ..."
    QString describe() const;
};

} // namespace spoon

Q_DECLARE_METATYPE(spoon::LlmError)
