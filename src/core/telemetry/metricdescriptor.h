#pragma once

#include <QString>

namespace spoon {

enum class MetricType
{
    Counter,
    Gauge,
    Histogram
};

// What a series counts, for the exposition and for how a reader formats it. Prometheus puts
// the base unit in the name as well (`_bytes`, `_seconds`); tst_metricdescriptors holds the two
// together.
enum class MetricUnit
{
    Count,
    Bytes,
    BytesPerSecond,
    Seconds,
    Percent,
    TokensPerSecond,
    Flag // 0 or 1
};

// "counter", "gauge", "histogram": the `# TYPE` word of the Prometheus text format.
const char *metricTypeName(MetricType type);
// "1", "bytes", "bytes_per_second", ...: the OpenMetrics `# UNIT` word, "1" for a plain count.
const char *metricUnitName(MetricUnit unit);

// One series family: its name, type, unit, help and a label for the UI. Help and label are
// marked with QT_TRANSLATE_NOOP("Metric", ...): the exposition prints them as written, the UI
// shows them through metricLabel() and metricHelp(). Only `struct metric` (metricnames.h) can
// make one, so every series is declared there and nowhere else.
class MetricDescriptor
{
public:
    constexpr const char *name() const { return m_name; }
    constexpr MetricType type() const { return m_type; }
    constexpr MetricUnit unit() const { return m_unit; }
    constexpr const char *help() const { return m_help; }
    constexpr const char *label() const { return m_label; }

    MetricDescriptor(const MetricDescriptor &) = delete;
    MetricDescriptor &operator=(const MetricDescriptor &) = delete;

protected:
    constexpr MetricDescriptor(const char *name, MetricType type, MetricUnit unit, const char *help,
                               const char *label)
        : m_name(name)
        , m_type(type)
        , m_unit(unit)
        , m_help(help)
        , m_label(label)
    {}

private:
    const char *m_name;
    MetricType m_type;
    MetricUnit m_unit;
    const char *m_help;
    const char *m_label;
};

struct metric;

// The type is part of the C++ type, so asking the registry for a gauge by a counter's
// descriptor does not compile.
template <MetricType Type> class TypedMetric : public MetricDescriptor
{
private:
    friend struct metric;
    constexpr TypedMetric(const char *name, MetricUnit unit, const char *help, const char *label)
        : MetricDescriptor(name, Type, unit, help, label)
    {}
};

using CounterMetric = TypedMetric<MetricType::Counter>;
using GaugeMetric = TypedMetric<MetricType::Gauge>;
using HistogramMetric = TypedMetric<MetricType::Histogram>;

// The label and help in the UI's language (the "Metric" translation context).
QString metricLabel(const MetricDescriptor &descriptor);
QString metricHelp(const MetricDescriptor &descriptor);

} // namespace spoon
