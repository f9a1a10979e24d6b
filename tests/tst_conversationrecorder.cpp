// The recorder saves a turn as it happens. The agent's signals are sent by the test, so each
// moment of a turn (a streamed piece, a checkpoint, the end) is checked in the store as it
// would be found after a crash at that moment.
#include "agent/reactagent.h"
#include "llm/llmrouter.h"
#include "llm/llmstats.h"
#include "net/httppool.h"
#include "session/conversationrecorder.h"
#include "storage/store.h"
#include "telemetry/metricsregistry.h"

#include <QtTest>

#include "support/testdatabase.h"
#include "support/testenvironment.h"

using namespace spoon;
using namespace spoon::test;
using namespace Qt::StringLiterals;

namespace {

struct Rig
{
    Rig()
        : config(Config::defaults())
        , pool(HttpPoolLimits{}, &registry)
        , stats(registry)
        , router(config, pool, stats)
        , agent(*config.agent(u"react"), router, ToolRegistry{}, &registry)
    {}
    Config config;
    MetricsRegistry registry;
    HttpPool pool;
    LlmStats stats;
    LlmRouter router;
    ReactAgent agent; // never sent a message: the test speaks for it
};

bool waitIdle(ConversationRecorder &recorder)
{
    QSignalSpy idle(&recorder, &ConversationRecorder::idle);
    return !recorder.isWriting() || idle.wait(30000);
}

QList<StoredMessage> stored(Store &store, qint64 id)
{
    return awaitFuture(store.conversations().messages(id)).value;
}

} // namespace

class TestConversationRecorder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void init()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        SPOON_REQUIRE_BACKEND(backend);
    }

    void aTurnIsSavedAsItHappens()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), {1, 4, 60000, 10000});
        QVERIFY(awaitFuture(store.open()).ok());
        Rig rig;
        ConversationRecorder recorder(store.conversations(), rig.agent);
        recorder.setCheckpointInterval(1);
        QSignalSpy created(&recorder, &ConversationRecorder::conversationCreated);

        Q_EMIT rig.agent.turnStarted(u"How warm is it in Oslo today, and what should I wear?"_s);
        QVERIFY(waitIdle(recorder));
        QCOMPARE(created.size(), 1);
        const qint64 id = recorder.conversationId();
        QCOMPARE(created.first().first().toLongLong(), id);
        const ConversationSummary summary = awaitFuture(store.conversations().find(id)).value;
        QCOMPARE(summary.title, u"How warm is it in Oslo today, and what should I wear?"_s);
        QCOMPARE(summary.agent, u"react"_s);

        // The first piece makes the answer's row, marked incomplete.
        Q_EMIT rig.agent.textDelta(u"It is "_s);
        QVERIFY(waitIdle(recorder));
        QList<StoredMessage> rows = stored(store, id);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[1].message.content, u"It is "_s);
        QVERIFY(rows[1].incomplete);

        // Later pieces reach the row at the next checkpoint: a crash keeps most of it.
        Q_EMIT rig.agent.textDelta(u"14 degrees"_s);
        Q_EMIT rig.agent.textDelta(u" and"_s);
        QTRY_COMPARE_WITH_TIMEOUT(stored(store, id).value(1).message.content,
                                  u"It is 14 degrees and"_s, 30000);
        QVERIFY(stored(store, id).value(1).incomplete);

        // The end replaces it whole, with who answered, how long it took and its tool calls.
        ChatResponse response;
        response.text = u"It is 14 degrees and cloudy."_s;
        response.toolCalls = {{u"c1"_s, u"system_info"_s, u"{}"_s}};
        response.provider = u"demo"_s;
        response.model = u"spoon-demo"_s;
        response.latencyMs = 420;
        Q_EMIT rig.agent.modelAnswered(response, LlmError{});
        Q_EMIT rig.agent.toolCallFinished(u"c1"_s, u"system_info"_s, u"{\"cpu\": 3}"_s, false, 12);
        QVERIFY(waitIdle(recorder));
        rows = stored(store, id);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[1].message.content, response.text);
        QVERIFY(!rows[1].incomplete);
        QCOMPARE(rows[1].message.toolCalls, response.toolCalls);
        QCOMPARE(rows[1].provider, u"demo"_s);
        QCOMPARE(rows[1].model, u"spoon-demo"_s);
        QCOMPARE(rows[1].durationMs, 420);
        QCOMPARE(rows[2].message.role, ChatMessage::Role::Tool);
        QCOMPARE(rows[2].message.content, u"{\"cpu\": 3}"_s);
        QCOMPARE(rows[2].durationMs, 12);
        QCOMPARE(recorder.failedWrites(), 0);
    }

    void aCutAnswerIsMarkedAndASilentFailureLeavesNoRow()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), {1, 4, 60000, 10000});
        QVERIFY(awaitFuture(store.open()).ok());
        Rig rig;
        ConversationRecorder recorder(store.conversations(), rig.agent);
        Q_EMIT rig.agent.turnStarted(u"q"_s);
        const LlmError broken{LlmError::Kind::Network, 0, u"connection reset"_s, -1};
        Q_EMIT rig.agent.modelAnswered(ChatResponse{}, broken); // nothing came: no row
        Q_EMIT rig.agent.textDelta(u"Half an ans"_s);
        ChatResponse cut;
        cut.text = u"Half an ans"_s;
        cut.incomplete = true;
        Q_EMIT rig.agent.modelAnswered(cut, broken);
        QVERIFY(waitIdle(recorder));
        const QList<StoredMessage> rows = stored(store, recorder.conversationId());
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[1].message.content, u"Half an ans"_s);
        QVERIFY(rows[1].incomplete);
    }

    // A failed turn's error goes on its user message, with the calls it took; a stopped turn
    // is no failure and leaves none.
    void aFailedTurnKeepsItsError()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), {1, 4, 60000, 10000});
        QVERIFY(awaitFuture(store.open()).ok());
        Rig rig;
        ConversationRecorder recorder(store.conversations(), rig.agent);
        const LlmError limited{LlmError::Kind::RateLimited, 429, u"slow down"_s, 1000};
        Q_EMIT rig.agent.turnStarted(u"q"_s);
        ChatResponse response;
        response.provider = u"local"_s;
        response.retries = 2;
        Q_EMIT rig.agent.modelAnswered(response, limited);
        AgentTurn failed;
        failed.error = limited;
        failed.provider = u"local"_s;
        failed.steps = 1;
        Q_EMIT rig.agent.turnFinished(failed);

        Q_EMIT rig.agent.turnStarted(u"again"_s);
        AgentTurn stopped;
        stopped.cancelled = true;
        stopped.error = LlmError{LlmError::Kind::Cancelled, 0, u"cancelled"_s, -1};
        Q_EMIT rig.agent.turnFinished(stopped);
        QVERIFY(waitIdle(recorder));

        const QList<StoredMessage> rows = stored(store, recorder.conversationId());
        QCOMPARE(rows.size(), 2);
        const TurnFailure &failure = rows[0].turnFailure;
        QVERIFY(failure.isFailure());
        QCOMPARE(failure.kind, u"rate_limited"_s);
        QCOMPARE(failure.httpStatus, 429);
        QCOMPARE(failure.message, u"slow down"_s);
        QCOMPARE(failure.attempts, 3);
        QCOMPARE(failure.provider, u"local"_s);
        QVERIFY(!failure.incomplete);
        QVERIFY(!rows[1].turnFailure.isFailure());
        QCOMPARE(recorder.failedWrites(), 0);
    }

    // A store that cannot be written: each failure is said, and the recorder goes on.
    void writeFailuresAreReported()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        if (backend != DatabaseBackend::Sqlite)
            QSKIP("one unusable store is enough");
        DatabaseTarget target;
        target.sqlitePath = u"/nonexistent-folder/store.db"_s;
        Store store(target, {1, 1, 60000, 10000}); // never opened: every write fails
        Rig rig;
        ConversationRecorder recorder(store.conversations(), rig.agent);
        QSignalSpy failed(&recorder, &ConversationRecorder::writeFailed);
        Q_EMIT rig.agent.turnStarted(u"q"_s);
        QVERIFY(waitIdle(recorder));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().contains(target.sqlitePath),
                 qPrintable(failed.first().first().toString()));
        Q_EMIT rig.agent.turnStarted(u"again"_s);
        QVERIFY(waitIdle(recorder));
        QCOMPARE(recorder.failedWrites(), 2);
    }
};

SPOON_TEST_GUILESS_MAIN(TestConversationRecorder)
#include "tst_conversationrecorder.moc"
