// The agent engine's own cost and its behaviour under load (DESIGN.md, issue 4):
//  1. step overhead: a step's time minus the LLM's and the tools' (the agent measures it
//     into spoon_agent_step_overhead_seconds), over sequential tool-calling turns;
//  2. 100 concurrent agent sessions against the demo endpoint, each a tool call and a
//     streamed answer: every turn must end whole, with every tool call answered.
// The demo endpoint runs in its own process, so only the agents' CPU is counted.
// Usage: bench_agent SPOON_CONSOLE [sessions=100] [tokens_per_second=50] [sequential_turns=200]
#include "benchsupport.h"

#include "agent/agentcatalog.h"
#include "agent/reactagent.h"
#include "compute/computepool.h"
#include "config/configloader.h"
#include "llm/llmrouter.h"
#include "llm/llmstats.h"
#include "net/httppool.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace spoon;

namespace {

const QString kQuestion = QStringLiteral("How much memory does the engine use?");

// A turn is whole when it answered, called the tool once, and paired its result.
bool isWhole(const AgentTurn &turn, const ReactAgent &agent)
{
    const QList<ChatMessage> &messages = agent.history().messages();
    return !turn.error.isError() && turn.steps == 2 &&
           turn.answer.contains(QStringLiteral("**Memory:**")) && messages.size() >= 4 &&
           messages[messages.size() - 3].toolCalls.size() == 1 &&
           messages[messages.size() - 2].toolCallId ==
               messages[messages.size() - 3].toolCalls.first().id;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_agent SPOON_CONSOLE [sessions] [tokens_per_second] "
                             "[sequential_turns]\n");
        return 2;
    }
    const int sessions = args.size() > 2 ? args.at(2).toInt() : 100;
    const QString rate = args.size() > 3 ? args.at(3) : QStringLiteral("50");
    const int sequentialTurns = args.size() > 4 ? args.at(4).toInt() : 200;

    // Two endpoints: an instant one for the overhead (so LLM time is small beside it), and
    // one at a model's pace for the sessions.
    QProcess instantServer;
    QProcess pacedServer;
    const QString instantUrl =
        bench::startDemoServer(instantServer, args.at(1), QStringLiteral("0"));
    const QString pacedUrl = bench::startDemoServer(pacedServer, args.at(1), rate);
    if (instantUrl.isEmpty() || pacedUrl.isEmpty())
        return 1;

    QProcessEnvironment env;
    env.insert(QStringLiteral("INSTANT_API_KEY"), QStringLiteral("sk-local-bench-0123456789"));
    env.insert(QStringLiteral("PACED_API_KEY"), QStringLiteral("sk-local-bench-0123456789"));
    // Caching off: every turn must reach the endpoint. The LLM connection pool and the turns
    // allowed at once are as many as the sessions, so they run together (the defaults, 10
    // connections and the seed's 5 turns, would queue them).
    const ConfigLoadResult loaded = ConfigLoader::parse(
        QStringLiteral(R"({"providers": {"instant": {"base_url": "%1", "model": "spoon-demo"},
                                         "paced": {"base_url": "%2", "model": "spoon-demo"}},
                          "llm_settings": {"default_provider": "instant", "enable_caching": false},
                          "performance": {"llm": {"connection_pool_size": %3},
                                          "agents": {"max_concurrent": %3}}})")
            .arg(instantUrl, pacedUrl)
            .arg(std::max(sessions, 10))
            .toUtf8(),
        QStringLiteral("bench.json"), env);
    if (!loaded.isValid()) {
        for (const ConfigDiagnostic &d : loaded.diagnostics)
            std::fprintf(stderr, "%s\n", qPrintable(d.toString()));
        return 1;
    }
    MetricsRegistry registry;
    HttpPoolLimits limits;
    limits.totalConnections = std::max(sessions, 10);
    limits.perHost = std::max(sessions, 10);
    HttpPool pool(limits, &registry);
    LlmStats stats(registry);
    LlmRouter router(loaded.config, pool, stats);
    ComputePool compute(0, &registry);
    AgentCatalog catalog(loaded.config, router, pool, compute, registry);

    // 1. Step overhead, sequential turns (a fresh agent every 10 turns keeps history short).
    //    Two views: the agent's own bookkeeping (its histogram, LLM call and tools excluded),
    //    and end to end: turn wall time minus the LLM calls' latency as the client sees it
    //    (request building, HTTP, parsing), tools included.
    int wholeSequential = 0;
    qint64 turnsNs = 0;
    {
        std::unique_ptr<ReactAgent> agent;
        for (int turn = 0; turn < sequentialTurns; ++turn) {
            if (turn % 10 == 0)
                agent.reset(catalog.create(QStringLiteral("react")));
            QSignalSpy finished(agent.get(), &ReactAgent::turnFinished);
            QElapsedTimer clock;
            clock.start();
            agent->start(kQuestion);
            if (!finished.wait(30000))
                break;
            turnsNs += clock.nsecsElapsed();
            wholeSequential += isWhole(finished.first().first().value<AgentTurn>(), *agent);
        }
    }
    const Histogram &overhead = registry.histogram(
        metric::kAgentStepOverheadSeconds,
        {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05}, {{"agent", "react"}});
    const double steps = double(overhead.count());
    const double meanUs = steps > 0 ? overhead.sum() / steps * 1e6 : 0;
    const double p99Us = overhead.quantile(0.99) * 1e6;
    const Histogram &llmLatency =
        stats.series(QStringLiteral("instant"), QStringLiteral("spoon-demo")).latency;
    const double endToEndUs =
        steps > 0 ? (double(turnsNs) / 1e9 - llmLatency.sum()) / steps * 1e6 : 0;
    const double llmCallUs =
        llmLatency.count() ? llmLatency.sum() / double(llmLatency.count()) * 1e6 : 0;

    // 2. Concurrent sessions.
    std::vector<std::unique_ptr<ReactAgent>> agents;
    int finishedCount = 0;
    int whole = 0;
    for (int i = 0; i < sessions; ++i) {
        agents.emplace_back(catalog.create(QStringLiteral("react")));
        ReactAgent *agent = agents.back().get();
        agent->setRouteOptions(RouteOptions{QStringLiteral("paced"), QString(), false, {}});
        QObject::connect(agent, &ReactAgent::turnFinished, agent, [&, agent](const AgentTurn &t) {
            ++finishedCount;
            whole += isWhole(t, *agent);
            if (finishedCount == sessions)
                QCoreApplication::quit();
        });
    }
    const double cpuBefore = bench::cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    for (auto &agent : agents)
        agent->start(kQuestion);
    QTimer::singleShot(120000, &app, &QCoreApplication::quit);
    QCoreApplication::exec();
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    const double cpu = bench::cpuSeconds() - cpuBefore;

    std::printf("{\"sequential_turns\": %d, \"sequential_whole\": %d, \"steps_measured\": %llu, "
                "\"step_overhead_mean_us\": %.1f, \"step_overhead_p99_bucket_us\": %.0f, "
                "\"step_end_to_end_overhead_us\": %.1f, \"llm_call_us\": %.1f, \"sessions\": %d, "
                "\"sessions_finished\": %d, "
                "\"sessions_whole\": %d, \"sessions_lost\": %d, \"wall_s\": %.2f, "
                "\"client_cpu_s\": %.3f, \"client_cpu_ms_per_turn\": %.2f}\n",
                sequentialTurns, wholeSequential, static_cast<unsigned long long>(steps), meanUs,
                p99Us, endToEndUs, llmCallUs, sessions, finishedCount, whole, sessions - whole,
                seconds, cpu, cpu * 1000.0 / std::max(1, sessions));
    agents.clear();
    for (QProcess *server : {&instantServer, &pacedServer}) {
        server->kill();
        server->waitForFinished();
    }
    return whole == sessions && wholeSequential == sequentialTurns ? 0 : 1;
}
