#include "healthscore.h"

#include <QLocale>

#include <algorithm>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {
constexpr quint64 kMiB = 1024 * 1024;
constexpr quint64 kGiB = 1024 * kMiB;

QString size(quint64 bytes)
{
    return QLocale::c().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}
} // namespace

QString HealthScorer::statusFor(int score)
{
    if (score >= 90)
        return u"excellent"_s;
    if (score >= 75)
        return u"good"_s;
    if (score >= 50)
        return u"fair"_s;
    return u"poor"_s;
}

HealthReport HealthScorer::score(const HealthInputs &in)
{
    HealthReport report;
    const auto check = [&](const QString &id, bool passed, int penalty, const QString &message,
                           const QString &advice) {
        report.checks.append(
            HealthCheck{id, passed, passed ? 0 : penalty, message, passed ? QString() : advice});
    };

    check(u"config"_s, in.configValid, 30,
          in.configValid ? tr("Configuration is valid")
                         : tr("Configuration has %n error(s)", nullptr, in.configErrors),
          tr("Fix the errors listed by `spoon-console check-config`."));

    check(u"llm_provider"_s, in.usableProviders > 0, 15,
          in.usableProviders > 0
              ? tr("%n LLM provider(s) ready", nullptr, in.usableProviders)
              : tr("No LLM provider has a key; the built-in demo endpoint answers"),
          tr("Store a provider's key in the console's Settings > Providers, or set "
             "OPENAI_API_KEY, ANTHROPIC_API_KEY, DEEPSEEK_API_KEY or another provider's key, to "
             "talk to a real model."));

    if (!in.defaultProvider.isEmpty()) {
        check(u"default_provider"_s, in.defaultProviderUsable, 10,
              in.defaultProviderUsable
                  ? tr("Default provider \"%1\" is ready").arg(in.defaultProvider)
                  : tr("Default provider \"%1\" has no key").arg(in.defaultProvider),
              tr("Set %1 or store the key in the console's Settings > Providers, or change "
                 "llm_settings.default_provider.")
                  .arg(in.defaultProviderKeyEnv));
    }

    if (in.memoryTotalBytes > 0) {
        const double availableShare = double(in.memoryAvailableBytes) / double(in.memoryTotalBytes);
        const int penalty = availableShare < 0.10 ? 20 : 10;
        check(u"system_memory"_s, availableShare >= 0.20, penalty,
              tr("%1 of %2 memory available")
                  .arg(size(in.memoryAvailableBytes), size(in.memoryTotalBytes)),
              tr("Close other programs or lower performance.agents.max_concurrent; agents "
                 "slow down or fail when memory runs out."));
    }

    check(u"system_cpu"_s, in.systemCpuPercent <= 90.0, 10,
          tr("Machine CPU %1 % busy").arg(in.systemCpuPercent, 0, 'f', 1),
          tr("The machine is nearly saturated; expect slow tools and late tokens."));

    if (!in.dataFolder.isEmpty()) {
        check(u"disk_space"_s, in.dataFolderFreeBytes >= kGiB, 15,
              tr("%1 free for %2").arg(size(in.dataFolderFreeBytes), in.dataFolder),
              tr("Free some space: the console keeps its data there."));
    }

    if (in.openFileLimit > 0) {
        const qint64 needed = qint64(in.connectionLimit) + 256;
        check(u"open_files"_s, in.openFileLimit >= needed, 10,
              tr("Open-file limit %1").arg(in.openFileLimit),
              tr("Raise it to at least %1 (ulimit -n %1): the HTTP pool alone may open %2 "
                 "connections.")
                  .arg(needed)
                  .arg(in.connectionLimit));
    }

    const quint64 limitBytes = quint64(std::max(0, in.memoryLimitMb)) * kMiB;
    check(u"process_memory"_s, in.processRssBytes <= limitBytes, 10,
          tr("Process uses %1 of its %2 budget").arg(size(in.processRssBytes), size(limitBytes)),
          tr("Raise performance.agents.memory_limit_mb or lower max_history_length."));

    int penalties = 0;
    for (const HealthCheck &c : std::as_const(report.checks))
        penalties += c.penalty;
    report.score = std::max(0, 100 - penalties);
    report.status = statusFor(report.score);
    return report;
}

} // namespace spoon
