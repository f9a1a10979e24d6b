#include "sqlconnection.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

using namespace Qt::StringLiterals;

namespace spoon {

namespace {
// A connection keeps at most this many statements prepared; past it the cache starts over.
constexpr qsizetype kMaxPrepared = 128;
// PostgreSQL SQLSTATEs read as a timeout or a lost connection (Appendix A of its manual).
constexpr char kQueryCanceled[] = "57014";
constexpr char kLockNotAvailable[] = "55P03";
bool isConnectionState(const QString &state)
{
    // Class 08 (connection exception) and 57P01-57P03 (admin shutdown, crash, cannot connect).
    return state.startsWith("08"_L1) || state == "57P01"_L1 || state == "57P02"_L1 ||
           state == "57P03"_L1;
}
// SQLite's primary result codes (sqlite3.h).
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
} // namespace

SqlConnection::SqlConnection(DatabaseTarget target, Options options, QString connectionName)
    : m_target(std::move(target))
    , m_options(options)
    , m_name(std::move(connectionName))
{}

SqlConnection::~SqlConnection()
{
    reset();
    QSqlDatabase::removeDatabase(m_name);
}

void SqlConnection::reset()
{
    m_batch.clear();
    qDeleteAll(m_prepared);
    m_prepared.clear();
    if (QSqlDatabase::contains(m_name))
        QSqlDatabase::database(m_name, false).close();
    m_open = false;
}

bool SqlConnection::ensureOpen(SqlError *error)
{
    if (m_open)
        return true;
    QSqlDatabase db = QSqlDatabase::contains(m_name)
                          ? QSqlDatabase::database(m_name, false)
                          : QSqlDatabase::addDatabase(m_target.driverName(), m_name);
    if (!db.isValid()) {
        *error = {SqlError::Kind::Unavailable,
                  u"the Qt SQL driver %1 is not installed"_s.arg(m_target.driverName())};
        return false;
    }
    if (m_target.backend == DatabaseBackend::Sqlite) {
        db.setDatabaseName(m_target.sqlitePath);
        // A writer waits this long for another's lock before SQLITE_BUSY.
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_options.commandTimeoutMs));
    } else {
        db.setHostName(m_target.host);
        db.setPort(m_target.port);
        db.setUserName(m_target.user);
        db.setDatabaseName(m_target.databaseName);
        QStringList options{
            u"connect_timeout=%1"_s.arg(qMax(2, (m_options.connectionTimeoutMs + 999) / 1000)),
            u"application_name=%1"_s.arg(m_target.applicationName)};
        if (!m_target.sslMode.isEmpty())
            options << u"sslmode=%1"_s.arg(m_target.sslMode);
        db.setConnectOptions(options.join(u';'));
    }
    if (!db.open()) {
        *error = {SqlError::Kind::Unavailable,
                  u"cannot open %1: %2"_s.arg(m_target.describe(), db.lastError().text())};
        db.close();
        return false;
    }
    m_open = true;
    if (!configureSession(error)) {
        error->kind = SqlError::Kind::Unavailable;
        reset();
        return false;
    }
    return true;
}

// Several connections that open a new SQLite file at once all switch it to WAL, and SQLite
// answers SQLITE_BUSY at once to all but one: the busy timeout does not cover that step. Try
// again, for up to the command timeout (this runs on a pool worker, never the GUI thread).
bool SqlConnection::execWhileBusy(QSqlQuery &query, const QString &statement)
{
    QElapsedTimer clock;
    clock.start();
    while (!query.exec(statement)) {
        const QString code = query.lastError().nativeErrorCode();
        const bool busy = m_target.backend == DatabaseBackend::Sqlite &&
                          (code == "5"_L1 || code == "6"_L1); // SQLITE_BUSY, SQLITE_LOCKED
        if (!busy || clock.elapsed() >= m_options.commandTimeoutMs)
            return false;
        QThread::msleep(5);
    }
    return true;
}

bool SqlConnection::configureSession(SqlError *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    QStringList statements;
    if (m_target.backend == DatabaseBackend::Sqlite) {
        // WAL: readers never block the writer; NORMAL: a commit survives a process kill (it
        // may not survive a power cut, which only FULL guarantees, at a large write cost).
        statements << u"PRAGMA journal_mode=WAL"_s << u"PRAGMA synchronous=NORMAL"_s
                   << u"PRAGMA foreign_keys=ON"_s;
    } else {
        statements << u"SET statement_timeout = %1"_s.arg(m_options.commandTimeoutMs)
                   << u"SET jit = off"_s; // the seed's server setting: faster short queries
    }
    for (const QString &statement : statements) {
        QSqlQuery query(db);
        if (!execWhileBusy(query, statement)) {
            *error = classify(query.lastError(),
                              u"cannot set up %1 (%2)"_s.arg(m_target.describe(), statement));
            return false;
        }
        // journal_mode answers the mode it got: a file that cannot be WAL says "delete".
        if (statement.startsWith("PRAGMA journal_mode"_L1) && query.next() &&
            query.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0 &&
            m_target.sqlitePath != ":memory:"_L1) {
            *error = {SqlError::Kind::Unavailable,
                      u"%1 cannot use write-ahead logging (it answered \"%2\")"_s.arg(
                          m_target.describe(), query.value(0).toString())};
            return false;
        }
    }
    return true;
}

bool SqlConnection::isAlive()
{
    if (!m_open)
        return false;
    if (m_target.backend == DatabaseBackend::Sqlite)
        return true; // a file does not hang up
    QSqlQuery probe(QSqlDatabase::database(m_name, false));
    return probe.exec(u"SELECT 1"_s);
}

QSqlQuery *SqlConnection::prepared(const QString &sql, SqlError *error)
{
    if (QSqlQuery *query = m_prepared.value(sql))
        return query;
    if (m_prepared.size() >= kMaxPrepared) {
        qDeleteAll(m_prepared);
        m_prepared.clear();
    }
    auto *query = new QSqlQuery(QSqlDatabase::database(m_name, false));
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        *error = classify(query->lastError(), u"cannot prepare"_s);
        delete query;
        return nullptr;
    }
    m_prepared.insert(sql, query);
    return query;
}

SqlRows SqlConnection::exec(const QString &sql, const QVariantList &args, SqlError *error)
{
    SqlRows rows;
    QSqlQuery *query = prepared(sql, error);
    if (!query)
        return rows;
    for (int i = 0; i < args.size(); ++i)
        query->bindValue(i, args.at(i));
    if (!query->exec()) {
        *error = classify(query->lastError(), u"statement failed"_s);
        query->finish();
        return rows;
    }
    if (query->isSelect()) {
        const QSqlRecord record = query->record();
        const int columns = record.count();
        for (int i = 0; i < columns; ++i)
            rows.columns << record.fieldName(i);
        while (query->next()) {
            QVariantList row;
            row.reserve(columns);
            for (int i = 0; i < columns; ++i)
                row << query->value(i);
            rows.rows << std::move(row);
        }
    } else {
        rows.rowsAffected = query->numRowsAffected();
    }
    query->finish(); // releases SQLite's read lock and PostgreSQL's result now
    return rows;
}

bool SqlConnection::execDirect(const QString &sql, SqlError *error)
{
    QSqlQuery query(QSqlDatabase::database(m_name, false));
    if (query.exec(sql))
        return true;
    *error = classify(query.lastError(), u"statement failed"_s);
    return false;
}

qint64 SqlConnection::execMany(const QString &sql, const QList<QVariantList> &rows, SqlError *error)
{
#if SPOON_SQLITE_SHARED_HANDLE
    if (m_target.backend == DatabaseBackend::Sqlite && SqliteBatch::canBind(rows)) {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (sqlite3 *handle = SqliteBatch::handleOf(db.driver()->handle())) {
            SqliteBatch::Failure failure;
            const qint64 affected = m_batch.run(handle, sql, rows, &failure);
            if (failure.code != 0) {
                // As QSQLITE reports a failed step, so that classify() reads it the same.
                *error =
                    classify(QSqlError(u"Unable to fetch row"_s, failure.message,
                                       QSqlError::ConnectionError, QString::number(failure.code)),
                             u"statement failed"_s);
            }
            return affected;
        }
    }
#endif
    QSqlQuery *query = prepared(sql, error);
    if (!query)
        return 0;
    qint64 affected = 0;
    for (const QVariantList &args : rows) {
        for (int i = 0; i < args.size(); ++i)
            query->bindValue(i, args.at(i));
        if (!query->exec()) {
            *error = classify(query->lastError(), u"statement failed"_s);
            query->finish();
            return affected;
        }
        affected += qMax(0, query->numRowsAffected());
    }
    query->finish();
    return affected;
}

bool SqlConnection::begin(SqlError *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    if (db.transaction())
        return true;
    *error = classify(db.lastError(), u"cannot begin a transaction"_s);
    return false;
}

bool SqlConnection::commit(SqlError *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    if (db.commit())
        return true;
    *error = classify(db.lastError(), u"commit failed"_s);
    return false;
}

void SqlConnection::rollback()
{
    QSqlDatabase::database(m_name, false).rollback();
}

SqlError SqlConnection::classify(const QSqlError &error, const QString &what) const
{
    const QString state = error.nativeErrorCode();
    const QString text = what + u": "_s + error.text();
    if (m_target.backend == DatabaseBackend::Postgres) {
        if (error.type() == QSqlError::ConnectionError)
            return {SqlError::Kind::Connection, text};
        if (state == QLatin1StringView(kQueryCanceled) ||
            state == QLatin1StringView(kLockNotAvailable))
            return {SqlError::Kind::Timeout, text};
        if (isConnectionState(state) || state.isEmpty())
            return {SqlError::Kind::Connection, text}; // no SQLSTATE: no answer from a server
        return {SqlError::Kind::Statement, text};
    }
    // QSQLITE reports any failed step as a ConnectionError; SQLite's own code says more.
    const int code = state.toInt() & 0xff; // extended codes keep the primary in the low byte
    if (code == kSqliteBusy || code == kSqliteLocked)
        return {SqlError::Kind::Timeout, text};
    return {SqlError::Kind::Statement, text};
}

} // namespace spoon
