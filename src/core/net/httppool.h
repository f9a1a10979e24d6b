#pragma once

#include "httpheaders.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <deque>
#include <map>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace spoon {

class Counter;
class Gauge;
class Histogram;
class HttpPool;
class MetricsRegistry;

struct HttpPoolLimits
{
    int totalConnections = 100; // requests on the wire at once, all hosts
    int perHost = 30;           // ... to one scheme://host:port
    int connectTimeoutMs = 10'000;
    int totalTimeoutMs = 30'000; // per request, unless the request says otherwise
    int keepAliveSeconds = 30;   // how long an idle connection is kept for reuse
    qint64 maxResponseBytes = 0; // 0: no cap
};

enum class HttpError
{
    None,
    ConnectFailed,    // refused, unreachable, DNS
    ConnectTimeout,   // not on the wire within connectTimeoutMs
    Timeout,          // the whole request took longer than its total timeout
    IdleTimeout,      // a stream went quiet for longer than its idle timeout
    ConnectionClosed, // the server closed the connection before the response was complete
    ResponseTooLarge,
    Tls,
    Cancelled,
    Other,
};
QString httpErrorName(HttpError error);

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    bool streaming = false;       // body arrives through dataReceived, not in the response
    int totalTimeoutMs = -1;      // -1: the pool's; 0: none
    int idleTimeoutMs = 0;        // 0: none; restarts with every byte received
    qint64 maxResponseBytes = -1; // -1: the pool's
    // true: redirects within the same scheme, host and port are followed, and one to another
    // origin comes back as the 3xx it is. false: every 3xx comes back, so the HTTP tool can
    // check where it points first.
    bool followRedirects = true;
    // For https to an address: the name the certificate must carry (and the SNI name).
    QString peerVerifyName = {};
    // For http:// only: HTTP/2 from the first byte, without an upgrade ("prior knowledge",
    // h2c). Every such request to a host shares one connection. A server that does not speak
    // HTTP/2 leaves the request unanswered (Qt 6.4 neither falls back nor fails), so it ends
    // at its timeout, with an error that says HTTP/2 was assumed. https needs nothing: it
    // negotiates HTTP/2 by itself.
    bool http2PriorKnowledge = false;
};

struct HttpResponse
{
    int status = 0; // 0 when no response arrived
    HttpHeaders headers;
    QByteArray body; // empty for streaming requests
    HttpError error = HttpError::None;
    QString errorString;
    qint64 bytesReceived = 0;
    qint64 elapsedMs = 0;
    bool http2 = false; // the answer came over HTTP/2

    QByteArray header(QByteArrayView name) const;
    bool transportOk() const { return error == HttpError::None; }
};

// Concurrency cap for one caller of the pool (the HTTP tool runs 10 at a time). A caller
// that goes away before its jobs stops limiting them: they stay the pool's and finish as
// usual, under the pool's own limits. Whoever no longer waits for them cancels them.
class HttpCaller
{
public:
    HttpCaller(QByteArray name, int maxConcurrent)
        : m_name(std::move(name))
        , m_maxConcurrent(std::max(1, maxConcurrent))
    {}
    ~HttpCaller();
    HttpCaller(const HttpCaller &) = delete;
    HttpCaller &operator=(const HttpCaller &) = delete;

    const QByteArray &name() const { return m_name; }
    int maxConcurrent() const { return m_maxConcurrent; }
    int active() const { return m_active; }

private:
    friend class HttpPool;
    QByteArray m_name;
    int m_maxConcurrent;
    int m_active = 0;
    std::vector<QPointer<HttpPool>> m_pools; // that were sent its jobs: one, nearly always
};

// One request through the pool. It deletes itself after finished().
class HttpJob : public QObject
{
    Q_OBJECT
public:
    const HttpRequest &request() const { return m_request; }
    bool isFinished() const { return m_finished; }
    // Safe at any time, from any state; finished() follows with HttpError::Cancelled unless
    // the job had already finished.
    void cancel();

Q_SIGNALS:
    void started();
    void responseStarted(int status, const spoon::HttpHeaders &headers);
    void dataReceived(const QByteArray &chunk);
    void finished(const spoon::HttpResponse &response);

private:
    friend class HttpPool;
    HttpJob(HttpPool *pool, HttpRequest request, HttpCaller *caller);

    HttpPool *m_pool;
    HttpRequest m_request;
    HttpCaller *m_caller;
    QString m_hostKey;
    quint64 m_arrival = 0; // the pool starts waiting jobs in this order
    int m_manager = -1;
    QPointer<QNetworkReply> m_reply;
    // Deadlines in the pool clock's milliseconds; 0 when not armed. One sweep timer for the
    // whole pool checks them, rather than three QTimers registered and cancelled per request.
    qint64 m_connectDeadline = 0;
    qint64 m_totalDeadline = 0;
    qint64 m_idleDeadline = 0;
    int m_totalTimeoutMs = 0;
    QElapsedTimer m_clock;
    HttpResponse m_response;
    HttpError m_forcedError = HttpError::None;
    bool m_headersSeen = false;
    bool m_finished = false;
};

// The engine's HTTP client: one scheduler in front of several QNetworkAccessManagers, which
// queues whatever exceeds the total, per-host or per-caller limit. Over TLS, QNAM offers
// HTTP/2, and an https host goes to the first manager, where all its requests share one
// multiplexed connection (and one QNAM thread); until its first answer, it gets no more
// requests at once than one manager can carry over HTTP/1.1. A host that answers HTTP/1.1
// is remembered and spread over all the managers: Qt 6.4 opens at most six HTTP/1.1
// connections per host in one manager (the setter arrived in 6.5), so the per-host limit of
// 30 takes five. Cleartext hosts are HTTP/1.1 from the start. Everything runs on the
// owner's thread; QNAM does the socket work off it.
class HttpPool : public QObject
{
    Q_OBJECT
public:
    static constexpr int kConnectionsPerManager = 6;
    // How often timeouts are checked: their resolution.
    static constexpr int kSweepIntervalMs = 25;
    // Hosts whose protocol is remembered at most (then forgotten and learnt again).
    static constexpr int kHostsRemembered = 4096;

    explicit HttpPool(HttpPoolLimits limits, MetricsRegistry *registry = nullptr,
                      QObject *parent = nullptr);
    ~HttpPool() override;

    HttpJob *send(HttpRequest request, HttpCaller *caller = nullptr);

    const HttpPoolLimits &limits() const { return m_limits; }
    int inFlight() const { return m_inFlight; }
    int queued() const { return m_queuedCount; }
    int managerCount() const { return int(m_managers.size()); } // for HTTP/1.1 hosts
    int managersMade() const;                                   // so far, h2c's included

private:
    friend class HttpJob;
    struct Metrics;
    // Waiting jobs, one lane per caller and host, each in arrival order. A lane may start its
    // first job when its caller and its host are both under their limits, so a completion
    // looks at the lanes (a few), never at every waiting job (thousands in a fan-out).
    using LaneKey = std::pair<const HttpCaller *, QString>;
    using Lane = std::deque<HttpJob *>;

    friend class HttpCaller;
    void detach(const HttpCaller *caller);
    void requestSchedule();
    void setQueuedCount(int count);
    void schedule();
    void sweepDeadlines();
    bool canStart(const HttpCaller *caller, const QString &host) const;
    void start(HttpJob *job);
    int managerFor(const HttpJob *job);
    void onMetaData(HttpJob *job);
    void onReadyRead(HttpJob *job);
    void onReplyFinished(HttpJob *job);
    QNetworkAccessManager *managerAt(int index);
    static QString h2cHint(const HttpJob *job);
    void fail(HttpJob *job, HttpError error, const QString &message);
    void finish(HttpJob *job);
    void cancel(HttpJob *job);
    static qint64 promisedLength(const HttpJob *job);

    HttpPoolLimits m_limits;
    std::vector<QNetworkAccessManager *> m_managers;
    QNetworkAccessManager *m_h2cManager = nullptr;
    std::map<LaneKey, Lane> m_lanes;
    int m_queuedCount = 0;
    quint64 m_arrivals = 0;
    QHash<QString, std::vector<int>> m_activePerHostManager; // host -> per-manager counts
    QHash<QString, int> m_activePerHost;
    QHash<QString, bool> m_hostSpeaksHttp2; // learnt from each answer; https only
    std::vector<HttpJob *> m_running;
    int m_inFlight = 0;
    bool m_schedulePending = false;
    QTimer m_sweep;
    QElapsedTimer m_poolClock;
    std::unique_ptr<Metrics> m_metrics;
};

} // namespace spoon

Q_DECLARE_METATYPE(spoon::HttpResponse)
