// The TTL cache against the seed's CachedTool algorithm (bench/peers/cached_tool.py) on
// the same key sequences (bench/peers/cache_workload.py writes them; SPOON_CACHE_WORKLOADS
// names the folder), and the cost per operation as the cache grows from 1k to 1M entries.
#include "cache/ttlcache.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <random>

using namespace spoon;

namespace {

std::vector<quint32> loadWorkload(const char *name)
{
    const char *folder = std::getenv("SPOON_CACHE_WORKLOADS");
    if (!folder)
        return {};
    QFile file(QString::fromLocal8Bit(folder) + u'/' + QLatin1String(name) +
               QStringLiteral(".u32"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    std::vector<quint32> numbers(size_t(bytes.size()) / 4);
    std::memcpy(numbers.data(), bytes.constData(), numbers.size() * 4);
    return numbers;
}

// The seed's key for {"query": n}: sha256 of json.dumps(..., sort_keys=True).
CacheKey seedKey(quint32 n)
{
    return CacheKey::ofBytes(QByteArray("{\"query\": " + QByteArray::number(n) + "}"));
}

enum class Calls
{
    GetOrPut,
    GetThenPut
};

void runWorkload(benchmark::State &state, const char *name, Calls calls)
{
    const std::vector<quint32> numbers = loadWorkload(name);
    if (numbers.empty()) {
        state.SkipWithError("set SPOON_CACHE_WORKLOADS (bench/run.py does)");
        return;
    }
    quint32 universe = 0;
    for (quint32 n : numbers)
        universe = std::max(universe, n + 1);
    std::vector<CacheKey> keys(universe);
    for (quint32 n = 0; n < universe; ++n)
        keys[n] = seedKey(n);
    // The sequence holds the keys themselves, read in order, so the harness's own memory
    // traffic stays out of the cache's figures.
    std::vector<CacheKey> sequence;
    sequence.reserve(numbers.size());
    for (quint32 n : numbers)
        sequence.push_back(keys[n]);

    // The value is a pointer to one result, as the Python dict holds a reference to one str.
    static const QByteArray resultText("result");
    TtlCache<const QByteArray *> cache(1000, 3600'000);
    const QByteArray *result = &resultText;
    for (auto _ : state) {
        if (calls == Calls::GetOrPut) { // the seed's execute(): one probe per operation
            // The answers are used once the loop ends: DoNotOptimize inside the loop would
            // clobber memory and make the compiler reload the table's fields every operation.
            quintptr used = 0;
            for (const CacheKey &key : sequence)
                used ^= quintptr(cache.getOrPut(key, [result] { return result; }));
            benchmark::DoNotOptimize(used);
        } else { // the engine's own callers: get now, put when the answer comes
            for (const CacheKey &key : sequence) {
                if (!cache.get(key))
                    cache.put(key, result);
            }
        }
    }
    state.SetItemsProcessed(qint64(state.iterations()) * qint64(sequence.size()));
    state.counters["ns_per_op"] =
        benchmark::Counter(double(state.iterations()) * double(sequence.size()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["hit_rate"] = cache.stats().hitRate();
}

void BM_CacheHotSeedWorkload(benchmark::State &state)
{
    runWorkload(state, "hot", Calls::GetOrPut);
}
BENCHMARK(BM_CacheHotSeedWorkload)->Unit(benchmark::kMillisecond);
void BM_CacheChurnSeedWorkload(benchmark::State &state)
{
    runWorkload(state, "churn", Calls::GetOrPut);
}
BENCHMARK(BM_CacheChurnSeedWorkload)->Unit(benchmark::kMillisecond);
void BM_CacheHotGetThenPut(benchmark::State &state)
{
    runWorkload(state, "hot", Calls::GetThenPut);
}
BENCHMARK(BM_CacheHotGetThenPut)->Unit(benchmark::kMillisecond);
void BM_CacheChurnGetThenPut(benchmark::State &state)
{
    runWorkload(state, "churn", Calls::GetThenPut);
}
BENCHMARK(BM_CacheChurnGetThenPut)->Unit(benchmark::kMillisecond);

// Keys that look like digests, cheap to make in the millions.
CacheKey mixedKey(quint64 n)
{
    std::array<quint64, 4> words{};
    quint64 x = n;
    for (quint64 &word : words) {
        x += 0x9E3779B97F4A7C15ull; // splitmix64
        quint64 z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        word = z ^ (z >> 31);
    }
    return CacheKey::fromDigest(
        QByteArrayView(reinterpret_cast<const char *>(words.data()), sizeof(words)));
}

// The same Zipf (s = 1.4) shape at every size: the key universe is ten times the capacity.
void BM_CacheScaling(benchmark::State &state)
{
    const qsizetype capacity = state.range(0);
    const double universe = double(capacity) * 10;
    std::mt19937_64 random(3);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    constexpr double s = 1.4;
    std::vector<quint64> sequence(2'000'000);
    for (quint64 &n : sequence) { // inverse CDF of the continuous Zipf approximation
        const double u = unit(random);
        const double x = std::pow((std::pow(universe, 1 - s) - 1) * u + 1, 1 / (1 - s));
        n = quint64(std::min(universe - 1, std::floor(x) - 1));
    }
    std::vector<CacheKey> keys;
    keys.reserve(sequence.size());
    for (quint64 n : sequence)
        keys.push_back(mixedKey(n));

    TtlCache<quint64> cache(capacity, 3600'000);
    for (qsizetype i = 0; i < capacity * 2; ++i) // start full
        cache.put(mixedKey(quint64(1e12) + quint64(i)), 0);
    for (auto _ : state) {
        quint64 used = 0;
        for (const CacheKey &key : keys)
            used += cache.getOrPut(key, [] { return quint64(1); });
        benchmark::DoNotOptimize(used);
    }
    state.counters["ns_per_op"] =
        benchmark::Counter(double(state.iterations()) * double(keys.size()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["hit_rate"] = cache.stats().hitRate();
}
BENCHMARK(BM_CacheScaling)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
