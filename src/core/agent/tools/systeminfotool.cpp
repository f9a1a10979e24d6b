#include "systeminfotool.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSysInfo>
#include <QThread>

namespace spoon {

using namespace Qt::StringLiterals;

SystemInfoTool::SystemInfoTool(const MetricsRegistry &registry)
    : m_registry(registry)
{}

QString SystemInfoTool::description() const
{
    return u"Live figures of the Spoon engine's own process and its machine: CPU use (100 = one "
           u"core), resident and virtual memory, threads, open files, disk and network rates, "
           u"and the machine's CPU and memory. Takes no arguments."_s;
}

QJsonObject SystemInfoTool::parameters() const
{
    return QJsonObject{{u"type"_s, u"object"_s},
                       {u"properties"_s, QJsonObject()},
                       {u"additionalProperties"_s, false}};
}

QJsonObject SystemInfoTool::snapshot() const
{
    const auto value = [this](const MetricDescriptor &metric) {
        return m_registry.value(metric).value_or(0.0);
    };
    return QJsonObject{
        {u"process"_s,
         QJsonObject{{u"pid"_s, double(QCoreApplication::applicationPid())},
                     {u"cpu_percent"_s, value(metric::kProcessCpuPercent)},
                     {u"rss_bytes"_s, value(metric::kProcessResidentBytes)},
                     {u"vms_bytes"_s, value(metric::kProcessVirtualBytes)},
                     {u"memory_percent"_s, value(metric::kProcessMemoryPercent)},
                     {u"threads"_s, int(value(metric::kProcessThreads))},
                     {u"open_fds"_s, int(value(metric::kProcessOpenFds))},
                     {u"disk_read_bytes_per_second"_s, value(metric::kProcessDiskReadRate)},
                     {u"disk_write_bytes_per_second"_s, value(metric::kProcessDiskWriteRate)}}},
        {u"machine"_s,
         QJsonObject{
             {u"os"_s, QSysInfo::prettyProductName()},
             {u"cpu_count"_s, QThread::idealThreadCount()},
             {u"cpu_percent"_s, value(metric::kSystemCpuPercent)},
             {u"memory_total_bytes"_s, value(metric::kSystemMemoryTotalBytes)},
             {u"memory_available_bytes"_s, value(metric::kSystemMemoryAvailableBytes)},
             {u"network_sent_bytes_per_second"_s, value(metric::kSystemNetSentRate)},
             {u"network_received_bytes_per_second"_s, value(metric::kSystemNetReceivedRate)}}},
    };
}

QCoro::Task<ToolResult> SystemInfoTool::execute(QJsonObject, CancelTokenPtr)
{
    co_return ToolResult::ok(
        QString::fromUtf8(QJsonDocument(snapshot()).toJson(QJsonDocument::Compact)));
}

} // namespace spoon
