#include "databasepool.h"

#include "sqlconnection.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPromise>
#include <QThread>
#include <QTimer>

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace spoon {

struct DatabasePool::Pending
{
    quint64 id = 0;
    Job job;
    bool inTransaction = false;
    Retry retry = Retry::Never;
    std::shared_ptr<QPromise<SqlOutcome>> promise;
};

// What the owner and the workers share; guarded by `mutex` except the metric series, which
// are atomics.
struct DatabasePool::Shared
{
    DatabaseTarget target;
    DatabasePoolLimits limits;
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Pending> queue;
    int threads = 0;
    int idleThreads = 0; // waiting for a job
    int inUse = 0;
    int open = 0;
    bool stopping = false;
    // Set when the pool was destroyed with a job still running past kShutdownWaitMs: that
    // worker touches nothing of the pool's again and ends with its job.
    bool abandoned = false;
    quint64 nextId = 1;
    // Outcomes the workers finished, fulfilled on the owner's thread: Qt 6.4 runs a
    // continuation twice when a future finishes on one thread while .then() is attached to
    // it on another (the second run finds its promise moved away and crashes).
    QObject *owner = nullptr;
    std::vector<std::pair<std::shared_ptr<QPromise<SqlOutcome>>, SqlOutcome>> finished;
    bool deliveryPosted = false;

    Gauge *openGauge = nullptr;
    Gauge *inUseGauge = nullptr;
    Gauge *idleGauge = nullptr;
    Gauge *waitingGauge = nullptr;
    Histogram *latency = nullptr;
    Counter *rowsWritten = nullptr;
    std::map<SqlError::Kind, Counter *> errors;

    void publishLocked() const
    {
        if (!openGauge)
            return;
        openGauge->set(open);
        inUseGauge->set(inUse);
        idleGauge->set(qMax(0, open - inUse));
        waitingGauge->set(double(queue.size()));
    }
};

Q_LOGGING_CATEGORY(lcDatabase, "spoon.storage.database")

namespace {

std::shared_ptr<QPromise<SqlOutcome>> startedPromise()
{
    auto promise = std::make_shared<QPromise<SqlOutcome>>();
    promise->start();
    return promise;
}

void fulfil(QPromise<SqlOutcome> &promise, SqlOutcome outcome)
{
    promise.addResult(std::move(outcome));
    promise.finish();
}

// One attempt, or two when the link broke and the job may run again.
SqlOutcome execute(SqlConnection &connection, const DatabasePool::Job &job, bool inTransaction,
                   DatabasePool::Retry retry)
{
    for (int attempt = 0;; ++attempt) {
        SqlError error;
        if (!connection.ensureOpen(&error))
            return {error, {}};
        bool committing = false;
        SqlOutcome outcome;
        if (inTransaction && !connection.begin(&error)) {
            outcome = {error, {}};
        } else {
            outcome = job(connection);
            if (inTransaction && outcome.ok()) {
                committing = true;
                if (!connection.commit(&error)) {
                    outcome = {error, {}};
                    connection.rollback(); // SQLite keeps a transaction whose COMMIT was busy
                }
            } else if (inTransaction) {
                connection.rollback();
            }
        }
        if (outcome.ok() || outcome.error.kind == SqlError::Kind::Timeout || connection.isAlive())
            return outcome;
        // The link is gone: the server rolled back whatever this job had begun.
        connection.reset();
        outcome.error.kind = SqlError::Kind::Connection;
        if (committing) {
            outcome.error.message +=
                u" (the connection broke during COMMIT: the transaction may or may not have "
                u"been applied)"_s;
            return outcome;
        }
        if (attempt > 0 || retry == DatabasePool::Retry::Never)
            return outcome;
    }
}

} // namespace

void DatabasePool::deliverFinished(Shared &shared)
{
    decltype(Shared::finished) finished;
    {
        std::lock_guard lock(shared.mutex);
        finished.swap(shared.finished);
        shared.deliveryPosted = false;
    }
    for (auto &[promise, outcome] : finished)
        fulfil(*promise, std::move(outcome));
}

void DatabasePool::workerLoop(const std::shared_ptr<Shared> &shared, const QString &name)
{
    SqlConnection connection(shared->target,
                             {shared->limits.commandTimeoutMs, shared->limits.connectionTimeoutMs},
                             name);
    SqlError ignored; // a connection that cannot open now is tried again per job
    bool countedOpen = connection.ensureOpen(&ignored);
    std::unique_lock lock(shared->mutex);
    shared->open += countedOpen ? 1 : 0;
    for (;;) {
        ++shared->idleThreads;
        shared->publishLocked();
        shared->wake.wait(lock, [&] { return shared->stopping || !shared->queue.empty(); });
        --shared->idleThreads;
        if (shared->queue.empty())
            break; // stopping
        DatabasePool::Pending pending = std::move(shared->queue.front());
        shared->queue.pop_front();
        ++shared->inUse;
        shared->publishLocked();
        lock.unlock();

        QElapsedTimer timer;
        timer.start();
        SqlOutcome outcome = execute(connection, pending.job, pending.inTransaction, pending.retry);
        lock.lock();
        if (shared->abandoned)
            return; // the pool, its owner and its metrics may be gone
        if (shared->latency) {
            shared->latency->observe(double(timer.nsecsElapsed()) / 1e9);
            if (!outcome.ok())
                shared->errors.at(outcome.error.kind)->add();
            for (const SqlRows &rows : outcome.results) {
                if (rows.rowsAffected > 0)
                    shared->rowsWritten->add(double(rows.rowsAffected));
            }
        }
        // The counts are settled before the caller sees the result, so what it reads next
        // agrees with it.
        --shared->inUse;
        shared->open += int(connection.isOpen()) - int(countedOpen);
        countedOpen = connection.isOpen();
        shared->publishLocked();
        shared->finished.emplace_back(std::move(pending.promise), std::move(outcome));
        if (!std::exchange(shared->deliveryPosted, true))
            QMetaObject::invokeMethod(
                shared->owner, [shared] { deliverFinished(*shared); }, Qt::QueuedConnection);
    }
    shared->open -= countedOpen ? 1 : 0;
    --shared->threads;
    shared->publishLocked();
}

DatabasePool::DatabasePool(DatabaseTarget target, DatabasePoolLimits limits,
                           MetricsRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_limits(limits)
    , m_shared(std::make_shared<Shared>())
{
    m_limits.maxSize = qMax(1, m_limits.maxSize);
    m_limits.minSize = qBound(0, m_limits.minSize, m_limits.maxSize);
    // A SQLite file has one writer and opens in microseconds: connections kept open ahead of
    // need are idle threads. pool_min_size counts at most one there; pool_max_size still
    // bounds how many connections open on demand when jobs overlap (reads run side by side).
    if (m_target.backend == DatabaseBackend::Sqlite)
        m_limits.minSize = qMin(m_limits.minSize, 1);
    m_shared->target = std::move(target);
    m_shared->limits = m_limits;
    m_shared->owner = this;
    if (registry) {
        m_shared->openGauge = &registry->gauge(metric::kDbConnectionsOpen);
        m_shared->inUseGauge = &registry->gauge(metric::kDbConnectionsInUse);
        m_shared->idleGauge = &registry->gauge(metric::kDbConnectionsIdle);
        m_shared->waitingGauge = &registry->gauge(metric::kDbWaiters);
        m_shared->latency = &registry->histogram(
            metric::kDbQuerySeconds,
            {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10});
        m_shared->rowsWritten = &registry->counter(metric::kDbRowsWritten);
        for (SqlError::Kind kind :
             {SqlError::Kind::Exhausted, SqlError::Kind::Unavailable, SqlError::Kind::Connection,
              SqlError::Kind::Timeout, SqlError::Kind::Statement, SqlError::Kind::Closed}) {
            m_shared->errors[kind] = &registry->counter(
                metric::kDbErrors, {{"kind", SqlError::kindName(kind).toLatin1()}});
        }
    }
}

DatabasePool::~DatabasePool()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
    }
    m_shared->wake.notify_all();
    // Workers run what is already queued (writes at quit), then close their connections. A
    // statement may run for command_timeout (60 s by default): past kShutdownWaitMs the quit
    // goes on without it, the log says what was cut short, and the worker ends with its job
    // or with the process.
    const QDeadlineTimer deadline(kShutdownWaitMs);
    QList<QThread *> running;
    for (QThread *thread : findChildren<QThread *>(Qt::FindDirectChildrenOnly)) {
        if (!thread->wait(deadline))
            running.append(thread);
    }
    if (!running.isEmpty()) {
        qsizetype queued = 0;
        {
            std::lock_guard lock(m_shared->mutex);
            m_shared->abandoned = true;
            m_shared->openGauge = nullptr; // publishLocked() writes nothing from now on
            m_shared->latency = nullptr;
            m_shared->owner = nullptr;
            queued = qsizetype(m_shared->queue.size());
            m_shared->queue.clear(); // their promises cancel: no caller waits for ever
        }
        qCWarning(lcDatabase,
                  "closing the database %s: %lld job(s) still running after %d ms and %lld "
                  "queued were cut short",
                  qPrintable(m_target.describe()), static_cast<long long>(running.size()),
                  kShutdownWaitMs, static_cast<long long>(queued));
        for (QThread *thread : std::as_const(running)) {
            // Destroying a running QThread aborts: it deletes itself once its job returns.
            thread->setParent(nullptr);
            connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        }
    }
    // What the workers finished since the last delivery is delivered from another thread, as
    // the workers used to: a continuation bound to an object that is being destroyed along
    // with this pool is then posted and dropped, not run in the middle of its destruction.
    std::thread([shared = m_shared] { deliverFinished(*shared); }).join();
}

void DatabasePool::startWorker()
{
    int index;
    {
        std::lock_guard lock(m_shared->mutex);
        index = ++m_shared->threads;
    }
    const QString name = u"spoon-db-%1-%2"_s.arg(quintptr(this), 0, 16).arg(index);
    QThread *thread = QThread::create(&DatabasePool::workerLoop, m_shared, name);
    thread->setObjectName(u"spoon-db-%1"_s.arg(index));
    thread->setParent(this);
    thread->start();
}

QFuture<SqlOutcome> DatabasePool::run(Job job, bool inTransaction, Retry retry)
{
    Q_ASSERT(QThread::currentThread() == thread());
    Pending pending{0, std::move(job), inTransaction, retry, startedPromise()};
    QFuture<SqlOutcome> future = pending.promise->future();
    bool mustWait = false;
    bool grow = false;
    quint64 id;
    {
        std::lock_guard lock(m_shared->mutex);
        if (m_shared->stopping)
            return QtFuture::makeReadyFuture(
                SqlOutcome::failure(SqlError::Kind::Closed, u"the database pool was closed"_s));
        id = pending.id = m_shared->nextId++;
        m_shared->queue.push_back(std::move(pending));
        const qsizetype free = m_shared->idleThreads - qsizetype(m_shared->queue.size());
        mustWait = free < 0;
        grow = mustWait && m_shared->threads < m_limits.maxSize;
        m_shared->publishLocked();
    }
    m_shared->wake.notify_one();
    // The min_size connections open with the first job, so that a command that never
    // touches the store starts no thread and creates no file.
    if (!m_started) {
        m_started = true;
        for (int i = 0; i < qMax(1, m_limits.minSize); ++i)
            startWorker();
    } else if (grow) {
        startWorker();
    }
    if (mustWait)
        QTimer::singleShot(m_limits.connectionTimeoutMs, this, [this, id] { expire(id); });
    return future;
}

void DatabasePool::expire(quint64 jobId)
{
    Pending expired;
    Counts counts;
    {
        std::lock_guard lock(m_shared->mutex);
        auto &queue = m_shared->queue;
        auto it = std::find_if(queue.begin(), queue.end(),
                               [jobId](const Pending &p) { return p.id == jobId; });
        if (it == queue.end())
            return; // it got a connection in time
        expired = std::move(*it);
        queue.erase(it);
        counts = {m_shared->open, m_shared->inUse, 0, int(queue.size()), m_shared->threads};
        m_shared->publishLocked();
    }
    // Fewer than max_size busy: the connections were still opening (a server that does not
    // answer), which is not exhaustion.
    const bool exhausted = counts.inUse >= m_limits.maxSize;
    const SqlError::Kind kind = exhausted ? SqlError::Kind::Exhausted : SqlError::Kind::Unavailable;
    if (m_shared->errors.count(kind))
        m_shared->errors.at(kind)->add();
    const QString seconds = QString::number(m_limits.connectionTimeoutMs / 1000.0);
    fulfil(*expired.promise,
           SqlOutcome::failure(
               kind, exhausted
                         ? u"the database pool is exhausted: %1 of %2 connections in use and %3 "
                           u"more jobs waiting; none came free within %4 s "
                           u"(performance.database.connection_timeout)"_s.arg(counts.inUse)
                               .arg(m_limits.maxSize)
                               .arg(counts.waiting)
                               .arg(seconds)
                         : u"no connection to %1 could be opened within %2 s "
                           u"(performance.database.connection_timeout)"_s.arg(m_target.describe(),
                                                                              seconds)));
}

DatabasePool::Counts DatabasePool::counts() const
{
    std::lock_guard lock(m_shared->mutex);
    return {m_shared->open, m_shared->inUse, qMax(0, m_shared->open - m_shared->inUse),
            int(m_shared->queue.size()), m_shared->threads};
}

QFuture<SqlOutcome> DatabasePool::query(const QString &sql, const QVariantList &args)
{
    return run(
        [sql, args](SqlConnection &connection) {
            SqlError error;
            SqlRows rows = connection.exec(sql, args, &error);
            return SqlOutcome{error, {std::move(rows)}};
        },
        false,
        sql.trimmed().startsWith("SELECT"_L1, Qt::CaseInsensitive) ? Retry::OnBrokenLink
                                                                   : Retry::Never);
}

QFuture<SqlOutcome> DatabasePool::transaction(const QList<SqlStatement> &statements)
{
    return run(
        [statements](SqlConnection &connection) {
            SqlOutcome outcome;
            for (const SqlStatement &statement : statements) {
                SqlRows rows = connection.exec(statement.sql, statement.args, &outcome.error);
                if (!outcome.ok()) {
                    outcome.results.clear();
                    return outcome;
                }
                outcome.results << std::move(rows);
            }
            return outcome;
        },
        true, Retry::OnBrokenLink);
}

QString SqlError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return u"none"_s;
    case Kind::Exhausted:
        return u"exhausted"_s;
    case Kind::Unavailable:
        return u"unavailable"_s;
    case Kind::Connection:
        return u"connection"_s;
    case Kind::Timeout:
        return u"timeout"_s;
    case Kind::Statement:
        return u"statement"_s;
    case Kind::Closed:
        return u"closed"_s;
    }
    return {};
}

} // namespace spoon
