#include "schema.h"

#include "sqlconnection.h"

using namespace Qt::StringLiterals;

namespace spoon::schema {

namespace {

// Version 1: conversations and their messages, searchable.
QStringList conversationsSqlite()
{
    return {
        u"CREATE TABLE conversations ("
        u" id INTEGER PRIMARY KEY AUTOINCREMENT,"
        u" title TEXT NOT NULL DEFAULT '',"
        u" agent TEXT NOT NULL DEFAULT '',"
        u" created_ms INTEGER NOT NULL,"
        u" updated_ms INTEGER NOT NULL)"_s,
        u"CREATE INDEX conversations_by_update ON conversations (updated_ms DESC, id DESC)"_s,
        u"CREATE TABLE messages ("
        u" id INTEGER PRIMARY KEY AUTOINCREMENT,"
        u" conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
        u" seq INTEGER NOT NULL,"
        u" role TEXT NOT NULL,"
        u" content TEXT NOT NULL DEFAULT '',"
        u" tool_calls BLOB,"
        u" tool_call_id TEXT,"
        u" tool_name TEXT,"
        u" is_error INTEGER NOT NULL DEFAULT 0,"
        u" provider TEXT,"
        u" model TEXT,"
        u" created_ms INTEGER NOT NULL,"
        u" duration_ms INTEGER,"
        u" incomplete INTEGER NOT NULL DEFAULT 0,"
        u" UNIQUE (conversation_id, seq))"_s,
        // An external-content FTS5 index kept by triggers (sqlite.org/fts5.html, 4.4.3).
        u"CREATE VIRTUAL TABLE messages_fts USING fts5(content, content='messages', "
        u"content_rowid='id')"_s,
        u"CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
        u" INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content); END"_s,
        u"CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
        u" INSERT INTO messages_fts (messages_fts, rowid, content)"
        u" VALUES ('delete', old.id, old.content); END"_s,
        u"CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN"
        u" INSERT INTO messages_fts (messages_fts, rowid, content)"
        u" VALUES ('delete', old.id, old.content);"
        u" INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content); END"_s,
    };
}

QStringList conversationsPostgres()
{
    return {
        u"CREATE TABLE conversations ("
        u" id BIGSERIAL PRIMARY KEY,"
        u" title TEXT NOT NULL DEFAULT '',"
        u" agent TEXT NOT NULL DEFAULT '',"
        u" created_ms BIGINT NOT NULL,"
        u" updated_ms BIGINT NOT NULL)"_s,
        u"CREATE INDEX conversations_by_update ON conversations (updated_ms DESC, id DESC)"_s,
        u"CREATE TABLE messages ("
        u" id BIGSERIAL PRIMARY KEY,"
        u" conversation_id BIGINT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
        u" seq INTEGER NOT NULL,"
        u" role TEXT NOT NULL,"
        u" content TEXT NOT NULL DEFAULT '',"
        u" tool_calls BYTEA,"
        u" tool_call_id TEXT,"
        u" tool_name TEXT,"
        u" is_error INTEGER NOT NULL DEFAULT 0,"
        u" provider TEXT,"
        u" model TEXT,"
        u" created_ms BIGINT NOT NULL,"
        u" duration_ms BIGINT,"
        u" incomplete INTEGER NOT NULL DEFAULT 0,"
        u" content_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED,"
        u" UNIQUE (conversation_id, seq))"_s,
        u"CREATE INDEX messages_search ON messages USING GIN (content_tsv)"_s,
    };
}

// Version 2: what the LLM panel, the dashboard's long windows and the alert engine read.
QStringList telemetry(DatabaseBackend backend)
{
    const bool sqlite = backend == DatabaseBackend::Sqlite;
    const QString id = sqlite ? u"INTEGER PRIMARY KEY AUTOINCREMENT"_s : u"BIGSERIAL PRIMARY KEY"_s;
    const QString bigint = sqlite ? u"INTEGER"_s : u"BIGINT"_s;
    const QString real = sqlite ? u"REAL"_s : u"DOUBLE PRECISION"_s;
    return {
        u"CREATE TABLE llm_calls (id %1, provider TEXT NOT NULL, model TEXT, agent TEXT,"
        u" started_ms %2 NOT NULL, first_token_ms %2, latency_ms %2, tokens_in %2,"
        u" tokens_out %2, cache_hit INTEGER NOT NULL DEFAULT 0,"
        u" retries INTEGER NOT NULL DEFAULT 0, fallback INTEGER NOT NULL DEFAULT 0,"
        u" error_kind TEXT)"_s.arg(id, bigint),
        u"CREATE INDEX llm_calls_by_start ON llm_calls (started_ms)"_s,
        // Read and written by its key only: on SQLite one B-tree (WITHOUT ROWID) instead of a
        // table and an index, which halves the work of each insert.
        u"CREATE TABLE metric_rollups (name TEXT NOT NULL, minute_ms %1 NOT NULL,"
        u" avg_value %2, min_value %2, max_value %2, PRIMARY KEY (name, minute_ms))%3"_s.arg(
            bigint, real, sqlite ? u" WITHOUT ROWID"_s : QString()),
        u"CREATE TABLE alerts (id %1, rule TEXT NOT NULL, level TEXT NOT NULL, value %2,"
        u" threshold %2, started_ms %3 NOT NULL, ended_ms %3, acknowledged_ms %3)"_s.arg(id, real,
                                                                                         bigint),
        u"CREATE INDEX alerts_by_start ON alerts (started_ms)"_s,
    };
}

SqlOutcome failure(SqlError error)
{
    return {std::move(error), {}};
}

} // namespace

// Version 3: a large message keeps its whole text in `payload` (the serializer's form) and
// only its head in `content`, which the search index reads.
QStringList largePayloads(DatabaseBackend backend)
{
    return {u"ALTER TABLE messages ADD COLUMN payload %1"_s.arg(
        backend == DatabaseBackend::Sqlite ? u"BLOB"_s : u"BYTEA"_s)};
}

// Version 4: an alert keeps what the Alerts view and a hook show of it.
QStringList alertDetails()
{
    return {u"ALTER TABLE alerts ADD COLUMN type TEXT"_s,
            u"ALTER TABLE alerts ADD COLUMN message TEXT"_s,
            u"ALTER TABLE alerts ADD COLUMN peak DOUBLE PRECISION"_s,
            u"ALTER TABLE alerts ADD COLUMN window_seconds DOUBLE PRECISION"_s};
}

// Version 5: a user message keeps how its turn failed (TurnFailure, the serializer's form).
QStringList turnFailures(DatabaseBackend backend)
{
    return {u"ALTER TABLE messages ADD COLUMN turn_error %1"_s.arg(
        backend == DatabaseBackend::Sqlite ? u"BLOB"_s : u"BYTEA"_s)};
}

int latestVersion()
{
    return 5;
}

QStringList migration(DatabaseBackend backend, int version)
{
    switch (version) {
    case 1:
        return backend == DatabaseBackend::Sqlite ? conversationsSqlite() : conversationsPostgres();
    case 2:
        return telemetry(backend);
    case 3:
        return largePayloads(backend);
    case 4:
        return alertDetails();
    case 5:
        return turnFailures(backend);
    }
    return {};
}

SqlOutcome migrate(SqlConnection &connection, int target)
{
    SqlError error;
    if (connection.backend() == DatabaseBackend::Postgres) {
        // Held to the end of this transaction: a second console waits, then finds it done.
        connection.exec(u"SELECT pg_advisory_xact_lock(7366547)"_s, {}, &error);
        if (error.kind != SqlError::Kind::None)
            return failure(error);
    }
    if (!connection.execDirect(
            u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s, &error))
        return failure(error);
    const SqlRows found =
        connection.exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_version"_s, {}, &error);
    if (error.kind != SqlError::Kind::None)
        return failure(error);
    const int current = found.rows.isEmpty() ? 0 : found.rows.first().first().toInt();
    if (current > latestVersion()) {
        return failure(
            {SqlError::Kind::Statement,
             u"the database has schema version %1, newer than this Spoon Console "
             u"reads (%2); use a newer Spoon Console. Nothing was changed."_s.arg(current)
                 .arg(latestVersion())});
    }
    for (int version = current + 1; version <= target; ++version) {
        for (const QString &statement : migration(connection.backend(), version)) {
            if (!connection.execDirect(statement, &error)) {
                error.message =
                    u"upgrading to schema version %1: %2"_s.arg(version).arg(error.message);
                return failure(error);
            }
        }
    }
    if (target > current) {
        connection.exec(u"DELETE FROM schema_version"_s, {}, &error);
        if (error.kind == SqlError::Kind::None)
            connection.exec(u"INSERT INTO schema_version (version) VALUES (?)"_s, {target}, &error);
        if (error.kind != SqlError::Kind::None)
            return failure(error);
    }
    return {{}, {SqlRows{{u"previous"_s}, {{current}}, -1}}};
}

} // namespace spoon::schema
