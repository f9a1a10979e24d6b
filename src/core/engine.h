#pragma once

#include "config/config.h"
#include "monitor/processmonitor.h"
#include "telemetry/metricsregistry.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace spoon {

class AgentCatalog;
class AlertDispatcher;
class AlertEngine;
class AlertStore;
class ComputePool;
class DemoServer;
class HttpPool;
class KeyVault;
class LlmRouter;
class LlmStats;
class LlmUsageTracker;
class MemoryManager;
class Store;
class TelemetryStore;

struct HttpPoolLimits;
HttpPoolLimits httpPoolLimits(const Config &config);

// The composition root: owns one of each engine part and wires them. The desktop console
// and headless runs build one Engine; tests build parts directly.
class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(Config config, QObject *parent = nullptr);
    ~Engine() override;

    // Starts sampling and, when no provider can answer, the built-in demo endpoint.
    // False (with errorString()) if the demo endpoint cannot listen.
    bool start();
    // New providers, default provider and fallback chain, from the settings window: they take
    // effect for the next call. A provider keeps the key it had unless `providers` brings one.
    void setLlmSettings(const QList<ProviderConfig> &providers, const LlmSettings &llm);
    // Edited agents, for conversations started from now on. Only the same agents, changed:
    // false (nothing applied) when the names differ, since open windows list them.
    bool setAgentSettings(const QList<AgentConfig> &agents, const QString &defaultAgent);
    // The window's language and theme as the settings last saved them.
    void setAppearance(const AppearanceConfig &appearance) { m_config.appearance = appearance; }
    // A key the keychain holds for `provider`; the environment's wins. Empty: forget it.
    void setKeychainKey(const QString &provider, const Secret &key);
    // Asks the keychain for the key of every provider the environment gives none;
    // providersChanged() follows each one found.
    void readKeychainKeys(KeyVault &vault);
    // Just the second half of start(), for commands that need an LLM but no sampling.
    bool ensureLlmEndpoint();
    QString errorString() const { return m_error; }

    const Config &config() const { return m_config; }
    MetricsRegistry &registry() { return m_registry; }
    const MetricsRegistry &registry() const { return m_registry; }
    ProcessMonitor &monitor() { return *m_monitor; }
    HttpPool &httpPool() { return *m_pool; }
    LlmRouter &llm() { return *m_router; }
    ComputePool &compute() { return *m_compute; }
    AgentCatalog &agents() { return *m_agents; }
    // The store performance.database names; start() opens it (Store::opened says how that
    // went). Null when the URL does not parse: storeError() says why, and the console runs
    // without persistence.
    Store *store() { return m_store.get(); }
    QString storeError() const { return m_storeError; }
    void openStore();
    // LLM calls and per-minute rollups, written once the store is open; else null.
    TelemetryStore *telemetry() { return m_telemetry.get(); }
    // Windowed LLM figures for the LLM panel, read from the registry on every sample.
    LlmUsageTracker &llmUsage() { return *m_llmUsage; }
    // Frees caches and folds histories at the critical memory level or when asked.
    MemoryManager &memory() { return *m_memory; }
    // The threshold rules, evaluated on every sample once start() runs.
    AlertEngine &alerts() { return *m_alerts; }
    // Alert episodes, written once the store is open; else null.
    AlertStore *alertStore() { return m_alertStore.get(); }
    // True when no provider can answer (none has a key and none needs none), so the built-in
    // demo endpoint does.
    bool usesDemoEndpoint() const;
    // Its address once started, else empty.
    QString demoEndpointUrl() const;
    // How fast the built-in demo endpoint streams (DemoServer::kDefaultTokensPerSecond, a
    // realistic rate; 0 sends at once). Applies now and to an endpoint started later.
    void setDemoTokensPerSecond(double rate);

Q_SIGNALS:
    // The providers, their keys, the default or the fallback chain changed.
    void providersChanged();

private:
    void startTelemetry();
    void startAlertStore();
    void addAlertHandlers();
    void addMemoryParts();

    Config m_config;
    MetricsRegistry m_registry;
    std::unique_ptr<ProcessMonitor> m_monitor;
    // Declared so that calls in flight (owned by the router) go before the pool they use.
    std::unique_ptr<HttpPool> m_pool;
    std::unique_ptr<LlmStats> m_llmStats;
    std::unique_ptr<LlmRouter> m_router;
    std::unique_ptr<LlmUsageTracker> m_llmUsage;
    std::unique_ptr<ComputePool> m_compute;
    std::unique_ptr<AgentCatalog> m_agents;
    std::unique_ptr<DemoServer> m_demo;
    double m_demoTokensPerSecond;
    QString m_error;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TelemetryStore> m_telemetry; // declared after the store it writes to
    std::unique_ptr<AlertStore> m_alertStore;
    std::unique_ptr<AlertEngine> m_alerts;
    std::unique_ptr<MemoryManager> m_memory;
    std::unique_ptr<AlertDispatcher> m_alertDispatcher;
    QString m_storeError;
    qint64 m_startedMs;
    QHash<QString, int> m_keyGeneration; // per provider: bumped by every key set // alerts the
                                         // store holds from before this are an earlier run's
};

} // namespace spoon
