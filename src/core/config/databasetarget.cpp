#include "databasetarget.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace spoon {

QString DatabaseTarget::describe() const
{
    if (backend == DatabaseBackend::Sqlite)
        return sqlitePath;
    QString who = user.isEmpty() ? QString() : user + u'@';
    return u"postgresql://%1%2:%3/%4"_s.arg(who, host).arg(port).arg(databaseName);
}

QString DatabaseTarget::driverName() const
{
    return backend == DatabaseBackend::Sqlite ? u"QSQLITE"_s : u"QPSQL"_s;
}

std::optional<DatabaseTarget> parseDatabaseUrl(const QString &url, const QString &defaultSqlitePath,
                                               QString *error)
{
    DatabaseTarget target;
    if (url.isEmpty()) {
        target.sqlitePath = defaultSqlitePath;
        return target;
    }
    if (url.startsWith("sqlite://"_L1)) {
        const QString path = url.mid(int(qstrlen("sqlite://")));
        if (!path.startsWith(u'/')) {
            *error = u"a sqlite:// URL needs an absolute path, as in sqlite:///var/lib/spoon.db"_s;
            return std::nullopt;
        }
        target.sqlitePath = path;
        return target;
    }
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() ||
        (parsed.scheme() != "postgresql"_L1 && parsed.scheme() != "postgres"_L1)) {
        *error = u"expected empty (SQLite in the data folder), sqlite:///path or "
                 u"postgresql://user@host:port/database, got \"%1\""_s.arg(
                     QUrl(url).toDisplayString(QUrl::RemovePassword));
        return std::nullopt;
    }
    if (!parsed.password().isEmpty()) {
        *error = u"the URL carries a password; put it in PGPASSWORD or ~/.pgpass instead, "
                 u"never in the config"_s;
        return std::nullopt;
    }
    target.backend = DatabaseBackend::Postgres;
    target.host = parsed.host().isEmpty() ? u"localhost"_s : parsed.host();
    target.port = parsed.port(5432);
    if (target.port <= 0 || target.port > 65535) {
        *error = u"the port must be between 1 and 65535"_s;
        return std::nullopt;
    }
    target.user = parsed.userName();
    target.databaseName = parsed.path().mid(1);
    if (target.databaseName.isEmpty() || target.databaseName.contains(u'/')) {
        *error = u"the URL names no database: postgresql://user@host:port/database"_s;
        return std::nullopt;
    }
    const QUrlQuery query(parsed);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == "sslmode"_L1) {
            target.sslMode = value;
        } else if (key == "application_name"_L1) {
            target.applicationName = value;
        } else {
            *error =
                u"unknown URL option \"%1\" (sslmode and application_name are read)"_s.arg(key);
            return std::nullopt;
        }
    }
    if (target.applicationName.isEmpty())
        target.applicationName = u"spoon_ai"_s;
    return target;
}

} // namespace spoon
