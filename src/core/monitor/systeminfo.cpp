#include "systeminfo.h"

#include "appinfo.h"
#include "processmonitor.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QStorageInfo>
#include <QSysInfo>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

namespace spoon {

namespace {

quint64 counterValue(const MetricsRegistry &registry, const CounterMetric &metric)
{
    const Counter *counter = registry.findCounter(metric);
    return counter ? quint64(counter->value()) : 0;
}

qint64 softOpenFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 0;
    return qint64(limit.rlim_cur);
}

// The nearest existing ancestor, so free space is known before the folder is created.
QString existingAncestor(QString path)
{
    while (!path.isEmpty() && !QDir(path).exists()) {
        const qsizetype cut = path.lastIndexOf(u'/');
        path = cut > 0 ? path.first(cut) : QStringLiteral("/");
        if (path == QLatin1String("/"))
            break;
    }
    return path;
}

HealthInputs healthInputs(const SystemInfoReport &r)
{
    const Config &config = r.config.config;
    HealthInputs in;
    in.configValid = r.config.isValid();
    in.configErrors = countErrors(r.config.diagnostics);
    in.usableProviders = int(config.usableProviders().size());
    in.defaultProvider = config.llm.defaultProvider;
    if (!in.defaultProvider.isEmpty()) {
        const ProviderConfig *provider = config.provider(in.defaultProvider);
        in.defaultProviderUsable = provider && config.usableProviders().contains(provider);
        in.defaultProviderKeyEnv =
            provider ? provider->apiKeyEnv
                     : providerEnvPrefix(in.defaultProvider) + QStringLiteral("_API_KEY");
    }
    in.memoryTotalBytes = r.platform.memoryTotalBytes;
    in.memoryAvailableBytes = r.platform.memoryAvailableBytes;
    in.systemCpuPercent = r.process.systemCpuPercent;
    in.dataFolder = r.dataFolder;
    in.dataFolderFreeBytes = r.dataFolderFreeBytes;
    in.openFileLimit = r.openFileLimit;
    in.connectionLimit = config.performance.tools.connectionLimit;
    in.processRssBytes = r.process.rssBytes;
    in.memoryLimitMb = config.performance.agents.memoryLimitMb;
    return in;
}

} // namespace

SystemInfoReport collectSystemInfo(ConfigLoadResult config, MetricsRegistry &registry,
                                   int sampleWindowMs)
{
    SystemInfoReport r;
    r.config = std::move(config);
    r.appVersion = QString::fromLatin1(app::kVersion);
    r.qtRuntimeVersion = QString::fromLatin1(qVersion());
    r.qtBuildVersion = QStringLiteral(QT_VERSION_STR);

    r.platform.os = QSysInfo::prettyProductName();
    r.platform.kernelType = QSysInfo::kernelType();
    r.platform.kernelVersion = QSysInfo::kernelVersion();
    r.platform.architecture = QSysInfo::currentCpuArchitecture();
    r.platform.hostname = QSysInfo::machineHostName();
    r.platform.cpuCount = QThread::idealThreadCount();

    ProcessMonitor monitor(registry, r.config.config.monitoring.sampleIntervalMs, 4);
    monitor.sampleNow();
    QThread::msleep(ulong(std::max(0, sampleWindowMs)));
    monitor.sampleNow();

    r.platform.memoryTotalBytes = quint64(registry.gaugeValue(metric::kSystemMemoryTotalBytes));
    r.platform.memoryAvailableBytes =
        quint64(registry.gaugeValue(metric::kSystemMemoryAvailableBytes));
    r.process.pid = QCoreApplication::applicationPid();
    r.process.cpuPercent = registry.gaugeValue(metric::kProcessCpuPercent);
    r.process.systemCpuPercent = registry.gaugeValue(metric::kSystemCpuPercent);
    r.process.rssBytes = quint64(registry.gaugeValue(metric::kProcessResidentBytes));
    r.process.vmsBytes = quint64(registry.gaugeValue(metric::kProcessVirtualBytes));
    r.process.peakRssBytes = quint64(registry.gaugeValue(metric::kProcessPeakResidentBytes));
    r.process.swapBytes = quint64(registry.gaugeValue(metric::kProcessSwapBytes));
    r.process.memoryPercent = registry.gaugeValue(metric::kProcessMemoryPercent);
    r.process.threads = int(registry.gaugeValue(metric::kProcessThreads));
    r.process.openFds = int(registry.gaugeValue(metric::kProcessOpenFds));
    r.process.diskIoAvailable = registry.gaugeValue(metric::kProcessDiskIoAvailable) > 0;
    r.process.diskReadBytes = counterValue(registry, metric::kProcessDiskReadBytes);
    r.process.diskWriteBytes = counterValue(registry, metric::kProcessDiskWriteBytes);
    r.process.netSentBytes = counterValue(registry, metric::kSystemNetSentBytes);
    r.process.netReceivedBytes = counterValue(registry, metric::kSystemNetReceivedBytes);
    r.process.sampledOverMs = sampleWindowMs;

    r.dataFolder = app::dataFolder();
    const QStorageInfo storage(existingAncestor(r.dataFolder));
    r.dataFolderFreeBytes = storage.isValid() ? quint64(storage.bytesAvailable()) : 0;
    r.openFileLimit = softOpenFileLimit();
    r.health = HealthScorer::score(healthInputs(r));
    return r;
}

} // namespace spoon
