#include "store.h"

#include "appinfo.h"
#include "config/config.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace spoon {

Store::Store(DatabaseTarget target, DatabasePoolLimits limits, MetricsRegistry *registry,
             QObject *parent)
    : QObject(parent)
    , m_pool(std::make_unique<DatabasePool>(std::move(target), limits, registry))
    , m_conversations(*m_pool)
{}

Store::~Store() = default;

DatabasePoolLimits Store::limitsFrom(const DatabaseSettings &settings)
{
    return {settings.poolMinSize, settings.poolMaxSize, int(settings.commandTimeout * 1000),
            int(settings.connectionTimeout * 1000)};
}

std::unique_ptr<Store> Store::fromSettings(const DatabaseSettings &settings,
                                           MetricsRegistry *registry, QString *error)
{
    QString problem;
    std::optional<DatabaseTarget> target =
        parseDatabaseUrl(settings.url, defaultSqlitePath(), &problem);
    if (!target) {
        *error = u"performance.database.url: "_s + problem;
        return nullptr;
    }
    return std::make_unique<Store>(std::move(*target), limitsFrom(settings), registry);
}

QString Store::defaultSqlitePath()
{
    return app::dataFolder() + u"/spoon.db"_s;
}

QFuture<SqlOutcome> Store::open(int version)
{
    const DatabaseTarget &target = m_pool->target();
    if (target.backend == DatabaseBackend::Sqlite) {
        const QString folder = QFileInfo(target.sqlitePath).absolutePath();
        if (!QDir().mkpath(folder)) {
            m_error = u"cannot create the folder %1 for the store"_s.arg(folder);
            Q_EMIT opened(false);
            return QtFuture::makeReadyFuture(
                SqlOutcome::failure(SqlError::Kind::Unavailable, m_error));
        }
    }
    QFuture<SqlOutcome> migrated = m_pool->run(
        [version](SqlConnection &connection) { return schema::migrate(connection, version); }, true,
        DatabasePool::Retry::OnBrokenLink);
    return migrated.then(this, [this](const SqlOutcome &outcome) {
        m_ready = outcome.ok();
        m_error = outcome.ok() ? QString() : outcome.error.message;
        Q_EMIT opened(m_ready);
        return outcome;
    });
}

} // namespace spoon
