#include "providerclient.h"

#include "llmstats.h"
#include "net/httppool.h"
#include "net/sseparser.h"
#include "protocol.h"
#include "telemetry/metricsregistry.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

namespace spoon {

Q_LOGGING_CATEGORY(lcLlm, "spoon.llm")

using namespace Qt::StringLiterals;

namespace {
// An error answer's text is read this far: enough for any provider's explanation.
constexpr qsizetype kMaxErrorBody = 64 * 1024;

// An answer that broke one of the performance.llm caps; never retried.
LlmError tooLarge(const QString &what, qint64 limit, const char *key)
{
    return LlmError{LlmError::Kind::TooLarge, 0,
                    what.arg(limit) + u" (performance.llm."_s + QLatin1String(key) + u')', -1};
}
} // namespace

// One request to one provider, with its retries.
class ProviderCall : public LlmCall
{
public:
    ProviderCall(ProviderClient &client, ChatRequest request)
        : LlmCall(&client)
        , m_client(client)
        , m_request(std::move(request))
        , m_series(client.m_stats.series(client.m_config.name, model()))
    {
        m_clock.start();
        m_series.requests.add();
        m_series.inFlight.add(1);
        QMetaObject::invokeMethod(this, &ProviderCall::attempt, Qt::QueuedConnection);
    }

    ~ProviderCall() override
    {
        if (m_job) {
            m_job->disconnect(this);
            m_job->cancel();
        }
    }

    void cancel() override
    {
        m_cancelled = true;
        m_retryTimer.stop();
        if (m_job)
            m_job->cancel(); // its finished() completes the call
        else
            complete(LlmError{LlmError::Kind::Cancelled, 0, u"cancelled"_s, -1});
    }

private:
    QString model() const
    {
        return m_request.model.isEmpty() ? m_client.m_config.model : m_request.model;
    }

    void attempt()
    {
        if (m_cancelled || isFinished())
            return;
        const ProviderConfig &config = m_client.m_config;
        if (!m_client.hasCredentials()) {
            complete(LlmError{
                LlmError::Kind::MissingKey, 0,
                u"provider \"%1\" has no API key: add one in Settings > Providers or set %2"_s.arg(
                    config.name, config.apiKeyEnv),
                -1});
            return;
        }
        m_status = 0;
        m_errorBody.clear();
        m_stream = m_client.m_protocol->newStream();
        m_parser = std::make_unique<SseParser>([this](const SseEvent &event) { onEvent(event); });

        HttpRequest http;
        http.method = "POST";
        http.url = m_client.m_protocol->endpoint(config);
        http.headers = m_client.m_protocol->headers(config);
        http.body = QJsonDocument(m_client.m_protocol->body(m_request, config))
                        .toJson(QJsonDocument::Compact);
        http.streaming = m_request.stream;
        const int timeoutMs = int(config.timeout * 1000.0);
        // A long answer may stream for minutes: for streams the timeout bounds the wait for
        // the first byte and every gap between chunks, and stream_deadline the whole answer,
        // so a trickle cannot keep a call alive for ever.
        http.totalTimeoutMs = m_request.stream ? int(config.streamDeadline * 1000.0) : timeoutMs;
        http.idleTimeoutMs = m_request.stream ? timeoutMs : 0;
        http.maxResponseBytes = config.maxResponseBytes;
        http.followRedirects = false;
        http.http2PriorKnowledge = config.http2PriorKnowledge;
        m_parser->setMaxEventBytes(config.maxEventBytes);
        m_job = m_client.m_pool.send(std::move(http), m_client.m_caller);
        connect(m_job, &HttpJob::responseStarted, this,
                [this](int status, const HttpHeaders &) { m_status = status; });
        connect(m_job, &HttpJob::dataReceived, this, &ProviderCall::onData);
        connect(m_job, &HttpJob::finished, this, &ProviderCall::onHttpFinished);
    }

    void onData(const QByteArray &chunk)
    {
        if (m_status < 200 || m_status >= 300) {
            // An error answer, read before it is explained: its start says what went wrong.
            m_errorBody += chunk.first(
                std::min(chunk.size(), std::max<qsizetype>(0, kMaxErrorBody - m_errorBody.size())));
            return;
        }
        m_parser->feed(chunk);
        if ((m_stream->error().isError() || m_parser->overflowed()) && m_job)
            m_job->cancel();
    }

    void onEvent(const SseEvent &event)
    {
        // After a broken event nothing more of this answer is taken, not even the rest of
        // the chunk that carried it.
        if (m_stream->error().isError())
            return;
        m_stream->onEvent(event);
        const QString delta = m_stream->takeTextDelta();
        if (delta.isEmpty())
            return;
        if (m_ttftMs < 0)
            m_ttftMs = m_clock.elapsed();
        m_tokensDelivered = true;
        Q_EMIT textDelta(delta);
    }

    void onHttpFinished(const HttpResponse &http)
    {
        m_job = nullptr;
        if (isFinished())
            return;
        ChatResponse response;
        LlmError error;
        if (m_request.stream && m_stream->error().isError()) {
            error = m_stream->error(); // the stream said what went wrong; we cancelled it
            response = m_stream->response();
        } else if (m_parser->overflowed()) {
            error = tooLarge(u"a line or event of the stream is longer than %1 bytes"_s,
                             m_client.m_config.maxEventBytes, "max_event_bytes");
            response = m_stream->response();
        } else if (http.error == HttpError::ResponseTooLarge) {
            error = tooLarge(u"the answer is larger than %1 bytes"_s,
                             m_client.m_config.maxResponseBytes, "max_response_bytes");
            response = m_stream->response();
        } else if (http.error == HttpError::Cancelled && m_cancelled) {
            error = LlmError{LlmError::Kind::Cancelled, 0, u"cancelled"_s, -1};
            response = m_stream->response();
        } else if (!http.transportOk()) {
            const bool timeout = http.error == HttpError::Timeout ||
                                 http.error == HttpError::IdleTimeout ||
                                 http.error == HttpError::ConnectTimeout;
            error = LlmError{timeout ? LlmError::Kind::Timeout : LlmError::Kind::Network, 0,
                             httpErrorName(http.error).replace(u'_', u' ') + u" at "_s +
                                 QUrl(m_client.m_config.baseUrl).toString(QUrl::RemoveUserInfo) +
                                 u": "_s + http.errorString,
                             -1};
            response = m_stream->response();
        } else if (http.status >= 300 && http.status < 400) {
            // An API endpoint does not move in normal use; a redirect is a misconfigured base
            // URL or a hostile server, and following it would carry the API key elsewhere.
            error = LlmError{LlmError::Kind::BadRequest, http.status,
                             u"the provider redirected to %1 (HTTP %2); LLM requests do not "
                             u"follow redirects, since they carry the API key: check base_url"_s
                                 .arg(QString::fromUtf8(http.header("Location")).left(300))
                                 .arg(http.status),
                             -1};
        } else if (http.status < 200 || http.status >= 300) {
            error = m_client.m_protocol->parseError(
                http.status, m_request.stream ? m_errorBody : http.body.left(kMaxErrorBody));
            error.retryAfterMs = RetryPolicy::parseRetryAfter(http.header("Retry-After"));
        } else if (m_request.stream) {
            m_parser->finish();
            response = m_stream->response();
            if (m_stream->error().isError())
                error = m_stream->error();
            else if (!m_stream->isDone())
                error = LlmError{LlmError::Kind::TruncatedStream, 0,
                                 m_client.m_config.type == ProviderType::Anthropic
                                     ? u"the stream ended without message_stop"_s
                                     : u"the stream ended without [DONE]"_s,
                                 -1};
        } else if (!m_client.m_protocol->parseResponse(http.body, &response, &error)) {
            // error set by the parser
        }

        if (!error.isError()) {
            complete(error, response);
            return;
        }
        const RetryPolicy &policy = m_client.m_retryPolicy;
        if (!m_cancelled && policy.shouldRetry(error, m_retries, m_tokensDelivered)) {
            const qint64 delay = policy.delayMs(m_retries, error.retryAfterMs);
            ++m_retries;
            m_series.retries.add();
            qCInfo(lcLlm).noquote() << m_client.m_config.name << "retry" << m_retries << "in"
                                    << delay << "ms after" << error.describe();
            Q_EMIT retrying(m_retries, delay, error);
            m_retryTimer.setSingleShot(true);
            m_retryTimer.callOnTimeout(this, &ProviderCall::attempt, Qt::UniqueConnection);
            m_retryTimer.start(int(delay));
            return;
        }
        complete(error, response);
    }

    void complete(LlmError error, ChatResponse response = {})
    {
        response.provider = m_client.m_config.name;
        if (response.model.isEmpty())
            response.model = model();
        response.retries = m_retries;
        response.latencyMs = m_clock.elapsed();
        // Unstreamed, the first token arrives with the whole answer.
        response.ttftMs = m_request.stream || error.isError() ? m_ttftMs : response.latencyMs;
        if (error.isError()) {
            error.message = redactSecrets(error.message); // a server may echo the key back
            response.incomplete = !response.text.isEmpty() || !response.toolCalls.isEmpty();
            if (response.finishReason == FinishReason::Unknown)
                response.finishReason = error.kind == LlmError::Kind::Cancelled
                                            ? FinishReason::Cancelled
                                            : FinishReason::Error;
            m_series.failures(error.kind).add();
        } else {
            m_series.successes.add();
        }
        record(response);
        finish(response, error);
    }

    void record(const ChatResponse &response)
    {
        m_series.inFlight.add(-1);
        m_series.latency.observe(double(response.latencyMs) / 1000.0);
        if (m_ttftMs >= 0)
            m_series.timeToFirstToken.observe(double(m_ttftMs) / 1000.0);
        if (response.usage.known) {
            m_series.promptTokens.add(response.usage.promptTokens);
            m_series.completionTokens.add(response.usage.completionTokens);
            const qint64 generationMs = response.latencyMs - std::max<qint64>(0, response.ttftMs);
            if (generationMs > 0 && response.usage.completionTokens > 0)
                m_series.tokensPerSecond.set(response.usage.completionTokens * 1000.0 /
                                             double(generationMs));
        }
    }

    ProviderClient &m_client;
    ChatRequest m_request;
    LlmSeries &m_series;
    QPointer<HttpJob> m_job;
    std::unique_ptr<ProtocolStream> m_stream;
    std::unique_ptr<SseParser> m_parser;
    QByteArray m_errorBody;
    QTimer m_retryTimer;
    QElapsedTimer m_clock;
    int m_status = 0;
    int m_retries = 0;
    qint64 m_ttftMs = -1;
    bool m_tokensDelivered = false;
    bool m_cancelled = false;
};

ProviderClient::ProviderClient(ProviderConfig config, HttpPool &pool, HttpCaller *caller,
                               LlmStats &stats, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_pool(pool)
    , m_caller(caller)
    , m_stats(stats)
    , m_protocol(Protocol::forProvider(m_config))
    , m_retryPolicy(m_config.retryAttempts)
{}

ProviderClient::~ProviderClient() = default;

LlmCall *ProviderClient::call(const ChatRequest &request)
{
    return new ProviderCall(*this, request);
}

} // namespace spoon
