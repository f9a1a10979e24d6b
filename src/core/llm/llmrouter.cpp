#include "llmrouter.h"

#include <QDateTime>

#include "config/configbuilder.h"
#include "llmstats.h"
#include "net/httppool.h"
#include "protocol.h"
#include "providerclient.h"
#include "requestbatcher.h"
#include "telemetry/metricsregistry.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace spoon {

using namespace Qt::StringLiterals;

// One routed request: cache, batch, then the providers of the route in turn.
class RoutedCall : public LlmCall
{
public:
    RoutedCall(LlmRouter &router, ChatRequest request, RouteOptions options)
        : LlmCall(&router)
        , m_router(router)
        , m_request(std::move(request))
        , m_options(std::move(options))
        , m_batcher(router.m_batcher.get())
    {
        m_clock.start();
    }
    ~RoutedCall() override { leaveBatcher(); }

    void start()
    {
        const QString first =
            m_options.provider.isEmpty() ? m_router.defaultProvider() : m_options.provider;
        if (first.isEmpty() || !m_router.client(first)) {
            const QString message = first.isEmpty() ? u"no LLM provider is configured"_s
                                                    : u"no provider is called \"%1\""_s.arg(first);
            QMetaObject::invokeMethod(
                this,
                [this, message] {
                    finish({}, LlmError{LlmError::Kind::NoProvider, 0, message, -1});
                },
                Qt::QueuedConnection);
            return;
        }
        m_route = m_options.provider.isEmpty() ? m_router.route(first) : QStringList{first};
        ProviderClient *client = m_router.client(first);
        const QString model = m_options.model.isEmpty() ? client->config().model : m_options.model;
        m_cacheable = m_router.m_cachingEnabled && m_request.cacheAllowed && !m_options.noCache;
        if (m_cacheable) {
            ChatRequest keyed = m_request;
            keyed.model = model;
            keyed.stream = false;
            const std::unique_ptr<Protocol> protocol = Protocol::forProvider(client->config());
            m_key = CacheKey::ofJson(QJsonObject{
                {u"provider"_s, first}, {u"body"_s, protocol->body(keyed, client->config())}});
            if (const ChatResponse *hit = m_router.m_cache.get(m_key)) {
                ChatResponse answer = *hit;
                answer.cached = true;
                answer.retries = 0;
                answer.fallbacks.clear();
                answer.ttftMs = 0;
                answer.latencyMs = 0;
                LlmSeries &series = m_router.m_stats.series(answer.provider, answer.model);
                series.requests.add();
                series.cacheHits.add();
                QMetaObject::invokeMethod(
                    this,
                    [this, answer] {
                        if (m_request.stream && !answer.text.isEmpty())
                            Q_EMIT textDelta(answer.text);
                        finish(answer, {});
                    },
                    Qt::QueuedConnection);
                return;
            }
        }
        if (m_request.stream) {
            startProvider();
            return;
        }
        if (m_cacheable) { // an identical request already on its way: wait for its answer
            QList<RoutedCall *> &waiting = m_router.m_coalesced[m_key.toHex()];
            waiting.append(this);
            if (waiting.size() > 1)
                return;
        }
        enqueueForBatch();
    }

    void cancel() override
    {
        m_cancelled = true;
        if (!m_current)
            leaveBatcher(); // still waiting for its batch: it never starts
        if (m_current) {
            m_current->cancel();
            return;
        }
        end({}, LlmError{LlmError::Kind::Cancelled, 0, u"cancelled"_s, -1});
    }

private:
    // Batched per provider and model: a request waits only while others for the same
    // pair wait or run.
    void enqueueForBatch()
    {
        const QString provider = m_route.at(m_index);
        const QString model = !m_options.model.isEmpty() ? m_options.model : m_request.model;
        QPointer<RoutedCall> self(this);
        m_ticket = m_batcher->enqueue(provider + QChar(0x1f) + model, [self] {
            if (self)
                self->startProvider();
        });
    }

    // Tells the batcher this request no longer waits or runs, once.
    void leaveBatcher()
    {
        if (m_ticket && m_batcher)
            m_batcher->done(std::exchange(m_ticket, 0));
        m_ticket = 0;
    }

    void startProvider()
    {
        if (m_cancelled)
            return;
        ProviderClient *client = m_router.client(m_route.at(m_index));
        if (!client) { // removed in Settings while this call waited
            end({}, LlmError{LlmError::Kind::NoProvider, 0,
                             u"provider \"%1\" was removed"_s.arg(m_route.at(m_index)), -1});
            return;
        }
        ChatRequest request = m_request;
        if (m_index > 0)
            request.model.clear(); // the override named a model of the first provider
        else if (!m_options.model.isEmpty())
            request.model = m_options.model;
        m_current = client->call(request);
        connect(m_current, &LlmCall::textDelta, this, [this](const QString &text) {
            if (!m_tokensDelivered)
                m_ttftMs = m_clock.elapsed();
            m_tokensDelivered = true;
            Q_EMIT textDelta(text);
        });
        const QString provider = m_route.at(m_index);
        const int attempts = client->config().retryAttempts + 1;
        connect(m_current, &LlmCall::retrying, this,
                [this, provider, attempts](int retry, qint64 delayMs, const LlmError &error) {
                    Q_EMIT retrying(retry, delayMs, error);
                    Q_EMIT retryScheduled(provider, retry + 1, attempts, delayMs, error);
                });
        connect(m_current, &LlmCall::finished, this, &RoutedCall::onProviderFinished);
    }

    void onProviderFinished(const ChatResponse &response, const LlmError &error)
    {
        m_current = nullptr;
        leaveBatcher(); // a fallback provider is asked directly, not through the batcher
        m_retries += response.retries;
        const bool canFallBack = error.isError() && !m_tokensDelivered && !m_cancelled &&
                                 error.kind != LlmError::Kind::Cancelled &&
                                 m_index + 1 < m_route.size();
        if (canFallBack) {
            const QString from = m_route.at(m_index);
            const QString to = m_route.at(++m_index);
            m_fallbacks.append(from);
            m_router.m_stats.recordFallback(from, to);
            Q_EMIT providerSwitched(from, to, error);
            startProvider();
            return;
        }
        ChatResponse answer = response;
        answer.retries = m_retries;
        answer.fallbacks = m_fallbacks;
        // As the caller lived it: batch wait, retries and fallbacks included.
        answer.latencyMs = m_clock.elapsed();
        answer.ttftMs = m_request.stream ? m_ttftMs : (error.isError() ? -1 : answer.latencyMs);
        recordResponseTime(answer, error);
        const bool complete = !error.isError() && !answer.incomplete &&
                              (answer.finishReason == FinishReason::Stop ||
                               answer.finishReason == FinishReason::Length ||
                               answer.finishReason == FinishReason::ToolCalls);
        if (m_cacheable && complete)
            m_router.m_cache.put(m_key, answer);
        end(answer, error);
    }

    // The response_time rule's figure, once per request a provider answered (not for a cache
    // hit or a coalesced follower): what the caller waited for. A stream that shows tokens as
    // they come is judged by its first one, however long the answer; a stream with no text
    // (tool calls only) and an unstreamed call by the whole answer. A call that failed before
    // any token is error_rate's business.
    void recordResponseTime(const ChatResponse &answer, const LlmError &error)
    {
        const qint64 waitedMs = m_request.stream && m_ttftMs >= 0
                                    ? m_ttftMs
                                    : (error.isError() ? -1 : answer.latencyMs);
        if (waitedMs >= 0)
            m_router.m_stats.series(answer.provider, answer.model)
                .response.observe(double(waitedMs) / 1000.0);
    }

    // Finishes this call and, when it led identical unstreamed requests, those that waited
    // for it. A leader that was cancelled hands the lead to the next one instead.
    void end(const ChatResponse &response, const LlmError &error)
    {
        if (m_cacheable && !m_request.stream) {
            const QByteArray hex = m_key.toHex();
            QList<RoutedCall *> waiting = m_router.m_coalesced.take(hex);
            const bool leader = !waiting.isEmpty() && waiting.first() == this;
            waiting.removeAll(this);
            if (leader && m_cancelled && !waiting.isEmpty()) {
                m_router.m_coalesced.insert(hex, waiting);
                waiting.first()->enqueueForBatch();
            } else if (leader) {
                for (RoutedCall *follower : std::as_const(waiting)) {
                    ChatResponse copy = response;
                    copy.cached = !error.isError(); // answered without a request of its own
                    follower->finish(copy, error);
                }
            } else if (!waiting.isEmpty()) {
                m_router.m_coalesced.insert(hex, waiting);
            }
        }
        finish(response, error);
    }

    LlmRouter &m_router;
    ChatRequest m_request;
    RouteOptions m_options;
    QStringList m_route;
    int m_index = 0;
    CacheKey m_key;
    bool m_cacheable = false;
    bool m_tokensDelivered = false;
    bool m_cancelled = false;
    QPointer<RequestBatcher> m_batcher; // gone first when the router is destroyed
    quint64 m_ticket = 0;               // waiting in or released by the batcher
    int m_retries = 0;
    QStringList m_fallbacks;
    QPointer<LlmCall> m_current;
    QElapsedTimer m_clock;
    qint64 m_ttftMs = -1;
};

LlmRouter::LlmRouter(const Config &config, HttpPool &pool, LlmStats &stats, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_pool(pool)
    , m_stats(stats)
    , m_caller(std::make_unique<HttpCaller>("llm", config.performance.llm.connectionPoolSize))
    , m_cache(config.performance.llm.cacheSize, qint64(config.performance.llm.cacheTtl) * 1000)
    , m_cachingEnabled(config.performance.llm.cacheEnabled && config.llm.enableCaching)
    , m_batcher(std::make_unique<RequestBatcher>(config.performance.llm.batchSize,
                                                 int(config.performance.llm.batchTimeout * 1000.0)))
{
    m_cache.publish(stats.registry(), "llm");
    m_batcher->publish(stats.registry());
    for (const ProviderConfig &provider : config.providers)
        addProvider(provider);
}

LlmRouter::~LlmRouter() = default;

void LlmRouter::addProvider(const ProviderConfig &provider)
{
    m_clients.push_back(new ProviderClient(provider, m_pool, m_caller.get(), m_stats, this));
}

void LlmRouter::setDemoEndpoint(const QString &baseUrl)
{
    ProviderConfig demo =
        configbuild::defaultProvider(QString::fromLatin1(kDemoProvider), m_config.performance);
    demo.type = ProviderType::OpenAiCompatible;
    demo.baseUrl = baseUrl + "/v1"_L1;
    demo.model = u"spoon-demo"_s;
    demo.needsKey = false;
    demo.fromFile = false;
    demo.apiKeyEnv.clear();
    addProvider(demo);
}

void LlmRouter::setProviders(const QList<ProviderConfig> &providers)
{
    ProviderClient *demo = client(QLatin1String(kDemoProvider));
    for (ProviderClient *old : m_clients) {
        if (old != demo)
            m_retired.push_back(old);
    }
    m_clients.clear();
    for (const ProviderConfig &provider : providers)
        addProvider(provider);
    if (demo)
        m_clients.push_back(demo);
}

ProviderClient *LlmRouter::client(const QString &name) const
{
    for (ProviderClient *client : m_clients) {
        if (client->config().name == name)
            return client;
    }
    return nullptr;
}

QString LlmRouter::defaultProvider() const
{
    if (!m_config.llm.defaultProvider.isEmpty())
        return m_config.llm.defaultProvider;
    for (ProviderClient *client : m_clients) {
        if (client->config().name != QLatin1String(kDemoProvider) && client->hasCredentials() &&
            (client->config().fromFile || !client->config().apiKey.isEmpty()))
            return client->config().name;
    }
    return client(QLatin1String(kDemoProvider)) ? QString::fromLatin1(kDemoProvider) : QString();
}

QStringList LlmRouter::route(const QString &first) const
{
    QStringList names{first};
    for (const QString &name : m_config.llm.fallbackChain) {
        if (!names.contains(name) && client(name))
            names.append(name);
    }
    return names;
}

LlmCall *LlmRouter::send(const ChatRequest &request, const RouteOptions &options)
{
    auto *call = new RoutedCall(*this, request, options);
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    connect(call, &LlmCall::finished, this,
            [this, startedMs, agent = options.agent](const ChatResponse &response,
                                                     const LlmError &error) {
                LlmCallRecord record;
                record.provider = response.provider;
                record.model = response.model;
                record.agent = agent;
                record.startedMs = startedMs;
                record.firstTokenMs = response.ttftMs;
                record.latencyMs = response.latencyMs;
                if (response.usage.known) {
                    record.tokensIn = response.usage.promptTokens;
                    record.tokensOut = response.usage.completionTokens;
                }
                record.cacheHit = response.cached;
                record.retries = response.retries;
                record.fallback = !response.fallbacks.isEmpty();
                if (error.isError())
                    record.errorKind = error.kindName();
                Q_EMIT callEnded(record);
            });
    call->start();
    return call;
}

void LlmRouter::setRetryPolicy(const RetryPolicy &policy)
{
    for (ProviderClient *client : m_clients)
        client->setRetryPolicy(policy);
}

} // namespace spoon
