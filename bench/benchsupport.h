#pragma once

// What the client-side benchmarks share: this process's CPU time, and a demo endpoint in
// a process of its own, so its work is not counted as the client's.
#include <QProcess>
#include <QRegularExpression>
#include <QString>

#include <sys/resource.h>
#include <time.h>

namespace spoon::bench {

// User and system CPU seconds this process has used.
inline double cpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The calling thread's own CPU time.
inline double threadCpuSeconds()
{
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// Starts `spoon-console demo-server` at `tokensPerSecond` on a free port; returns its
// base URL (ending in /v1), or nothing when it did not start.
inline QString startDemoServer(QProcess &server, const QString &consoleBinary,
                               const QString &tokensPerSecond)
{
    server.start(consoleBinary,
                 {QStringLiteral("demo-server"), QStringLiteral("--port"), QStringLiteral("0"),
                  QStringLiteral("--tokens-per-second"), tokensPerSecond});
    if (!server.waitForReadyRead(10000))
        return {};
    return QRegularExpression(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+/v1)"))
        .match(QString::fromUtf8(server.readLine()))
        .captured(1);
}

} // namespace spoon::bench
