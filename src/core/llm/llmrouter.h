#pragma once

#include "cache/ttlcache.h"
#include "config/config.h"
#include "llmcall.h"
#include "llmcallrecord.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <vector>

namespace spoon {

class HttpCaller;
class HttpPool;
class LlmStats;
class ProviderClient;
class RequestBatcher;
class RetryPolicy;

struct RouteOptions
{
    QString provider; // empty: the default provider, with the fallback chain behind it
    QString model;    // for the first provider only: model names are provider-specific
    bool noCache = false;
    QString agent; // who asks, for the record of the call
};

// Every LLM request goes through here: the response cache, then the batcher (for unstreamed
// requests; a person waiting on a stream is not made to wait for a batch), then the fallback
// chain, then the provider with its retries.
//
// Cache rule: an answer is cached when performance.llm.cache_enabled and
// llm_settings.enable_caching are on and the request allows it (an agent's cache_enabled),
// and only a complete answer (stop, length or tool calls). The key is the SHA-256 of the
// provider name and the exact request body the provider would receive: model, messages,
// tools, temperature and max_tokens. Temperature is part of the key, not a reason to skip
// the cache: at any temperature a repeated identical request returns the first answer, as
// in SpoonOS and the common LLM caches; pass noCache to sample afresh.
class LlmRouter : public QObject
{
    Q_OBJECT
public:
    LlmRouter(const Config &config, HttpPool &pool, LlmStats &stats, QObject *parent = nullptr);
    ~LlmRouter() override;

    // The built-in demo endpoint, answering as provider "demo" when nothing else can.
    void setDemoEndpoint(const QString &baseUrl);
    static constexpr char kDemoProvider[] = "demo";

    LlmCall *send(const ChatRequest &request, const RouteOptions &options = {});

    // New provider settings (the settings window, a key from the keychain). Calls in flight
    // finish on the client they started with; the demo endpoint stays.
    void setProviders(const QList<ProviderConfig> &providers);

    // The provider a request without --provider goes to; empty when none can answer.
    QString defaultProvider() const;
    // That provider followed by the fallback chain, each once.
    QStringList route(const QString &first) const;
    ProviderClient *client(const QString &name) const;
    TtlCache<ChatResponse> &cache() { return m_cache; }
    RequestBatcher &batcher() { return *m_batcher; }
    bool cachingEnabled() const { return m_cachingEnabled; }
    // For tests: a faster retry policy for every provider.
    void setRetryPolicy(const RetryPolicy &policy);

Q_SIGNALS:
    // Every call that send() started, as it ends.
    void callEnded(const spoon::LlmCallRecord &record);

private:
    friend class RoutedCall;
    void addProvider(const ProviderConfig &provider);

    const Config &m_config;
    HttpPool &m_pool;
    LlmStats &m_stats;
    std::unique_ptr<HttpCaller> m_caller;
    std::vector<ProviderClient *> m_clients;
    std::vector<ProviderClient *> m_retired; // replaced, perhaps still finishing a call
    TtlCache<ChatResponse> m_cache;
    bool m_cachingEnabled;
    std::unique_ptr<RequestBatcher> m_batcher;
    QHash<QByteArray, QList<class RoutedCall *>> m_coalesced; // identical unstreamed requests
};

} // namespace spoon
