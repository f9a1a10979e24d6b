#include "configbuilder.h"

#include "configschema.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QUrl>

namespace spoon::configbuild {

using namespace Qt::StringLiterals;
using schema::Kind;

namespace {

QJsonValue fill(const schema::Node &node, const QJsonValue &value)
{
    switch (node.kind) {
    case Kind::Object: {
        QJsonObject object = value.toObject();
        for (const schema::Field &field : node.fields) {
            if (object.contains(field.name))
                object.insert(field.name, fill(field.node, object.value(field.name)));
            else if (field.node.kind == Kind::Object)
                object.insert(field.name, fill(field.node, QJsonObject()));
            else if (!field.node.defaultValue.isUndefined())
                object.insert(field.name, field.node.defaultValue);
        }
        return object;
    }
    case Kind::Map: {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = fill(*node.element, it.value());
        return object;
    }
    case Kind::Array: {
        QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            items[i] = fill(*node.element, items.at(i));
        return items;
    }
    default:
        return value;
    }
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray items = value.toArray();
    for (const QJsonValue &item : items)
        list.append(item.toString());
    return list;
}

int intOr(const QJsonValue &value, int inherited)
{
    return value.isUndefined() ? inherited : value.toInt();
}

double doubleOr(const QJsonValue &value, double inherited)
{
    return value.isUndefined() ? inherited : value.toDouble();
}

PerformanceConfig readPerformance(const QJsonValue &p)
{
    PerformanceConfig c{};
    const QJsonValue agents = p["agents"_L1];
    c.agents.maxConcurrent = agents["max_concurrent"_L1].toInt();
    c.agents.memoryLimitMb = agents["memory_limit_mb"_L1].toInt();
    c.agents.cleanupInterval = agents["cleanup_interval"_L1].toInt();
    c.agents.maxHistoryLength = agents["max_history_length"_L1].toInt();

    const QJsonValue llm = p["llm"_L1];
    c.llm.connectionPoolSize = llm["connection_pool_size"_L1].toInt();
    c.llm.requestTimeout = llm["request_timeout"_L1].toDouble();
    c.llm.retryAttempts = llm["retry_attempts"_L1].toInt();
    c.llm.batchSize = llm["batch_size"_L1].toInt();
    c.llm.batchTimeout = llm["batch_timeout"_L1].toDouble();
    c.llm.cacheEnabled = llm["cache_enabled"_L1].toBool();
    c.llm.cacheTtl = llm["cache_ttl"_L1].toInt();
    c.llm.cacheSize = llm["cache_size"_L1].toInt();
    c.llm.maxResponseBytes = qint64(llm["max_response_bytes"_L1].toDouble());
    c.llm.maxEventBytes = llm["max_event_bytes"_L1].toInt();
    c.llm.streamDeadline = llm["stream_deadline"_L1].toDouble();

    const QJsonValue tools = p["tools"_L1];
    c.tools.concurrentLimit = tools["concurrent_limit"_L1].toInt();
    c.tools.cacheEnabled = tools["cache_enabled"_L1].toBool();
    c.tools.cacheSize = tools["cache_size"_L1].toInt();
    c.tools.cacheTtl = tools["cache_ttl"_L1].toInt();
    c.tools.timeout = tools["timeout"_L1].toDouble();
    c.tools.connectTimeout = tools["connect_timeout"_L1].toDouble();
    c.tools.connectionLimit = tools["connection_limit"_L1].toInt();
    c.tools.connectionLimitPerHost = tools["connection_limit_per_host"_L1].toInt();
    c.tools.keepaliveTimeout = tools["keepalive_timeout"_L1].toDouble();
    c.tools.dnsCacheTtl = tools["dns_cache_ttl"_L1].toInt();
    c.tools.maxResponseBytes = qint64(tools["max_response_bytes"_L1].toDouble());
    c.tools.allowHosts = strings(tools["allow_hosts"_L1]);
    c.tools.maxUrlsPerTurn = tools["max_urls_per_turn"_L1].toInt();
    c.tools.maxResultChars = tools["max_result_chars"_L1].toInt();

    const QJsonValue db = p["database"_L1];
    c.database.url = db["url"_L1].toString();
    c.database.poolMinSize = db["pool_min_size"_L1].toInt();
    c.database.poolMaxSize = db["pool_max_size"_L1].toInt();
    c.database.commandTimeout = db["command_timeout"_L1].toDouble();
    c.database.connectionTimeout = db["connection_timeout"_L1].toDouble();

    c.computeMaxWorkers = p["compute"_L1]["max_workers"_L1].toInt();
    c.memoryWarningThreshold = p["memory"_L1]["warning_threshold"_L1].toDouble();
    c.memoryCriticalThreshold = p["memory"_L1]["critical_threshold"_L1].toDouble();
    return c;
}

AlertSettings readAlertSettings(const QJsonValue &a)
{
    AlertSettings s;
    s.defaults.window = a["window"_L1].toDouble();
    s.defaults.holdFor = a["for"_L1].toDouble();
    s.defaults.cooldown = a["cooldown"_L1].toDouble();
    for (const QString &rule : alertRuleNames()) {
        const QJsonValue r = a["rules"_L1][rule];
        s.rules.insert(rule, {doubleOr(r["window"_L1], s.defaults.window),
                              doubleOr(r["for"_L1], s.defaults.holdFor),
                              doubleOr(r["cooldown"_L1], s.defaults.cooldown)});
    }
    s.resolveMargin = a["resolve_margin"_L1].toDouble();
    s.desktopNotifications = a["desktop_notifications"_L1].toBool();
    s.command = strings(a["command"_L1]);
    s.commandTimeout = a["command_timeout"_L1].toDouble();
    return s;
}

// A server on this machine (llama.cpp, vLLM, LM Studio) takes no key unless told otherwise.
bool isOnThisMachine(const QString &baseUrl)
{
    const QString host = QUrl(baseUrl).host().toLower();
    return host == "localhost"_L1 || QHostAddress(host).isLoopback();
}

ProviderConfig readProvider(const QString &name, const QJsonValue &p,
                            const PerformanceConfig &performance)
{
    const KnownProvider *known = findKnownProvider(name);
    ProviderConfig c{};
    c.name = name;
    const QString type = p["type"_L1].toString();
    if (type == "anthropic"_L1)
        c.type = ProviderType::Anthropic;
    else if (type == "openai"_L1)
        c.type = ProviderType::OpenAiCompatible;
    else
        c.type = known ? known->type : ProviderType::OpenAiCompatible;
    c.baseUrl = p["base_url"_L1].toString(known ? QString::fromUtf16(known->baseUrl) : QString());
    c.model = p["model"_L1].toString(known ? QString::fromUtf16(known->model) : QString());
    c.http2PriorKnowledge = p["http2_prior_knowledge"_L1].toBool();
    c.maxTokens = p["max_tokens"_L1].toInt();
    c.temperature = p["temperature"_L1].toDouble();
    c.timeout = doubleOr(p["timeout"_L1], performance.llm.requestTimeout);
    c.retryAttempts = intOr(p["retry_attempts"_L1], performance.llm.retryAttempts);
    c.priceInputPerMillion = doubleOr(p["price_input_per_million"_L1], -1);
    c.priceOutputPerMillion = doubleOr(p["price_output_per_million"_L1], -1);
    c.maxResponseBytes = performance.llm.maxResponseBytes;
    c.maxEventBytes = performance.llm.maxEventBytes;
    c.streamDeadline = performance.llm.streamDeadline;
    c.fromFile = true;
    const QJsonValue needsKey = p["needs_key"_L1];
    c.needsKeyGiven = needsKey.isBool();
    c.needsKey = needsKey.isBool() ? needsKey.toBool() : needsKeyByDefault(name, c.baseUrl);
    c.apiKeyEnv = providerEnvPrefix(name) + "_API_KEY"_L1;
    return c;
}

AgentSettings readAgentSettings(const QJsonValue &s, const PerformanceConfig &performance)
{
    AgentSettings c{};
    c.maxSteps = s["max_steps"_L1].toInt();
    c.temperature = s["temperature"_L1].toDouble();
    c.maxTokens = s["max_tokens"_L1].toInt();
    c.timeout = s["timeout"_L1].toDouble();
    c.stream = s["stream"_L1].toBool();
    c.cacheEnabled = s["cache_enabled"_L1].toBool();
    c.maxHistoryLength = intOr(s["max_history_length"_L1], performance.agents.maxHistoryLength);
    c.cleanupInterval = intOr(s["cleanup_interval"_L1], performance.agents.cleanupInterval);
    c.maxToolCallsPerStep = s["max_tool_calls_per_step"_L1].toInt();
    c.maxResultChars = performance.tools.maxResultChars;
    return c;
}

ToolConfig readTool(const QJsonValue &t)
{
    ToolConfig c{};
    c.name = t["name"_L1].toString();
    c.kind = t["type"_L1].toString() == "mcp"_L1 ? ToolKind::Mcp : ToolKind::Builtin;
    c.enabled = t["enabled"_L1].toBool();
    c.config = t["config"_L1].toObject();
    const QJsonValue server = t["mcp_server"_L1];
    c.mcpServer.command = server["command"_L1].toString();
    c.mcpServer.args = strings(server["args"_L1]);
    const QJsonObject env = server["env"_L1].toObject();
    for (auto it = env.begin(); it != env.end(); ++it)
        c.mcpServer.env.insert(it.key(), it.value().toString());
    c.mcpServer.cwd = server["cwd"_L1].toString();
    c.mcpServer.timeout = server["timeout"_L1].toDouble();
    return c;
}

AgentConfig readAgent(const QString &name, const QJsonValue &a,
                      const PerformanceConfig &performance)
{
    AgentConfig c{};
    c.name = name;
    c.className = a["class"_L1].toString();
    c.aliases = strings(a["aliases"_L1]);
    c.description = a["description"_L1].toString();
    c.systemPrompt = a["system_prompt"_L1].toString();
    c.settings = readAgentSettings(a["config"_L1], performance);
    const QJsonArray tools = a["tools"_L1].toArray();
    for (const QJsonValue &tool : tools)
        c.tools.append(readTool(tool));
    c.builtIn = false;
    return c;
}

} // namespace

QJsonObject withDefaults(const QJsonObject &validated)
{
    return fill(schema::configSchema(), validated).toObject();
}

bool needsKeyByDefault(const QString &name, const QString &baseUrl)
{
    if (const KnownProvider *known = findKnownProvider(name))
        return known->needsKey;
    return !isOnThisMachine(baseUrl);
}

ProviderConfig provider(const QString &name, const QJsonObject &entry,
                        const PerformanceConfig &performance)
{
    const schema::Node &providerNode = *schema::configSchema().field(u"providers")->element;
    return readProvider(name, fill(providerNode, entry), performance);
}

ProviderConfig defaultProvider(const QString &name, const PerformanceConfig &performance)
{
    const schema::Node &providerNode = *schema::configSchema().field(u"providers")->element;
    return readProvider(name, fill(providerNode, QJsonObject()), performance);
}

QStringList builtinToolNames()
{
    return {u"system_info"_s, u"http_request"_s};
}

QJsonObject builtInReactAgentEntry()
{
    QJsonArray tools;
    for (const QString &name : builtinToolNames())
        tools.append(QJsonObject{{u"name"_s, name}});
    return {
        {u"aliases"_s, QJsonArray{u"spoon_react"_s}},
        {u"description"_s, u"General-purpose ReAct agent with system information and HTTP tools"_s},
        {u"tools"_s, tools}};
}

AgentConfig builtInReactAgent(const PerformanceConfig &performance)
{
    const schema::Node &agentNode = *schema::configSchema().field(u"agents")->element;
    AgentConfig react =
        readAgent(u"react"_s, fill(agentNode, builtInReactAgentEntry()), performance);
    react.builtIn = true;
    return react;
}

Config build(const QJsonObject &complete)
{
    Config c{};
    c.performance = readPerformance(complete["performance"_L1]);

    const QJsonObject providers = complete["providers"_L1].toObject();
    for (auto it = providers.begin(); it != providers.end(); ++it)
        c.providers.append(readProvider(it.key(), it.value(), c.performance));

    const QJsonValue llm = complete["llm_settings"_L1];
    c.llm.defaultProvider = llm["default_provider"_L1].toString();
    c.llm.fallbackChain = strings(llm["fallback_chain"_L1]);
    c.llm.enableCaching = llm["enable_caching"_L1].toBool();

    c.defaultAgent = complete["default_agent"_L1].toString();
    const QJsonObject agents = complete["agents"_L1].toObject();
    if (!agents.contains("react"_L1))
        c.agents.append(builtInReactAgent(c.performance));
    for (auto it = agents.begin(); it != agents.end(); ++it)
        c.agents.append(readAgent(it.key(), it.value(), c.performance));

    const QJsonValue monitoring = complete["monitoring"_L1];
    c.monitoring.sampleIntervalMs = monitoring["sample_interval_ms"_L1].toInt();
    c.monitoring.historySeconds = monitoring["history_seconds"_L1].toInt();
    const QJsonValue thresholds = monitoring["thresholds"_L1];
    c.monitoring.thresholds.memoryPercent = thresholds["memory_percent"_L1].toDouble();
    c.monitoring.thresholds.cpuPercent = thresholds["cpu_percent"_L1].toDouble();
    c.monitoring.thresholds.responseTime = thresholds["response_time"_L1].toDouble();
    c.monitoring.thresholds.errorRate = thresholds["error_rate"_L1].toDouble();
    c.monitoring.alerts = readAlertSettings(monitoring["alerts"_L1]);

    c.history.retentionDays = complete["history"_L1]["retention_days"_L1].toInt();
    c.appearance.language = complete["appearance"_L1]["language"_L1].toString();
    c.appearance.theme = complete["appearance"_L1]["theme"_L1].toString();

    c.logging.level = u"info"_s;
    c.logging.format = LogFormat::Text;
    return c;
}

} // namespace spoon::configbuild
