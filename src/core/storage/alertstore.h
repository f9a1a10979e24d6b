#pragma once

#include "databasepool.h"
#include "monitor/alert.h"
#include "storeresult.h"

#include <QObject>

namespace spoon {

// Every alert episode, so the Alerts view shows past ones after a restart. A row is written
// when an alert fires and updated when it resolves or is acknowledged; the rule and start
// time name it (a rule cannot fire twice in one millisecond), so an alert of an earlier run
// can be acknowledged too.
class AlertStore : public QObject
{
    Q_OBJECT
public:
    explicit AlertStore(DatabasePool &pool, QObject *parent = nullptr);

    QFuture<SqlError> recordFired(const Alert &alert);
    QFuture<SqlError> recordResolved(const Alert &alert);
    // An event that began and ended at once (a memory cleanup): one row, already ended.
    QFuture<SqlError> recordEvent(const Alert &event);
    QFuture<SqlError> recordAcknowledged(const QString &rule, qint64 startedMs,
                                         qint64 acknowledgedMs);
    // Newest first. The alerts' `id` is 0: they belong to no run's engine.
    QFuture<StoreResult<QList<Alert>>> recent(int limit);
    // Alerts an earlier run left active when it ended (it quit or crashed) end at this run's
    // start; recent() applies the same in its own transaction, so it never reads them active.
    QFuture<SqlError> closeOrphans(qint64 runStartedMs);
    // Deletes alerts that ended before the cutoff; the outcome counts them.
    QFuture<StoreResult<qint64>> pruneEndedBefore(qint64 cutoffMs);

Q_SIGNALS:
    void writeFailed(const QString &why);

private:
    QFuture<SqlError> write(const QString &sql, const QVariantList &args);

    SqlStatement closeOrphansStatement() const;

    DatabasePool &m_pool;
    qint64 m_runStartedMs = 0; // 0 until closeOrphans()
};

} // namespace spoon
