// The ReAct loop against the demo endpoint and a scripted LLM, with real HTTP underneath.
#include "agent/reactagent.h"
#include "agent/toolregistry.h"
#include "agent/tools/systeminfotool.h"
#include "agent/turnlimiter.h"
#include "config/configbuilder.h"
#include "config/configloader.h"
#include "llm/demoserver.h"
#include "llm/llmrouter.h"
#include "llm/llmstats.h"
#include "llm/retrypolicy.h"
#include "net/httppool.h"
#include "support/awaittask.h"
#include "support/fakellm.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

#include <qcoro/qcorosignal.h>

#include "support/testenvironment.h"

using namespace spoon;
using spoon::test::FakeLlm;
using spoon::test::FakeReply;

// Resumes a waiting coroutine once, from a timer or a cancel, whichever comes first.
class Waiter : public QObject
{
    Q_OBJECT
public:
    void finish()
    {
        if (!m_done) {
            m_done = true;
            Q_EMIT done();
        }
    }
Q_SIGNALS:
    void done();

private:
    bool m_done = false;
};

namespace {

// A tool that takes `delayMs` and says which call it was; read-only or not as asked.
class SlowTool : public Tool
{
public:
    SlowTool(QString name, int delayMs, bool readOnly)
        : m_name(std::move(name))
        , m_delayMs(delayMs)
        , m_readOnly(readOnly)
    {}
    QString name() const override { return m_name; }
    QString description() const override { return QStringLiteral("waits, then answers"); }
    QJsonObject parameters() const override
    {
        return QJsonObject{
            {QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("n"),
                          QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}}}},
            {QStringLiteral("required"), QJsonArray{QStringLiteral("n")}}};
    }
    bool isReadOnly(const QJsonObject &) const override { return m_readOnly; }
    QCoro::Task<ToolResult> execute(QJsonObject arguments, CancelTokenPtr cancel) override
    {
        ++running;
        peak = std::max(peak, running);
        Waiter waiter;
        QTimer::singleShot(m_delayMs, &waiter, &Waiter::finish);
        QObject::connect(cancel.get(), &CancelToken::cancelled, &waiter, &Waiter::finish);
        auto done = qCoro(&waiter, &Waiter::done);
        co_await done;
        --running;
        if (cancel->isCancelled())
            co_return ToolResult::error(QStringLiteral("stopped"));
        co_return ToolResult::ok(
            QStringLiteral("done %1").arg(arguments.value(QStringLiteral("n")).toInt()));
    }
    int running = 0;
    int peak = 0;

private:
    QString m_name;
    int m_delayMs;
    bool m_readOnly;
};

ToolCall call(const char *id, const char *name, const char *arguments)
{
    return ToolCall{QString::fromLatin1(id), QString::fromLatin1(name),
                    QString::fromLatin1(arguments)};
}

// An engine's worth of parts for one provider at `baseUrl`.
struct Rig
{
    explicit Rig(const QString &baseUrl, const QByteArray &agentConfig = "{}",
                 const QByteArray &llm = "{}", const QByteArray &toolLimits = "{}")
        : loaded(ConfigLoader::parse(
              QStringLiteral(
                  R"({"providers": {"fake": {"base_url": "%1", "model": "m", "timeout": 5}},
                                "performance": {"llm": %2, "tools": %4},
                                "agents": {"tester": {"config": %3}}, "default_agent": "tester"})")
                  .arg(baseUrl, QString::fromLatin1(llm), QString::fromLatin1(agentConfig),
                       QString::fromLatin1(toolLimits))
                  .toUtf8(),
              QStringLiteral("test.json"), env()))
        , pool(HttpPoolLimits{}, &registry)
        , stats(registry)
        , router(loaded.config, pool, stats)
    {
        router.setRetryPolicy(RetryPolicy(0));
    }
    static QProcessEnvironment env()
    {
        QProcessEnvironment e;
        e.insert(QStringLiteral("FAKE_API_KEY"), QStringLiteral("k-0123456789abcdef0123"));
        return e;
    }
    std::unique_ptr<ReactAgent> agent(ToolRegistry tools)
    {
        return std::make_unique<ReactAgent>(*loaded.config.agent(u"tester"), router,
                                            std::move(tools), &registry);
    }
    ConfigLoadResult loaded;
    MetricsRegistry registry;
    HttpPool pool;
    LlmStats stats;
    LlmRouter router;
};

// One turn to its end. A turn that does not end in time fails the test there and then.
AgentTurn runTurn(ReactAgent &agent, const QString &message, int timeoutMs = 60'000)
{
    QSignalSpy finished(&agent, &ReactAgent::turnFinished);
    agent.start(message);
    if (!finished.wait(timeoutMs)) {
        QTest::qFail(qPrintable(QStringLiteral("the turn did not end within %1 ms").arg(timeoutMs)),
                     __FILE__, __LINE__);
        AgentTurn timedOut;
        timedOut.error =
            LlmError{LlmError::Kind::Cancelled, 0, QStringLiteral("the test waited too long"), -1};
        return timedOut;
    }
    return finished.first().first().value<AgentTurn>();
}

bool everyToolCallAnswered(const QList<ChatMessage> &messages)
{
    for (qsizetype i = 0; i < messages.size(); ++i) {
        for (const ToolCall &c : messages[i].toolCalls) {
            bool found = false;
            for (qsizetype j = i + 1; j < messages.size(); ++j)
                found = found || (messages[j].role == ChatMessage::Role::Tool &&
                                  messages[j].toolCallId == c.id);
            if (!found)
                return false;
        }
    }
    return true;
}

} // namespace

class TestReactAgent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainAnswerEndsTheTurn()
    {
        FakeLlm llm({FakeReply{QStringLiteral("Just an answer."), {}}});
        Rig rig(llm.baseUrl());
        auto agent = rig.agent({});
        QSignalSpy deltas(agent.get(), &ReactAgent::textDelta);
        const AgentTurn turn = runTurn(*agent, QStringLiteral("hi"));
        QVERIFY2(!turn.error.isError(), qPrintable(turn.error.describe()));
        QCOMPARE(turn.answer, QStringLiteral("Just an answer."));
        QCOMPARE(turn.steps, 1);
        QVERIFY(deltas.count() >= 2); // streamed
        QCOMPARE(agent->history().messages().size(), 2);
        QCOMPARE(llm.requests().size(), 1);
        QVERIFY(!llm.requests().first().contains(QStringLiteral("tools"))); // no tools to offer
    }

    // performance.agents.max_concurrent: beyond it a turn waits in line, says so, and runs
    // when a slot frees; a turn cancelled while it waits ends at once and leaves the line.
    void turnsBeyondTheLimitWaitInLine()
    {
        DemoServer demo;
        demo.setTokensPerSecond(200); // slow enough that the first turn is still running
        QVERIFY(demo.listen());
        Rig rig(demo.baseUrl() + QStringLiteral("/v1"));
        TurnLimiter limiter(1, &rig.registry);
        auto first = rig.agent({});
        auto second = rig.agent({});
        auto third = rig.agent({});
        for (ReactAgent *a : {first.get(), second.get(), third.get()})
            a->setTurnLimiter(&limiter);
        QSignalSpy secondActivity(second.get(), &ReactAgent::activityChanged);
        QSignalSpy secondDone(second.get(), &ReactAgent::turnFinished);
        QSignalSpy thirdDone(third.get(), &ReactAgent::turnFinished);
        QSignalSpy firstDone(first.get(), &ReactAgent::turnFinished);
        first->start(QStringLiteral("Show me an example"));
        second->start(QStringLiteral("Show me an example"));
        third->start(QStringLiteral("Show me an example"));
        QCOMPARE(limiter.running(), 1);
        QCOMPARE(limiter.queued(), 2);
        QCOMPARE(rig.registry.gaugeValue(metric::kAgentTurnsQueued), 2.0);
        QVERIFY(!secondActivity.isEmpty());
        QCOMPARE(secondActivity.last().at(0).value<AgentActivity>(), AgentActivity::Queued);
        QCOMPARE(secondActivity.last().at(1).toString(), QStringLiteral("0")); // first in line

        third->cancel(); // gives up its place
        QTRY_COMPARE(thirdDone.size(), 1);
        QVERIFY(thirdDone.first().first().value<AgentTurn>().cancelled);
        QCOMPARE(limiter.queued(), 1);

        QTRY_COMPARE_WITH_TIMEOUT(firstDone.size(), 1, 60'000);
        QTRY_COMPARE_WITH_TIMEOUT(secondDone.size(), 1, 60'000);
        QVERIFY(!secondDone.first().first().value<AgentTurn>().error.isError());
        QCOMPARE(limiter.running(), 0);
        QCOMPARE(limiter.queued(), 0);
        QCOMPARE(rig.registry.gaugeValue(metric::kAgentTurnsRunning), 0.0);
    }

    // Two waiting turns cancelled one after the other change the line twice before anyone
    // wakes: the limiter announces that once, and the turn still waiting is woken once.
    void changesInOnePassAreAnnouncedOnce()
    {
        TurnLimiter limiter(1);
        QSignalSpy changed(&limiter, &TurnLimiter::changed);
        const quint64 running = limiter.enqueue();
        QVERIFY(limiter.tryTake(running));
        const quint64 a = limiter.enqueue();
        const quint64 b = limiter.enqueue();
        limiter.enqueue();
        limiter.abandon(a);
        limiter.abandon(b);
        limiter.release();
        QCOMPARE(changed.count(), 0); // from the event loop, not from inside the caller
        QVERIFY(changed.wait(10'000));
        QCoreApplication::processEvents();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(limiter.queued(), 1);
    }

    void cancellingTwoWaitingTurnsAtOnce()
    {
        DemoServer demo;
        demo.setTokensPerSecond(200);
        QVERIFY(demo.listen());
        Rig rig(demo.baseUrl() + QStringLiteral("/v1"));
        TurnLimiter limiter(1, &rig.registry);
        std::vector<std::unique_ptr<ReactAgent>> agents;
        for (int i = 0; i < 4; ++i) {
            agents.push_back(rig.agent({}));
            agents.back()->setTurnLimiter(&limiter);
        }
        QSignalSpy secondDone(agents[1].get(), &ReactAgent::turnFinished);
        for (const auto &agent : agents)
            agent->start(QStringLiteral("Show me an example"));
        QCOMPARE(limiter.queued(), 3);
        agents[2]->cancel();
        agents[3]->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(secondDone.size(), 1, 60'000);
        QVERIFY(!secondDone.first().first().value<AgentTurn>().error.isError());
        QTRY_COMPARE(limiter.running(), 0);
        QCOMPARE(limiter.queued(), 0);
    }

    void toolCallThenAnswerWithTheDemoEndpoint()
    {
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        Rig rig(demo.baseUrl() + QStringLiteral("/v1"));
        ToolRegistry tools;
        tools.add(std::make_shared<SystemInfoTool>(rig.registry));
        auto agent = rig.agent(tools);
        QSignalSpy started(agent.get(), &ReactAgent::toolCallStarted);
        QSignalSpy finished(agent.get(), &ReactAgent::toolCallFinished);
        const AgentTurn turn =
            runTurn(*agent, QStringLiteral("How much memory does the engine use?"));
        QVERIFY2(!turn.error.isError(), qPrintable(turn.error.describe()));
        QCOMPARE(turn.steps, 2);
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().at(1).toString(), QStringLiteral("system_info"));
        QCOMPARE(finished.first().at(3).toBool(), false);
        QVERIFY(turn.answer.contains(QStringLiteral("Memory")));
        const QList<ChatMessage> &history = agent->history().messages();
        QCOMPARE(history.size(), 4); // user, assistant calling the tool, tool result, answer
        QCOMPARE(history[1].toolCalls.size(), 1);
        QCOMPARE(history[2].role, ChatMessage::Role::Tool);
        QCOMPARE(history[2].toolCallId, history[1].toolCalls.first().id);
        QCOMPARE(rig.registry.value(metric::kAgentToolCalls, {{"agent", "tester"}}), 1.0);
        QCOMPARE(
            rig.registry.findHistogram(metric::kAgentStepOverheadSeconds, {{"agent", "tester"}})
                ->count(),
            quint64(2));
    }

    void stepBudgetEndsWithOneToolFreeCall()
    {
        FakeLlm llm({FakeReply{QString(), {call("c1", "slow", "{\"n\":1}")}},
                     FakeReply{QString(), {call("c2", "slow", "{\"n\":2}")}},
                     FakeReply{QString(), {call("c3", "slow", "{\"n\":3}")}},
                     FakeReply{QStringLiteral("Final answer from what I have."), {}}});
        Rig rig(llm.baseUrl(), R"({"max_steps": 3})");
        ToolRegistry tools;
        tools.add(std::make_shared<SlowTool>(QStringLiteral("slow"), 1, true));
        auto agent = rig.agent(tools);
        const AgentTurn turn = runTurn(*agent, QStringLiteral("go"));
        QVERIFY2(!turn.error.isError(), qPrintable(turn.error.describe()));
        QCOMPARE(turn.steps, 3);
        QVERIFY(turn.stepBudgetSpent);
        QCOMPARE(turn.answer, QStringLiteral("Final answer from what I have."));
        QCOMPARE(llm.requests().size(), 4);
        QVERIFY(llm.requests()[2].contains(QStringLiteral("tools")));
        QVERIFY(!llm.requests()[3].contains(QStringLiteral("tools"))); // the last call offers none
        const QJsonArray lastMessages = llm.requests()[3][u"messages"].toArray();
        QVERIFY(lastMessages.last()[u"content"].toString().contains(
            QStringLiteral("step budget is spent")));
    }

    void repeatedStepGetsANudge()
    {
        FakeLlm llm({FakeReply{QString(), {call("c1", "slow", "{\"n\":1}")}},
                     FakeReply{QString(), {call("c2", "slow", "{\"n\":1}")}},
                     FakeReply{QStringLiteral("ok"), {}}});
        Rig rig(llm.baseUrl());
        ToolRegistry tools;
        tools.add(std::make_shared<SlowTool>(QStringLiteral("slow"), 1, true));
        auto agent = rig.agent(tools);
        const AgentTurn turn = runTurn(*agent, QStringLiteral("go"));
        QVERIFY(!turn.error.isError());
        bool nudged = false;
        for (const ChatMessage &m : agent->history().messages())
            nudged = nudged || m.content.contains(QStringLiteral("try another approach"));
        QVERIFY(nudged);
        QVERIFY(llm.requests()[2][u"messages"].toArray().last()[u"content"].toString().contains(
            QStringLiteral("another approach")));
    }

    void readOnlyCallsRunTogether_data()
    {
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<int>("peak");
        QTest::newRow("all read-only: concurrently") << true << 3;
        QTest::newRow("some write: one by one, in order") << false << 1;
    }

    void readOnlyCallsRunTogether()
    {
        QFETCH(bool, readOnly);
        FakeLlm llm({FakeReply{QString(),
                               {call("a", "slow", "{\"n\":1}"), call("b", "slow", "{\"n\":2}"),
                                call("c", "slow", "{\"n\":3}")}},
                     FakeReply{QStringLiteral("done"), {}}});
        Rig rig(llm.baseUrl());
        ToolRegistry tools;
        auto slow = std::make_shared<SlowTool>(QStringLiteral("slow"), 200, readOnly);
        tools.add(slow);
        auto agent = rig.agent(tools);
        QStringList order;
        connect(agent.get(), &ReactAgent::toolCallFinished, this,
                [&](const QString &id, const QString &, const QString &, bool, qint64) {
                    order.append(id);
                });
        const AgentTurn turn = runTurn(*agent, QStringLiteral("go"));
        QVERIFY(!turn.error.isError());
        QTEST(slow->peak, "peak");
        // Results go back paired by id, in the order of the calls.
        const QList<ChatMessage> &history = agent->history().messages();
        QCOMPARE(history[2].toolCallId, QStringLiteral("a"));
        QCOMPARE(history[3].toolCallId, QStringLiteral("b"));
        QCOMPARE(history[4].toolCallId, QStringLiteral("c"));
        QCOMPARE(history[4].content, QStringLiteral("done 3"));
        if (!readOnly)
            QCOMPARE(order,
                     (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    }

    // One answer cannot fan out: a step runs max_tool_calls_per_step calls, and the rest get
    // an error result that says why, each still paired with its call.
    void toolCallsPerStepAreCapped()
    {
        QList<ToolCall> five;
        for (const char *id : {"a", "b", "c", "d", "e"})
            five.append(call(id, "slow", "{\"n\":1}"));
        FakeLlm llm({FakeReply{QString(), five}, FakeReply{QStringLiteral("done"), {}}});
        Rig rig(llm.baseUrl(), R"({"max_tool_calls_per_step": 2})");
        ToolRegistry tools;
        auto slow = std::make_shared<SlowTool>(QStringLiteral("slow"), 0, true);
        tools.add(slow);
        auto agent = rig.agent(tools);
        int ran = 0;
        connect(agent.get(), &ReactAgent::toolCallStarted, this,
                [&ran](const QString &, const QString &, const QString &) { ++ran; });
        const AgentTurn turn = runTurn(*agent, QStringLiteral("go"));
        QVERIFY(!turn.error.isError());
        QCOMPARE(ran, 2);
        const QList<ChatMessage> &history = agent->history().messages();
        QCOMPARE(history[2].content, QStringLiteral("done 1"));
        for (int i = 4; i <= 6; ++i) {
            QCOMPARE(history[i].role, ChatMessage::Role::Tool);
            QVERIFY2(history[i].content.startsWith(
                         QStringLiteral("not run: this step asked for 5 tool calls, and at most "
                                        "2 run in one step")),
                     qPrintable(history[i].content));
        }
        QVERIFY(everyToolCallAnswered(history));
    }

    // What a tool returns reaches the model cut to max_result_chars, with a note saying so.
    void longResultsAreCut()
    {
        class Flood : public Tool
        {
        public:
            QString name() const override { return QStringLiteral("flood"); }
            QString description() const override { return QStringLiteral("says a lot"); }
            QJsonObject parameters() const override
            {
                return {{QStringLiteral("type"), QStringLiteral("object")}};
            }
            bool isReadOnly(const QJsonObject &) const override { return true; }
            QCoro::Task<ToolResult> execute(QJsonObject, CancelTokenPtr) override
            {
                co_return ToolResult::ok(QString(50'000, u'x'));
            }
        };
        FakeLlm llm({FakeReply{QString(), {call("a", "flood", "{}")}},
                     FakeReply{QStringLiteral("done"), {}}});
        Rig rig(llm.baseUrl(), "{}", "{}", R"({"max_result_chars": 1000})");
        ToolRegistry tools;
        tools.add(std::make_shared<Flood>());
        auto agent = rig.agent(tools);
        QVERIFY(!runTurn(*agent, QStringLiteral("go")).error.isError());
        const QString seen = agent->history().messages()[2].content;
        QVERIFY(seen.startsWith(QString(1000, u'x') + QStringLiteral("\n[cut: the result had "
                                                                     "50000 characters")));
        QVERIFY(seen.size() < 1200);
        // And so did the request the model got.
        const QJsonArray messages = llm.requests().last()[u"messages"].toArray();
        QVERIFY(messages.last()[u"content"].toString().size() < 1200);
    }

    // A tool that arrives later (from an MCP server) never replaces one the agent has.
    void aLoadedToolCannotReplaceAnother()
    {
        FakeLlm llm({FakeReply{QString(), {call("a", "slow", "{\"n\":7}")}},
                     FakeReply{QStringLiteral("done"), {}}});
        Rig rig(llm.baseUrl());
        ToolRegistry tools;
        tools.add(std::make_shared<SlowTool>(QStringLiteral("slow"), 0, true));
        auto agent = rig.agent(tools);
        auto impostor = std::make_shared<SlowTool>(QStringLiteral("slow"), 0, true);
        agent->addToolLoader([impostor]() -> QCoro::Task<ToolLoad> {
            co_return ToolLoad{{impostor}, {}};
        });
        QSignalSpy unavailable(agent.get(), &ReactAgent::toolsUnavailable);
        QVERIFY(!runTurn(*agent, QStringLiteral("go")).error.isError());
        QCOMPARE(impostor->peak, 0); // never ran
        QCOMPARE(unavailable.count(), 1);
        QVERIFY(unavailable.first().first().toString().contains(QStringLiteral("slow")));
    }

    void badToolCallsBecomeObservations_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QString>("observation");
        QTest::newRow("malformed JSON") << "slow"
                                        << "{\"n\": 1"
                                        << "the arguments are not valid JSON";
        QTest::newRow("not an object") << "slow"
                                       << "[1]"
                                       << "the arguments must be a JSON object";
        QTest::newRow("wrong type") << "slow"
                                    << "{\"n\": \"one\"}"
                                    << "invalid arguments: n: expected integer, got \"one\"";
        QTest::newRow("missing argument") << "slow"
                                          << "{}"
                                          << "invalid arguments: arguments: \"n\" is required";
        QTest::newRow("unknown tool") << "nope"
                                      << "{}"
                                      << "there is no tool called \"nope\"; available: slow";
    }

    void badToolCallsBecomeObservations()
    {
        QFETCH(QString, name);
        QFETCH(QString, arguments);
        QFETCH(QString, observation);
        FakeLlm llm({FakeReply{QString(), {ToolCall{QStringLiteral("x"), name, arguments}}},
                     FakeReply{QStringLiteral("recovered"), {}}});
        Rig rig(llm.baseUrl());
        ToolRegistry tools;
        tools.add(std::make_shared<SlowTool>(QStringLiteral("slow"), 1, true));
        auto agent = rig.agent(tools);
        const AgentTurn turn = runTurn(*agent, QStringLiteral("go"));
        QVERIFY(!turn.error.isError());
        QCOMPARE(turn.answer, QStringLiteral("recovered"));
        const ChatMessage &result = agent->history().messages()[2];
        QVERIFY2(result.content.startsWith(observation), qPrintable(result.content));
        QCOMPARE(rig.registry.value(metric::kAgentToolErrors, {{"agent", "tester"}}), 1.0);
    }

    void eachStepHasATimeout()
    {
        FakeLlm llm({FakeReply{QStringLiteral("too late"), {}, 3000}});
        Rig rig(llm.baseUrl(), R"({"timeout": 0.5})");
        auto agent = rig.agent({});
        // The reply would come after 3 s and carry no error: only the step timeout fails it.
        const AgentTurn turn = runTurn(*agent, QStringLiteral("hi"));
        QCOMPARE(turn.error.kind, LlmError::Kind::Timeout);
        QVERIFY(turn.error.message.contains(QStringLiteral("longer than 0.5 s")));
        QVERIFY(turn.answer != QStringLiteral("too late"));
    }

    void cancelDuringATool()
    {
        FakeLlm llm({FakeReply{QString(),
                               {call("a", "slow", "{\"n\":1}"), call("b", "slow", "{\"n\":2}")}}});
        Rig rig(llm.baseUrl());
        ToolRegistry tools;
        // Ten minutes unless cancelled: only the cancel can end the turn in the wait below.
        tools.add(std::make_shared<SlowTool>(QStringLiteral("slow"), 600'000, false));
        auto agent = rig.agent(tools);
        QSignalSpy finished(agent.get(), &ReactAgent::turnFinished);
        QSignalSpy toolStarted(agent.get(), &ReactAgent::toolCallStarted);
        agent->start(QStringLiteral("go"));
        QVERIFY(toolStarted.wait(60'000));
        agent->cancel();
        QVERIFY(finished.wait(60'000));
        const AgentTurn turn = finished.first().first().value<AgentTurn>();
        QVERIFY(turn.cancelled);
        QCOMPARE(turn.error.kind, LlmError::Kind::Cancelled);
        QVERIFY(everyToolCallAnswered(agent->history().messages()));
        QVERIFY(!agent->isBusy());
        // The next turn works on the consistent history.
        llm.setReplies({FakeReply{QStringLiteral("fine again"), {}}});
        QCOMPARE(runTurn(*agent, QStringLiteral("again")).answer, QStringLiteral("fine again"));
    }

    // The step timeout stops the tool work the step started, not only the model's call.
    void theStepTimeoutStopsItsTools()
    {
        FakeLlm llm({FakeReply{QString(), {call("a", "slow", "{\"n\":1}")}}});
        Rig rig(llm.baseUrl(), R"({"timeout": 0.3})");
        ToolRegistry tools;
        auto slow = std::make_shared<SlowTool>(QStringLiteral("slow"), 600'000, true);
        tools.add(slow);
        auto agent = rig.agent(tools);
        const AgentTurn turn = runTurn(*agent, QStringLiteral("go"));
        QCOMPARE(turn.error.kind, LlmError::Kind::Timeout);
        QCOMPARE(slow->running, 0);
        QCOMPARE(agent->history().messages()[2].content, QStringLiteral("stopped"));
    }

    void cancelDuringTheStreamKeepsWhatArrived()
    {
        DemoServer demo;
        demo.setTokensPerSecond(40);
        QVERIFY(demo.listen());
        Rig rig(demo.baseUrl() + QStringLiteral("/v1"));
        auto agent = rig.agent({});
        QSignalSpy deltas(agent.get(), &ReactAgent::textDelta);
        QSignalSpy finished(agent.get(), &ReactAgent::turnFinished);
        agent->start(QStringLiteral("hello"));
        QVERIFY(deltas.wait(5000));
        QTRY_VERIFY(deltas.count() >= 3);
        agent->cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY(finished.first().first().value<AgentTurn>().cancelled);
        const QList<ChatMessage> &history = agent->history().messages();
        QCOMPARE(history.size(), 2);
        QVERIFY(!history[1].content.isEmpty()); // the partial answer the user saw
    }

    void configKeysShapeTheRequests()
    {
        FakeLlm llm({FakeReply{QStringLiteral("ok"), {}}});
        Rig rig(llm.baseUrl(), R"({"temperature": 0.15, "max_tokens": 77, "stream": false})",
                R"({"batch_size": 1})");
        auto agent = rig.agent({});
        QVERIFY(!runTurn(*agent, QStringLiteral("hi")).error.isError());
        const QJsonObject request = llm.requests().first();
        QCOMPARE(request[u"temperature"].toDouble(), 0.15);
        QCOMPARE(request[u"max_tokens"].toInt(), 77);
        QCOMPARE(request[u"stream"].toBool(), false);
        QVERIFY(request[u"messages"][0][u"content"].toString().startsWith(
            QStringLiteral("You are tester")));
    }

    // An agent's system_prompt replaces the built-in opening of its instructions.
    void systemPromptOpensTheInstructions_data()
    {
        QTest::addColumn<QByteArray>("agentEntry");
        QTest::addColumn<QString>("opening");
        QTest::addColumn<bool>("builtIn");
        QTest::newRow("none") << QByteArray(R"({"description": "Reads figures"})")
                              << QStringLiteral("You are tester, an AI agent in Spoon Console. "
                                                "Reads figures.")
                              << true;
        QTest::newRow("own") << QByteArray(R"({"system_prompt": "  Talk like a pirate.\n"})")
                             << QStringLiteral("Talk like a pirate.") << false;
    }
    void systemPromptOpensTheInstructions()
    {
        QFETCH(QByteArray, agentEntry);
        QFETCH(QString, opening);
        QFETCH(bool, builtIn);
        FakeLlm llm({FakeReply{QStringLiteral("ok"), {}}});
        const ConfigLoadResult loaded = ConfigLoader::parse(
            QStringLiteral(R"({"providers": {"fake": {"base_url": "%1", "model": "m"}},
                              "agents": {"tester": %2}})")
                .arg(llm.baseUrl(), QString::fromUtf8(agentEntry))
                .toUtf8(),
            QStringLiteral("test.json"), Rig::env());
        QVERIFY(loaded.isValid());
        MetricsRegistry registry;
        HttpPool pool(HttpPoolLimits{}, &registry);
        LlmStats stats(registry);
        LlmRouter router(loaded.config, pool, stats);
        ReactAgent agent(*loaded.config.agent(QStringLiteral("tester")), router, {}, &registry);
        QVERIFY(!runTurn(agent, QStringLiteral("hi")).error.isError());
        const QString prompt = llm.requests().first()[u"messages"][0][u"content"].toString();
        QCOMPARE(prompt, opening);
        QCOMPARE(prompt.contains(QStringLiteral("Spoon Console")), builtIn);
    }

    // A conversation's own instructions take the agent's place, are announced once per
    // change, and come back from a restored history (the last system message holds).
    void aConversationsOwnInstructionsLeadItsRequests()
    {
        FakeLlm llm({FakeReply{QStringLiteral("ok"), {}}});
        Rig rig(llm.baseUrl(), R"({"cache_enabled": false})");
        auto agent = rig.agent({});
        QSignalSpy changed(agent.get(), &ReactAgent::conversationPromptChanged);
        agent->setConversationPrompt(QStringLiteral("Answer in French."));
        agent->setConversationPrompt(QStringLiteral("Answer in French."));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!runTurn(*agent, QStringLiteral("hi")).error.isError());
        QCOMPARE(llm.requests().last()[u"messages"][0][u"content"].toString(),
                 QStringLiteral("Answer in French."));
        agent->setConversationPrompt(QString());
        QVERIFY(!runTurn(*agent, QStringLiteral("again")).error.isError());
        QVERIFY(llm.requests().last()[u"messages"][0][u"content"].toString().startsWith(
            QStringLiteral("You are tester")));

        auto restored = rig.agent({});
        QSignalSpy quiet(restored.get(), &ReactAgent::conversationPromptChanged);
        restored->restoreHistory({ChatMessage::system(QStringLiteral("Be terse.")),
                                  ChatMessage::user(QStringLiteral("q")),
                                  ChatMessage::assistant(QStringLiteral("a")),
                                  ChatMessage::system(QStringLiteral("Be kind."))});
        QCOMPARE(restored->conversationPrompt(), QStringLiteral("Be kind."));
        QCOMPARE(restored->history().messages().size(), 2); // no system rows in the history
        QCOMPARE(quiet.size(), 0);                          // restoring is no change to save again
    }

    void cacheEnabledDecidesWhetherARepeatIsAsked_data()
    {
        QTest::addColumn<bool>("cacheEnabled");
        QTest::addColumn<int>("requests");
        QTest::newRow("cache_enabled true") << true << 1;
        QTest::newRow("cache_enabled false") << false << 2;
    }

    void cacheEnabledDecidesWhetherARepeatIsAsked()
    {
        QFETCH(bool, cacheEnabled);
        FakeLlm llm({FakeReply{QStringLiteral("same"), {}}});
        Rig rig(llm.baseUrl(),
                cacheEnabled ? R"({"cache_enabled": true})" : R"({"cache_enabled": false})");
        // Two fresh conversations ask the identical first question.
        auto first = rig.agent({});
        auto second = rig.agent({});
        QVERIFY(!runTurn(*first, QStringLiteral("what?")).error.isError());
        QVERIFY(!runTurn(*second, QStringLiteral("what?")).error.isError());
        QTEST(int(llm.requests().size()), "requests");
    }

    // Regenerate takes the last turn back: its messages leave the history, the next turn is
    // asked anew even with the cache on, and earlier turns stay. With no user message, or
    // while busy, nothing is taken.
    void rewindTakesTheLastTurnBackAndSkipsTheCache()
    {
        FakeLlm llm({FakeReply{QStringLiteral("same"), {}}});
        Rig rig(llm.baseUrl(), R"({"cache_enabled": true})");
        auto agent = rig.agent({});
        QSignalSpy rewound(agent.get(), &ReactAgent::turnRewound);
        QVERIFY(agent->rewindLastTurn().isNull()); // nothing said yet
        QCOMPARE(rewound.size(), 0);
        QVERIFY(!runTurn(*agent, QStringLiteral("first")).error.isError());
        QVERIFY(!runTurn(*agent, QStringLiteral("second")).error.isError());
        QCOMPARE(agent->history().messages().size(), 4);
        QCOMPARE(int(llm.requests().size()), 2);

        QCOMPARE(agent->rewindLastTurn(), QStringLiteral("second"));
        QCOMPARE(rewound.size(), 1);
        QCOMPARE(agent->history().messages().size(), 2);
        QCOMPARE(agent->history().messages().last().content, QStringLiteral("same"));
        // The same request again: the cache holds its answer, yet the model is asked.
        QVERIFY(!runTurn(*agent, QStringLiteral("second")).error.isError());
        QCOMPARE(int(llm.requests().size()), 3);
        QCOMPARE(agent->history().messages().size(), 4);
        // Only that turn skips the cache: a third agent's identical first question hits it.
        auto other = rig.agent({});
        QVERIFY(!runTurn(*other, QStringLiteral("first")).error.isError());
        QCOMPARE(int(llm.requests().size()), 3);
    }

    void historyIsBoundedAndFolded()
    {
        FakeLlm llm({FakeReply{QStringLiteral("answer"), {}}});
        Rig rig(llm.baseUrl(), R"({"max_history_length": 4, "cache_enabled": false})");
        auto agent = rig.agent({});
        for (int i = 0; i < 4; ++i)
            QVERIFY(!runTurn(*agent, QStringLiteral("question %1").arg(i)).error.isError());
        QVERIFY(agent->history().messages().size() <= 4);
        QVERIFY(!agent->history().summaries().isEmpty());
        // The LLM wrote the summary (the scripted answer), and it travels with requests.
        QCOMPARE(agent->history().summaries().first(), QStringLiteral("answer"));
        const QJsonArray messages = llm.requests().last()[u"messages"].toArray();
        QVERIFY(messages[1][u"content"].toString().startsWith(
            QStringLiteral("Earlier in this conversation")));
        // Turns 3 and 4 each start over the limit (a fifth message) and fold once.
        QCOMPARE(agent->history().summaries().size(), 2);
        QCOMPARE(rig.registry.value(metric::kAgentHistoryFolds, {{"agent", "tester"}}).value_or(-1),
                 2.0);
    }

    void withoutAnLlmTheSummaryIsStatistical()
    {
        FakeLlm llm({FakeReply{QStringLiteral("answer"), {}}});
        Rig rig(llm.baseUrl(), R"({"max_history_length": 4, "cache_enabled": false})");
        auto agent = rig.agent({});
        QVERIFY(!runTurn(*agent, QStringLiteral("first question")).error.isError());
        QVERIFY(!runTurn(*agent, QStringLiteral("second")).error.isError());
        llm.setReplies({FakeReply{QString(), {}, 0, 500}, FakeReply{QStringLiteral("answer"), {}}});
        runTurn(*agent, QStringLiteral("third")); // the summary request fails: statistics instead
        QVERIFY(!agent->history().summaries().isEmpty());
        QVERIFY2(agent->history().summaries().first().startsWith(
                     QStringLiteral("User asked 1 questions")),
                 qPrintable(agent->history().summaries().first()));
    }

    void cleanupIntervalAndErrors()
    {
        FakeLlm llm({FakeReply{QStringLiteral("answer"), {}}});
        Rig rig(llm.baseUrl(), R"({"cleanup_interval": 2, "cache_enabled": false})");
        auto agent = rig.agent({});
        for (int i = 0; i < 4; ++i)
            QVERIFY(!runTurn(*agent, QStringLiteral("q%1").arg(i)).error.isError());
        QCOMPARE(agent->cleanups(), 2); // after turns 2 and 4
        llm.setReplies({FakeReply{QString(), {}, 0, 400}});
        QVERIFY(runTurn(*agent, QStringLiteral("fails")).error.isError());
        QCOMPARE(agent->cleanups(), 3); // and after the error
        QCOMPARE(rig.registry.value(metric::kAgentCleanups, {{"agent", "tester"}}), 3.0);
    }

    // The demo endpoint's fault modes, as an agent turn meets them: what the turn reports and
    // what the history keeps.
    void demoEndpointFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("retries");
        QTest::addColumn<QByteArray>("agentConfig");
        QTest::addColumn<int>("errorKind"); // LlmError::Kind
        QTest::addColumn<bool>("partialKept");
        QTest::newRow("429 then fine, one retry")
            << "status=429,retry_after=0,times=1" << 1 << QByteArray("{}")
            << int(LlmError::Kind::None) << false;
        QTest::newRow("500 every time")
            << "status=500" << 1 << QByteArray("{}") << int(LlmError::Kind::Server) << false;
        QTest::newRow("401") << "status=401" << 1 << QByteArray("{}") << int(LlmError::Kind::Auth)
                             << false;
        QTest::newRow("dropped mid-stream")
            << "drop_after=8" << 0 << QByteArray("{}") << int(LlmError::Kind::Network) << true;
        QTest::newRow("malformed chunk") << "malformed_after=6" << 0 << QByteArray("{}")
                                         << int(LlmError::Kind::MalformedResponse) << true;
        QTest::newRow("no [DONE]")
            << "no_done=1" << 0 << QByteArray("{}") << int(LlmError::Kind::TruncatedStream) << true;
        QTest::newRow("slower than the step timeout")
            << "delay_ms=3000" << 0 << QByteArray(R"({"timeout": 0.5})")
            << int(LlmError::Kind::Timeout) << false;
    }
    void demoEndpointFaults()
    {
        QFETCH(QString, fault);
        QFETCH(int, retries);
        QFETCH(QByteArray, agentConfig);
        QFETCH(int, errorKind);
        QFETCH(bool, partialKept);
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        demo.addFault(*DemoFault::parse(fault));
        Rig rig(demo.baseUrl() + QStringLiteral("/v1"), agentConfig);
        rig.router.setRetryPolicy(RetryPolicy(retries, 10, 50));
        auto agent = rig.agent({});
        const AgentTurn turn = runTurn(*agent, QStringLiteral("Tell me about the demo"));
        // A connection dropped between chunks may reach QNAM as a clean end of the chunked
        // body; the missing [DONE] then names it. Either way the answer is marked incomplete.
        if (errorKind == int(LlmError::Kind::Network) &&
            turn.error.kind == LlmError::Kind::TruncatedStream)
            errorKind = int(LlmError::Kind::TruncatedStream);
        QCOMPARE(int(turn.error.kind), errorKind);
        const QList<ChatMessage> &history = agent->history().messages();
        QCOMPARE(history.first().content, QStringLiteral("Tell me about the demo"));
        if (errorKind == int(LlmError::Kind::None)) {
            QVERIFY(turn.answer.contains(QStringLiteral("demo endpoint")));
            QCOMPARE(history.size(), 2);
            return;
        }
        // A failed turn keeps what the user saw, says so, and cleans up after itself.
        QCOMPARE(turn.incomplete, partialKept);
        QCOMPARE(!turn.answer.isEmpty(), partialKept);
        QCOMPARE(history.size(), partialKept ? 2 : 1);
        if (partialKept)
            QCOMPARE(history.last().content, turn.answer);
        QVERIFY(everyToolCallAnswered(history));
        QCOMPARE(agent->cleanups(), 1);
        // The agent takes the next turn once the endpoint behaves.
        demo.clearFaults();
        const AgentTurn next = runTurn(*agent, QStringLiteral("And now?"));
        QVERIFY2(!next.error.isError(), qPrintable(next.error.describe()));
    }

    void aSecondTurnWhileBusyIsRefused()
    {
        FakeLlm llm({FakeReply{QStringLiteral("slow"), {}, 500}});
        Rig rig(llm.baseUrl());
        auto agent = rig.agent({});
        QSignalSpy finished(agent.get(), &ReactAgent::turnFinished);
        agent->start(QStringLiteral("first"));
        QVERIFY(agent->isBusy());
        // Refused at once, without touching the turn under way.
        const std::optional<AgentTurn> refused =
            spoon::test::awaitTask(agent->send(QStringLiteral("second")));
        QVERIFY(refused);
        QCOMPARE(refused->error.message, QStringLiteral("the agent is still answering"));
        QVERIFY(agent->isBusy());
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(60'000));
        QCOMPARE(finished.first().first().value<AgentTurn>().answer, QStringLiteral("slow"));
        QCOMPARE(llm.requests().size(), 1);
    }
};

SPOON_TEST_GUILESS_MAIN(TestReactAgent)
#include "tst_reactagent.moc"
