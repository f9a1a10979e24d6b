#pragma once

// Runs the real spoon-console binary with its stdout on a pseudo-terminal (pty(7)), as when a
// person types the command: the child's isatty(1) is true, so the paths meant for a terminal
// run. stderr stays a pipe. The pty is raw (cfmakeraw(3)): "\n" is not turned into "\r\n".
#include "consolerun.h"

#include <QSocketNotifier>

#include <fcntl.h>
#include <pty.h>
#include <termios.h>
#include <unistd.h>

namespace spoon::test {

inline ConsoleRun runConsoleOnTerminal(const QStringList &arguments,
                                       const QProcessEnvironment &extra = {},
                                       int timeoutMs = 120'000)
{
    ConsoleRun run;
    int master = -1;
    int slave = -1;
    if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
        run.failure = QStringLiteral("openpty failed: %1").arg(qt_error_string(errno));
        return run;
    }
    termios raw{};
    ::tcgetattr(slave, &raw);
    ::cfmakeraw(&raw);
    ::tcsetattr(slave, TCSANOW, &raw);
    ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);

    QByteArray terminal;
    auto drain = [&] {
        char buffer[4096];
        ssize_t n = 0;
        while ((n = ::read(master, buffer, sizeof buffer)) > 0)
            terminal.append(buffer, n);
    };
    // Read while the child writes, so a long answer never fills the pty and blocks it.
    QSocketNotifier readable(master, QSocketNotifier::Read);
    QObject::connect(&readable, &QSocketNotifier::activated, &readable, drain);

    QProcess process;
    process.setProcessEnvironment(consoleEnvironment(extra));
    // Runs in the child after QProcess set up its pipes and before exec: stdout becomes the pty.
    process.setChildProcessModifier([slave] { ::dup2(slave, STDOUT_FILENO); });
    startAndWait(process, arguments, timeoutMs, run);
    // The slave is still open here, so the master gives what is left, then EAGAIN (not EIO).
    drain();
    readable.setEnabled(false);
    ::close(slave);
    ::close(master);
    run.out = QString::fromUtf8(terminal);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace spoon::test
