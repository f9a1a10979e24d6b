#include "metricdescriptor.h"

#include <QCoreApplication>

namespace spoon {

const char *metricTypeName(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return "counter";
    case MetricType::Gauge:
        return "gauge";
    case MetricType::Histogram:
        return "histogram";
    }
    return "?";
}

const char *metricUnitName(MetricUnit unit)
{
    switch (unit) {
    case MetricUnit::Count:
        return "1";
    case MetricUnit::Bytes:
        return "bytes";
    case MetricUnit::BytesPerSecond:
        return "bytes_per_second";
    case MetricUnit::Seconds:
        return "seconds";
    case MetricUnit::Percent:
        return "percent";
    case MetricUnit::TokensPerSecond:
        return "tokens_per_second";
    case MetricUnit::Flag:
        return "flag";
    }
    return "";
}

QString metricLabel(const MetricDescriptor &descriptor)
{
    return QCoreApplication::translate("Metric", descriptor.label());
}

QString metricHelp(const MetricDescriptor &descriptor)
{
    return QCoreApplication::translate("Metric", descriptor.help());
}

} // namespace spoon
