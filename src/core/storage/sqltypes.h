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

// The stores' conventions for values bound as SQL NULL.
namespace sqlvalue {

// An empty text is no value: NULL.
inline QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// A negative count, time or duration means "not known" (-1): NULL.
inline QVariant nullIfNegative(qint64 value)
{
    return value < 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

// A null QString binds as SQL NULL; for a NOT NULL column, where empty is meant.
inline QVariant emptyIfNull(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

} // namespace sqlvalue

} // namespace spoon
