#pragma once

// Runs a coroutine to its end from a test: an event loop turns until the task gives its
// result or the time is up (then nothing, which the test reports as a failure). A result
// that arrives after the time is up lands in shared state, never in a dead stack frame.
#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include <memory>
#include <optional>

namespace spoon::test {

template <typename T> std::optional<T> awaitTask(QCoro::Task<T> task, int timeoutMs = 60'000)
{
    struct State
    {
        std::optional<T> result;
        QEventLoop *loop = nullptr;
    };
    auto state = std::make_shared<State>();
    QCoro::connect(std::move(task), qApp, [state](const T &value) {
        state->result = value;
        if (state->loop)
            state->loop->quit();
    });
    if (!state->result) {
        QEventLoop loop;
        state->loop = &loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        state->loop = nullptr;
    }
    return state->result;
}

// The task's result. A task that does not finish in time fails the test there and then, and
// `standIn` is returned so that the caller's further checks have something to read.
template <typename T> T awaitOrFail(QCoro::Task<T> task, T standIn, int timeoutMs = 60'000)
{
    std::optional<T> result = awaitTask(std::move(task), timeoutMs);
    if (!result) {
        QTest::qFail(
            qPrintable(QStringLiteral("the task did not finish within %1 ms").arg(timeoutMs)),
            __FILE__, __LINE__);
        return standIn;
    }
    return *result;
}

} // namespace spoon::test
