#include "configlocation.h"

#include <QStandardPaths>

namespace spoon {

using namespace Qt::StringLiterals;

QString ConfigLocation::sourceName() const
{
    switch (source) {
    case Source::CommandLine:
        return u"--config"_s;
    case Source::Environment:
        return u"SPOON_CONFIG"_s;
    case Source::UserConfigFolder:
        break;
    }
    return u"user config folder"_s;
}

QString userConfigPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           "/spoon-console/config.json"_L1;
}

ConfigLocation locateConfig(const QString &commandLinePath, const QProcessEnvironment &env)
{
    if (!commandLinePath.isEmpty())
        return {commandLinePath, ConfigLocation::Source::CommandLine};
    const QString fromEnv = env.value(u"SPOON_CONFIG"_s);
    if (!fromEnv.isEmpty())
        return {fromEnv, ConfigLocation::Source::Environment};
    return {userConfigPath(), ConfigLocation::Source::UserConfigFolder};
}

} // namespace spoon
