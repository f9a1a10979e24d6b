#pragma once

#include <QString>

#include <optional>

namespace spoon {

enum class DatabaseBackend
{
    Sqlite,
    Postgres
};

// Where the store lives, parsed from performance.database.url: empty for SQLite in the data
// folder, sqlite:///path for another file, postgresql://user@host:port/db for a server. A
// password never comes from the URL: libpq reads PGPASSWORD or ~/.pgpass itself.
struct DatabaseTarget
{
    DatabaseBackend backend = DatabaseBackend::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString user;
    QString databaseName;
    QString sslMode;         // from ?sslmode=, passed to libpq
    QString applicationName; // from ?application_name=, else the seed's "spoon_ai"

    // For messages: the file, or user@host:port/db (never a password).
    QString describe() const;
    QString driverName() const;
};

// Nullopt with `error` naming the problem (a password in the URL, a bad port, ...).
std::optional<DatabaseTarget> parseDatabaseUrl(const QString &url, const QString &defaultSqlitePath,
                                               QString *error);

} // namespace spoon
