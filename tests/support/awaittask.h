#pragma once

// Runs a coroutine to its end from a test: the event loop turns until the task gives its
// result or the time is up (then nothing, which the test reports as a failure).
#include <QCoreApplication>
#include <QTest>

#include <qcoro/qcorotask.h>

#include <optional>

namespace spoon::test {

template <typename T> std::optional<T> awaitTask(QCoro::Task<T> task, int timeoutMs = 20000)
{
    std::optional<T> result;
    QCoro::connect(std::move(task), qApp, [&result](const T &value) { result = value; });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs);
    return result;
}

} // namespace spoon::test
