#include "telemetrystore.h"

#include "sqlconnection.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace spoon {

namespace {
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kDayMs = 24 * 60 * kMinuteMs;

const QString kInsertLlmCall =
    u"INSERT INTO llm_calls (provider, model, agent, started_ms, first_token_ms, latency_ms,"
    u" tokens_in, tokens_out, cache_hit, retries, fallback, error_kind)"
    u" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
// A minute seen twice (two engines on one PostgreSQL, or a restart within the minute) keeps
// the later rollup; both backends speak this form of upsert.
const QString kInsertRollup =
    u"INSERT INTO metric_rollups (name, minute_ms, avg_value, min_value, max_value)"
    u" VALUES (?, ?, ?, ?, ?) ON CONFLICT (name, minute_ms) DO UPDATE SET"
    u" avg_value = excluded.avg_value, min_value = excluded.min_value,"
    u" max_value = excluded.max_value"_s;

} // namespace

TelemetryStore::TelemetryStore(DatabasePool &pool, int retentionDays, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_retentionDays(retentionDays)
{
    m_llmTimer.setSingleShot(true);
    m_llmTimer.setInterval(kLlmFlushMs);
    connect(&m_llmTimer, &QTimer::timeout, this, [this] {
        if (!m_llmRows.isEmpty())
            write(std::exchange(m_llmRows, {}), {});
    });
    m_metricTimer.setInterval(kMetricFlushMs);
    connect(&m_metricTimer, &QTimer::timeout, this, [this] {
        if (!m_metricRows.isEmpty())
            write({}, std::exchange(m_metricRows, {}));
    });
    m_metricTimer.start();
    m_pruneTimer.setInterval(int(kDayMs / 24)); // hourly: a day's rows never pile up
    connect(&m_pruneTimer, &QTimer::timeout, this,
            [this] { prune(QDateTime::currentMSecsSinceEpoch()); });
    m_pruneTimer.start();
}

TelemetryStore::~TelemetryStore() = default;

void TelemetryStore::recordLlmCall(const LlmCallRecord &r)
{
    m_llmRows.append({r.provider, sqlvalue::nullIfEmpty(r.model), sqlvalue::nullIfEmpty(r.agent),
                      r.startedMs, sqlvalue::nullIfNegative(r.firstTokenMs),
                      sqlvalue::nullIfNegative(r.latencyMs), sqlvalue::nullIfNegative(r.tokensIn),
                      sqlvalue::nullIfNegative(r.tokensOut), int(r.cacheHit), r.retries,
                      int(r.fallback), sqlvalue::nullIfEmpty(r.errorKind)});
    if (!m_llmTimer.isActive())
        m_llmTimer.start();
}

void TelemetryStore::addSample(const QString &name, qint64 wallClockMs, double value)
{
    const qint64 minute = wallClockMs - wallClockMs % kMinuteMs;
    OpenMinute &open = m_open[name];
    if (open.count > 0 && open.minuteMs != minute) {
        closeMinute(name, open);
        open = {};
    }
    if (open.count == 0) {
        open.minuteMs = minute;
        open.minimum = open.maximum = value;
    }
    open.sum += value;
    open.minimum = qMin(open.minimum, value);
    open.maximum = qMax(open.maximum, value);
    ++open.count;
}

void TelemetryStore::closeMinute(const QString &name, const OpenMinute &minute)
{
    m_metricRows.append(
        {name, minute.minuteMs, minute.sum / minute.count, minute.minimum, minute.maximum});
}

QFuture<SqlError> TelemetryStore::flush()
{
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        if (it->count > 0)
            closeMinute(it.key(), *it);
    }
    m_open.clear();
    m_llmTimer.stop();
    return write(std::exchange(m_llmRows, {}), std::exchange(m_metricRows, {}));
}

QFuture<SqlError> TelemetryStore::write(QList<QVariantList> llmRows, QList<QVariantList> metricRows)
{
    QFuture<SqlOutcome> written = m_pool.run(
        [llmRows, metricRows](SqlConnection &connection) {
            SqlOutcome outcome;
            SqlRows counted;
            counted.rowsAffected = 0;
            if (!llmRows.isEmpty())
                counted.rowsAffected +=
                    connection.execMany(kInsertLlmCall, llmRows, &outcome.error);
            if (outcome.ok() && !metricRows.isEmpty())
                counted.rowsAffected +=
                    connection.execMany(kInsertRollup, metricRows, &outcome.error);
            if (outcome.ok())
                outcome.results << counted;
            return outcome;
        },
        true, DatabasePool::Retry::OnBrokenLink);
    return written.then(this, [this](const SqlOutcome &outcome) {
        if (!outcome.ok())
            Q_EMIT writeFailed(outcome.error.message);
        return outcome.error;
    });
}

QFuture<StoreResult<qint64>> TelemetryStore::prune(qint64 nowMs)
{
    const qint64 cutoff = nowMs - qint64(m_retentionDays) * kDayMs;
    return storeResultOf<qint64>(
        m_pool.transaction({{u"DELETE FROM llm_calls WHERE started_ms < ?"_s, {cutoff}},
                            {u"DELETE FROM metric_rollups WHERE minute_ms < ?"_s, {cutoff}}}),
        [](const SqlOutcome &o) {
            return qMax<qint64>(0, o.results.at(0).rowsAffected) +
                   qMax<qint64>(0, o.results.at(1).rowsAffected);
        });
}

QFuture<StoreResult<QList<LlmCallRecord>>> TelemetryStore::llmCalls(qint64 sinceMs, int limit)
{
    return storeResultOf<QList<LlmCallRecord>>(
        m_pool.query(u"SELECT provider, model, agent, started_ms, first_token_ms, latency_ms,"
                     u" tokens_in, tokens_out, cache_hit, retries, fallback, error_kind"
                     u" FROM llm_calls WHERE started_ms >= ? ORDER BY started_ms, id LIMIT ?"_s,
                     {sinceMs, limit}),
        [](const SqlOutcome &o) {
            QList<LlmCallRecord> calls;
            auto orMinusOne = [](const QVariant &v) { return v.isNull() ? -1 : v.toLongLong(); };
            for (const QVariantList &row : o.results.first().rows) {
                LlmCallRecord r;
                r.provider = row.at(0).toString();
                r.model = row.at(1).toString();
                r.agent = row.at(2).toString();
                r.startedMs = row.at(3).toLongLong();
                r.firstTokenMs = orMinusOne(row.at(4));
                r.latencyMs = orMinusOne(row.at(5));
                r.tokensIn = int(orMinusOne(row.at(6)));
                r.tokensOut = int(orMinusOne(row.at(7)));
                r.cacheHit = row.at(8).toInt() != 0;
                r.retries = row.at(9).toInt();
                r.fallback = row.at(10).toInt() != 0;
                r.errorKind = row.at(11).toString();
                calls.append(r);
            }
            return calls;
        });
}

QFuture<StoreResult<QList<MetricRollup>>> TelemetryStore::rollups(const QString &name,
                                                                  qint64 sinceMs)
{
    return storeResultOf<QList<MetricRollup>>(
        m_pool.query(u"SELECT minute_ms, avg_value, min_value, max_value FROM metric_rollups"
                     u" WHERE name = ? AND minute_ms >= ? ORDER BY minute_ms"_s,
                     {name, sinceMs}),
        [name](const SqlOutcome &o) {
            QList<MetricRollup> list;
            for (const QVariantList &row : o.results.first().rows)
                list.append({name, row.at(0).toLongLong(), row.at(1).toDouble(),
                             row.at(2).toDouble(), row.at(3).toDouble()});
            return list;
        });
}

QFuture<StoreResult<TelemetryStore::RollupsByName>> TelemetryStore::allRollups(qint64 sinceMs)
{
    return storeResultOf<RollupsByName>(
        m_pool.query(u"SELECT name, minute_ms, avg_value, min_value, max_value"
                     u" FROM metric_rollups WHERE minute_ms >= ? ORDER BY name, minute_ms"_s,
                     {sinceMs}),
        [](const SqlOutcome &o) {
            RollupsByName byName;
            for (const QVariantList &row : o.results.first().rows) {
                const QString name = row.at(0).toString();
                byName[name].append({name, row.at(1).toLongLong(), row.at(2).toDouble(),
                                     row.at(3).toDouble(), row.at(4).toDouble()});
            }
            return byName;
        });
}

} // namespace spoon
