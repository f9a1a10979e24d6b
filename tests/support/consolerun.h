#pragma once

// Runs the real spoon-console binary as users' scripts do, in an environment built for the
// test (testenvironment.h): what the child sees is the isolated home, C.UTF-8 and the
// variables the test names, never the shell's keys or config.
#include "testenvironment.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace spoon::test {

struct ConsoleRun
{
    int exitCode = -1; // -1: crashed or did not finish (see failure)
    QString out;
    QString err;
    QString failure; // why there is no exit code
};

// The child's environment: the test's own (childEnvironment()) and the variables it names.
inline QProcessEnvironment consoleEnvironment(const QProcessEnvironment &extra)
{
    QProcessEnvironment env = childEnvironment();
    const QStringList names = extra.keys();
    for (const QString &name : names)
        env.insert(name, extra.value(name));
    return env;
}

// Starts the prepared process on the binary and waits for its exit while the event loop
// turns (servers in this process answer it); fills the exit code or why there is none. A
// child that outlives `timeoutMs` is killed.
inline void startAndWait(QProcess &process, const QStringList &arguments, int timeoutMs,
                         ConsoleRun &run)
{
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(SPOON_CONSOLE_BINARY), arguments);
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.failure = QStringLiteral("no exit within %1 ms").arg(timeoutMs);
    } else if (process.exitStatus() != QProcess::NormalExit) {
        run.failure = QStringLiteral("crashed: %1").arg(process.errorString());
    } else {
        run.exitCode = process.exitCode();
    }
}

// Runs the binary with `arguments` and collects what it printed.
inline ConsoleRun runConsole(const QStringList &arguments, const QProcessEnvironment &extra = {},
                             int timeoutMs = 120'000, const QString &workingDir = {})
{
    QProcess process;
    process.setProcessEnvironment(consoleEnvironment(extra));
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    ConsoleRun run;
    startAndWait(process, arguments, timeoutMs, run);
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// For failure messages: the exit code or why there is none, and what the child said.
inline QString describe(const ConsoleRun &run)
{
    return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
        .arg(run.exitCode)
        .arg(run.failure.isEmpty() ? QString() : QStringLiteral(" (") + run.failure + u')')
        .arg(run.out.left(2000), run.err.left(2000));
}

// QCOMPARE of the exit code that says, when it fails, what the child printed.
#define SPOON_COMPARE_EXIT(run, expected)                                                          \
    QVERIFY2((run).exitCode == (expected), qPrintable(spoon::test::describe(run)))

inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// No 6-character piece of a key's secret part (between its 3-character prefix and 2-character
// tail, which a mask may show) appears in the text. Returns the first piece found, or empty.
inline QString leakedPieceOf(const QString &key, const QString &text)
{
    const QString secret = key.mid(3, key.size() - 5);
    for (qsizetype i = 0; i + 6 <= secret.size(); ++i) {
        if (text.contains(secret.mid(i, 6)))
            return secret.mid(i, 6);
    }
    return {};
}

} // namespace spoon::test
