#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace spoon {

// One dispatched event. The views stay valid only during the handler call.
struct SseEvent
{
    QByteArrayView type;        // "message" when the stream named none
    QByteArrayView data;        // the data lines joined with '\n', UTF-8 as sent
    QByteArrayView lastEventId; // the last "id" seen so far, as the spec keeps it
};

// An incremental text/event-stream parser, following the WHATWG HTML standard, section
// 9.2.6 "Interpreting an event stream": lines end in CRLF, LF or CR; a leading BOM is
// dropped; "data" lines accumulate; ':' starts a comment; "event", "id" and "retry" are
// honoured; a blank line dispatches. Chunks may split the stream at any byte (inside a line
// ending, a UTF-8 sequence or the BOM), so it keeps at most one partial line between calls.
// Data stays as bytes: the consumers parse JSON, which takes UTF-8 directly.
class SseParser
{
public:
    using Handler = std::function<void(const SseEvent &)>;

    explicit SseParser(Handler handler);

    void feed(QByteArrayView chunk);
    // The end of the stream. Per the standard an event without its closing blank line is
    // discarded; returns true when something was (a field or a partial line after the last
    // dispatch), so callers can tell a cut-off stream.
    bool finish();

    // The longest line, and the most data one event may gather. Past it the parser stops:
    // overflowed() turns true and the rest of the stream is ignored. -1: no limit.
    void setMaxEventBytes(qint64 bytes) { m_maxEventBytes = bytes; }
    bool overflowed() const { return m_overflowed; }

    // The last "retry" value in milliseconds, or -1 if the stream sent none.
    qint64 retryMs() const { return m_retryMs; }
    QByteArrayView lastEventId() const { return m_lastEventId; }
    quint64 eventsDispatched() const { return m_dispatched; }

private:
    void processLine(QByteArrayView line);
    void dispatch();

    Handler m_handler;
    QByteArray m_partialLine; // a line split across chunks
    QByteArray m_data;        // the data buffer
    QByteArray m_eventType;
    QByteArray m_lastEventId;
    qint64 m_retryMs = -1;
    quint64 m_dispatched = 0;
    int m_bomBytesSeen = 0; // of EF BB BF, while still at the start of the stream
    bool m_atStreamStart = true;
    bool m_skipNextLf = false;   // the previous chunk ended in CR
    bool m_pendingEvent = false; // a field was seen since the last dispatch
    qint64 m_maxEventBytes = -1;
    bool m_overflowed = false;

    bool tooLong(qsizetype bytes)
    {
        if (m_maxEventBytes >= 0 && bytes > m_maxEventBytes)
            m_overflowed = true;
        return m_overflowed;
    }
};

} // namespace spoon
