#include "agentcatalog.h"

#include "mcpclient.h"
#include "toolregistry.h"
#include "tools/httprequesttool.h"
#include "tools/systeminfotool.h"

#include <QCoreApplication>

#include <algorithm>

namespace spoon {

using namespace Qt::StringLiterals;

AgentCatalog::AgentCatalog(const Config &config, LlmRouter &router, HttpPool &pool,
                           ComputePool &compute, MetricsRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_router(router)
    , m_pool(pool)
    , m_compute(compute)
    , m_registry(registry)
    , m_toolCache(config.performance.tools.cacheSize,
                  qint64(config.performance.tools.cacheTtl) * 1000)
    , m_turns(config.performance.agents.maxConcurrent, &registry)
{
    m_toolCache.publish(registry, "tools");
}

AgentCatalog::~AgentCatalog() = default;

QList<const AgentConfig *> AgentCatalog::agents() const
{
    QList<const AgentConfig *> list;
    for (const AgentConfig &agent : m_config.agents)
        list.append(&agent);
    return list;
}

const AgentConfig *AgentCatalog::find(const QString &nameOrAlias) const
{
    return m_config.agent(nameOrAlias);
}

QString AgentCatalog::defaultAgent() const
{
    const AgentConfig *agent = m_config.agent(m_config.defaultAgent);
    return agent ? agent->name
                 : (m_config.agents.isEmpty() ? QString() : m_config.agents.first().name);
}

std::shared_ptr<Tool> AgentCatalog::builtin(const QString &name)
{
    if (const auto found = m_builtins.value(name))
        return found;
    std::shared_ptr<Tool> tool;
    if (name == "system_info"_L1)
        tool = std::make_shared<SystemInfoTool>(m_registry);
    else if (name == "http_request"_L1) {
        auto http =
            std::make_shared<HttpRequestTool>(m_pool, m_compute, m_config.performance.tools);
        http->publish(m_registry);
        tool = http;
    }
    if (tool)
        m_builtins.insert(name, tool);
    return tool;
}

std::shared_ptr<McpClient> AgentCatalog::mcpServer(const ToolConfig &entry)
{
    std::shared_ptr<McpClient> &server = m_mcpServers[entry.name];
    if (!server)
        server = std::make_shared<McpClient>(entry.name, entry.mcpServer, &m_registry);
    return server;
}

namespace {
// An MCP entry whose name is one of the server's tools offers that tool; any other name
// labels the server, and all its tools are offered.
QCoro::Task<ToolLoad> loadMcpTools(std::shared_ptr<McpClient> server, QString entryName,
                                   ToolResultCache *cache)
{
    QString error;
    QCoro::Task<QList<McpToolInfo>> listing = server->listTools(&error);
    const QList<McpToolInfo> infos = co_await listing;
    ToolLoad load;
    if (!error.isEmpty()) {
        load.error =
            QCoreApplication::translate("spoon::AgentCatalog",
                                        "The tools of MCP server \"%1\" are not available: %2")
                .arg(entryName, error);
        co_return load;
    }
    const bool named = std::any_of(infos.begin(), infos.end(),
                                   [&](const McpToolInfo &info) { return info.name == entryName; });
    for (const McpToolInfo &info : infos) {
        if (named && info.name != entryName)
            continue;
        std::shared_ptr<Tool> tool = std::make_shared<McpTool>(server, info);
        load.tools.append(cache ? std::make_shared<CachedTool>(tool, *cache) : tool);
    }
    co_return load;
}
} // namespace

ToolRegistry AgentCatalog::toolsFor(const AgentConfig &agent, QList<ToolLoader> *loaders)
{
    ToolRegistry registry;
    for (const ToolConfig &entry : agent.tools) {
        if (!entry.enabled)
            continue;
        const bool cached =
            m_config.performance.tools.cacheEnabled && entry.config.value(u"cache").toBool();
        QList<std::shared_ptr<Tool>> tools;
        if (entry.kind == ToolKind::Builtin) {
            if (std::shared_ptr<Tool> tool = builtin(entry.name))
                tools.append(tool);
        } else {
            // Plain lambda: a coroutine lambda's captures would die with the std::function.
            loaders->append([server = mcpServer(entry), name = entry.name,
                             cache = cached ? &m_toolCache : nullptr] {
                return loadMcpTools(server, name, cache);
            });
        }
        for (std::shared_ptr<Tool> &tool : tools)
            registry.add(cached ? std::make_shared<CachedTool>(tool, m_toolCache) : tool);
    }
    return registry;
}

ReactAgent *AgentCatalog::create(const QString &nameOrAlias, QObject *parent)
{
    const AgentConfig *agent = find(nameOrAlias);
    if (!agent)
        return nullptr;
    QList<ToolLoader> loaders;
    auto *created =
        new ReactAgent(*agent, m_router, toolsFor(*agent, &loaders), &m_registry, parent);
    for (ToolLoader &loader : loaders)
        created->addToolLoader(std::move(loader));
    created->setTurnLimiter(&m_turns);
    m_live.removeIf([](const QPointer<ReactAgent> &a) { return a.isNull(); });
    m_live.append(created);
    return created;
}

qsizetype AgentCatalog::foldIdleHistories()
{
    qsizetype folded = 0;
    for (const QPointer<ReactAgent> &agent : std::as_const(m_live)) {
        if (agent)
            folded += agent->foldHistoryNow();
    }
    return folded;
}

} // namespace spoon
