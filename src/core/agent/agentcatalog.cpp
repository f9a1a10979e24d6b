#include "agentcatalog.h"

#include "reactagent.h"
#include "toolregistry.h"
#include "tools/httprequesttool.h"
#include "tools/systeminfotool.h"

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
    else if (name == "http_request"_L1)
        tool = std::make_shared<HttpRequestTool>(m_pool, m_compute, m_config.performance.tools);
    if (tool)
        m_builtins.insert(name, tool);
    return tool;
}

ToolRegistry AgentCatalog::toolsFor(const AgentConfig &agent)
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
    return new ReactAgent(*agent, m_router, toolsFor(*agent), &m_registry, parent);
}

} // namespace spoon
