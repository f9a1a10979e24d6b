// Batching never makes a lone caller wait (issue 12, item 6). Against an endpoint that
// answers after a fixed delay (the provider's latency):
//  1. a lone unstreamed call with the seed's batching (batch_size 5, batch_timeout 1 s)
//     beside the same call with batching off (batch_size 1): the difference is what
//     batching costs a lone caller;
//  2. 50 unstreamed callers at once: the batch sizes (never above batch_size), and every
//     caller with its own answer.
// Three interleaved rounds; prints one JSON line with min/median/max.
// Usage: bench_batching [latency_ms=20] [calls_per_round=20]
#include "config/configloader.h"
#include "llm/demoserver.h"
#include "llm/llmrouter.h"
#include "llm/llmstats.h"
#include "llm/requestbatcher.h"
#include "net/httppool.h"
#include "telemetry/metricsregistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSignalSpy>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace spoon;

namespace {

struct Engine
{
    Engine(const QString &baseUrl, int batchSize)
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("LOCAL_API_KEY"), QStringLiteral("sk-local-bench-0123456789"));
        const ConfigLoadResult loaded = ConfigLoader::parse(
            QStringLiteral(R"({"providers": {"local": {"base_url": "%1/v1", "model": "m"}},
                              "llm_settings": {"default_provider": "local", "enable_caching": false},
                              "performance": {"llm": {"batch_size": %2, "batch_timeout": 1.0,
                                                      "connection_pool_size": 50}}})")
                .arg(baseUrl)
                .arg(batchSize)
                .toUtf8(),
            QStringLiteral("bench.json"), env);
        if (!loaded.isValid())
            qFatal("bench config does not load");
        HttpPoolLimits limits;
        limits.totalConnections = 50;
        limits.perHost = 50;
        pool = std::make_unique<HttpPool>(limits, &registry);
        stats = std::make_unique<LlmStats>(registry);
        config = loaded.config;
        router = std::make_unique<LlmRouter>(config, *pool, *stats);
    }
    Config config; // the router keeps a reference
    MetricsRegistry registry;
    std::unique_ptr<HttpPool> pool;
    std::unique_ptr<LlmStats> stats;
    std::unique_ptr<LlmRouter> router;
};

ChatRequest ask(const QString &text)
{
    ChatRequest request;
    request.messages = {ChatMessage::user(text)};
    request.stream = false;
    return request;
}

// One call at a time; the median wall time of a call, in ms.
double medianLoneCallMs(Engine &engine, int calls, int &errors)
{
    static int serial = 0;
    std::vector<double> times;
    for (int i = 0; i < calls; ++i) {
        QElapsedTimer clock;
        clock.start();
        LlmCall *call = engine.router->send(ask(QStringLiteral("lone %1").arg(++serial)));
        QSignalSpy finished(call, &LlmCall::finished);
        if (!finished.wait(30000) || finished.first().at(1).value<LlmError>().isError())
            ++errors;
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

struct Crowd
{
    int largestBatch = 0;
    int batches = 0;
    int ownAnswers = 0;
    double wallMs = 0;
};

Crowd crowdOf(Engine &engine, int callers)
{
    Crowd crowd;
    QObject::connect(&engine.router->batcher(), &RequestBatcher::batchReleased, [&crowd](int size) {
        crowd.largestBatch = std::max(crowd.largestBatch, size);
        ++crowd.batches;
    });
    int finished = 0;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < callers; ++i) {
        const QString question = QStringLiteral("caller %1").arg(i);
        LlmCall *call = engine.router->send(ask(question));
        QObject::connect(call, &LlmCall::finished, &loop,
                         [&, question](const ChatResponse &response, const LlmError &error) {
                             crowd.ownAnswers +=
                                 !error.isError() && response.text.contains(question);
                             if (++finished == callers)
                                 loop.quit();
                         });
    }
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    crowd.wallMs = double(clock.nsecsElapsed()) / 1e6;
    return crowd;
}

struct Spread
{
    double min, median, max;
};
Spread spread(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return {v.front(), v[v.size() / 2], v.back()};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("spoon.*.debug=false"));
    const QStringList args = app.arguments();
    const int latencyMs = args.size() > 1 ? args.at(1).toInt() : 20;
    const int calls = args.size() > 2 ? args.at(2).toInt() : 20;

    DemoServer demo;
    demo.setTokensPerSecond(0);
    demo.addFault(*DemoFault::parse(QStringLiteral("delay_ms=%1").arg(latencyMs)));
    if (!demo.listen())
        return 1;

    std::vector<double> unbatched, batched, overhead;
    int errors = 0;
    Crowd crowd;
    for (int round = 0; round < 3; ++round) {
        Engine off(demo.baseUrl(), 1);
        Engine seed(demo.baseUrl(), 5);
        const double offMs = medianLoneCallMs(off, calls, errors);
        const double onMs = medianLoneCallMs(seed, calls, errors);
        unbatched.push_back(offMs);
        batched.push_back(onMs);
        overhead.push_back(onMs - offMs);
        if (round == 0)
            crowd = crowdOf(seed, 50);
    }
    const Spread off = spread(unbatched), on = spread(batched), extra = spread(overhead);
    std::printf("{\"latency_ms\": %d, \"calls_per_round\": %d, \"errors\": %d, "
                "\"lone_unbatched_ms\": [%.2f, %.2f, %.2f], "
                "\"lone_batched_ms\": [%.2f, %.2f, %.2f], "
                "\"lone_overhead_ms\": [%.2f, %.2f, %.2f], "
                "\"crowd_callers\": 50, \"crowd_batch_size\": 5, \"crowd_largest_batch\": %d, "
                "\"crowd_batches\": %d, \"crowd_own_answers\": %d, \"crowd_wall_ms\": %.1f}\n",
                latencyMs, calls, errors, off.min, off.median, off.max, on.min, on.median, on.max,
                extra.min, extra.median, extra.max, crowd.largestBatch, crowd.batches,
                crowd.ownAnswers, crowd.wallMs);
    return errors == 0 && crowd.ownAnswers == 50 && crowd.largestBatch <= 5 ? 0 : 1;
}
