#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>

namespace spoon {

// A future's result, for a program with nothing else to do meanwhile (a command, a helper
// process, a benchmark): a local event loop turns until it is ready, so the timers and
// queued continuations the future depends on still run. Never on the GUI thread.
template <typename T> T waitForResult(QFuture<T> future)
{
    if (!future.isFinished()) {
        QFutureWatcher<T> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

} // namespace spoon
