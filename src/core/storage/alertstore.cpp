#include "alertstore.h"

using namespace Qt::StringLiterals;

namespace spoon {

AlertStore::AlertStore(DatabasePool &pool, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
{}

QFuture<SqlError> AlertStore::write(const QString &sql, const QVariantList &args)
{
    return m_pool.query(sql, args).then(this, [this](const SqlOutcome &outcome) {
        if (!outcome.ok())
            Q_EMIT writeFailed(outcome.error.message);
        return outcome.error;
    });
}

QFuture<SqlError> AlertStore::recordFired(const Alert &a)
{
    return write(u"INSERT INTO alerts (rule, type, level, value, peak, threshold, window_seconds,"
                 u" message, started_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                 {a.rule, a.type, alertLevelName(a.level), a.value, a.peak, a.threshold,
                  a.windowSeconds, a.message, a.startedMs});
}

QFuture<SqlError> AlertStore::recordEvent(const Alert &a)
{
    return write(u"INSERT INTO alerts (rule, type, level, value, peak, threshold, window_seconds,"
                 u" message, started_ms, ended_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                 {a.rule, a.type, alertLevelName(a.level), a.value, a.peak, a.threshold,
                  a.windowSeconds, a.message, a.startedMs, a.endedMs});
}

QFuture<SqlError> AlertStore::recordResolved(const Alert &a)
{
    return write(u"UPDATE alerts SET ended_ms = ?, peak = ? WHERE rule = ? AND started_ms = ?"_s,
                 {a.endedMs, a.peak, a.rule, a.startedMs});
}

QFuture<SqlError> AlertStore::recordAcknowledged(const QString &rule, qint64 startedMs,
                                                 qint64 acknowledgedMs)
{
    return write(u"UPDATE alerts SET acknowledged_ms = ? WHERE rule = ? AND started_ms = ?"
                 u" AND acknowledged_ms IS NULL"_s,
                 {acknowledgedMs, rule, startedMs});
}

QFuture<StoreResult<QList<Alert>>> AlertStore::recent(int limit)
{
    QList<SqlStatement> statements;
    if (m_runStartedMs)
        statements << closeOrphansStatement();
    statements << SqlStatement{u"SELECT rule, type, level, value, peak, threshold, window_seconds,"
                               u" message, started_ms, ended_ms, acknowledged_ms FROM alerts"
                               u" ORDER BY started_ms DESC, id DESC LIMIT ?"_s,
                               {limit}};
    return storeResultOf<QList<Alert>>(m_pool.transaction(statements), [](const SqlOutcome &o) {
        QList<Alert> alerts;
        for (const QVariantList &row : o.results.last().rows) {
            Alert a;
            a.rule = row.at(0).toString();
            a.type = row.at(1).toString();
            a.level =
                row.at(2).toString() == "critical"_L1 ? AlertLevel::Critical : AlertLevel::Warning;
            a.value = row.at(3).toDouble();
            a.peak = row.at(4).isNull() ? a.value : row.at(4).toDouble();
            a.threshold = row.at(5).toDouble();
            a.windowSeconds = row.at(6).toDouble();
            a.message = row.at(7).toString();
            a.startedMs = row.at(8).toLongLong();
            a.endedMs = row.at(9).toLongLong();
            a.acknowledgedMs = row.at(10).toLongLong();
            alerts.append(a);
        }
        return alerts;
    });
}

SqlStatement AlertStore::closeOrphansStatement() const
{
    return {u"UPDATE alerts SET ended_ms = ? WHERE ended_ms IS NULL AND started_ms < ?"_s,
            {m_runStartedMs, m_runStartedMs}};
}

QFuture<SqlError> AlertStore::closeOrphans(qint64 runStartedMs)
{
    m_runStartedMs = runStartedMs;
    const SqlStatement statement = closeOrphansStatement();
    return write(statement.sql, statement.args);
}

QFuture<StoreResult<qint64>> AlertStore::pruneEndedBefore(qint64 cutoffMs)
{
    return storeResultOf<qint64>(
        m_pool.query(u"DELETE FROM alerts WHERE ended_ms IS NOT NULL AND ended_ms < ?"_s,
                     {cutoffMs}),
        [](const SqlOutcome &o) { return qMax<qint64>(0, o.results.first().rowsAffected); });
}

} // namespace spoon
