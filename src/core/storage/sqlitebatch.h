#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace spoon {

// One statement run for many rows straight through the SQLite C API, on the handle of Qt's
// own QSQLITE connection (QSqlDriver::handle()): the same database, lock and transaction.
// Through QSqlQuery each row costs copies of its values, Qt's per-row bookkeeping and SQLite
// converting each text from UTF-16; here a row is its values bound where they lie (texts
// encoded to UTF-8 in one buffer), one step and a reset. Values bind as Qt's driver binds
// them (qsql_sqlite.cpp): a null value, null QString or null QByteArray as NULL, int and bool
// as integers, qint64 and uint as 64-bit integers, double as real, QByteArray as a blob,
// QString as text. Rows holding another type are left to QSqlQuery (canBind()).
class SqliteBatch
{
public:
    struct Failure
    {
        int code = 0; // SQLite's extended result code
        QString message;
    };

    SqliteBatch() = default;
    ~SqliteBatch();
    SqliteBatch(const SqliteBatch &) = delete;
    SqliteBatch &operator=(const SqliteBatch &) = delete;

    // The sqlite3 handle of an open QSQLITE connection's driver; null for any other.
    static sqlite3 *handleOf(const QVariant &driverHandle);
    // Whether every value is of a type this class binds.
    static bool canBind(const QList<QVariantList> &rows);

    // Runs `sql` once per row; the rows it changed (sqlite3_changes, as QSqlQuery counts
    // them). Stops at the first failing row, leaving the transaction to the caller.
    qint64 run(sqlite3 *db, const QString &sql, const QList<QVariantList> &rows, Failure *failure);
    // Finalizes every statement: before the connection closes (SQLite keeps a handle with
    // live statements open).
    void clear();

private:
    sqlite3_stmt *statement(sqlite3 *db, const QString &sql, Failure *failure);

    QHash<QString, sqlite3_stmt *> m_statements;
    QByteArray m_utf8; // a row's texts, bound from here
};

} // namespace spoon
