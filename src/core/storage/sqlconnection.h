#pragma once

#include "config/databasetarget.h"
#include "sqlitebatch.h"
#include "sqltypes.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace spoon {

struct DatabaseSettings;

// One named QSqlDatabase connection, used only on the thread that made it (Qt's rule). It
// opens lazily, sets the backend's session options (WAL and a busy timeout for SQLite, a
// statement timeout for PostgreSQL), keeps each statement prepared after its first use, and
// reopens after it broke.
class SqlConnection
{
public:
    struct Options
    {
        int commandTimeoutMs = 60000;
        int connectionTimeoutMs = 10000;
    };

    SqlConnection(DatabaseTarget target, Options options, QString connectionName);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    DatabaseBackend backend() const { return m_target.backend; }
    bool isOpen() const { return m_open; }
    // Opens if needed; false with the reason in `error`.
    bool ensureOpen(SqlError *error);
    // Closes and forgets prepared statements, so the next use opens afresh.
    void reset();
    // After a failure: is the connection itself still alive? (A round trip on PostgreSQL.)
    bool isAlive();

    // Runs one statement, prepared once per connection and reused; `error` set on failure.
    SqlRows exec(const QString &sql, const QVariantList &args, SqlError *error);
    // A statement run once as it is, not prepared: DDL and session settings (PostgreSQL
    // cannot PREPARE those). Never with values from outside.
    bool execDirect(const QString &sql, SqlError *error);
    // The same statement for many rows in one prepared statement. On SQLite the rows go
    // through the C API on this connection's handle (SqliteBatch), about three times faster
    // than QSqlQuery; elsewhere, and for values SqliteBatch does not bind, QSqlQuery.
    qint64 execMany(const QString &sql, const QList<QVariantList> &rows, SqlError *error);
    bool begin(SqlError *error);
    bool commit(SqlError *error);
    void rollback();

    int preparedCount() const { return int(m_prepared.size()); }

private:
    QSqlQuery *prepared(const QString &sql, SqlError *error);
    SqlError classify(const QSqlError &error, const QString &what) const;
    bool configureSession(SqlError *error);
    bool execWhileBusy(QSqlQuery &query, const QString &statement);

    DatabaseTarget m_target;
    Options m_options;
    QString m_name;
    bool m_open = false;
    QHash<QString, QSqlQuery *> m_prepared;
    SqliteBatch m_batch;
};

} // namespace spoon
