#pragma once

#include "knownproviders.h"
#include "secret.h"

#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QMap>
#include <QString>
#include <QStringList>

// The typed config. Structs carry no defaults of their own: every value comes from the
// schema table (configschema.cpp) through the loader, so Config::defaults() and a file
// of "{}" are the same thing.
namespace spoon {

struct AgentLimits
{
    int maxConcurrent;
    int memoryLimitMb;
    int cleanupInterval;
    int maxHistoryLength;
};

struct LlmPerformance
{
    int connectionPoolSize;
    double requestTimeout;
    int retryAttempts;
    int batchSize;
    double batchTimeout;
    bool cacheEnabled;
    int cacheTtl;
    int cacheSize;
    qint64 maxResponseBytes; // a whole answer, streamed or not
    int maxEventBytes;       // one SSE line or event
    double streamDeadline;   // seconds for a whole streamed answer
};

struct ToolPerformance
{
    int concurrentLimit;
    bool cacheEnabled;
    int cacheSize;
    int cacheTtl;
    double timeout;
    double connectTimeout;
    int connectionLimit;
    int connectionLimitPerHost;
    double keepaliveTimeout;
    int dnsCacheTtl;
    qint64 maxResponseBytes;
    QStringList allowHosts;
    int maxUrlsPerTurn;
    int maxResultChars;
};

struct DatabaseSettings
{
    QString url;
    int poolMinSize;
    int poolMaxSize;
    double commandTimeout;
    double connectionTimeout;
};

struct PerformanceConfig
{
    AgentLimits agents;
    LlmPerformance llm;
    ToolPerformance tools;
    DatabaseSettings database;
    int computeMaxWorkers; // 0: one per core
    double memoryWarningThreshold;
    double memoryCriticalThreshold;
};

struct ProviderConfig
{
    QString name;
    ProviderType type;
    QString baseUrl;
    QString model;
    // h2c: HTTP/2 from the first byte on an http:// base_url (a local server that speaks it).
    bool http2PriorKnowledge;
    int maxTokens;
    double temperature;
    double timeout;
    int retryAttempts;
    // Per million tokens, for the LLM panel's estimated cost; negative when not given.
    double priceInputPerMillion;
    double priceOutputPerMillion;
    bool hasPrice() const { return priceInputPerMillion >= 0 && priceOutputPerMillion >= 0; }
    // From performance.llm: caps on what an answer may bring.
    qint64 maxResponseBytes;
    int maxEventBytes;
    double streamDeadline;
    bool fromFile; // listed in the config file, not only found through the environment
    bool needsKey;
    bool needsKeyGiven; // by the file; else it follows the effective base URL
    QString apiKeyEnv;  // the environment variable a key may come from
    // Never from a file: from the environment (which wins) or the system keychain.
    Secret apiKey;
    enum class KeySource
    {
        None,
        Environment,
        Keychain,
    };
    KeySource keySource;
    // The keychain is asked for this provider's key: it sends one and the environment gives
    // none.
    bool wantsKeychainKey() const { return needsKey && keySource != KeySource::Environment; }
    QStringList overriddenBy; // environment variables that changed this entry
};

struct McpServerConfig
{
    QString command;
    QStringList args;
    QMap<QString, QString> env;
    QString cwd;
    double timeout;
};

enum class ToolKind
{
    Builtin,
    Mcp
};

struct ToolConfig
{
    QString name;
    ToolKind kind;
    bool enabled;
    QJsonObject config;
    McpServerConfig mcpServer;
};

struct AgentSettings
{
    int maxSteps;
    double temperature;
    int maxTokens;
    double timeout;
    bool stream;
    bool cacheEnabled;
    int maxHistoryLength;
    int cleanupInterval;
    int maxToolCallsPerStep;
    int maxResultChars; // performance.tools.max_result_chars
};

struct AgentConfig
{
    QString name;
    QString className;
    QStringList aliases;
    QString description;
    QString systemPrompt; // empty: the built-in opening
    AgentSettings settings;
    QList<ToolConfig> tools;
    bool builtIn; // the default "react" agent, not from the file
};

struct LlmSettings
{
    QString defaultProvider;
    QStringList fallbackChain;
    bool enableCaching;
};

struct AlertThresholds
{
    double memoryPercent;
    double cpuPercent;
    double responseTime;
    double errorRate;
};

// The alert rules by config name: the seed's four thresholds and the memory manager's levels.
namespace alertrule {
inline constexpr char kMemoryPercent[] = "memory_percent";
inline constexpr char kCpuPercent[] = "cpu_percent";
inline constexpr char kResponseTime[] = "response_time";
inline constexpr char kErrorRate[] = "error_rate";
inline constexpr char kMemoryWarning[] = "memory_warning";
inline constexpr char kMemoryCritical[] = "memory_critical";
} // namespace alertrule
QStringList alertRuleNames();

struct AlertTiming
{
    double window;   // seconds the value is averaged over
    double holdFor;  // seconds the threshold must stay crossed before it fires ("for")
    double cooldown; // seconds before the same rule fires again
};

struct AlertSettings
{
    AlertTiming defaults;
    QMap<QString, AlertTiming> rules; // every rule of alertRuleNames(), defaults filled in
    double resolveMargin;             // resolves below threshold * (1 - margin)
    bool desktopNotifications;
    QStringList command; // program and arguments; empty: no command handler
    double commandTimeout;
    AlertTiming timing(const QString &rule) const { return rules.value(rule, defaults); }
};

struct MonitoringConfig
{
    int sampleIntervalMs;
    int historySeconds;
    AlertThresholds thresholds;
    AlertSettings alerts;
    qsizetype historyCapacity() const;
};

enum class LogFormat
{
    Text,
    Json
};

struct LoggingConfig
{
    QString level; // debug, info, warning, error, critical
    LogFormat format;
};

struct HistoryConfig
{
    int retentionDays; // history.retention_days: LLM calls and metric rollups kept
};

// The desktop console's look; the headless commands ignore it.
struct AppearanceConfig
{
    QString language; // "system", "en" or "zh_CN"
    QString theme;    // "system", "light" or "dark"
    // The locale the console speaks: the desktop's for "system".
    QLocale locale() const;
};

struct Config
{
    PerformanceConfig performance;
    QList<ProviderConfig> providers; // from the file, then known ones with a key in the env
    LlmSettings llm;
    QString defaultAgent;
    QList<AgentConfig> agents; // the built-in "react" first unless the file redefines it
    MonitoringConfig monitoring;
    HistoryConfig history;
    LoggingConfig logging;
    AppearanceConfig appearance;

    static Config defaults();

    const ProviderConfig *provider(QStringView name) const;
    // Finds an agent by name or alias.
    const AgentConfig *agent(QStringView nameOrAlias) const;
    // Providers that can answer now: a key is set, or none is needed and it was configured.
    QList<const ProviderConfig *> usableProviders() const;
};

} // namespace spoon
