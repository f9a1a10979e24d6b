#pragma once

#include "config/databasetarget.h"
#include "sqltypes.h"

#include <QFuture>
#include <QObject>

#include <functional>
#include <memory>

namespace spoon {

class MetricsRegistry;
class SqlConnection;

struct DatabasePoolLimits
{
    int minSize = 5;  // pool_min_size: connections opened at start and kept
    int maxSize = 20; // pool_max_size
    int commandTimeoutMs = 60000;
    int connectionTimeoutMs = 10000; // how long a caller waits for a free connection
};

// The seed's DatabasePool over QSqlDatabase. A connection may be used only on the thread that
// opened it, so the pool owns worker threads, one connection each, and runs jobs on them;
// callers get a QFuture and never block. When all max_size are busy a job waits in line up
// to connection_timeout, then fails as Exhausted with the counts. A job that meets a broken
// connection (the server restarted) gets it reopened and, where that is safe, runs once more.
// Submit from the thread the pool was made on (its expiry timers live there).
class DatabasePool : public QObject
{
    Q_OBJECT
public:
    // Runs on a worker with its connection; inside a transaction when submitted as one.
    using Job = std::function<SqlOutcome(SqlConnection &)>;

    DatabasePool(DatabaseTarget target, DatabasePoolLimits limits,
                 MetricsRegistry *registry = nullptr, QObject *parent = nullptr);
    // Runs what is queued, then closes every connection; later jobs fail as Closed. Waits
    // kShutdownWaitMs at most, then logs the jobs it cut short and returns.
    ~DatabasePool() override;
    static constexpr int kShutdownWaitMs = 5000;

    const DatabaseTarget &target() const { return m_target; }
    const DatabasePoolLimits &limits() const { return m_limits; }

    // The seed's two verbs. query() returns one result; transaction() runs every statement
    // or none, rolling back on the first error, and returns a result per statement.
    QFuture<SqlOutcome> query(const QString &sql, const QVariantList &args = {});
    QFuture<SqlOutcome> transaction(const QList<SqlStatement> &statements);

    enum class Retry
    {
        Never,        // writes outside a transaction: a second run could repeat them
        OnBrokenLink, // reads, and transactions (the server rolled back the broken one)
    };
    QFuture<SqlOutcome> run(Job job, bool inTransaction, Retry retry);

    struct Counts
    {
        int open = 0;
        int inUse = 0;
        int idle = 0;
        int waiting = 0;
        int threads = 0;
    };
    Counts counts() const;

private:
    struct Shared;
    struct Pending;
    static void workerLoop(const std::shared_ptr<Shared> &shared, const QString &name);
    static void deliverFinished(Shared &shared);
    void startWorker();
    void expire(quint64 jobId);

    DatabaseTarget m_target;
    DatabasePoolLimits m_limits;
    std::shared_ptr<Shared> m_shared;
    bool m_started = false;
};

} // namespace spoon
