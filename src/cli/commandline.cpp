#include "commandline.h"

#include "config/editdistance.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace spoon::cli {

using namespace Qt::StringLiterals;

QStringList CommandLine::commands()
{
    return {u"check-config"_s, u"system-info"_s, u"config-reference"_s, u"ask"_s,
            u"demo-server"_s,  u"chat"_s,        u"history"_s};
}

QString CommandLine::usage()
{
    return tr("Usage: spoon-console [--config FILE] [COMMAND [OPTIONS]]\n"
              "\n"
              "Without a command, starts the desktop console.\n"
              "\n"
              "Commands:\n"
              "  check-config [FILE]     validate a config file; exit 0 if valid, 1 if not\n"
              "  system-info [--json]    platform, config, providers, agents, live process\n"
              "                          figures and a health score\n"
              "  config-reference        every config key with its type and default\n"
              "  ask [--provider NAME] [--model M] [--no-stream] [--json] PROMPT\n"
              "                          one chat completion through the LLM router;\n"
              "                          the answer streams to stdout\n"
              "  chat [--agent NAME] [--provider NAME] [--model M] [--json] MESSAGE\n"
              "                          one agent turn, tools included; the answer\n"
              "                          streams to stdout, the steps to stderr\n"
              "  demo-server [--port N]  the built-in OpenAI-compatible demo endpoint\n"
              "  history list | show ID | search TEXT | export ID --format md|json\n"
              "                          stored conversations (--json for list, show and\n"
              "                          search; --limit N)\n"
              "\n"
              "Options:\n"
              "  --config FILE           config file (else $SPOON_CONFIG, else\n"
              "                          ~/.config/spoon-console/config.json)\n"
              "  -h, --help              this help\n"
              "  -v, --version           the version\n"
              "\n"
              "Environment: <PROVIDER>_API_KEY, <PROVIDER>_BASE_URL, <PROVIDER>_MODEL,\n"
              "LOG_LEVEL (debug|info|warning|error|critical), LOG_FORMAT (text|json).\n");
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine line;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (!line.command.isEmpty()) {
            line.commandArgs.append(arg);
            continue;
        }
        if (arg == "--config"_L1 || arg == "-c"_L1) {
            if (i + 1 >= arguments.size()) {
                line.error = tr("--config needs a file name");
                return line;
            }
            line.configPath = arguments.at(++i);
        } else if (arg.startsWith("--config="_L1)) {
            line.configPath = arg.mid(9);
        } else if (arg == "-h"_L1 || arg == "--help"_L1) {
            line.help = true;
        } else if (arg == "-v"_L1 || arg == "--version"_L1) {
            line.version = true;
        } else if (arg.startsWith(u'-')) {
            // Qt's own options (-platform, -style, ...) are left for QApplication.
            if (arg == "-platform"_L1 || arg == "-style"_L1 || arg == "-qwindowgeometry"_L1)
                ++i;
            else if (!arg.startsWith("-qt"_L1) && arg != "-reverse"_L1)
                line.error = tr("unknown option %1").arg(arg);
        } else if (commands().contains(arg)) {
            line.command = arg;
            line.commandArgs.append(u"spoon-console "_s + arg);
        } else {
            const QString nearest = nearestName(arg, commands());
            line.error = nearest.isEmpty()
                             ? tr("unknown command \"%1\"").arg(arg)
                             : tr("unknown command \"%1\"; did you mean \"%2\"?").arg(arg, nearest);
            return line;
        }
    }
    return line;
}

std::optional<int> parseCommandArguments(QCommandLineParser &parser, const CommandLine &line,
                                         qsizetype maxPositional, QTextStream &out,
                                         QTextStream &err)
{
    parser.addHelpOption();
    if (!parser.parse(line.commandArgs)) {
        err << parser.errorText() << '\n';
        return kExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        out << parser.helpText();
        return kExitOk;
    }
    if (parser.positionalArguments().size() > maxPositional) {
        err << (maxPositional == 0 ? CommandLine::tr("%1 takes no arguments").arg(line.command)
                                   : CommandLine::tr("%1 takes at most %n argument(s)", nullptr,
                                                     int(maxPositional))
                                         .arg(line.command))
            << '\n';
        return kExitUsage;
    }
    return std::nullopt;
}

} // namespace spoon::cli
