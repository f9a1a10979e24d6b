#pragma once

#include "llmerror.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QRandomGenerator>

namespace spoon {

// When and how long to wait before trying a failed LLM request again. Retries connect
// errors, timeouts, 408, 409, 429 and 5xx; never any other 4xx, never a request whose stream
// already gave the caller tokens (a retry would repeat them). Waits what Retry-After says,
// else an exponential backoff with jitter, as the official OpenAI SDK does.
class RetryPolicy
{
public:
    explicit RetryPolicy(int maxRetries = 3, qint64 baseDelayMs = 500, qint64 maxDelayMs = 8000,
                         qint64 maxRetryAfterMs = 60'000);

    int maxRetries() const { return m_maxRetries; }
    bool shouldRetry(const LlmError &error, int retriesDone, bool tokensDelivered) const;
    // The wait before retry number retriesDone + 1.
    qint64 delayMs(int retriesDone, qint64 retryAfterMs) const;

    static bool isRetryableStatus(int status);
    // RFC 9110 section 10.2.3: delay-seconds or an HTTP-date. -1 when absent or unreadable.
    static qint64 parseRetryAfter(QByteArrayView value,
                                  const QDateTime &now = QDateTime::currentDateTimeUtc());

    // For tests: a fixed jitter source.
    void setRandomSource(QRandomGenerator *random) { m_random = random; }

private:
    int m_maxRetries;
    qint64 m_baseDelayMs;
    qint64 m_maxDelayMs;
    qint64 m_maxRetryAfterMs;
    QRandomGenerator *m_random;
};

} // namespace spoon
