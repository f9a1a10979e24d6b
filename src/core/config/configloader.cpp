#include "configloader.h"

#include "configbuilder.h"
#include "configchecks.h"
#include "configschema.h"
#include "configvalidator.h"
#include "envoverrides.h"
#include "jsonlocator.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <tuple>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxConfigBytes = 16 * 1024 * 1024; // a config is kilobytes; refuse a mistake

// API keys never come from files (DESIGN.md); an api_key entry is reported and dropped.
QJsonObject withoutFileKeys(QJsonObject root, ConfigValidator &report)
{
    QJsonObject providers = root.value("providers"_L1).toObject();
    bool changed = false;
    for (auto it = providers.begin(); it != providers.end(); ++it) {
        QJsonObject provider = it.value().toObject();
        if (!provider.contains("api_key"_L1))
            continue;
        report.warning(u"providers."_s + it.key() + u".api_key"_s,
                       QCoreApplication::translate("spoon::ConfigLoader",
                                                   "API keys are not read from files; this value "
                                                   "is ignored. Set %1 in the environment")
                           .arg(providerEnvPrefix(it.key()) + "_API_KEY"_L1));
        provider.remove("api_key"_L1);
        it.value() = provider;
        changed = true;
    }
    if (changed)
        root.insert("providers"_L1, providers);
    return root;
}

} // namespace

ConfigLoadResult ConfigLoader::parse(QByteArrayView json, const QString &sourceName,
                                     const QProcessEnvironment &env)
{
    ConfigLoadResult result;
    result.found = true;

    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto position = JsonLocator::positionAtOffset(json, parseError.offset);
        result.diagnostics.append(ConfigDiagnostic{
            ConfigDiagnostic::Severity::Error, sourceName, position.line, position.column,
            QString(), tr("invalid JSON: %1").arg(parseError.errorString())});
        result.config = Config::defaults();
    } else if (!document.isObject()) {
        result.diagnostics.append(ConfigDiagnostic{ConfigDiagnostic::Severity::Error, sourceName, 1,
                                                   1, QString(),
                                                   tr("the top level must be a JSON object")});
        result.config = Config::defaults();
    } else {
        const JsonLocator locator(json);
        ConfigValidator validator(locator, sourceName);
        for (const JsonLocator::Duplicate &duplicate : locator.duplicates())
            validator.warning(duplicate.path, tr("key appears twice; the last value is used"));
        const QJsonObject root = withoutFileKeys(document.object(), validator);
        const QJsonObject validated =
            validator.validate(schema::configSchema(), root, QString()).toObject();
        result.config = configbuild::build(configbuild::withDefaults(validated));
        checkConfigConsistency(result.config, validator);
        result.diagnostics = validator.diagnostics();
        // In file order, as a compiler lists them; unpositioned ones first.
        std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                         [](const ConfigDiagnostic &a, const ConfigDiagnostic &b) {
                             return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                         });
    }
    applyEnvironment(result.config, env, result.diagnostics);
    return result;
}

ConfigLoadResult ConfigLoader::load(const ConfigLocation &location, const QProcessEnvironment &env)
{
    QFile file(location.path);
    if (!file.exists() && !location.mustExist()) {
        ConfigLoadResult result;
        result.location = location;
        result.config = Config::defaults();
        applyEnvironment(result.config, env, result.diagnostics);
        return result;
    }

    const auto failure = [&](const QString &message) {
        ConfigLoadResult result;
        result.location = location;
        result.config = Config::defaults();
        result.diagnostics.append(ConfigDiagnostic{ConfigDiagnostic::Severity::Error, location.path,
                                                   0, 0, QString(), message});
        applyEnvironment(result.config, env, result.diagnostics);
        return result;
    };
    if (!file.exists())
        return failure(tr("no such file (named by %1)").arg(location.sourceName()));
    QString error;
    const std::optional<QByteArray> text = readFile(location.path, &error);
    if (!text)
        return failure(error);

    ConfigLoadResult result = parse(*text, location.path, env);
    result.location = location;
    return result;
}

std::optional<QByteArray> ConfigLoader::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (QFileInfo(file).isDir()) {
        *error = tr("is a directory, not a config file");
        return std::nullopt;
    }
    // A device or a pipe would never end (/dev/zero) or never begin (a FIFO blocks the open
    // itself): only a regular file is read, and never past the cap, whatever it claims.
    if (!QFileInfo(file).isFile()) {
        *error = tr("is not a regular file (a device, pipe or socket)");
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read: %1").arg(file.errorString());
        return std::nullopt;
    }
    QByteArray text = file.read(kMaxConfigBytes + 1);
    if (text.size() > kMaxConfigBytes) {
        *error = tr("is larger than %1 bytes, the most a config file may be").arg(kMaxConfigBytes);
        return std::nullopt;
    }
    return text;
}

Config Config::defaults()
{
    return configbuild::build(configbuild::withDefaults(QJsonObject()));
}

} // namespace spoon
