#include "llmsetup.h"

#include "commandline.h"
#include "config/configloader.h"
#include "config/keyvault.h"
#include "engine.h"
#include "llm/llmrouter.h"
#include "llm/providerclient.h"

#include "telemetry/logging.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace spoon::cli {

using namespace Qt::StringLiterals;

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(spoon::cli::Ask)
};
// A locked keyring may ask its owner to unlock it: give them time, not for ever.
constexpr int kKeychainWaitMs = 15'000;
} // namespace

std::optional<Config> loadConfigForLlm(const CommandLine &line, QTextStream &err)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    ConfigLoadResult loaded = ConfigLoader::load(locateConfig(line.configPath, env), env);
    for (const ConfigDiagnostic &diagnostic : loaded.diagnostics)
        err << diagnostic.toString() << '\n';
    if (!loaded.isValid()) {
        err << Text::tr("spoon-console: the config is invalid; nothing was sent") << '\n';
        return std::nullopt;
    }
    logging::configure(loaded.config.logging);
    resolveKeys(loaded.config);
    return std::move(loaded.config);
}

void resolveKeys(Config &config)
{
    KeyVault vault;
    readKeychainKeysNow(config, vault, kKeychainWaitMs);
}

QString retryText(const QString &provider, int attempt, int attempts, qint64 delayMs,
                  const LlmError &error)
{
    return Text::tr("spoon-console: %1: %2; attempt %3 of %4 in %5 s")
        .arg(provider, error.describe())
        .arg(attempt)
        .arg(attempts)
        .arg(double(delayMs) / 1000.0, 0, 'f', 1);
}

std::optional<int> prepareLlm(Engine &engine, const QString &chosenProvider, QTextStream &err)
{
    LlmRouter &router = engine.llm();
    const QString first = chosenProvider.isEmpty() ? router.defaultProvider() : chosenProvider;
    if (first.isEmpty()) {
        if (!engine.ensureLlmEndpoint()) {
            err << Text::tr("spoon-console: cannot start the demo endpoint: %1")
                       .arg(engine.errorString())
                << '\n';
            return kExitFailure;
        }
        return std::nullopt;
    }
    const ProviderClient *client = router.client(first);
    if (!client) {
        QStringList names;
        for (const ProviderConfig &p : engine.config().providers)
            names.append(p.name);
        err << Text::tr("spoon-console: no provider is called \"%1\" (configured: %2)")
                   .arg(first, names.isEmpty() ? Text::tr("none") : names.join(u", "_s))
            << '\n';
        return kExitFailure;
    }
    if (!client->hasCredentials()) {
        err << Text::tr(
                   "spoon-console: provider \"%1\" has no API key: set %2, or store one in the "
                   "console's Settings > Providers")
                   .arg(first, client->config().apiKeyEnv)
            << '\n';
        return kExitFailure;
    }
    return std::nullopt;
}

} // namespace spoon::cli
