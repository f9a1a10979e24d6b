#include "sseparser.h"

#include <cstring>

namespace spoon {

namespace {
constexpr char kBom[] = "\xEF\xBB\xBF";

bool isAllDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}
} // namespace

SseParser::SseParser(Handler handler)
    : m_handler(std::move(handler))
{}

void SseParser::feed(QByteArrayView chunk)
{
    if (m_overflowed)
        return;
    const char *pos = chunk.data();
    const char *end = pos + chunk.size();

    // A BOM may only open the stream, and may itself arrive split across chunks.
    while (m_atStreamStart && pos < end) {
        if (*pos == kBom[m_bomBytesSeen]) {
            ++pos;
            if (++m_bomBytesSeen == 3)
                m_atStreamStart = false;
            continue;
        }
        // Not a BOM after all: the bytes taken so far are stream content.
        m_partialLine.append(kBom, m_bomBytesSeen);
        m_atStreamStart = false;
    }
    if (pos == end)
        return;

    if (m_skipNextLf) {
        m_skipNextLf = false;
        if (*pos == '\n')
            ++pos;
    }
    // Most streams never send CR; then one memchr per line finds the ends.
    const bool mayHaveCr = std::memchr(pos, '\r', size_t(end - pos)) != nullptr;
    while (pos < end) {
        const char *lineEnd;
        if (mayHaveCr) {
            lineEnd = pos;
            while (lineEnd < end && *lineEnd != '\n' && *lineEnd != '\r')
                ++lineEnd;
        } else {
            lineEnd = static_cast<const char *>(std::memchr(pos, '\n', size_t(end - pos)));
            if (!lineEnd)
                lineEnd = end;
        }
        if (lineEnd == end) { // no line ending yet: keep the rest for the next chunk
            if (tooLong(m_partialLine.size() + (end - pos)))
                return;
            m_partialLine.append(pos, end - pos);
            return;
        }
        const QByteArrayView piece(pos, lineEnd - pos);
        if (tooLong(m_partialLine.size() + piece.size()))
            return;
        if (m_partialLine.isEmpty()) {
            processLine(piece);
        } else {
            m_partialLine.append(piece);
            processLine(m_partialLine);
            m_partialLine.truncate(0);
        }
        if (m_overflowed)
            return;
        pos = lineEnd + 1;
        if (*lineEnd == '\r') {
            if (pos == end)
                m_skipNextLf = true; // a CRLF split between chunks
            else if (*pos == '\n')
                ++pos;
        }
    }
}

void SseParser::processLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        dispatch();
        return;
    }
    if (line.front() == ':')
        return; // a comment
    QByteArrayView field = line;
    QByteArrayView value;
    const auto colon =
        static_cast<const char *>(std::memchr(line.data(), ':', size_t(line.size())));
    if (colon) {
        field = line.first(colon - line.data());
        value = line.sliced(field.size() + 1);
        if (!value.isEmpty() && value.front() == ' ')
            value = value.sliced(1);
    }
    if (field == "data") {
        if (tooLong(m_data.size() + value.size()))
            return;
        m_data.append(value);
        m_data.append('\n');
        m_pendingEvent = true;
    } else if (field == "event") {
        m_eventType = value.toByteArray();
        m_pendingEvent = true;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastEventId = value.toByteArray();
        m_pendingEvent = true;
    } else if (field == "retry") {
        if (isAllDigits(value) && value.size() < 18)
            m_retryMs = value.toLongLong();
        m_pendingEvent = true;
    }
    // Any other field is ignored, as the standard says.
}

void SseParser::dispatch()
{
    m_pendingEvent = false;
    if (m_data.isEmpty()) {
        m_eventType.truncate(0);
        return;
    }
    QByteArrayView data(m_data);
    data.chop(1); // the trailing LF the last data line added
    const QByteArrayView type =
        m_eventType.isEmpty() ? QByteArrayView("message") : QByteArrayView(m_eventType);
    ++m_dispatched;
    m_handler(SseEvent{type, data, m_lastEventId});
    m_data.truncate(0);
    m_eventType.truncate(0);
}

bool SseParser::finish()
{
    // A last line without its line ending is not a line (the standard's grammar), so it is
    // dropped with whatever event it belonged to.
    const bool cutOff = m_pendingEvent || !m_partialLine.isEmpty() || m_overflowed;
    m_partialLine.truncate(0);
    m_data.truncate(0);
    m_eventType.truncate(0);
    m_pendingEvent = false;
    m_skipNextLf = false;
    return cutOff;
}

} // namespace spoon
