#include "sqlitebatch.h"

#include <QByteArray>
#include <QStringEncoder>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace spoon {

namespace {
// A connection keeps at most this many batch statements; past it the cache starts over.
constexpr qsizetype kMaxStatements = 32;

bool isNullValue(const QVariant &value)
{
    if (value.isNull())
        return true;
    switch (value.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(value.constData())->isNull();
    case QMetaType::QByteArray:
        return static_cast<const QByteArray *>(value.constData())->isNull();
    default:
        return false;
    }
}
} // namespace

SqliteBatch::~SqliteBatch()
{
    clear();
}

sqlite3 *SqliteBatch::handleOf(const QVariant &driverHandle)
{
    if (!driverHandle.isValid() || qstrcmp(driverHandle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(driverHandle.constData());
}

bool SqliteBatch::canBind(const QList<QVariantList> &rows)
{
    for (const QVariantList &row : rows) {
        for (const QVariant &value : row) {
            switch (value.typeId()) {
            case QMetaType::UnknownType: // QVariant(): NULL
            case QMetaType::QString:
            case QMetaType::QByteArray:
            case QMetaType::Int:
            case QMetaType::Bool:
            case QMetaType::UInt:
            case QMetaType::LongLong:
            case QMetaType::Double:
                break;
            default:
                if (!value.isNull())
                    return false;
            }
        }
    }
    return true;
}

sqlite3_stmt *SqliteBatch::statement(sqlite3 *db, const QString &sql, Failure *failure)
{
    if (sqlite3_stmt *found = m_statements.value(sql)) {
        if (sqlite3_db_handle(found) == db)
            return found;
        clear(); // the connection was opened again: these belong to the old handle
    }
    if (m_statements.size() >= kMaxStatements)
        clear();
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *prepared = nullptr;
    const int rc = sqlite3_prepare_v3(db, text.constData(), int(text.size()),
                                      SQLITE_PREPARE_PERSISTENT, &prepared, nullptr);
    if (rc != SQLITE_OK) {
        *failure = {sqlite3_extended_errcode(db),
                    u"cannot prepare: "_s + QString::fromUtf8(sqlite3_errmsg(db))};
        sqlite3_finalize(prepared);
        return nullptr;
    }
    m_statements.insert(sql, prepared);
    return prepared;
}

qint64 SqliteBatch::run(sqlite3 *db, const QString &sql, const QList<QVariantList> &rows,
                        Failure *failure)
{
    sqlite3_stmt *stmt = statement(db, sql, failure);
    if (!stmt)
        return 0;
    const int parameters = sqlite3_bind_parameter_count(stmt);
    QStringEncoder toUtf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    qint64 changed = 0;
    for (const QVariantList &row : rows) {
        if (row.size() != parameters) {
            *failure = {SQLITE_RANGE, u"Parameter count mismatch"_s};
            sqlite3_clear_bindings(stmt);
            return changed;
        }
        // The row's texts in UTF-8, the database's encoding, in one buffer made once.
        qsizetype space = 0;
        for (const QVariant &value : row) {
            if (value.typeId() == QMetaType::QString)
                space +=
                    toUtf8.requiredSpace(static_cast<const QString *>(value.constData())->size());
        }
        if (m_utf8.size() < space)
            m_utf8.resize(space);
        char *out = m_utf8.data();
        int rc = SQLITE_OK;
        for (int i = 0; i < parameters && rc == SQLITE_OK; ++i) {
            const QVariant &value = row.at(i);
            const int index = i + 1;
            if (isNullValue(value)) {
                rc = sqlite3_bind_null(stmt, index);
                continue;
            }
            switch (value.typeId()) {
            case QMetaType::QString: {
                // Bound where it lies: the row outlives the step (SQLITE_STATIC).
                const auto *text = static_cast<const QString *>(value.constData());
                char *const start = out;
                out = toUtf8.appendToBuffer(out, *text);
                rc = sqlite3_bind_text(stmt, index, start, int(out - start), SQLITE_STATIC);
                break;
            }
            case QMetaType::QByteArray: {
                const auto *bytes = static_cast<const QByteArray *>(value.constData());
                rc = sqlite3_bind_blob(stmt, index, bytes->constData(), int(bytes->size()),
                                       SQLITE_STATIC);
                break;
            }
            case QMetaType::Int:
            case QMetaType::Bool:
                rc = sqlite3_bind_int(stmt, index, value.toInt());
                break;
            case QMetaType::UInt:
            case QMetaType::LongLong:
                rc = sqlite3_bind_int64(stmt, index, value.toLongLong());
                break;
            case QMetaType::Double:
                rc = sqlite3_bind_double(stmt, index, value.toDouble());
                break;
            default: // canBind() said no such row is here
                rc = SQLITE_MISUSE;
            }
        }
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(stmt);
            while (rc == SQLITE_ROW) // RETURNING: the rows are not wanted here
                rc = sqlite3_step(stmt);
        }
        if (rc != SQLITE_DONE) {
            const int code = sqlite3_extended_errcode(db);
            *failure = {code != SQLITE_OK ? code : rc, QString::fromUtf8(sqlite3_errmsg(db))};
            sqlite3_reset(stmt);
            sqlite3_clear_bindings(stmt);
            return changed;
        }
        changed += sqlite3_changes(db);
        sqlite3_reset(stmt);
    }
    sqlite3_clear_bindings(stmt); // no pointer into the caller's rows is kept
    return changed;
}

void SqliteBatch::clear()
{
    for (sqlite3_stmt *stmt : std::as_const(m_statements))
        sqlite3_finalize(stmt);
    m_statements.clear();
}

} // namespace spoon
