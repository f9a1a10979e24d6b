#include "metricsregistry.h"

#include <algorithm>
#include <stdexcept>

namespace spoon {

Histogram::Histogram(std::vector<double> upperBounds)
    : m_bounds(std::move(upperBounds))
    , m_buckets(std::make_unique<std::atomic<quint64>[]>(m_bounds.size() + 1))
{
    std::sort(m_bounds.begin(), m_bounds.end());
    for (size_t i = 0; i <= m_bounds.size(); ++i)
        m_buckets[i].store(0, std::memory_order_relaxed);
}

void Histogram::observe(double value)
{
    const auto it = std::lower_bound(m_bounds.begin(), m_bounds.end(), value);
    m_buckets[size_t(it - m_bounds.begin())].fetch_add(1, std::memory_order_relaxed);
    m_count.fetch_add(1, std::memory_order_relaxed);
    m_sum.fetch_add(value, std::memory_order_relaxed);
    QMutexLocker locker(&m_sketchLock);
    m_sketch.add(value);
    m_recent[m_observed % kRecentCapacity] = value;
    ++m_observed;
}

std::vector<quint64> Histogram::cumulativeCounts() const
{
    std::vector<quint64> counts(m_bounds.size() + 1);
    quint64 running = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
        running += m_buckets[i].load(std::memory_order_relaxed);
        counts[i] = running;
    }
    return counts;
}

QByteArray labelOf(const MetricLabels &labels, const char *name)
{
    for (const auto &[key, value] : labels) {
        if (key == name)
            return value;
    }
    return {};
}

double Histogram::quantile(double q) const
{
    QMutexLocker locker(&m_sketchLock);
    return m_sketch.quantile(q);
}

QuantileSketch Histogram::sketch() const
{
    QMutexLocker locker(&m_sketchLock);
    return m_sketch;
}

QuantileSketch Histogram::sketchSince(quint64 since, quint64 *upTo) const
{
    QMutexLocker locker(&m_sketchLock);
    QuantileSketch interval;
    const quint64 first =
        std::max({since, m_observed - std::min(m_observed, quint64(kRecentCapacity))});
    for (quint64 n = first; n < m_observed; ++n)
        interval.add(m_recent[n % kRecentCapacity]);
    *upTo = m_observed;
    return interval;
}

struct MetricsRegistry::Series
{
    MetricLabels labels;
    std::unique_ptr<Counter> counter;
    std::unique_ptr<Gauge> gauge;
    std::unique_ptr<Histogram> histogram;
    std::function<double()> read; // function-backed series
    quint64 functionId = 0;

    double current() const
    {
        if (read)
            return read();
        if (counter)
            return counter->value();
        return gauge ? gauge->value() : 0.0;
    }
};

struct MetricsRegistry::Family
{
    QByteArray name;
    QByteArray help;
    MetricType type;
    std::deque<Series> series;
};

namespace {
MetricLabels sorted(MetricLabels labels)
{
    std::sort(labels.begin(), labels.end());
    return labels;
}

const char *typeName(MetricType type)
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
} // namespace

MetricsRegistry::MetricsRegistry() = default;
MetricsRegistry::~MetricsRegistry() = default;

MetricsRegistry::Family &MetricsRegistry::familyFor(const QByteArray &name, const QByteArray &help,
                                                    MetricType type)
{
    for (Family &family : m_families) {
        if (family.name != name)
            continue;
        if (family.type != type) {
            // A programming error: one name, two meanings. Fail loudly in every build.
            throw std::logic_error("metric " + name.toStdString() + " registered as " +
                                   typeName(family.type) + " and as " + typeName(type));
        }
        return family;
    }
    m_families.push_back(Family{name, help, type, {}});
    return m_families.back();
}

Counter &MetricsRegistry::counter(const QByteArray &name, const QByteArray &help,
                                  MetricLabels labels)
{
    labels = sorted(std::move(labels));
    QWriteLocker locker(&m_lock);
    Family &family = familyFor(name, help, MetricType::Counter);
    for (Series &series : family.series) {
        if (series.labels == labels)
            return *series.counter;
    }
    family.series.push_back(Series{std::move(labels), std::make_unique<Counter>(), {}, {}, {}, 0});
    return *family.series.back().counter;
}

Gauge &MetricsRegistry::gauge(const QByteArray &name, const QByteArray &help, MetricLabels labels)
{
    labels = sorted(std::move(labels));
    QWriteLocker locker(&m_lock);
    Family &family = familyFor(name, help, MetricType::Gauge);
    for (Series &series : family.series) {
        if (series.labels == labels)
            return *series.gauge;
    }
    family.series.push_back(Series{std::move(labels), {}, std::make_unique<Gauge>(), {}, {}, 0});
    return *family.series.back().gauge;
}

Histogram &MetricsRegistry::histogram(const QByteArray &name, const QByteArray &help,
                                      std::vector<double> upperBounds, MetricLabels labels)
{
    labels = sorted(std::move(labels));
    QWriteLocker locker(&m_lock);
    Family &family = familyFor(name, help, MetricType::Histogram);
    for (Series &series : family.series) {
        if (series.labels == labels)
            return *series.histogram;
    }
    family.series.push_back(Series{
        std::move(labels), {}, {}, std::make_unique<Histogram>(std::move(upperBounds)), {}, 0});
    return *family.series.back().histogram;
}

const MetricsRegistry::Series *MetricsRegistry::findSeries(const QByteArray &name, MetricType type,
                                                           const MetricLabels &labels) const
{
    const MetricLabels wanted = sorted(labels);
    QReadLocker locker(&m_lock);
    for (const Family &family : m_families) {
        if (family.name != name || family.type != type)
            continue;
        for (const Series &series : family.series) {
            if (series.labels == wanted)
                return &series;
        }
    }
    return nullptr;
}

const Gauge *MetricsRegistry::findGauge(const QByteArray &name, const MetricLabels &labels) const
{
    const Series *series = findSeries(name, MetricType::Gauge, labels);
    return series ? series->gauge.get() : nullptr;
}

const Counter *MetricsRegistry::findCounter(const QByteArray &name,
                                            const MetricLabels &labels) const
{
    const Series *series = findSeries(name, MetricType::Counter, labels);
    return series ? series->counter.get() : nullptr;
}

const Histogram *MetricsRegistry::findHistogram(const QByteArray &name,
                                                const MetricLabels &labels) const
{
    const Series *series = findSeries(name, MetricType::Histogram, labels);
    return series ? series->histogram.get() : nullptr;
}

SeriesHandle MetricsRegistry::addFunction(const QByteArray &name, const QByteArray &help,
                                          MetricType type, MetricLabels labels,
                                          std::function<double()> read)
{
    labels = sorted(std::move(labels));
    QWriteLocker locker(&m_lock);
    Family &family = familyFor(name, help, type);
    const quint64 id = m_nextFunctionId++;
    family.series.push_back(Series{std::move(labels), {}, {}, {}, std::move(read), id});
    return SeriesHandle(this, id);
}

SeriesHandle MetricsRegistry::counterFunction(const QByteArray &name, const QByteArray &help,
                                              MetricLabels labels, std::function<double()> read)
{
    return addFunction(name, help, MetricType::Counter, std::move(labels), std::move(read));
}

SeriesHandle MetricsRegistry::gaugeFunction(const QByteArray &name, const QByteArray &help,
                                            MetricLabels labels, std::function<double()> read)
{
    return addFunction(name, help, MetricType::Gauge, std::move(labels), std::move(read));
}

void MetricsRegistry::removeFunction(quint64 id)
{
    QWriteLocker locker(&m_lock);
    for (Family &family : m_families) {
        for (auto it = family.series.begin(); it != family.series.end(); ++it) {
            if (it->functionId == id) {
                family.series.erase(it);
                return;
            }
        }
    }
}

SeriesHandle &SeriesHandle::operator=(SeriesHandle &&other) noexcept
{
    if (this != &other) {
        reset();
        m_registry = std::exchange(other.m_registry, nullptr);
        m_id = other.m_id;
    }
    return *this;
}

void SeriesHandle::reset()
{
    if (m_registry)
        std::exchange(m_registry, nullptr)->removeFunction(m_id);
}

std::optional<double> MetricsRegistry::value(const QByteArray &name,
                                             const MetricLabels &labels) const
{
    const MetricLabels wanted = sorted(labels);
    QReadLocker locker(&m_lock);
    for (const Family &family : m_families) {
        if (family.name != name || family.type == MetricType::Histogram)
            continue;
        for (const Series &series : family.series) {
            if (series.labels == wanted)
                return series.current();
        }
    }
    return std::nullopt;
}

double MetricsRegistry::gaugeValue(const QByteArray &name, double fallback) const
{
    return value(name).value_or(fallback);
}

QList<MetricFamilySnapshot> MetricsRegistry::snapshot() const
{
    QReadLocker locker(&m_lock);
    QList<MetricFamilySnapshot> families;
    families.reserve(qsizetype(m_families.size()));
    for (const Family &family : m_families) {
        MetricFamilySnapshot snap{family.name, family.help, family.type, {}};
        for (const Series &series : family.series) {
            MetricSample sample{series.labels, 0.0, nullptr};
            if (series.histogram)
                sample.histogram = series.histogram.get();
            else
                sample.value = series.current();
            snap.samples.append(sample);
        }
        families.append(snap);
    }
    return families;
}

std::vector<FamilyTotal> MetricsRegistry::totals(const std::vector<QByteArray> &names) const
{
    std::vector<FamilyTotal> totals(names.size());
    QReadLocker locker(&m_lock);
    for (const Family &family : m_families) {
        for (size_t i = 0; i < names.size(); ++i) {
            if (family.name != names[i])
                continue;
            FamilyTotal &total = totals[i];
            for (const Series &series : family.series) {
                total.present = true;
                if (series.histogram) {
                    total.value += series.histogram->sum();
                    total.count += series.histogram->count();
                } else {
                    total.value += series.current();
                    ++total.count;
                }
            }
        }
    }
    return totals;
}

} // namespace spoon
