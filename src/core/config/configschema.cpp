#include "configschema.h"

#include "config.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace spoon::schema {

using namespace Qt::StringLiterals;

namespace {
Node leaf(Kind kind, QJsonValue defaultValue, QString description)
{
    Node node;
    node.kind = kind;
    node.defaultValue = std::move(defaultValue);
    node.description = std::move(description);
    return node;
}

// Gives lupdate a context it can see; the strings below are translated under it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(spoon::schema)
};

QString formatNumber(double value)
{
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(value, 'g', 12);
}
} // namespace

const Node *Node::field(QStringView name) const
{
    for (const Field &f : fields) {
        if (f.name == name)
            return &f.node;
    }
    return nullptr;
}

QStringList Node::fieldNames() const
{
    QStringList names;
    for (const Field &f : fields)
        names.append(f.name);
    return names;
}

Node object(std::vector<Field> fields, QString description)
{
    Node node = leaf(Kind::Object, QJsonValue::Undefined, std::move(description));
    node.fields = std::move(fields);
    return node;
}

Node mapOf(Node element, QString description)
{
    Node node = leaf(Kind::Map, QJsonObject(), std::move(description));
    node.element = std::make_shared<const Node>(std::move(element));
    return node;
}

Node arrayOf(Node element, QString description)
{
    Node node = leaf(Kind::Array, QJsonArray(), std::move(description));
    node.element = std::make_shared<const Node>(std::move(element));
    return node;
}

Node integer(qint64 defaultValue, qint64 minimum, qint64 maximum, QString description)
{
    Node node = leaf(Kind::Integer, double(defaultValue), std::move(description));
    node.minimum = double(minimum);
    node.maximum = double(maximum);
    return node;
}

Node integerInherited(qint64 minimum, qint64 maximum, QString description)
{
    Node node = integer(0, minimum, maximum, std::move(description));
    node.defaultValue = QJsonValue::Undefined;
    return node;
}

Node number(double defaultValue, double minimum, double maximum, QString description)
{
    Node node = leaf(Kind::Number, defaultValue, std::move(description));
    node.minimum = minimum;
    node.maximum = maximum;
    return node;
}

Node numberInherited(double minimum, double maximum, QString description)
{
    Node node = number(0, minimum, maximum, std::move(description));
    node.defaultValue = QJsonValue::Undefined;
    return node;
}

Node numberOptional(double minimum, double maximum, QString description)
{
    Node node = numberInherited(minimum, maximum, std::move(description));
    node.optional = true;
    return node;
}

Node boolean(bool defaultValue, QString description)
{
    return leaf(Kind::Boolean, defaultValue, std::move(description));
}

Node boolInherited(QString description)
{
    return leaf(Kind::Boolean, QJsonValue::Undefined, std::move(description));
}

Node string(QString defaultValue, QString description)
{
    return leaf(Kind::String, defaultValue, std::move(description));
}

Node stringNoDefault(QString description)
{
    return leaf(Kind::String, QJsonValue::Undefined, std::move(description));
}

Node choice(QString defaultValue, QStringList choices, QString description)
{
    Node node = leaf(Kind::Enum, defaultValue, std::move(description));
    node.choices = std::move(choices);
    return node;
}

Node stringList(QString description)
{
    return leaf(Kind::StringList, QJsonArray(), std::move(description));
}

Node stringMap(QString description)
{
    return leaf(Kind::StringMap, QJsonObject(), std::move(description));
}

Node freeObject(QString description)
{
    return leaf(Kind::FreeObject, QJsonObject(), std::move(description));
}

Node noEffectYet(Node node, QString why)
{
    if (node.kind == Kind::Object) {
        for (Field &field : node.fields)
            field.node = noEffectYet(std::move(field.node), why);
    }
    node.noEffectYet = std::move(why);
    return node;
}

namespace {

// The seed's production "performance" section, with its defaults, plus the HTTP pool
// limits of its AsyncHTTPTool and the thresholds of its MemoryManager.
Node performanceSchema()
{
    return object({
        {u"agents"_s,
         object({
             {u"max_concurrent"_s,
              integer(5, 1, 1000, u"agent turns running at once; the rest wait in line"_s)},
             {u"memory_limit_mb"_s,
              integer(512, 16, 1 << 20, u"RSS above which the health check warns"_s)},
             {u"cleanup_interval"_s,
              integer(10, 1, 1000000, u"requests between history cleanups"_s)},
             {u"max_history_length"_s,
              integer(50, 2, 1000000, u"messages kept before older ones are summarised"_s)},
         })},
        {u"llm"_s,
         object({
             {u"connection_pool_size"_s, integer(10, 1, 1000, u"concurrent LLM requests"_s)},
             {u"request_timeout"_s, number(30, 0.1, 3600, u"seconds for a whole LLM request"_s)},
             {u"retry_attempts"_s, integer(3, 0, 10, u"retries after a failed LLM request"_s)},
             {u"batch_size"_s, integer(5, 1, 100, u"unstreamed requests per batch, at most"_s)},
             {u"batch_timeout"_s,
              number(1.0, 0.0, 60,
                     u"seconds a partial batch waits at most (a lone request never waits)"_s)},
             {u"cache_enabled"_s, boolean(true, u"cache LLM responses"_s)},
             {u"cache_ttl"_s, integer(3600, 0, 10000000, u"seconds a response stays cached"_s)},
             {u"cache_size"_s, integer(1000, 1, 10000000, u"responses cached at most"_s)},
             {u"max_response_bytes"_s,
              integer(16 * 1024 * 1024, 1024, qint64(1) << 34,
                      u"largest LLM answer read, streamed or not; past it the call fails"_s)},
             {u"max_event_bytes"_s,
              integer(1024 * 1024, 1024, 1 << 30, u"largest single line or event of a stream"_s)},
             {u"stream_deadline"_s,
              number(600, 1, 86400, u"seconds a whole streamed answer may take"_s)},
         })},
        {u"tools"_s,
         object({
             {u"concurrent_limit"_s,
              integer(10, 1, 1000, u"requests one tool call runs at once"_s)},
             {u"cache_enabled"_s, boolean(true, u"cache tool results"_s)},
             {u"cache_size"_s, integer(1000, 1, 10000000, u"tool results cached at most"_s)},
             {u"cache_ttl"_s, integer(3600, 0, 10000000, u"seconds a tool result stays cached"_s)},
             {u"timeout"_s, number(30, 0.1, 3600, u"seconds for a whole HTTP request"_s)},
             {u"connect_timeout"_s, number(10, 0.1, 600, u"seconds to establish a connection"_s)},
             {u"connection_limit"_s, integer(100, 1, 10000, u"open connections in all"_s)},
             {u"connection_limit_per_host"_s,
              integer(30, 1, 10000, u"open connections to one host"_s)},
             {u"keepalive_timeout"_s, number(30, 0, 3600, u"seconds an idle connection is kept"_s)},
             {u"dns_cache_ttl"_s,
              integer(
                  300, 0, 86400,
                  u"seconds the HTTP tool reuses a host's checked addresses; 0: always resolve"_s)},
             {u"max_response_bytes"_s,
              integer(10 * 1024 * 1024, 1024, qint64(1) << 40, u"largest response body read"_s)},
             {u"allow_hosts"_s, stringList(u"private or loopback hosts the HTTP tool may reach"_s)},
             {u"max_urls_per_turn"_s,
              integer(100, 1, 100000, u"URLs the HTTP tool fetches in one agent turn"_s)},
             {u"max_result_chars"_s,
              integer(20000, 100, 10000000,
                      u"characters of one tool result the model reads; the rest is cut"_s)},
         })},
        {u"database"_s,
         object({
             {u"url"_s,
              string(QString(),
                     u"empty: SQLite in the data folder; postgresql://... for a server"_s)},
             {u"pool_min_size"_s,
              integer(5, 0, 1000, u"connections kept open (SQLite, one writer: at most 1)"_s)},
             {u"pool_max_size"_s, integer(20, 1, 1000, u"connections at most"_s)},
             {u"command_timeout"_s, number(60, 0.1, 86400, u"seconds for one query"_s)},
             {u"connection_timeout"_s, number(10, 0.1, 600, u"seconds to wait for a connection"_s)},
         })},
        {u"compute"_s, object({
                           {u"max_workers"_s,
                            integer(0, 0, 1024, u"CPU offload threads; 0 means one per core"_s)},
                       })},
        {u"memory"_s,
         object({
             {u"warning_threshold"_s,
              number(0.8, 0.01, 1.0,
                     u"share of agents.memory_limit_mb that raises a warning alert"_s)},
             {u"critical_threshold"_s,
              number(
                  0.9, 0.01, 1.0,
                  u"share of agents.memory_limit_mb that raises a critical alert and frees caches"_s)},
         })},
    });
}

Node providerSchema()
{
    return object({
        {u"type"_s, choice(QString(), {u"openai"_s, u"anthropic"_s},
                           u"wire protocol; default: anthropic for \"anthropic\", else openai"_s)},
        {u"base_url"_s, stringNoDefault(u"API root; OpenAI-compatible ones end in /v1"_s)},
        {u"model"_s, stringNoDefault(u"model name"_s)},
        {u"http2_prior_knowledge"_s,
         boolean(false, u"speak HTTP/2 from the first byte (h2c) to an http:// base_url, all "
                        u"requests on one connection; for a local server that speaks it"_s)},
        {u"needs_key"_s,
         boolInherited(u"sends an API key; default: false for ollama and for a base_url on this "
                       u"machine (localhost, 127.0.0.1, ::1), else true"_s)},
        {u"max_tokens"_s, integer(4096, 1, 10000000, u"answer length limit"_s)},
        {u"temperature"_s, number(0.3, 0.0, 2.0, u"sampling temperature"_s)},
        {u"timeout"_s,
         numberInherited(0.1, 3600, u"seconds; default performance.llm.request_timeout"_s)},
        {u"retry_attempts"_s, integerInherited(0, 10, u"default performance.llm.retry_attempts"_s)},
        {u"price_input_per_million"_s,
         numberOptional(0, 1e6, u"price of a million prompt tokens, for the estimated cost"_s)},
        {u"price_output_per_million"_s,
         numberOptional(0, 1e6, u"price of a million completion tokens; no cost without both"_s)},
    });
}

Node agentSchema()
{
    Node mcpServer = object({
        {u"command"_s, stringNoDefault(u"program that speaks MCP on stdio"_s)},
        {u"args"_s, stringList(u"its arguments"_s)},
        {u"env"_s, stringMap(u"extra environment variables"_s)},
        {u"cwd"_s, string(QString(), u"working directory"_s)},
        {u"timeout"_s, number(30, 0.1, 3600, u"seconds for one MCP call"_s)},
    });
    Node tool = object({
        {u"name"_s, stringNoDefault(u"tool name"_s)},
        {u"type"_s, choice(u"builtin"_s, {u"builtin"_s, u"mcp"_s}, u"builtin or mcp"_s)},
        {u"enabled"_s, boolean(true, u"offered to the agent"_s)},
        {u"config"_s, freeObject(u"the tool's own settings"_s)},
        {u"mcp_server"_s, std::move(mcpServer)},
    });
    return object({
        {u"class"_s, choice(u"SpoonReactAI"_s, {u"SpoonReactAI"_s, u"SpoonReactMCP"_s},
                            u"agent implementation"_s)},
        {u"aliases"_s, stringList(u"other names that select this agent"_s)},
        {u"description"_s, string(QString(), u"shown in the agent selector"_s)},
        {u"system_prompt"_s,
         string(QString(), u"how the agent's instructions begin; empty: \"You are <name>, an AI "
                           u"agent in Spoon Console.\" and its description"_s)},
        {u"config"_s,
         object({
             {u"max_steps"_s, integer(5, 1, 1000, u"ReAct steps per run"_s)},
             {u"temperature"_s, number(0.7, 0.0, 2.0, u"sampling temperature"_s)},
             {u"max_tokens"_s, integer(1000, 1, 10000000, u"answer length limit"_s)},
             {u"timeout"_s, number(30, 0.1, 3600, u"seconds per step"_s)},
             {u"stream"_s, boolean(true, u"stream tokens as they arrive"_s)},
             {u"cache_enabled"_s, boolean(true, u"use the response cache"_s)},
             {u"max_history_length"_s,
              integerInherited(2, 1000000, u"default performance.agents.max_history_length"_s)},
             {u"cleanup_interval"_s,
              integerInherited(1, 1000000, u"default performance.agents.cleanup_interval"_s)},
             {u"max_tool_calls_per_step"_s,
              integer(10, 1, 1000, u"tool calls run in one step; the rest get an error result"_s)},
         })},
        {u"tools"_s, arrayOf(std::move(tool), u"tools offered to the agent"_s)},
    });
}

// How and when the thresholds above alert. Each rule may override the timing.
Node alertsSchema()
{
    auto timing = [] {
        return object({
            {u"window"_s, numberInherited(1, 86400, u"default monitoring.alerts.window"_s)},
            {u"for"_s, numberInherited(0, 86400, u"default monitoring.alerts.for"_s)},
            {u"cooldown"_s, numberInherited(0, 86400, u"default monitoring.alerts.cooldown"_s)},
        });
    };
    std::vector<Field> rules;
    for (const QString &rule : alertRuleNames())
        rules.push_back({rule, timing()});
    return object({
        {u"window"_s, number(60, 1, 86400, u"seconds each rule averages its value over"_s)},
        {u"for"_s, number(0, 0, 86400, u"seconds a crossed threshold must hold before it fires"_s)},
        {u"cooldown"_s, number(300, 0, 86400, u"seconds before the same rule fires again"_s)},
        {u"resolve_margin"_s,
         number(0.1, 0, 0.9, u"share below the threshold at which an alert resolves"_s)},
        {u"desktop_notifications"_s,
         boolean(true, u"also notify through the desktop's notification service"_s)},
        {u"command"_s,
         stringList(u"program and arguments run for each alert, the alert as JSON on stdin"_s)},
        {u"command_timeout"_s, number(10, 0.1, 600, u"seconds the alert command may run"_s)},
        {u"rules"_s, object(std::move(rules), u"timing per rule"_s)},
    });
}

Node monitoringSchema()
{
    return object({
        {u"sample_interval_ms"_s,
         integer(1000, 100, 60000, u"milliseconds between process samples"_s)},
        {u"history_seconds"_s,
         integer(86400, 60, 7 * 86400, u"seconds of samples kept in memory"_s)},
        {u"thresholds"_s,
         object({
             {u"memory_percent"_s, number(80, 0, 100, u"process memory % that alerts"_s)},
             {u"cpu_percent"_s, number(80, 0, 100000, u"process CPU % that alerts"_s)},
             {u"response_time"_s, number(5.0, 0, 3600, u"average LLM seconds that alert"_s)},
             {u"error_rate"_s, number(0.1, 0, 1, u"LLM error share that alerts"_s)},
         })},
        {u"alerts"_s, alertsSchema()},
    });
}

Node buildSchema()
{
    return object({
        {u"performance"_s, performanceSchema()},
        {u"providers"_s, mapOf(providerSchema(), u"LLM services by name"_s)},
        {u"llm_settings"_s,
         object({
             {u"default_provider"_s,
              string(QString(), u"empty: the first configured, else the demo endpoint"_s)},
             {u"fallback_chain"_s, stringList(u"providers tried in order when one fails"_s)},
             {u"enable_caching"_s, boolean(true, u"master switch for the LLM cache"_s)},
         })},
        {u"default_agent"_s, string(u"react"_s, u"agent selected at start"_s)},
        {u"agents"_s, mapOf(agentSchema(), u"agents by name"_s)},
        {u"monitoring"_s, monitoringSchema()},
        {u"appearance"_s,
         object({
             {u"language"_s, choice(u"system"_s, {u"system"_s, u"en"_s, u"zh_CN"_s},
                                    u"the console's language; system: the desktop's"_s)},
             {u"theme"_s, choice(u"system"_s, {u"system"_s, u"light"_s, u"dark"_s},
                                 u"light or dark; system: follow the desktop's palette"_s)},
         })},
        {u"history"_s,
         object({
             {u"retention_days"_s,
              integer(30, 1, 3650,
                      u"days of LLM calls and per-minute metric rollups kept in the store"_s)},
         })},
    });
}

} // namespace

const Node &configSchema()
{
    static const Node schema = buildSchema();
    return schema;
}

namespace {
void visitLeaves(const Node &node, const QString &path,
                 const std::function<void(const QString &, const Node &)> &visit)
{
    switch (node.kind) {
    case Kind::Object:
        for (const Field &field : node.fields)
            visitLeaves(field.node, path.isEmpty() ? field.name : path + u'.' + field.name, visit);
        return;
    case Kind::Map:
        visitLeaves(*node.element, path + u".<name>"_s, visit);
        return;
    case Kind::Array:
        visitLeaves(*node.element, path + u"[]"_s, visit);
        return;
    default:
        visit(path, node);
    }
}
} // namespace

void forEachLeaf(const Node &root,
                 const std::function<void(const QString &path, const Node &leaf)> &visit)
{
    visitLeaves(root, QString(), visit);
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Object:
    case Kind::Map:
    case Kind::FreeObject:
        return Text::tr("an object");
    case Kind::StringMap:
        return Text::tr("an object of strings");
    case Kind::Array:
        return Text::tr("an array");
    case Kind::StringList:
        return Text::tr("an array of strings");
    case Kind::Integer:
        return Text::tr("an integer");
    case Kind::Number:
        return Text::tr("a number");
    case Kind::Boolean:
        return Text::tr("true or false");
    case Kind::String:
        return Text::tr("a string");
    case Kind::Enum:
        return Text::tr("one of");
    }
    return {};
}

QString describeExpectation(const Node &node)
{
    switch (node.kind) {
    case Kind::Integer:
    case Kind::Number: {
        const QString what =
            node.kind == Kind::Integer ? Text::tr("an integer") : Text::tr("a number");
        const bool hasMin = !std::isinf(node.minimum);
        const bool hasMax = !std::isinf(node.maximum);
        if (hasMin && hasMax)
            return Text::tr("%1 from %2 to %3")
                .arg(what, formatNumber(node.minimum), formatNumber(node.maximum));
        if (hasMin)
            return Text::tr("%1 of at least %2").arg(what, formatNumber(node.minimum));
        return what;
    }
    case Kind::Enum: {
        QStringList quoted;
        for (const QString &c : node.choices)
            quoted.append(u'"' + c + u'"');
        return Text::tr("one of %1").arg(quoted.join(QStringLiteral(", ")));
    }
    default:
        return kindName(node.kind);
    }
}

} // namespace spoon::schema
