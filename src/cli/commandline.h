#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace spoon::cli {

// Exit codes every command keeps: scripts depend on them.
enum ExitCode
{
    kExitOk = 0,
    kExitFailure = 1,
    kExitUsage = 2
};

// Splits "spoon-console [--config FILE] [COMMAND [ARGS...]]" into the global part and one
// command with its own arguments, git-style. No command means the desktop console.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(spoon::cli::CommandLine)
public:
    QString configPath;
    QString command;         // "", "check-config", "system-info", "config-reference"
    QStringList commandArgs; // with the command name first, for QCommandLineParser
    bool help = false;
    bool version = false;
    QString error; // set when the global part does not parse

    static CommandLine parse(const QStringList &arguments);
    static QStringList commands();
    static QString usage();
};

// Adds --help, then parses a command's own arguments (line.commandArgs). Returns the exit
// code when the command should stop here: help printed (0), or a usage error printed (2),
// including more positional arguments than `maxPositional`. Returns nothing to go on.
std::optional<int> parseCommandArguments(QCommandLineParser &parser, const CommandLine &line,
                                         qsizetype maxPositional, QTextStream &out,
                                         QTextStream &err);

} // namespace spoon::cli
