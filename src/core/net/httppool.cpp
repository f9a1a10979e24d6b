#include "httppool.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>
#include <iterator>

namespace spoon {

Q_LOGGING_CATEGORY(lcHttp, "spoon.net.http")

QString httpErrorName(HttpError error)
{
    switch (error) {
    case HttpError::None:
        return QStringLiteral("none");
    case HttpError::ConnectFailed:
        return QStringLiteral("connect_failed");
    case HttpError::ConnectTimeout:
        return QStringLiteral("connect_timeout");
    case HttpError::Timeout:
        return QStringLiteral("timeout");
    case HttpError::IdleTimeout:
        return QStringLiteral("idle_timeout");
    case HttpError::ConnectionClosed:
        return QStringLiteral("connection_closed");
    case HttpError::ResponseTooLarge:
        return QStringLiteral("response_too_large");
    case HttpError::Tls:
        return QStringLiteral("tls");
    case HttpError::Cancelled:
        return QStringLiteral("cancelled");
    case HttpError::Other:
        break;
    }
    return QStringLiteral("other");
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {

bool speaksH2c(const HttpRequest &request)
{
    return request.http2PriorKnowledge && request.url.scheme() == QLatin1String("http");
}

// h2c requests count as a host of their own: they share one connection, apart from any
// HTTP/1.1 requests to the same address.
QString hostKeyOf(const HttpRequest &request)
{
    const QUrl &url = request.url;
    return (speaksH2c(request) ? QStringLiteral("h2c+") : QString()) + url.scheme() +
           QStringLiteral("://") + url.host() + u':' +
           QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

// QNAM reports HTTP error statuses as errors (a 400 as ProtocolInvalidOperationError, 404
// as ContentNotFoundError, 5xx in the 4xx range); those are answers, not transport failures.
bool isHttpStatusError(QNetworkReply::NetworkError error)
{
    const int code = int(error);
    return (code >= 201 && code <= 299) || (code >= 401 && code <= 499) ||
           error == QNetworkReply::ProtocolInvalidOperationError;
}

HttpError classify(QNetworkReply::NetworkError error, bool headersSeen)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
        return headersSeen ? HttpError::ConnectionClosed : HttpError::ConnectFailed;
    case QNetworkReply::RemoteHostClosedError:
        return headersSeen ? HttpError::ConnectionClosed : HttpError::ConnectFailed;
    case QNetworkReply::TimeoutError:
        return HttpError::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return HttpError::Tls;
    case QNetworkReply::OperationCanceledError:
        return HttpError::Cancelled;
    default:
        return headersSeen ? HttpError::ConnectionClosed : HttpError::Other;
    }
}

} // namespace

struct HttpPool::Metrics
{
    explicit Metrics(MetricsRegistry &r)
        : inFlight(r.gauge(metric::kHttpInFlight))
        , queued(r.gauge(metric::kHttpQueued))
        , requests(r.counter(metric::kHttpRequests))
        , connectionsOpened(r.counter(metric::kHttpConnectionsOpened))
        , bytesReceived(r.counter(metric::kHttpReceivedBytes))
        , bytesSent(r.counter(metric::kHttpSentBytes))
        , duration(r.histogram(metric::kHttpRequestSeconds,
                               {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}))
        , registry(r)
    {}
    Counter &errors(HttpError error)
    {
        return registry.counter(metric::kHttpErrors, {{"kind", httpErrorName(error).toLatin1()}});
    }
    Gauge &inFlight;
    Gauge &queued;
    Counter &requests;
    Counter &connectionsOpened;
    Counter &bytesReceived;
    Counter &bytesSent;
    Histogram &duration;
    MetricsRegistry &registry;
};

HttpJob::HttpJob(HttpPool *pool, HttpRequest request, HttpCaller *caller)
    : QObject(pool)
    , m_pool(pool)
    , m_request(std::move(request))
    , m_caller(caller)
    , m_hostKey(hostKeyOf(m_request))
{}

void HttpJob::cancel()
{
    if (!m_finished)
        m_pool->cancel(this);
}

HttpPool::HttpPool(HttpPoolLimits limits, MetricsRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
    m_limits.totalConnections = std::max(1, m_limits.totalConnections);
    m_limits.perHost = std::clamp(m_limits.perHost, 1, m_limits.totalConnections);
    // Made when first needed: an HTTP/2 host needs one, and an HTTP/1.1 host a second only
    // once it has six requests in flight.
    const int managers = (m_limits.perHost + kConnectionsPerManager - 1) / kConnectionsPerManager;
    m_managers.resize(managers, nullptr);
    if (registry)
        m_metrics = std::make_unique<Metrics>(*registry);
    m_poolClock.start();
    m_sweep.setInterval(kSweepIntervalMs);
    connect(&m_sweep, &QTimer::timeout, this, &HttpPool::sweepDeadlines);
}

HttpPool::~HttpPool()
{
    // Replies are children of their managers; cancel jobs first so no signal reaches a
    // half-destroyed pool.
    for (HttpJob *job : findChildren<HttpJob *>(Qt::FindDirectChildrenOnly)) {
        if (job->m_reply)
            job->m_reply->disconnect(this);
    }
    // A caller may outlive this pool and send through another: give back its slots.
    for (const HttpJob *job : m_running) {
        if (job->m_caller)
            --job->m_caller->m_active;
    }
}

HttpCaller::~HttpCaller()
{
    for (const QPointer<HttpPool> &pool : m_pools) {
        if (pool)
            pool->detach(this);
    }
}

void HttpPool::detach(const HttpCaller *caller)
{
    for (HttpJob *job : m_running) {
        if (job->m_caller == caller)
            job->m_caller = nullptr;
    }
    // Its waiting jobs join the caller-less lane of their host, in arrival order.
    auto lane = m_lanes.lower_bound(LaneKey(caller, QString()));
    while (lane != m_lanes.end() && lane->first.first == caller) {
        Lane &orphans = m_lanes[LaneKey(nullptr, lane->first.second)];
        for (HttpJob *job : lane->second)
            job->m_caller = nullptr;
        Lane merged;
        std::merge(orphans.begin(), orphans.end(), lane->second.begin(), lane->second.end(),
                   std::back_inserter(merged),
                   [](const HttpJob *a, const HttpJob *b) { return a->m_arrival < b->m_arrival; });
        orphans = std::move(merged);
        lane = m_lanes.erase(lane);
    }
    if (m_queuedCount > 0)
        requestSchedule(); // what the caller held back may start now
}

HttpJob *HttpPool::send(HttpRequest request, HttpCaller *caller)
{
    if (caller &&
        std::find(caller->m_pools.begin(), caller->m_pools.end(), this) == caller->m_pools.end()) {
        std::erase_if(caller->m_pools, [](const QPointer<HttpPool> &pool) { return !pool; });
        caller->m_pools.emplace_back(this);
    }
    auto *job = new HttpJob(this, std::move(request), caller);
    job->m_arrival = ++m_arrivals;
    m_lanes[LaneKey(caller, job->m_hostKey)].push_back(job);
    setQueuedCount(m_queuedCount + 1);
    requestSchedule();
    return job;
}

void HttpPool::requestSchedule()
{
    // Start on the next turn of the event loop, so the caller can connect first; one pass
    // serves every request sent until then.
    if (m_schedulePending)
        return;
    m_schedulePending = true;
    QMetaObject::invokeMethod(this, &HttpPool::schedule, Qt::QueuedConnection);
}

void HttpPool::setQueuedCount(int count)
{
    m_queuedCount = count;
    if (m_metrics)
        m_metrics->queued.set(double(count));
}

bool HttpPool::canStart(const HttpCaller *caller, const QString &host) const
{
    if (caller && caller->m_active >= caller->m_maxConcurrent)
        return false;
    const int active = m_activePerHost.value(host);
    // Until an https host's first answer says which protocol it speaks, it gets no more than
    // one manager carries over HTTP/1.1: the rest would wait inside QNAM, where their connect
    // timeout runs.
    if (active >= kConnectionsPerManager && host.startsWith(u"https://") &&
        !m_hostSpeaksHttp2.contains(host))
        return false;
    return active < m_limits.perHost;
}

void HttpPool::schedule()
{
    m_schedulePending = false;
    // The oldest first job among the lanes that may start, until the total is reached: a
    // job held back by its host or caller does not block others behind it.
    while (m_queuedCount > 0 && m_inFlight < m_limits.totalConnections) {
        auto oldest = m_lanes.end();
        for (auto lane = m_lanes.begin(); lane != m_lanes.end(); ++lane) {
            if ((oldest == m_lanes.end() ||
                 lane->second.front()->m_arrival < oldest->second.front()->m_arrival) &&
                canStart(lane->first.first, lane->first.second))
                oldest = lane;
        }
        if (oldest == m_lanes.end())
            break;
        HttpJob *job = oldest->second.front();
        oldest->second.pop_front();
        if (oldest->second.empty())
            m_lanes.erase(oldest);
        setQueuedCount(m_queuedCount - 1);
        start(job);
    }
}

void HttpPool::start(HttpJob *job)
{
    qCDebug(lcHttp) << "start" << job->m_request.method << job->m_request.url.toString();
    const HttpRequest &request = job->m_request;
    const int chosen = managerFor(job);
    ++m_activePerHostManager[job->m_hostKey][chosen];
    ++m_activePerHost[job->m_hostKey];
    ++m_inFlight;
    if (job->m_caller)
        ++job->m_caller->m_active;
    job->m_manager = chosen;
    job->m_clock.start();
    if (m_metrics) {
        m_metrics->inFlight.set(m_inFlight);
        m_metrics->bytesSent.add(double(request.body.size()));
    }

    QNetworkRequest networkRequest(request.url);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    networkRequest.setAttribute(QNetworkRequest::ConnectionCacheExpiryTimeoutSecondsAttribute,
                                m_limits.keepAliveSeconds);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                                QNetworkRequest::AlwaysNetwork);
    // Redirects are followed within the same origin only: headers such as Authorization
    // would travel with the request to any other host.
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                request.followRedirects ? QNetworkRequest::SameOriginRedirectPolicy
                                                        : QNetworkRequest::ManualRedirectPolicy);
    if (!request.peerVerifyName.isEmpty())
        networkRequest.setPeerVerifyName(request.peerVerifyName);
    if (speaksH2c(request))
        networkRequest.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
    // Qt's own guard against compression bombs cuts the body off short and silently (it
    // reads as truncated or not JSON, and invites a retry). The pool's size cap counts the
    // inflated bytes instead and says "too large".
    networkRequest.setDecompressedSafetyCheckThreshold(-1);
    // get() skips the custom-verb path (a QBuffer for the empty body, and a verb compared
    // on every send) for the pool's commonest request.
    QNetworkAccessManager *manager = managerAt(chosen);
    QNetworkReply *reply =
        request.method == "GET" && request.body.isEmpty()
            ? manager->get(networkRequest)
            : manager->sendCustomRequest(networkRequest, request.method, request.body);
    job->m_reply = reply;

    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this] {
        if (m_metrics)
            m_metrics->connectionsOpened.add();
    });
    connect(reply, &QNetworkReply::requestSent, job, [job] { job->m_connectDeadline = 0; });
    connect(reply, &QNetworkReply::metaDataChanged, job, [this, job] { onMetaData(job); });
    connect(reply, &QNetworkReply::readyRead, job, [this, job] { onReadyRead(job); });
    connect(reply, &QNetworkReply::finished, job, [this, job] { onReplyFinished(job); });

    const qint64 now = m_poolClock.elapsed();
    if (m_limits.connectTimeoutMs > 0)
        job->m_connectDeadline = now + m_limits.connectTimeoutMs;
    job->m_totalTimeoutMs =
        request.totalTimeoutMs < 0 ? m_limits.totalTimeoutMs : request.totalTimeoutMs;
    if (job->m_totalTimeoutMs > 0)
        job->m_totalDeadline = now + job->m_totalTimeoutMs;
    if (request.idleTimeoutMs > 0)
        job->m_idleDeadline = now + request.idleTimeoutMs;
    m_running.push_back(job);
    if (!m_sweep.isActive())
        m_sweep.start();
    Q_EMIT job->started();
}

// Qt 6.4 keys its connections by host and port only: an h2c request would ride an HTTP/1.1
// connection that is open to the same address, and an HTTP/1.1 request would wait on an
// h2c connection to a server that does not speak it. h2c has a manager of its own, made when
// first needed.
QNetworkAccessManager *HttpPool::managerAt(int index)
{
    QNetworkAccessManager *&manager =
        index < int(m_managers.size()) ? m_managers[index] : m_h2cManager;
    if (!manager) {
        manager = new QNetworkAccessManager(this);
        manager->setAutoDeleteReplies(false);
    }
    return manager;
}

int HttpPool::managersMade() const
{
    return int(std::count_if(m_managers.begin(), m_managers.end(),
                             [](const QNetworkAccessManager *m) { return m != nullptr; })) +
           (m_h2cManager ? 1 : 0);
}

int HttpPool::managerFor(const HttpJob *job)
{
    std::vector<int> &perManager = m_activePerHostManager[job->m_hostKey];
    perManager.resize(m_managers.size() + 1, 0); // the last: h2c's
    if (speaksH2c(job->m_request))
        return int(m_managers.size());
    // An https host is taken to speak HTTP/2 until it answers otherwise.
    const bool http2 = job->m_request.url.scheme() == QLatin1String("https") &&
                       m_hostSpeaksHttp2.value(job->m_hostKey, true);
    if (http2)
        return 0;
    // HTTP/1.1: the first manager with a connection to spare for this host, so that a host
    // uses as few managers (and keeps as few connections warm) as its load needs.
    int chosen = 0;
    for (int i = 0; i < int(m_managers.size()); ++i) {
        if (perManager[i] < kConnectionsPerManager)
            return i;
        if (perManager[i] < perManager[chosen])
            chosen = i;
    }
    return chosen;
}

void HttpPool::sweepDeadlines()
{
    const qint64 now = m_poolClock.elapsed();
    // Copied: failing a job removes it from m_running.
    const std::vector<HttpJob *> running = m_running;
    for (HttpJob *job : running) {
        if (job->m_finished)
            continue;
        if (job->m_connectDeadline > 0 && now >= job->m_connectDeadline) {
            fail(job, HttpError::ConnectTimeout,
                 tr("no connection to %1 within %2 ms")
                     .arg(job->m_hostKey)
                     .arg(m_limits.connectTimeoutMs));
        } else if (job->m_totalDeadline > 0 && now >= job->m_totalDeadline) {
            fail(job, HttpError::Timeout,
                 tr("no complete response within %1 ms").arg(job->m_totalTimeoutMs));
        } else if (job->m_idleDeadline > 0 && now >= job->m_idleDeadline) {
            fail(job, HttpError::IdleTimeout,
                 tr("nothing received for %1 ms").arg(job->m_request.idleTimeoutMs));
        }
    }
}

// The body length the response promised, when it can be checked: no content coding (QNAM
// decompresses, so the counts would differ), and a status and method that carry a body.
qint64 HttpPool::promisedLength(const HttpJob *job)
{
    const HttpResponse &response = job->m_response;
    const QByteArray encoding = response.header("Content-Encoding").trimmed().toLower();
    if (job->request().method == "HEAD" || response.status == 204 || response.status == 304 ||
        (!encoding.isEmpty() && encoding != "identity"))
        return -1;
    bool ok = false;
    const qint64 length = response.header("Content-Length").trimmed().toLongLong(&ok);
    return ok ? length : -1;
}

void HttpPool::onMetaData(HttpJob *job)
{
    QNetworkReply *reply = job->m_reply;
    if (!reply || job->m_headersSeen)
        return;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    job->m_headersSeen = true;
    job->m_connectDeadline = 0;
    job->m_response.status = status.toInt();
    job->m_response.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    if (job->m_request.url.scheme() == QLatin1String("https")) {
        if (m_hostSpeaksHttp2.size() >= kHostsRemembered) // the HTTP tool meets many hosts
            m_hostSpeaksHttp2.clear();
        const bool firstAnswer = !m_hostSpeaksHttp2.contains(job->m_hostKey);
        m_hostSpeaksHttp2.insert(job->m_hostKey, job->m_response.http2);
        if (firstAnswer) // what waited for it may go now
            requestSchedule();
    }
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &pair : pairs)
        job->m_response.headers.append({pair.first, pair.second});
    Q_EMIT job->responseStarted(job->m_response.status, job->m_response.headers);
}

void HttpPool::onReadyRead(HttpJob *job)
{
    QNetworkReply *reply = job->m_reply;
    if (!reply || job->m_finished)
        return;
    onMetaData(job);
    const QByteArray chunk = reply->readAll();
    if (chunk.isEmpty())
        return;
    job->m_response.bytesReceived += chunk.size();
    if (m_metrics)
        m_metrics->bytesReceived.add(double(chunk.size()));
    const qint64 cap = job->m_request.maxResponseBytes < 0 ? m_limits.maxResponseBytes
                                                           : job->m_request.maxResponseBytes;
    if (cap > 0 && job->m_response.bytesReceived > cap) {
        fail(job, HttpError::ResponseTooLarge, tr("response larger than %1 bytes").arg(cap));
        return;
    }
    if (job->m_idleDeadline > 0)
        job->m_idleDeadline = m_poolClock.elapsed() + job->m_request.idleTimeoutMs;
    if (job->m_request.streaming)
        Q_EMIT job->dataReceived(chunk);
    else
        job->m_response.body += chunk;
}

void HttpPool::onReplyFinished(HttpJob *job)
{
    QNetworkReply *reply = job->m_reply;
    if (!reply || job->m_finished)
        return;
    if (reply->isOpen())
        onReadyRead(job); // anything left in the buffer
    if (job->m_finished)
        return;
    HttpResponse &response = job->m_response;
    if (job->m_forcedError != HttpError::None) {
        response.error = job->m_forcedError;
    } else if (reply->error() == QNetworkReply::InsecureRedirectError) {
        // The redirect policy refused to follow to another origin: the 3xx is the answer.
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (response.header("Location").isEmpty() && reply->hasRawHeader("Location"))
            response.headers.append({"Location", reply->rawHeader("Location")});
    } else if (reply->error() != QNetworkReply::NoError &&
               !(response.status > 0 && isHttpStatusError(reply->error()))) {
        response.error = classify(reply->error(), job->m_headersSeen);
        response.errorString = reply->errorString() + h2cHint(job);
    } else if (response.bytesReceived < promisedLength(job)) {
        // QNAM 6.4 sometimes reports a body cut short by a reset connection as complete.
        response.error = HttpError::ConnectionClosed;
    }
    // However QNAM reported it, a body cut short says how much of it arrived.
    if (const qint64 promised = promisedLength(job);
        response.error == HttpError::ConnectionClosed && response.bytesReceived < promised) {
        response.errorString = tr("the connection closed after %1 of %2 bytes")
                                   .arg(response.bytesReceived)
                                   .arg(promised);
    }
    finish(job);
}

// Said with a failure of an h2c request that saw no answer: a server that does not speak
// HTTP/2 gives no other sign.
QString HttpPool::h2cHint(const HttpJob *job)
{
    if (!speaksH2c(job->m_request) || job->m_headersSeen)
        return {};
    return tr(" (HTTP/2 was spoken from the first byte, without an upgrade: does the server "
              "speak h2c?)");
}

void HttpPool::fail(HttpJob *job, HttpError error, const QString &message)
{
    if (job->m_finished)
        return;
    job->m_forcedError = error;
    job->m_response.errorString =
        message + (error == HttpError::Cancelled ? QString() : h2cHint(job));
    if (job->m_reply)
        job->m_reply->abort(); // finished() follows, synchronously
    if (!job->m_finished) {
        job->m_response.error = error;
        finish(job);
    }
}

void HttpPool::cancel(HttpJob *job)
{
    const auto lane = m_lanes.find(LaneKey(job->m_caller, job->m_hostKey));
    const auto queued = lane == m_lanes.end()
                            ? Lane::iterator()
                            : std::find(lane->second.begin(), lane->second.end(), job);
    if (lane != m_lanes.end() && queued != lane->second.end()) {
        lane->second.erase(queued);
        if (lane->second.empty())
            m_lanes.erase(lane);
        setQueuedCount(m_queuedCount - 1);
        job->m_response.error = HttpError::Cancelled;
        job->m_response.errorString = tr("cancelled");
        job->m_finished = true;
        Q_EMIT job->finished(job->m_response);
        job->deleteLater();
        return;
    }
    fail(job, HttpError::Cancelled, tr("cancelled"));
}

void HttpPool::finish(HttpJob *job)
{
    qCDebug(lcHttp) << "finish" << job->m_request.url.toString() << job->m_response.status
                    << httpErrorName(job->m_response.error);
    job->m_finished = true;
    if (const auto running = std::find(m_running.begin(), m_running.end(), job);
        running != m_running.end()) {
        *running = m_running.back();
        m_running.pop_back();
    }
    if (m_running.empty())
        m_sweep.stop();
    job->m_response.elapsedMs = job->m_clock.isValid() ? job->m_clock.elapsed() : 0;
    if (job->m_manager >= 0) {
        --m_activePerHostManager[job->m_hostKey][job->m_manager];
        if (--m_activePerHost[job->m_hostKey] == 0) {
            m_activePerHost.remove(job->m_hostKey);
            m_activePerHostManager.remove(job->m_hostKey);
        }
        --m_inFlight;
        if (job->m_caller)
            --job->m_caller->m_active;
    }
    if (job->m_reply) {
        job->m_reply->disconnect(this);
        job->m_reply->disconnect(job);
        job->m_reply->deleteLater();
    }
    if (m_metrics) {
        m_metrics->inFlight.set(m_inFlight);
        m_metrics->requests.add();
        m_metrics->duration.observe(double(job->m_response.elapsedMs) / 1000.0);
        if (job->m_response.error != HttpError::None)
            m_metrics->errors(job->m_response.error).add();
    }
    Q_EMIT job->finished(job->m_response);
    job->deleteLater();
    schedule();
}

} // namespace spoon
