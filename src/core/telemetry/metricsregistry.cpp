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
    const MetricDescriptor *descriptor;
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
} // namespace

MetricsRegistry::MetricsRegistry() = default;
MetricsRegistry::~MetricsRegistry() = default;

MetricsRegistry::Family &MetricsRegistry::familyFor(const MetricDescriptor &metric)
{
    for (Family &family : m_families) {
        if (family.name != metric.name())
            continue;
        if (family.type != metric.type()) {
            // One name, two meanings: tst_metricdescriptors keeps names unique, so only a
            // programming error gets here. Fail loudly in every build.
            throw std::logic_error(std::string("metric ") + metric.name() + " registered as " +
                                   metricTypeName(family.type) + " and as " +
                                   metricTypeName(metric.type()));
        }
        return family;
    }
    m_families.push_back(Family{&metric,
                                QByteArray::fromRawData(metric.name(), qstrlen(metric.name())),
                                QByteArray::fromRawData(metric.help(), qstrlen(metric.help())),
                                metric.type(),
                                {}});
    return m_families.back();
}

Counter &MetricsRegistry::counter(const CounterMetric &metric, MetricLabels labels)
{
    labels = sorted(std::move(labels));
    QWriteLocker locker(&m_lock);
    Family &family = familyFor(metric);
    for (Series &series : family.series) {
        if (series.labels == labels)
            return *series.counter;
    }
    family.series.push_back(Series{std::move(labels), std::make_unique<Counter>(), {}, {}, {}, 0});
    return *family.series.back().counter;
}

Gauge &MetricsRegistry::gauge(const GaugeMetric &metric, MetricLabels labels)
{
    labels = sorted(std::move(labels));
    QWriteLocker locker(&m_lock);
    Family &family = familyFor(metric);
    for (Series &series : family.series) {
        if (series.labels == labels)
            return *series.gauge;
    }
    family.series.push_back(Series{std::move(labels), {}, std::make_unique<Gauge>(), {}, {}, 0});
    return *family.series.back().gauge;
}

Histogram &MetricsRegistry::histogram(const HistogramMetric &metric,
                                      std::vector<double> upperBounds, MetricLabels labels)
{
    labels = sorted(std::move(labels));
    QWriteLocker locker(&m_lock);
    Family &family = familyFor(metric);
    for (Series &series : family.series) {
        if (series.labels == labels)
            return *series.histogram;
    }
    family.series.push_back(Series{
        std::move(labels), {}, {}, std::make_unique<Histogram>(std::move(upperBounds)), {}, 0});
    return *family.series.back().histogram;
}

const MetricsRegistry::Series *MetricsRegistry::findSeries(const MetricDescriptor &metric,
                                                           const MetricLabels &labels) const
{
    const MetricLabels wanted = sorted(labels);
    QReadLocker locker(&m_lock);
    for (const Family &family : m_families) {
        if (family.name != metric.name() || family.type != metric.type())
            continue;
        for (const Series &series : family.series) {
            if (series.labels == wanted)
                return &series;
        }
    }
    return nullptr;
}

const Gauge *MetricsRegistry::findGauge(const GaugeMetric &metric, const MetricLabels &labels) const
{
    const Series *series = findSeries(metric, labels);
    return series ? series->gauge.get() : nullptr;
}

const Counter *MetricsRegistry::findCounter(const CounterMetric &metric,
                                            const MetricLabels &labels) const
{
    const Series *series = findSeries(metric, labels);
    return series ? series->counter.get() : nullptr;
}

const Histogram *MetricsRegistry::findHistogram(const HistogramMetric &metric,
                                                const MetricLabels &labels) const
{
    const Series *series = findSeries(metric, labels);
    return series ? series->histogram.get() : nullptr;
}

SeriesHandle MetricsRegistry::addFunction(const MetricDescriptor &metric, MetricLabels labels,
                                          std::function<double()> read)
{
    labels = sorted(std::move(labels));
    QWriteLocker locker(&m_lock);
    Family &family = familyFor(metric);
    const quint64 id = m_nextFunctionId++;
    family.series.push_back(Series{std::move(labels), {}, {}, {}, std::move(read), id});
    return SeriesHandle(this, id);
}

SeriesHandle MetricsRegistry::counterFunction(const CounterMetric &metric, MetricLabels labels,
                                              std::function<double()> read)
{
    return addFunction(metric, std::move(labels), std::move(read));
}

SeriesHandle MetricsRegistry::gaugeFunction(const GaugeMetric &metric, MetricLabels labels,
                                            std::function<double()> read)
{
    return addFunction(metric, std::move(labels), std::move(read));
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

std::optional<double> MetricsRegistry::value(const MetricDescriptor &metric,
                                             const MetricLabels &labels) const
{
    const MetricLabels wanted = sorted(labels);
    QReadLocker locker(&m_lock);
    for (const Family &family : m_families) {
        if (family.name != metric.name() || family.type == MetricType::Histogram)
            continue;
        for (const Series &series : family.series) {
            if (series.labels == wanted)
                return series.current();
        }
    }
    return std::nullopt;
}

double MetricsRegistry::gaugeValue(const GaugeMetric &metric, double fallback) const
{
    return value(metric).value_or(fallback);
}

QList<MetricFamilySnapshot> MetricsRegistry::snapshot() const
{
    QReadLocker locker(&m_lock);
    QList<MetricFamilySnapshot> families;
    families.reserve(qsizetype(m_families.size()));
    for (const Family &family : m_families) {
        MetricFamilySnapshot snap{family.descriptor, family.name, family.help, family.type, {}};
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

std::vector<FamilyTotal>
MetricsRegistry::totals(const std::vector<const MetricDescriptor *> &families) const
{
    std::vector<FamilyTotal> totals(families.size());
    QReadLocker locker(&m_lock);
    for (const Family &family : m_families) {
        for (size_t i = 0; i < families.size(); ++i) {
            if (family.name != families[i]->name())
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
