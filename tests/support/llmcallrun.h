#pragma once

// Runs LLM calls to their end from a test and collects what they emitted. A call that does
// not finish in time fails the test there and then: a timeout is never mistaken for an
// answer with no error.
#include "llm/chattypes.h"
#include "llm/llmcall.h"
#include "llm/llmerror.h"

#include <QEventLoop>
#include <QTimer>
#include <QtTest>

#include <memory>

namespace spoon::test {

struct CallOutcome
{
    ChatResponse response;
    LlmError error;
    QString streamed;
    int lastRetry = 0; // the number of the last retry announced
    bool finished = false;
};

// Runs calls that are already under way. Each is watched from the start (a call that finishes
// deletes itself), through a context object, so nothing is written after this returns.
inline QList<CallOutcome> runCalls(const QList<LlmCall *> &calls, int timeoutMs = 60'000)
{
    auto outcomes = std::make_shared<QList<CallOutcome>>(calls.size());
    auto done = std::make_shared<qsizetype>(0);
    // A real event loop, not QTest::qWaitFor: that one sleeps 10 ms between turns, which
    // paces a server in this same thread to one chunk per turn.
    QEventLoop loop;
    QObject context;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        QObject::connect(calls[i], &LlmCall::textDelta, &context,
                         [outcomes, i](const QString &text) { (*outcomes)[i].streamed += text; });
        QObject::connect(calls[i], &LlmCall::retrying, &context,
                         [outcomes, i](int retry, qint64, const LlmError &) {
                             (*outcomes)[i].lastRetry = retry;
                         });
        QObject::connect(calls[i], &LlmCall::finished, &context,
                         [outcomes, done, i, &loop, total = calls.size()](
                             const ChatResponse &response, const LlmError &error) {
                             CallOutcome &outcome = (*outcomes)[i];
                             outcome.response = response;
                             outcome.error = error;
                             outcome.finished = true;
                             if (++*done == total)
                                 loop.quit();
                         });
    }
    QTimer::singleShot(timeoutMs, &context, [&loop] { loop.quit(); });
    if (*done < calls.size())
        loop.exec();
    if (*done < calls.size()) {
        const QString message = QStringLiteral("%1 of %2 calls did not finish within %3 ms")
                                    .arg(calls.size() - *done)
                                    .arg(calls.size())
                                    .arg(timeoutMs);
        QTest::qFail(qPrintable(message), __FILE__, __LINE__);
    }
    return *outcomes;
}

inline CallOutcome runCall(LlmCall *call, int timeoutMs = 60'000)
{
    return runCalls({call}, timeoutMs).first();
}

inline ChatRequest ask(const QString &text, bool stream = true, double temperature = -1)
{
    ChatRequest request;
    request.messages = {ChatMessage::user(text)};
    request.stream = stream;
    request.temperature = temperature;
    return request;
}

} // namespace spoon::test
