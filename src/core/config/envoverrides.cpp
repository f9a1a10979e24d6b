#include "envoverrides.h"

#include "configbuilder.h"

#include <QCoreApplication>
#include <QUrl>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate a context it can see; the strings below are translated under it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(spoon::Environment)
};

void envError(ConfigDiagnostics &diagnostics, const QString &variable, const QString &message)
{
    diagnostics.append(ConfigDiagnostic{ConfigDiagnostic::Severity::Error, u"environment"_s, 0, 0,
                                        variable, message});
}

void applyProviderEnv(ProviderConfig &provider, const QProcessEnvironment &env,
                      ConfigDiagnostics &diagnostics)
{
    const QString prefix = providerEnvPrefix(provider.name);
    const QString key = env.value(prefix + "_API_KEY"_L1).trimmed();
    if (!key.isEmpty()) {
        provider.apiKey = Secret(key);
        provider.keySource = ProviderConfig::KeySource::Environment;
        provider.overriddenBy.append(prefix + "_API_KEY"_L1);
    }
    const QString baseUrlVar = prefix + "_BASE_URL"_L1;
    const QString baseUrl = env.value(baseUrlVar).trimmed();
    if (!baseUrl.isEmpty()) {
        const QUrl url(baseUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) ||
            url.host().isEmpty()) {
            envError(diagnostics, baseUrlVar,
                     Text::tr("expected an http:// or https:// URL, got \"%1\"").arg(baseUrl));
        } else {
            provider.baseUrl = baseUrl;
            provider.overriddenBy.append(baseUrlVar);
            if (!provider.needsKeyGiven)
                provider.needsKey = configbuild::needsKeyByDefault(provider.name, baseUrl);
        }
    }
    const QString model = env.value(prefix + "_MODEL"_L1).trimmed();
    if (!model.isEmpty()) {
        provider.model = model;
        provider.overriddenBy.append(prefix + "_MODEL"_L1);
    }
}

} // namespace

void applyEnvironment(Config &config, const QProcessEnvironment &env,
                      ConfigDiagnostics &diagnostics)
{
    // Known providers become available through the environment alone.
    for (const KnownProvider &known : knownProviders()) {
        const QString name = QString::fromUtf16(known.name);
        if (config.provider(name))
            continue;
        const QString prefix = providerEnvPrefix(name);
        if (env.contains(prefix + "_API_KEY"_L1) || env.contains(prefix + "_BASE_URL"_L1)) {
            ProviderConfig provider = configbuild::defaultProvider(name, config.performance);
            provider.fromFile = false;
            config.providers.append(provider);
        }
    }
    for (ProviderConfig &provider : config.providers)
        applyProviderEnv(provider, env, diagnostics);

    const QString level = env.value(u"LOG_LEVEL"_s).trimmed().toLower();
    if (!level.isEmpty()) {
        static const QStringList levels{u"debug"_s, u"info"_s, u"warning"_s, u"error"_s,
                                        u"critical"_s};
        const QString normalized = level == "warn"_L1 ? u"warning"_s : level;
        if (levels.contains(normalized))
            config.logging.level = normalized;
        else
            envError(diagnostics, u"LOG_LEVEL"_s,
                     Text::tr("expected one of debug, info, warning, error, critical, got \"%1\"")
                         .arg(env.value(u"LOG_LEVEL"_s)));
    }
    const QString format = env.value(u"LOG_FORMAT"_s).trimmed().toLower();
    if (format == "json"_L1)
        config.logging.format = LogFormat::Json;
    else if (format == "text"_L1)
        config.logging.format = LogFormat::Text;
    else if (!format.isEmpty())
        envError(
            diagnostics, u"LOG_FORMAT"_s,
            Text::tr("expected \"text\" or \"json\", got \"%1\"").arg(env.value(u"LOG_FORMAT"_s)));
}

} // namespace spoon
