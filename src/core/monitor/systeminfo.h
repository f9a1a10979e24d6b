#pragma once

#include "config/configloader.h"
#include "healthscore.h"

#include <QString>

namespace spoon {

class MetricsRegistry;

// Everything `spoon-console system-info` shows, gathered once.
struct SystemInfoReport
{
    struct Platform
    {
        QString os;
        QString kernelType;
        QString kernelVersion;
        QString architecture;
        QString hostname;
        int cpuCount = 0;
        quint64 memoryTotalBytes = 0;
        quint64 memoryAvailableBytes = 0;
    } platform;

    QString appVersion;
    QString qtRuntimeVersion;
    QString qtBuildVersion;

    ConfigLoadResult config;

    struct Process
    {
        qint64 pid = 0;
        double cpuPercent = 0;
        double systemCpuPercent = 0;
        quint64 rssBytes = 0;
        quint64 vmsBytes = 0;
        quint64 peakRssBytes = 0;
        quint64 swapBytes = 0;
        double memoryPercent = 0;
        int threads = 0;
        int openFds = 0;
        bool diskIoAvailable = false;
        quint64 diskReadBytes = 0;
        quint64 diskWriteBytes = 0;
        quint64 netSentBytes = 0;
        quint64 netReceivedBytes = 0;
        int sampledOverMs = 0;
    } process;

    QString dataFolder;
    quint64 dataFolderFreeBytes = 0;
    qint64 openFileLimit = 0;
    HealthReport health;
};

// Samples this process twice, `sampleWindowMs` apart, so CPU figures cover a real interval,
// then reads every live figure back from the registry.
SystemInfoReport collectSystemInfo(ConfigLoadResult config, MetricsRegistry &registry,
                                   int sampleWindowMs = 250);

} // namespace spoon
