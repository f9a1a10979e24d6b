#pragma once

// Databases for the storage tests: every test function runs on SQLite (a file in a fresh
// temporary folder) and on PostgreSQL (a fresh database on the server that
// scripts/with-postgres.sh starts and names in SPOON_TEST_PG_URL). Without that server the
// PostgreSQL rows are skipped, unless SPOON_TEST_REQUIRE_POSTGRES=1 (the test script sets
// it), when they fail: CI never skips them.
#include "storage/databasepool.h"
#include "storage/sqlconnection.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

namespace spoon::test {

// Waits on the event loop (never a sleep) for a future; fails the test if it does not end.
template <typename T> T awaitFuture(QFuture<T> future, int timeoutMs = 60'000)
{
    if (!future.isFinished()) {
        QFutureWatcher<T> watcher;
        QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
        watcher.setFuture(future);
        if (!future.isFinished() && !finished.wait(timeoutMs)) {
            QTest::qFail("the database job did not finish in time", __FILE__, __LINE__);
            return T{};
        }
    }
    return future.result();
}

inline QByteArray postgresUrl()
{
    return qgetenv("SPOON_TEST_PG_URL");
}

// For initTestCase_data(): one row per backend.
inline void addBackendRows()
{
    QTest::addColumn<DatabaseBackend>("backend");
    QTest::newRow("sqlite") << DatabaseBackend::Sqlite;
    QTest::newRow("postgres") << DatabaseBackend::Postgres;
}

// Skips (or, where PostgreSQL is required, fails) a PostgreSQL row without a server.
#define SPOON_REQUIRE_BACKEND(backend)                                                             \
    do {                                                                                           \
        if ((backend) == DatabaseBackend::Postgres && spoon::test::postgresUrl().isEmpty()) {      \
            if (qgetenv("SPOON_TEST_REQUIRE_POSTGRES") == "1")                                     \
                QFAIL("SPOON_TEST_PG_URL is not set: run through scripts/with-postgres.sh");       \
            QSKIP("no PostgreSQL: run through scripts/with-postgres.sh");                          \
        }                                                                                          \
    } while (false)

// A database nobody else uses: a new SQLite file, or a new PostgreSQL database.
class ScratchDatabase
{
public:
    explicit ScratchDatabase(DatabaseBackend backend)
    {
        if (backend == DatabaseBackend::Sqlite) {
            m_target.sqlitePath = m_folder.filePath(QStringLiteral("store.db"));
            return;
        }
        QString error;
        std::optional<DatabaseTarget> server =
            parseDatabaseUrl(QString::fromUtf8(postgresUrl()), {}, &error);
        if (!server) {
            QTest::qFail(qPrintable(error), __FILE__, __LINE__);
            return;
        }
        static int counter = 0;
        const QString name = QStringLiteral("spoon_t%1_%2_%3")
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(QDateTime::currentMSecsSinceEpoch())
                                 .arg(++counter);
        DatabasePool admin(*server, {0, 1, 60000, 10000});
        const SqlOutcome created = awaitFuture(admin.run(
            [name](SqlConnection &connection) {
                SqlError e;
                connection.execDirect(QStringLiteral("CREATE DATABASE ") + name, &e);
                return SqlOutcome{e, {}};
            },
            false, DatabasePool::Retry::Never));
        if (!created.ok())
            QTest::qFail(qPrintable(created.error.message), __FILE__, __LINE__);
        m_target = *server;
        m_target.databaseName = name;
    }

    const DatabaseTarget &target() const { return m_target; }
    QString folder() const { return m_folder.path(); }

private:
    QTemporaryDir m_folder;
    DatabaseTarget m_target;
};

} // namespace spoon::test

Q_DECLARE_METATYPE(spoon::DatabaseBackend)
