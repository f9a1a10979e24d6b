#include "config.h"

namespace spoon {

QStringList alertRuleNames()
{
    using namespace alertrule;
    return {QLatin1String(kMemoryPercent), QLatin1String(kCpuPercent),
            QLatin1String(kResponseTime),  QLatin1String(kErrorRate),
            QLatin1String(kMemoryWarning), QLatin1String(kMemoryCritical)};
}

qsizetype MonitoringConfig::historyCapacity() const
{
    const qint64 samples = qint64(historySeconds) * 1000 / std::max(1, sampleIntervalMs);
    return qsizetype(std::max<qint64>(1, samples));
}

const ProviderConfig *Config::provider(QStringView name) const
{
    for (const ProviderConfig &p : providers) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QLocale AppearanceConfig::locale() const
{
    if (language == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    if (language == QLatin1String("zh_CN"))
        return QLocale(QLocale::Chinese, QLocale::China);
    return QLocale::system();
}

const AgentConfig *Config::agent(QStringView nameOrAlias) const
{
    for (const AgentConfig &a : agents) {
        if (a.name == nameOrAlias)
            return &a;
    }
    for (const AgentConfig &a : agents) {
        if (a.aliases.contains(nameOrAlias))
            return &a;
    }
    return nullptr;
}

QList<const ProviderConfig *> Config::usableProviders() const
{
    QList<const ProviderConfig *> usable;
    for (const ProviderConfig &p : providers) {
        if (!p.apiKey.isEmpty() || (!p.needsKey && (p.fromFile || !p.overriddenBy.isEmpty())))
            usable.append(&p);
    }
    return usable;
}

} // namespace spoon
