#pragma once

#include "config/config.h"
#include "llmcall.h"
#include "retrypolicy.h"

#include <QObject>

#include <memory>

namespace spoon {

class HttpCaller;
class HttpPool;
class LlmStats;
class Protocol;

// Talks to one configured provider: encodes requests in its protocol, sends them through the
// shared HTTP pool, and retries what the retry policy allows (counting every retry).
class ProviderClient : public QObject
{
    Q_OBJECT
public:
    ProviderClient(ProviderConfig config, HttpPool &pool, HttpCaller *caller, LlmStats &stats,
                   QObject *parent = nullptr);
    ~ProviderClient() override;

    const ProviderConfig &config() const { return m_config; }
    bool hasCredentials() const { return !m_config.needsKey || !m_config.apiKey.isEmpty(); }
    LlmCall *call(const ChatRequest &request);
    // For tests: shorter backoff.
    void setRetryPolicy(const RetryPolicy &policy) { m_retryPolicy = policy; }

private:
    friend class ProviderCall;
    ProviderConfig m_config;
    HttpPool &m_pool;
    HttpCaller *m_caller;
    LlmStats &m_stats;
    std::unique_ptr<Protocol> m_protocol;
    RetryPolicy m_retryPolicy;
};

} // namespace spoon
