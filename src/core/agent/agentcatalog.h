#pragma once

#include "cachedtool.h"
#include "config/config.h"
#include "reactagent.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace spoon {

class ComputePool;
class HttpPool;
class LlmRouter;
class McpClient;
class MetricsRegistry;
class Tool;
class ToolRegistry;

// The agents the config defines (and the built-in "react"), with their tools: built-ins
// (system_info, http_request), tools of MCP servers, and the caching wrapper for those that
// ask for it. Agents are looked up by name or alias and created on demand; MCP server
// processes are shared by every agent that lists them.
class AgentCatalog : public QObject
{
    Q_OBJECT
public:
    AgentCatalog(const Config &config, LlmRouter &router, HttpPool &pool, ComputePool &compute,
                 MetricsRegistry &registry, QObject *parent = nullptr);
    ~AgentCatalog() override;

    QList<const AgentConfig *> agents() const;
    const AgentConfig *find(const QString &nameOrAlias) const;
    QString defaultAgent() const; // its name
    // A new conversation with the agent; null when there is no such agent.
    ReactAgent *create(const QString &nameOrAlias, QObject *parent = nullptr);
    ToolResultCache &toolCache() { return m_toolCache; }
    TurnLimiter &turns() { return m_turns; }
    // The memory manager's part: every living agent not in a turn folds the older half of
    // its history into a summary. Returns the messages folded.
    qsizetype foldIdleHistories();

private:
    ToolRegistry toolsFor(const AgentConfig &agent, QList<ToolLoader> *loaders);
    std::shared_ptr<McpClient> mcpServer(const ToolConfig &entry);
    std::shared_ptr<Tool> builtin(const QString &name);

    const Config &m_config;
    LlmRouter &m_router;
    HttpPool &m_pool;
    ComputePool &m_compute;
    MetricsRegistry &m_registry;
    ToolResultCache m_toolCache;
    TurnLimiter m_turns; // performance.agents.max_concurrent, across every agent
    QHash<QString, std::shared_ptr<Tool>> m_builtins;
    QHash<QString, std::shared_ptr<McpClient>> m_mcpServers; // by the tool entry's name
    QList<QPointer<ReactAgent>> m_live; // agents create() made that still exist
};

} // namespace spoon
