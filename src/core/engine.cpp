#include "engine.h"

#include "agent/agentcatalog.h"
#include "compute/computepool.h"
#include "config/keyvault.h"
#include "llm/demoserver.h"
#include "llm/llmrouter.h"
#include "llm/llmstats.h"
#include "llm/llmusage.h"
#include "monitor/alertengine.h"
#include "monitor/alerthandlers.h"
#include "monitor/desktopnotifier.h"
#include "monitor/memorymanager.h"
#include "net/httppool.h"
#include "storage/alertstore.h"
#include "storage/store.h"
#include "storage/telemetrystore.h"
#include "telemetry/metricnames.h"

#include <QDateTime>
#include <QPointer>

namespace spoon {

HttpPoolLimits httpPoolLimits(const Config &config)
{
    const ToolPerformance &tools = config.performance.tools;
    HttpPoolLimits limits;
    limits.totalConnections = tools.connectionLimit;
    limits.perHost = tools.connectionLimitPerHost;
    limits.connectTimeoutMs = int(tools.connectTimeout * 1000.0);
    limits.totalTimeoutMs = int(tools.timeout * 1000.0);
    limits.keepAliveSeconds = int(tools.keepaliveTimeout);
    return limits;
}

Engine::Engine(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_monitor(std::make_unique<ProcessMonitor>(m_registry, m_config.monitoring.sampleIntervalMs,
                                                 m_config.monitoring.historyCapacity()))
    , m_pool(std::make_unique<HttpPool>(httpPoolLimits(m_config), &m_registry))
    , m_llmStats(std::make_unique<LlmStats>(m_registry))
    , m_router(std::make_unique<LlmRouter>(m_config, *m_pool, *m_llmStats))
    , m_llmUsage(std::make_unique<LlmUsageTracker>(m_registry))
    , m_compute(std::make_unique<ComputePool>(m_config.performance.computeMaxWorkers, &m_registry))
    , m_agents(std::make_unique<AgentCatalog>(m_config, *m_router, *m_pool, *m_compute, m_registry))
    , m_demoTokensPerSecond(DemoServer::kDefaultTokensPerSecond)
    , m_store(Store::fromSettings(m_config.performance.database, &m_registry, &m_storeError))
    , m_alerts(std::make_unique<AlertEngine>(m_registry, alertRulesFromConfig(m_config)))
    , m_memory(std::make_unique<MemoryManager>(m_registry))
    , m_alertDispatcher(std::make_unique<AlertDispatcher>(*m_alerts, m_registry))
{
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    addAlertHandlers();
    addMemoryParts();
    connect(m_monitor.get(), &ProcessMonitor::sampled, m_alerts.get(), [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_llmUsage->record(now);
        m_alerts->evaluate(now);
    });
}

// What gives memory back at the critical level; the console adds its own parts.
void Engine::addMemoryParts()
{
    m_memory->addPart(QStringLiteral("LLM cache entries"),
                      [this] { return qint64(m_router->cache().clear()); });
    m_memory->addPart(QStringLiteral("tool cache entries"),
                      [this] { return qint64(m_agents->toolCache().clear()); });
    m_memory->addPart(QStringLiteral("history messages folded"),
                      [this] { return qint64(m_agents->foldIdleHistories()); });
    connect(m_alerts.get(), &AlertEngine::alertFired, m_memory.get(), &MemoryManager::onAlertFired);
}

// The seed's handlers: a log line, a desktop notification, a configured command. The
// console's toast and Alerts view read the engine's signals themselves.
void Engine::addAlertHandlers()
{
    const AlertSettings &settings = m_config.monitoring.alerts;
    m_alertDispatcher->addHandler(std::make_unique<LogAlertHandler>());
    if (settings.desktopNotifications) {
        m_alertDispatcher->addHandler(
            std::make_unique<DesktopNotificationHandler>(QDBusConnection::sessionBus()));
    }
    if (!settings.command.isEmpty()) {
        m_alertDispatcher->addHandler(std::make_unique<CommandAlertHandler>(
            settings.command, int(settings.commandTimeout * 1000.0)));
    }
}

Engine::~Engine()
{
    // The open minutes and unwritten calls go to the store; the pool runs what is queued
    // before it closes.
    if (m_telemetry)
        m_telemetry->flush();
}

bool Engine::usesDemoEndpoint() const
{
    const QString first = m_router->defaultProvider();
    return first.isEmpty() || first == QLatin1String(LlmRouter::kDemoProvider);
}

void Engine::setLlmSettings(const QList<ProviderConfig> &providers, const LlmSettings &llm)
{
    QList<ProviderConfig> next = providers;
    for (ProviderConfig &provider : next) {
        const ProviderConfig *before = m_config.provider(provider.name);
        if (provider.apiKey.isEmpty() && before && !before->apiKey.isEmpty()) {
            provider.apiKey = before->apiKey;
            provider.keySource = before->keySource;
        }
    }
    m_config.providers = next;
    m_config.llm = llm;
    m_router->setProviders(m_config.providers);
    ensureLlmEndpoint();
    Q_EMIT providersChanged();
}

bool Engine::setAgentSettings(const QList<AgentConfig> &agents, const QString &defaultAgent)
{
    const auto namesOf = [](const QList<AgentConfig> &list) {
        QStringList names;
        for (const AgentConfig &agent : list)
            names.append(agent.name);
        names.sort();
        return names;
    };
    if (namesOf(agents) != namesOf(m_config.agents))
        return false;
    // The catalog reads m_config: the next agent it creates has these settings.
    m_config.agents = agents;
    m_config.defaultAgent = defaultAgent;
    return true;
}

void Engine::setKeychainKey(const QString &provider, const Secret &key)
{
    ++m_keyGeneration[provider]; // a read still on its way brings an older key
    QList<ProviderConfig> providers = m_config.providers;
    for (ProviderConfig &p : providers) {
        if (p.name != provider || p.keySource == ProviderConfig::KeySource::Environment)
            continue;
        p.apiKey = key;
        p.keySource =
            key.isEmpty() ? ProviderConfig::KeySource::None : ProviderConfig::KeySource::Keychain;
        // Applied whole, so that a forgotten key is not brought back from before.
        m_config.providers = providers;
        m_router->setProviders(m_config.providers);
        ensureLlmEndpoint();
        Q_EMIT providersChanged();
        return;
    }
}

void Engine::readKeychainKeys(KeyVault &vault)
{
    for (const ProviderConfig &provider : std::as_const(m_config.providers)) {
        if (!provider.wantsKeychainKey())
            continue;
        const int generation = m_keyGeneration.value(provider.name);
        vault.read(provider.name, [self = QPointer<Engine>(this), name = provider.name,
                                   generation](const KeyVault::Result &result) {
            if (self && result.ok() && !result.key.isEmpty() &&
                self->m_keyGeneration.value(name) == generation)
                self->setKeychainKey(name, result.key);
        });
    }
}

QString Engine::demoEndpointUrl() const
{
    return m_demo ? m_demo->baseUrl() + QStringLiteral("/v1") : QString();
}

void Engine::openStore()
{
    if (!m_store || m_store->isReady())
        return;
    connect(m_store.get(), &Store::opened, this, [this](bool ok) {
        if (ok && !m_telemetry) {
            startTelemetry();
            startAlertStore();
        }
    });
    m_store->open();
}

// The figures whose per-minute rollups are kept, for windows longer than memory holds.
void Engine::startTelemetry()
{
    m_telemetry = std::make_unique<TelemetryStore>(m_store->pool(), m_config.history.retentionDays);
    connect(m_router.get(), &LlmRouter::callEnded, m_telemetry.get(),
            &TelemetryStore::recordLlmCall);
    connect(m_monitor.get(), &ProcessMonitor::sampled, m_telemetry.get(), [this] {
        static const GaugeMetric *const kRolledUp[] = {
            &metric::kProcessCpuPercent,    &metric::kSystemCpuPercent,
            &metric::kProcessResidentBytes, &metric::kProcessMemoryPercent,
            &metric::kProcessDiskReadRate,  &metric::kProcessDiskWriteRate,
            &metric::kSystemNetSentRate,    &metric::kSystemNetReceivedRate,
        };
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const GaugeMetric *rolledUp : kRolledUp) {
            m_telemetry->addSample(QString::fromLatin1(rolledUp->name()), now,
                                   m_registry.gaugeValue(*rolledUp));
        }
    });
}

void Engine::startAlertStore()
{
    m_alertStore = std::make_unique<AlertStore>(m_store->pool());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_alertStore->closeOrphans(m_startedMs);
    m_alertStore->pruneEndedBefore(now - qint64(m_config.history.retentionDays) * 86'400'000);
    connect(m_alerts.get(), &AlertEngine::alertFired, m_alertStore.get(), &AlertStore::recordFired);
    connect(m_alerts.get(), &AlertEngine::alertResolved, m_alertStore.get(),
            &AlertStore::recordResolved);
    connect(m_memory.get(), &MemoryManager::cleanedUp, m_alertStore.get(),
            [this](const MemoryCleanup &cleanup) { m_alertStore->recordEvent(cleanup.toAlert()); });
    connect(m_alerts.get(), &AlertEngine::alertAcknowledged, m_alertStore.get(),
            [this](const Alert &alert) {
                m_alertStore->recordAcknowledged(alert.rule, alert.startedMs, alert.acknowledgedMs);
            });
}

bool Engine::start()
{
    m_monitor->start();
    openStore();
    return ensureLlmEndpoint();
}

void Engine::setDemoTokensPerSecond(double rate)
{
    m_demoTokensPerSecond = rate;
    if (m_demo)
        m_demo->setTokensPerSecond(rate);
}

bool Engine::ensureLlmEndpoint()
{
    if (m_router->defaultProvider().isEmpty() && !m_demo) {
        m_demo = std::make_unique<DemoServer>();
        m_demo->setTokensPerSecond(m_demoTokensPerSecond);
        if (!m_demo->listen()) {
            m_error =
                tr("the demo endpoint cannot listen on 127.0.0.1: %1").arg(m_demo->errorString());
            m_demo.reset();
            return false;
        }
        m_router->setDemoEndpoint(m_demo->baseUrl());
    }
    return true;
}

} // namespace spoon
