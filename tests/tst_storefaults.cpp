// The store under faults, for real: a writer killed with SIGKILL at random moments, a full
// disk, and a PostgreSQL server that restarts while writes go on.
#include "storage/store.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

#include <csignal>

#include "support/testdatabase.h"
#include "support/testenvironment.h"

using namespace spoon;
using namespace spoon::test;
using namespace Qt::StringLiterals;

namespace {

// Starts the writer and collects the ids it reports as committed.
class Writer
{
public:
    explicit Writer(const QStringList &args)
    {
        m_process.setProcessEnvironment(childEnvironment());
        m_process.setProgram(QStringLiteral(SPOON_STORE_WRITER));
        m_process.setArguments(args);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
    }
    ~Writer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    // Reads lines until `commits` were reported (or the writer ended).
    bool waitForCommits(int commits)
    {
        while (m_committed.size() < commits) {
            if (!readLine())
                return false;
        }
        return true;
    }
    // Reads to the end.
    void finish()
    {
        while (readLine()) {
        }
    }
    void killHard() { ::kill(pid_t(m_process.processId()), SIGKILL); }
    const QList<qint64> &committed() const { return m_committed; }
    const QStringList &otherLines() const { return m_other; }
    QProcess &process() { return m_process; }

private:
    bool readLine()
    {
        while (!m_process.canReadLine()) {
            if (m_process.state() == QProcess::NotRunning) {
                if (m_process.bytesAvailable() == 0)
                    return false;
                break;
            }
            if (!m_process.waitForReadyRead(30000) && m_process.state() != QProcess::NotRunning)
                return false;
        }
        const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
        if (line.startsWith("committed "_L1))
            m_committed.append(line.mid(10).toLongLong());
        else if (!line.isEmpty())
            m_other.append(line);
        return true;
    }

    QProcess m_process;
    QList<qint64> m_committed;
    QStringList m_other;
};

QSet<qint64> storedIds(Store &store)
{
    QSet<qint64> ids;
    const SqlOutcome rows = awaitFuture(store.pool().query(u"SELECT id FROM messages"_s));
    for (const QVariantList &row : rows.results.value(0).rows)
        ids.insert(row.first().toLongLong());
    return ids;
}

bool runPgCtl(const QString &action)
{
    QProcess ctl;
    ctl.start(u"/bin/sh"_s, {u"-c"_s, QString::fromLocal8Bit(qgetenv("SPOON_TEST_PG_CTL")) +
                                          u" -m fast -w "_s + action});
    return ctl.waitForFinished(120000) && ctl.exitCode() == 0;
}

} // namespace

class TestStoreFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Twenty times: write, SIGKILL after a random number of commits, reopen. Every message
    // reported as committed is there, and the file passes SQLite's integrity check.
    void everyCommitSurvivesKillNine()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(u"store.db"_s);
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("seed %u", seed);
        QRandomGenerator random(seed);
        QList<qint64> committed;
        for (int round = 0; round < 20; ++round) {
            Writer writer({path});
            QVERIFY2(writer.waitForCommits(1 + int(random.bounded(60))),
                     qPrintable(writer.otherLines().join(u'\n')));
            writer.killHard();
            writer.finish(); // what it printed before dying counts too
            QCOMPARE(writer.process().state(), QProcess::NotRunning);
            QCOMPARE(writer.process().exitStatus(), QProcess::CrashExit);
            committed += writer.committed();
        }
        DatabaseTarget target;
        target.sqlitePath = path;
        Store store(target, {1, 2, 60000, 10000});
        QVERIFY(awaitFuture(store.open()).ok());
        const QSet<qint64> stored = storedIds(store);
        for (qint64 id : std::as_const(committed))
            QVERIFY2(stored.contains(id), qPrintable(u"message %1 was lost"_s.arg(id)));
        const SqlOutcome check = awaitFuture(store.pool().query(u"PRAGMA integrity_check"_s));
        QVERIFY(check.ok());
        QCOMPARE(check.results.first().rows.first().first().toString(), u"ok"_s);
        // The search index agrees with the table after every crash.
        const SqlOutcome fts = awaitFuture(store.pool().query(
            u"INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')"_s));
        QVERIFY2(fts.ok(), qPrintable(fts.error.message));
    }

    void aFullDiskIsAClearErrorAndTheWriterRuns()
    {
        QTemporaryDir folder;
        // Enough for the schema and a few messages, not for hundreds.
        Writer writer({folder.filePath(u"store.db"_s), u"--max-file-bytes"_s, u"262144"_s,
                       u"--count"_s, u"100000"_s});
        writer.finish();
        QCOMPARE(writer.process().state(), QProcess::NotRunning);
        QCOMPARE(writer.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(writer.process().exitCode(), 0);
        QVERIFY(!writer.committed().isEmpty());
        QCOMPARE(writer.otherLines().size(), 2);
        const QString failure = writer.otherLines().first();
        QVERIFY2(failure.contains(u"full"_s) || failure.contains(u"disk I/O"_s),
                 qPrintable(failure));
        QCOMPARE(writer.otherLines().last(), u"still running"_s);
    }

    // The server stops and starts while writes go on: writes in the outage fail with a
    // clear error, the pool reconnects by itself, and nothing acknowledged is lost.
    void aPostgresRestartLosesNothingAcknowledged()
    {
        SPOON_REQUIRE_BACKEND(DatabaseBackend::Postgres);
        ScratchDatabase database(DatabaseBackend::Postgres);
        Store store(database.target(), {2, 4, 60000, 5000});
        QVERIFY(awaitFuture(store.open()).ok());
        ConversationStore &conversations = store.conversations();
        const qint64 id = awaitFuture(conversations.create(u"restart"_s, u"react"_s, 1)).value;
        QList<qint64> acknowledged;
        QStringList outageErrors;
        auto write = [&](int n) {
            StoredMessage message;
            message.message = ChatMessage::user(u"message %1"_s.arg(n));
            message.createdMs = n;
            const StoreResult<qint64> appended = awaitFuture(conversations.append(id, message));
            if (appended.ok())
                acknowledged.append(appended.value);
            else
                outageErrors.append(appended.error.message);
            return appended.ok();
        };
        for (int n = 0; n < 20; ++n)
            QVERIFY(write(n));

        QVERIFY(runPgCtl(u"stop"_s));
        for (int n = 20; n < 25; ++n)
            QVERIFY(!write(n));
        QCOMPARE(outageErrors.size(), 5);
        for (const QString &error : std::as_const(outageErrors))
            QVERIFY2(error.contains(database.target().describe()) ||
                         error.contains(u"connection"_s, Qt::CaseInsensitive) ||
                         error.contains(u"server"_s, Qt::CaseInsensitive),
                     qPrintable(error));

        QVERIFY(runPgCtl(u"start"_s));
        // The same store, no reopening: the pool finds its links broken and makes new ones.
        for (int n = 25; n < 45; ++n)
            QVERIFY2(write(n), qPrintable(outageErrors.value(outageErrors.size() - 1)));
        const QSet<qint64> stored = storedIds(store);
        for (qint64 message : std::as_const(acknowledged))
            QVERIFY(stored.contains(message));
        QCOMPARE(stored.size(), acknowledged.size());
    }
};

SPOON_TEST_GUILESS_MAIN(TestStoreFaults)
#include "tst_storefaults.moc"
