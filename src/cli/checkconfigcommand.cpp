#include "commandline.h"
#include "commands.h"
#include "llmsetup.h"

#include "config/configloader.h"
#include "config/keysourcetext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcessEnvironment>

namespace spoon::cli {

namespace {
// Gives lupdate a context it can see; the strings below are translated under it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(spoon::cli::CheckConfig)
};
} // namespace

int runCheckConfig(const CommandLine &line, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Validate a Spoon Console config file."));
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        Text::tr("the file to check (default: the one the console would read)"),
        QStringLiteral("[FILE]"));
    if (const auto stop = parseCommandArguments(parser, line, 1, out, err))
        return *stop;
    const QStringList files = parser.positionalArguments();

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const ConfigLocation location =
        files.isEmpty() ? locateConfig(line.configPath, env)
                        : ConfigLocation{files.first(), ConfigLocation::Source::CommandLine};
    ConfigLoadResult result = ConfigLoader::load(location, env);

    for (const ConfigDiagnostic &diagnostic : result.diagnostics)
        out << diagnostic.toString() << '\n';
    // What `ask` would send each provider that takes a key, and where that key comes from.
    resolveKeys(result.config);
    for (const ProviderConfig &provider : std::as_const(result.config.providers)) {
        if (provider.needsKey)
            out << QStringLiteral("providers.") << provider.name << QStringLiteral(": ")
                << keySourceText(provider) << '\n';
    }

    const int errors = countErrors(result.diagnostics);
    const int warnings = countWarnings(result.diagnostics);
    QString verdict;
    if (!result.found && errors == 0) {
        verdict =
            Text::tr("no config file at %1: the built-in defaults are used, and they are valid")
                .arg(location.path);
    } else if (errors == 0) {
        verdict = warnings == 0
                      ? Text::tr("%1: valid").arg(location.path)
                      : Text::tr("%1: valid, %n warning(s)", nullptr, warnings).arg(location.path);
    } else {
        verdict = Text::tr("%1: invalid, %n error(s)", nullptr, errors).arg(location.path);
        if (warnings > 0)
            verdict += Text::tr(", %n warning(s)", nullptr, warnings);
    }
    out << verdict << '\n';
    return errors == 0 ? kExitOk : kExitFailure;
}

} // namespace spoon::cli
