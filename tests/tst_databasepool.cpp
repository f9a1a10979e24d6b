#include "storage/databasepool.h"
#include "storage/sqlconnection.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QThread>
#include <QtTest>

#include <latch>
#include <memory>

#include "support/testdatabase.h"
#include "support/testenvironment.h"

using namespace spoon;
using namespace spoon::test;
using namespace Qt::StringLiterals;

namespace {
DatabasePoolLimits smallPool(int max = 4, int connectionTimeoutMs = 10000)
{
    return {1, max, 60000, connectionTimeoutMs};
}

QString createTable(DatabaseBackend backend)
{
    return backend == DatabaseBackend::Sqlite
               ? u"CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"_s
               : u"CREATE TABLE items (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE)"_s;
}

SqlOutcome direct(DatabasePool &pool, const QString &sql)
{
    return awaitFuture(pool.run(
        [sql](SqlConnection &connection) {
            SqlError error;
            connection.execDirect(sql, &error);
            return SqlOutcome{error, {}};
        },
        false, DatabasePool::Retry::Never));
}

// Jobs that keep `count` connections busy until release().
class HeldConnections
{
public:
    HeldConnections(DatabasePool &pool, int count)
        : m_release(std::make_shared<std::latch>(1))
    {
        auto holding = std::make_shared<std::latch>(count);
        for (int i = 0; i < count; ++i) {
            m_jobs << pool.run(
                [release = m_release, holding](SqlConnection &) {
                    holding->count_down();
                    release->wait();
                    return SqlOutcome{};
                },
                false, DatabasePool::Retry::Never);
        }
        holding->wait();
    }
    ~HeldConnections()
    {
        if (!m_released)
            m_release->count_down();
    }
    bool release()
    {
        m_released = true;
        m_release->count_down();
        bool ok = true;
        for (const QFuture<SqlOutcome> &job : std::as_const(m_jobs))
            ok = awaitFuture(job).ok() && ok;
        return ok;
    }

private:
    std::shared_ptr<std::latch> m_release;
    bool m_released = false;
    QList<QFuture<SqlOutcome>> m_jobs;
};

int itemCount(DatabasePool &pool)
{
    const SqlOutcome counted = awaitFuture(pool.query(u"SELECT COUNT(*) FROM items"_s));
    return counted.ok() ? counted.results.first().rows.first().first().toInt() : -1;
}
} // namespace

class TestDatabasePool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void init()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        SPOON_REQUIRE_BACKEND(backend);
    }

    void queryBindsEveryValue()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        DatabasePool pool(database.target(), smallPool());
        QVERIFY(direct(pool, createTable(backend)).ok());
        // SQL in a value is only text.
        const QString hostile = u"x'); DROP TABLE items; --"_s;
        const SqlOutcome inserted =
            awaitFuture(pool.query(u"INSERT INTO items (name) VALUES (?)"_s, {hostile}));
        QVERIFY2(inserted.ok(), qPrintable(inserted.error.message));
        QCOMPARE(inserted.results.first().rowsAffected, 1);
        const SqlOutcome read =
            awaitFuture(pool.query(u"SELECT name FROM items WHERE name = ?"_s, {hostile}));
        QVERIFY(read.ok());
        QCOMPARE(read.results.first().columns, QStringList{u"name"_s});
        QCOMPARE(read.results.first().rows.size(), 1);
        QCOMPARE(read.results.first().rows.first().first().toString(), hostile);
    }

    // Many rows through one statement (on SQLite, the C API on Qt's handle) store every kind
    // of value as a single query() stores it: the two rows read back alike.
    void execManyBindsEveryValueAsQueryDoes()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        DatabasePool pool(database.target(), smallPool());
        const bool sqlite = backend == DatabaseBackend::Sqlite;
        QVERIFY(
            direct(pool, u"CREATE TABLE kinds (k INTEGER NOT NULL UNIQUE, t TEXT, e TEXT,"
                         u" n TEXT, b %1, nb %1, i INTEGER, l %2, d %3, f INTEGER, nl %2)"_s.arg(
                             sqlite ? u"BLOB"_s : u"BYTEA"_s, sqlite ? u"INTEGER"_s : u"BIGINT"_s,
                             sqlite ? u"REAL"_s : u"DOUBLE PRECISION"_s))
                .ok());
        const QString insert = u"INSERT INTO kinds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
        // (PostgreSQL takes no bool for an INTEGER column; the stores bind int(flag) there.)
        auto row = [sqlite](int key) {
            return QVariantList{key,
                                u"Gr\u00fc\u00dfe aus \u6771\u4eac \U0001F600"_s,
                                u""_s,
                                QString(),
                                QByteArray("a\0b\xff", 4),
                                QByteArray(),
                                -7,
                                qint64(1) << 40,
                                0.1,
                                sqlite ? QVariant(true) : QVariant(1),
                                QVariant(QMetaType::fromType<qint64>())};
        };
        const SqlOutcome single = awaitFuture(pool.query(insert, row(1)));
        QVERIFY2(single.ok(), qPrintable(single.error.message));
        const SqlOutcome many = awaitFuture(pool.run(
            [insert, rows = QList<QVariantList>{row(2), row(3)}](SqlConnection &connection) {
                SqlOutcome outcome;
                SqlRows counted;
                counted.rowsAffected = connection.execMany(insert, rows, &outcome.error);
                outcome.results << counted;
                return outcome;
            },
            true, DatabasePool::Retry::Never));
        QVERIFY2(many.ok(), qPrintable(many.error.message));
        QCOMPARE(many.results.first().rowsAffected, 2);
        const SqlOutcome read = awaitFuture(
            pool.query(u"SELECT t, e, n, b, nb, i, l, d, f, nl, t IS NULL, e IS NULL, n IS NULL,"
                       u" nb IS NULL, nl IS NULL FROM kinds ORDER BY k"_s));
        QVERIFY2(read.ok(), qPrintable(read.error.message));
        const QList<QVariantList> rows = read.results.first().rows;
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).at(0).toString(), row(1).at(1).toString());
        QCOMPARE(rows.at(0).at(3).toByteArray(), QByteArray("a\0b\xff", 4));
        QCOMPARE(rows.at(0).at(6).toLongLong(), qint64(1) << 40);
        for (const QVariantList &batched : {rows.at(1), rows.at(2)}) {
            for (int column = 0; column < batched.size(); ++column) {
                QCOMPARE(batched.at(column).isNull(), rows.at(0).at(column).isNull());
                QCOMPARE(batched.at(column).toString(), rows.at(0).at(column).toString());
            }
        }
        QCOMPARE(rows.at(1).value(12).toInt(), 1); // a null QString is NULL
        QCOMPARE(rows.at(1).value(11).toInt(), 0); // an empty one is ''

        // A row that breaks a constraint stops the batch as a statement error, and the
        // transaction takes back the rows before it.
        const SqlOutcome broken = awaitFuture(pool.run(
            [insert, rows = QList<QVariantList>{row(4), row(1)}](SqlConnection &connection) {
                SqlOutcome outcome;
                connection.execMany(insert, rows, &outcome.error);
                return outcome;
            },
            true, DatabasePool::Retry::Never));
        QCOMPARE(broken.error.kind, SqlError::Kind::Statement);
        QVERIFY(!broken.error.message.isEmpty());
        const SqlOutcome counted = awaitFuture(pool.query(u"SELECT COUNT(*) FROM kinds"_s));
        QCOMPARE(counted.results.first().rows.first().first().toInt(), 3);
    }

    // Every future finishes on the pool's own thread, never on a worker: Qt 6.4 runs a
    // continuation twice (and crashes on the second run) when a future finishes on one thread
    // while .then() is being attached to it on another. A continuation attached at once
    // therefore runs here, on the thread that submitted the job.
    void futuresFinishOnTheSubmittingThread()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        DatabasePool pool(database.target(), DatabasePoolLimits{4, 4, 60000, 10000});
        QList<QFuture<QThread *>> ranOn;
        for (int i = 0; i < 200; ++i)
            ranOn << pool.query(u"SELECT 1"_s).then([](const SqlOutcome &) {
                return QThread::currentThread();
            });
        for (const QFuture<QThread *> &future : std::as_const(ranOn))
            QCOMPARE(awaitFuture(future), QThread::currentThread());
    }

    // pool_min_size connections open at the first job, except on SQLite: one writer, one
    // connection kept; more open only when jobs overlap.
    void theKeptConnectionsFitTheBackend()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        DatabasePool pool(database.target(), DatabasePoolLimits{5, 20, 60000, 10000});
        QVERIFY(awaitFuture(pool.query(u"SELECT 1"_s)).ok());
        QTRY_COMPARE(pool.counts().threads, backend == DatabaseBackend::Sqlite ? 1 : 5);
    }

    void transactionIsAllOrNothing()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        DatabasePool pool(database.target(), smallPool());
        QVERIFY(direct(pool, createTable(backend)).ok());
        const QString insert = u"INSERT INTO items (name) VALUES (?)"_s;

        const SqlOutcome good =
            awaitFuture(pool.transaction({{insert, {u"a"_s}}, {insert, {u"b"_s}}}));
        QVERIFY2(good.ok(), qPrintable(good.error.message));
        QCOMPARE(good.results.size(), 2);
        QCOMPARE(itemCount(pool), 2);

        // The third statement breaks the UNIQUE constraint: the first two are rolled back.
        const SqlOutcome bad = awaitFuture(
            pool.transaction({{insert, {u"c"_s}}, {insert, {u"d"_s}}, {insert, {u"a"_s}}}));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error.kind, SqlError::Kind::Statement);
        QVERIFY(bad.results.isEmpty());
        QCOMPARE(itemCount(pool), 2);

        // The connection is usable afterwards: no transaction left open on it.
        QVERIFY(awaitFuture(pool.transaction({{insert, {u"e"_s}}})).ok());
        QCOMPARE(itemCount(pool), 3);
    }

    void errorsSayWhatWentWrong_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<int>("kind");
        QTest::newRow("syntax") << u"SELEC 1"_s << int(SqlError::Kind::Statement);
        QTest::newRow("no such table")
            << u"SELECT * FROM missing_table"_s << int(SqlError::Kind::Statement);
    }
    void errorsSayWhatWentWrong()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        QFETCH(QString, sql);
        QFETCH(int, kind);
        ScratchDatabase database(backend);
        MetricsRegistry registry;
        DatabasePool pool(database.target(), smallPool(), &registry);
        const SqlOutcome outcome = awaitFuture(pool.query(sql));
        QCOMPARE(int(outcome.error.kind), kind);
        QVERIFY(!outcome.error.message.isEmpty());
        const MetricLabels labels{{"kind", SqlError::kindName(SqlError::Kind(kind)).toLatin1()}};
        QCOMPARE(registry.value(metric::kDbErrors, labels).value_or(0), 1.0);
        // And the pool goes on working.
        QVERIFY(awaitFuture(pool.query(u"SELECT 1"_s)).ok());
    }

    void preparesEachStatementOncePerConnection()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        DatabasePool pool(database.target(), {1, 1, 60000, 10000});
        auto preparedAfter = [&pool](int runs) {
            return awaitFuture(
                       pool.run(
                           [runs](SqlConnection &connection) {
                               SqlOutcome outcome;
                               for (int i = 0; i < runs && outcome.ok(); ++i)
                                   connection.exec(u"SELECT ? + 1"_s, {i}, &outcome.error);
                               outcome.results << SqlRows{{}, {{connection.preparedCount()}}, -1};
                               return outcome;
                           },
                           false, DatabasePool::Retry::Never))
                .results.value(0)
                .rows.value(0)
                .value(0)
                .toInt();
        };
        const int first = preparedAfter(1);
        QVERIFY(first >= 1);
        QCOMPARE(preparedAfter(50), first); // the same statement, reused
    }

    // The expiry timer lives on this thread, so nothing expires while the test is blocked
    // below; only awaitFuture lets it fire.
    void waitsForAFreeConnectionThenSaysItIsExhausted()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        MetricsRegistry registry;
        DatabasePool pool(database.target(), {1, 2, 60000, 300}, &registry);
        HeldConnections held(pool, 2);
        QCOMPARE(pool.counts().inUse, 2);

        const SqlOutcome third = awaitFuture(pool.query(u"SELECT 1"_s));
        QCOMPARE(third.error.kind, SqlError::Kind::Exhausted);
        QVERIFY2(third.error.message.contains(u"2 of 2 connections in use"_s),
                 qPrintable(third.error.message));
        QVERIFY(third.error.message.contains(u"connection_timeout"_s));
        QCOMPARE(registry.value(metric::kDbErrors, {{"kind", "exhausted"}}).value_or(0), 1.0);
        QCOMPARE(registry.gaugeValue(metric::kDbConnectionsInUse), 2.0);
        QVERIFY(held.release());
    }

    void aWaitingJobRunsWhenAConnectionFrees()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        MetricsRegistry registry;
        DatabasePool pool(database.target(), {1, 2, 60000, 60000}, &registry);
        HeldConnections held(pool, 2);
        QFuture<SqlOutcome> waiting = pool.query(u"SELECT 1"_s);
        QCOMPARE(pool.counts().waiting, 1);
        QCOMPARE(registry.gaugeValue(metric::kDbWaiters), 1.0);
        QVERIFY(held.release());
        QVERIFY(awaitFuture(waiting).ok());
        QCOMPARE(registry.gaugeValue(metric::kDbWaiters), 0.0);
    }

    void figuresGoToTheRegistry()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        MetricsRegistry registry;
        DatabasePool pool(database.target(), smallPool(), &registry);
        QVERIFY(direct(pool, createTable(backend)).ok());
        const QString insert = u"INSERT INTO items (name) VALUES (?)"_s;
        QVERIFY(awaitFuture(pool.transaction({{insert, {u"a"_s}}, {insert, {u"b"_s}}})).ok());
        QCOMPARE(registry.value(metric::kDbRowsWritten).value_or(0), 2.0);
        const Histogram *latency = registry.findHistogram(metric::kDbQuerySeconds);
        QVERIFY(latency);
        QVERIFY(latency->count() >= 2);
        QVERIFY(registry.gaugeValue(metric::kDbConnectionsOpen) >= 1);
        QCOMPARE(registry.gaugeValue(metric::kDbConnectionsInUse), 0.0);
        QCOMPARE(registry.gaugeValue(metric::kDbWaiters), 0.0);
    }

    void closingRunsWhatIsQueued()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        auto pool = std::make_unique<DatabasePool>(database.target(),
                                                   DatabasePoolLimits{1, 1, 60000, 60000});
        auto release = std::make_shared<std::latch>(1);
        auto started = std::make_shared<std::latch>(1);
        QFuture<SqlOutcome> running = pool->run(
            [release, started](SqlConnection &) {
                started->count_down();
                release->wait();
                return SqlOutcome{};
            },
            false, DatabasePool::Retry::Never);
        started->wait();
        QFuture<SqlOutcome> waiting = pool->query(u"SELECT 1"_s);
        release->count_down();
        pool.reset();
        QVERIFY(running.result().ok()); // a running job ends normally
        // A job queued before the close still runs: writes at quit are not lost.
        QVERIFY(waiting.isFinished());
        const SqlOutcome waited = waiting.result();
        QVERIFY2(waited.ok(), qPrintable(waited.error.message));
    }

    // Five connections open a new SQLite file at the same moment, each switching it to WAL:
    // SQLite refuses all but one at once (no busy timeout covers it), and every connection
    // must still come up. Fresh files, again and again, since it is a race.
    void connectionsOpeningANewFileTogetherAllComeUp()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        if (backend != DatabaseBackend::Sqlite)
            QSKIP("a SQLite file's journal mode");
        for (int attempt = 0; attempt < 20; ++attempt) {
            ScratchDatabase database(backend);
            DatabasePool pool(database.target(), {5, 5, 60000, 10000});
            QList<QFuture<SqlOutcome>> jobs;
            for (int i = 0; i < 5; ++i)
                jobs.append(pool.query(u"SELECT %1"_s.arg(i)));
            for (QFuture<SqlOutcome> &job : jobs) {
                const SqlOutcome outcome = awaitFuture(job);
                QVERIFY2(outcome.ok(), qPrintable(outcome.error.message));
            }
        }
    }

    void unreachableDatabaseIsAClearError()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        DatabaseTarget target;
        if (backend == DatabaseBackend::Sqlite) {
            target.sqlitePath = u"/nonexistent-folder/deeper/store.db"_s;
        } else {
            target.backend = DatabaseBackend::Postgres;
            target.host = u"127.0.0.1"_s;
            target.port = 1; // nothing listens there
            target.databaseName = u"x"_s;
        }
        DatabasePool pool(target, {0, 1, 60000, 2000});
        const SqlOutcome outcome = awaitFuture(pool.query(u"SELECT 1"_s));
        QCOMPARE(outcome.error.kind, SqlError::Kind::Unavailable);
        QVERIFY2(outcome.error.message.contains(target.describe()),
                 qPrintable(outcome.error.message));
    }
};

SPOON_TEST_GUILESS_MAIN(TestDatabasePool)
#include "tst_databasepool.moc"
