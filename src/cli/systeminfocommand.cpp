#include "commandline.h"
#include "commands.h"
#include "llmsetup.h"

#include "monitor/systeminfo.h"
#include "monitor/systeminfoformat.h"
#include "telemetry/logging.h"
#include "telemetry/metricsregistry.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QProcessEnvironment>

namespace spoon::cli {

int runSystemInfo(const CommandLine &line, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("spoon::cli::SystemInfo", "Show what the engine runs on."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QCoreApplication::translate("spoon::cli::SystemInfo", "print one JSON object"));
    parser.addOption(json);
    if (const auto stop = parseCommandArguments(parser, line, 0, out, err))
        return *stop;

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    ConfigLoadResult config = ConfigLoader::load(locateConfig(line.configPath, env), env);
    const bool valid = config.isValid();
    logging::configure(config.config.logging);
    // system-info is the diagnosis tool, so it reports on a bad config instead of refusing
    // to run; the problems go to stderr and the exit code says the config is invalid.
    for (const ConfigDiagnostic &diagnostic : config.diagnostics)
        err << diagnostic.toString() << '\n';
    // Keys as `ask` finds them, so "usable", the default and the advice say what ask would do.
    resolveKeys(config.config);

    MetricsRegistry registry;
    const SystemInfoReport report = collectSystemInfo(std::move(config), registry);
    if (parser.isSet(json))
        out << QJsonDocument(systemInfoJson(report)).toJson(QJsonDocument::Indented);
    else
        out << systemInfoText(report);
    return valid ? kExitOk : kExitFailure;
}

} // namespace spoon::cli
