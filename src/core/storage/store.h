#pragma once

#include "conversationstore.h"
#include "databasepool.h"
#include "schema.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace spoon {

struct DatabaseSettings;
class MetricsRegistry;

// The engine's store: the pool on the configured database, its schema brought up to date,
// and the tables' accessors. Until open() succeeds nothing should be asked of it; when it
// fails the console runs without persistence and says why (errorString()).
class Store : public QObject
{
    Q_OBJECT
public:
    Store(DatabaseTarget target, DatabasePoolLimits limits, MetricsRegistry *registry = nullptr,
          QObject *parent = nullptr);
    ~Store() override;

    static DatabasePoolLimits limitsFrom(const DatabaseSettings &settings);
    // The store performance.database names (SQLite in the data folder when no URL is set);
    // null with `error` when the URL does not parse.
    static std::unique_ptr<Store> fromSettings(const DatabaseSettings &settings,
                                               MetricsRegistry *registry, QString *error);
    // ~/.local/share/spoon-console/spoon.db
    static QString defaultSqlitePath();

    // Makes the folder for a SQLite file, then migrates to `version`. The outcome's error
    // says what went wrong and names the file or server; ready() follows it.
    QFuture<SqlOutcome> open(int version = schema::latestVersion());
    bool isReady() const { return m_ready; }
    QString errorString() const { return m_error; }
    // Where the data lives, for messages and the README's promise.
    QString location() const { return m_pool->target().describe(); }

    DatabasePool &pool() { return *m_pool; }
    ConversationStore &conversations() { return m_conversations; }

Q_SIGNALS:
    void opened(bool ok);

private:
    std::unique_ptr<DatabasePool> m_pool;
    ConversationStore m_conversations;
    bool m_ready = false;
    QString m_error;
};

} // namespace spoon
