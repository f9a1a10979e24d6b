#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace spoon {

struct SqlStatement
{
    QString sql; // '?' placeholders only: every value is bound, never spliced
    QVariantList args;
};

struct SqlRows
{
    QStringList columns;
    QList<QVariantList> rows;
    qint64 rowsAffected = -1; // for writes
};

struct SqlError
{
    enum class Kind
    {
        None,
        Exhausted,   // every connection busy for connection_timeout
        Unavailable, // cannot open a connection: server down, file unreadable
        Connection,  // the connection broke during the job
        Timeout,     // command_timeout, or SQLite stayed locked that long
        Statement,   // the SQL or its values were refused (syntax, constraint)
        Closed,      // the pool was shut down
    };
    Kind kind = Kind::None;
    QString message;

    static QString kindName(Kind kind);
};

// What a job gives back: the rows of each statement, or why it failed.
struct SqlOutcome
{
    SqlError error;
    QList<SqlRows> results;

    bool ok() const { return error.kind == SqlError::Kind::None; }
    static SqlOutcome failure(SqlError::Kind kind, QString message)
    {
        return {SqlError{kind, std::move(message)}, {}};
    }
};

} // namespace spoon
