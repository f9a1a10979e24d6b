#include "retrypolicy.h"

#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace spoon {

RetryPolicy::RetryPolicy(int maxRetries, qint64 baseDelayMs, qint64 maxDelayMs,
                         qint64 maxRetryAfterMs)
    : m_maxRetries(std::max(0, maxRetries))
    , m_baseDelayMs(baseDelayMs)
    , m_maxDelayMs(maxDelayMs)
    , m_maxRetryAfterMs(maxRetryAfterMs)
    , m_random(QRandomGenerator::global())
{}

bool RetryPolicy::isRetryableStatus(int status)
{
    return status == 408 || status == 409 || status == 429 || status >= 500;
}

bool RetryPolicy::shouldRetry(const LlmError &error, int retriesDone, bool tokensDelivered) const
{
    if (retriesDone >= m_maxRetries || tokensDelivered)
        return false;
    if (error.httpStatus > 0)
        return isRetryableStatus(error.httpStatus);
    switch (error.kind) {
    case LlmError::Kind::Network:
    case LlmError::Kind::Timeout:
    case LlmError::Kind::TruncatedStream: // cut before any token reached the caller
    // An error event inside a stream (Anthropic's overloaded_error, api_error) carries no
    // HTTP status: retried like the 529 or 500 it stands for.
    case LlmError::Kind::Server:
    case LlmError::Kind::RateLimited:
        return true;
    default:
        return false;
    }
}

qint64 RetryPolicy::delayMs(int retriesDone, qint64 retryAfterMs) const
{
    if (retryAfterMs >= 0)
        return std::min(retryAfterMs, m_maxRetryAfterMs);
    const double full =
        std::min(double(m_maxDelayMs), double(m_baseDelayMs) * std::pow(2.0, retriesDone));
    // Up to a quarter off, so many clients that failed together do not retry together.
    const double jitter = 1.0 - 0.25 * m_random->generateDouble();
    return qint64(full * jitter);
}

qint64 RetryPolicy::parseRetryAfter(QByteArrayView value, const QDateTime &now)
{
    const QByteArray text = value.trimmed().toByteArray();
    if (text.isEmpty())
        return -1;
    bool isNumber = false;
    const double seconds = text.toDouble(&isNumber);
    if (isNumber)
        return seconds >= 0 ? qint64(seconds * 1000.0) : -1;
    // IMF-fixdate, the form RFC 9110 requires senders to use: "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(text),
                                             QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (when.isValid())
        when.setTimeZone(QTimeZone::utc());
    else
        when = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::max<qint64>(0, now.msecsTo(when));
}

} // namespace spoon
