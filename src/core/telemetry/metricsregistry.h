#pragma once

#include "metricdescriptor.h"
#include "quantilesketch.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QReadWriteLock>

#include <array>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace spoon {

// Label pairs in Prometheus order: name, value. Kept sorted by name so the same set given
// in another order finds the same series.
using MetricLabels = std::vector<std::pair<QByteArray, QByteArray>>;

// The value of one label of a series; empty when it has none of that name.
QByteArray labelOf(const MetricLabels &labels, const char *name);

// A monotonic count. add() is for events counted here; mirror() is for counters the kernel
// keeps (bytes read since start), which we copy and never decrement ourselves.
class Counter
{
public:
    void add(double amount = 1.0) { m_value.fetch_add(amount, std::memory_order_relaxed); }
    void mirror(double kernelValue) { m_value.store(kernelValue, std::memory_order_relaxed); }
    double value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<double> m_value{0.0};
};

class Gauge
{
public:
    void set(double value) { m_value.store(value, std::memory_order_relaxed); }
    void add(double amount) { m_value.fetch_add(amount, std::memory_order_relaxed); }
    double value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<double> m_value{0.0};
};

// Cumulative buckets as Prometheus defines them: bucket i counts observations <= bound i,
// and an implicit +Inf bucket counts all of them. They are for export: interpolating in a
// wide bucket can put a p99 above the slowest call. The quantiles the console shows come
// from a QuantileSketch beside them (within 1 %, never outside [min, max]), and the latest
// kRecentCapacity observations are kept so that a reader can build the sketch of an interval.
// Memory: 8 bytes per bound, 2 KiB of recent values, and the sketch (quantilesketch.h).
class Histogram
{
public:
    static constexpr size_t kRecentCapacity = 256;

    explicit Histogram(std::vector<double> upperBounds);

    void observe(double value);
    const std::vector<double> &upperBounds() const { return m_bounds; }
    // Cumulative counts, one per bound plus +Inf.
    std::vector<quint64> cumulativeCounts() const;
    quint64 count() const { return m_count.load(std::memory_order_relaxed); }
    double sum() const { return m_sum.load(std::memory_order_relaxed); }
    // Of every observation, from the sketch; 0 with none.
    double quantile(double q) const;
    QuantileSketch sketch() const;
    // The observations after the first `since` ones; *upTo gets how many there are now. When
    // more than kRecentCapacity came since, only the latest kRecentCapacity are in it (so it
    // still lies within the interval's [min, max]).
    QuantileSketch sketchSince(quint64 since, quint64 *upTo) const;

private:
    std::vector<double> m_bounds;
    std::unique_ptr<std::atomic<quint64>[]> m_buckets; // not cumulative; size bounds + 1
    std::atomic<quint64> m_count{0};
    std::atomic<double> m_sum{0.0};
    mutable QMutex m_sketchLock; // guards the three below
    QuantileSketch m_sketch;
    std::array<double, kRecentCapacity> m_recent{}; // observation n at n % kRecentCapacity
    quint64 m_observed = 0;
};

class MetricsRegistry;

// Keeps a function-backed series registered; unregisters it when destroyed or reset.
class SeriesHandle
{
public:
    SeriesHandle() = default;
    SeriesHandle(MetricsRegistry *registry, quint64 id)
        : m_registry(registry)
        , m_id(id)
    {}
    SeriesHandle(SeriesHandle &&other) noexcept
        : m_registry(std::exchange(other.m_registry, nullptr))
        , m_id(other.m_id)
    {}
    SeriesHandle &operator=(SeriesHandle &&other) noexcept;
    SeriesHandle(const SeriesHandle &) = delete;
    SeriesHandle &operator=(const SeriesHandle &) = delete;
    ~SeriesHandle() { reset(); }
    void reset();

private:
    MetricsRegistry *m_registry = nullptr;
    quint64 m_id = 0;
};

struct MetricSample
{
    MetricLabels labels;
    double value = 0.0;
    const Histogram *histogram = nullptr; // set for histogram families
};

// One family summed over all its label sets: counters and gauges add their values; a
// histogram gives the sum and count of its observations.
struct FamilyTotal
{
    double value = 0.0;
    quint64 count = 0;
    bool present = false; // some series of that name is registered
};

struct MetricFamilySnapshot
{
    const MetricDescriptor *descriptor = nullptr;
    QByteArray name; // the descriptor's, for readers that key by name
    QByteArray help;
    MetricType type = MetricType::Gauge;
    QList<MetricSample> samples;

    bool is(const MetricDescriptor &metric) const
    {
        return descriptor == &metric || name == metric.name();
    }
};

// The one place every figure lives. Components ask for a series once and keep the
// reference; counter and gauge updates are lock-free atomics, a histogram's take its own
// short lock for its sketch, and only registration takes the registry's lock.
class MetricsRegistry
{
public:
    MetricsRegistry();
    ~MetricsRegistry();
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // Series are asked for by their descriptor (metricnames.h), never by a name: the type
    // of the descriptor picks the kind of series, and the name and help come with it.
    Counter &counter(const CounterMetric &metric, MetricLabels labels = {});
    Gauge &gauge(const GaugeMetric &metric, MetricLabels labels = {});
    Histogram &histogram(const HistogramMetric &metric, std::vector<double> upperBounds,
                         MetricLabels labels = {});

    // A series whose value is read from `read` whenever someone looks, for figures their
    // owner already keeps in its own hot path (a cache's hit count), so there is still one
    // copy. `read` runs on the reader's thread and must be safe there; the series goes away
    // with the returned handle.
    [[nodiscard]] SeriesHandle counterFunction(const CounterMetric &metric, MetricLabels labels,
                                               std::function<double()> read);
    [[nodiscard]] SeriesHandle gaugeFunction(const GaugeMetric &metric, MetricLabels labels,
                                             std::function<double()> read);

    // Read side: null when no such series was registered.
    const Gauge *findGauge(const GaugeMetric &metric, const MetricLabels &labels = {}) const;
    const Counter *findCounter(const CounterMetric &metric, const MetricLabels &labels = {}) const;
    const Histogram *findHistogram(const HistogramMetric &metric,
                                   const MetricLabels &labels = {}) const;
    double gaugeValue(const GaugeMetric &metric, double fallback = 0.0) const;
    // Any counter or gauge, stored or function-backed.
    std::optional<double> value(const MetricDescriptor &metric,
                                const MetricLabels &labels = {}) const;

    QList<MetricFamilySnapshot> snapshot() const;
    // The totals of the named families, in the order asked, in one pass under one lock: the
    // alert engine reads all its inputs this way on every sample.
    std::vector<FamilyTotal> totals(const std::vector<const MetricDescriptor *> &families) const;

private:
    struct Series;
    struct Family;
    friend class SeriesHandle;
    Family &familyFor(const MetricDescriptor &metric);
    SeriesHandle addFunction(const MetricDescriptor &metric, MetricLabels labels,
                             std::function<double()> read);
    void removeFunction(quint64 id);
    const Series *findSeries(const MetricDescriptor &metric, const MetricLabels &labels) const;

    mutable QReadWriteLock m_lock;
    std::deque<Family> m_families;
    quint64 m_nextFunctionId = 1;
};

} // namespace spoon
