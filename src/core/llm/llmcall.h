#pragma once

#include "chattypes.h"
#include "llmerror.h"

#include <QObject>

namespace spoon {

// A chat completion in progress. Streams text through textDelta() and ends with exactly one
// finished(): on success error.kind is None; on failure response holds whatever arrived,
// marked incomplete. The call deletes itself after finished().
class LlmCall : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    bool isFinished() const { return m_finished; }
    virtual void cancel() = 0;

Q_SIGNALS:
    void textDelta(const QString &text);
    void retrying(int retry, qint64 delayMs, const spoon::LlmError &error);
    // The same, as a person reads it: which provider, the coming attempt and how many there
    // are in all (retry_attempts + 1). Routed calls (LlmRouter::send) emit it.
    void retryScheduled(const QString &provider, int attempt, int attempts, qint64 delayMs,
                        const spoon::LlmError &error);
    void providerSwitched(const QString &from, const QString &to, const spoon::LlmError &error);
    void finished(const spoon::ChatResponse &response, const spoon::LlmError &error);

protected:
    void finish(const ChatResponse &response, const LlmError &error)
    {
        if (m_finished)
            return;
        m_finished = true;
        Q_EMIT finished(response, error);
        // A coroutine awaits finished through a queued connection (QCoro): deleted at once by
        // deleteLater, this object could go before that call reaches it (QTest::qWait and
        // others send deferred deletes early), and the coroutine would never resume. Queued
        // behind it, the deleteLater comes after.
        QMetaObject::invokeMethod(this, &QObject::deleteLater, Qt::QueuedConnection);
    }

private:
    bool m_finished = false;
};

} // namespace spoon
