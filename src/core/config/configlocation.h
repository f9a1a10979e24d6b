#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace spoon {

// Which config file to read: --config FILE, else $SPOON_CONFIG, else the user's config
// folder (~/.config/spoon-console/config.json). Only the last may be absent without error.
struct ConfigLocation
{
    enum class Source
    {
        CommandLine,
        Environment,
        UserConfigFolder
    };
    QString path;
    Source source = Source::UserConfigFolder;

    bool mustExist() const { return source != Source::UserConfigFolder; }
    QString sourceName() const; // "--config", "SPOON_CONFIG", "user config folder"
};

ConfigLocation locateConfig(const QString &commandLinePath, const QProcessEnvironment &env);
QString userConfigPath();

} // namespace spoon
