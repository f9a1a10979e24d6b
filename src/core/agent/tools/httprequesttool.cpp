#include "httprequesttool.h"

#include "compute/computepool.h"
#include "net/httppool.h"

#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QStringDecoder>

#include <qcoro/qcorofuture.h>
#include <qcoro/qcorosignal.h>

#include <memory>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

// Emits when a batch of asynchronous pieces has all come back, for co_await.
class Countdown : public QObject
{
    Q_OBJECT
public:
    explicit Countdown(int count)
        : m_left(count)
    {}
    void done()
    {
        if (--m_left == 0)
            Q_EMIT finished();
    }
    // Stops waiting: what has not come back by now is left behind.
    void abandon()
    {
        if (m_left > 0) {
            m_left = 0;
            Q_EMIT finished();
        }
    }
    int left() const { return m_left; }

Q_SIGNALS:
    void finished();

private:
    int m_left;
};

struct Fetch
{
    QUrl url;
    QHostAddress address; // the one checked, and the one connected to
    QString error;        // set when the URL never left, or failed in transport
    HttpResponse response;
};

// Why a header the model asked for is refused; empty if it may go. Names are RFC 9110
// tokens, values carry no control characters (a CR or LF would start a header of the
// model's own), and the headers that steer the connection or the host are ours to set.
QString headerRefusal(const QString &name, const QString &value)
{
    static const QStringList reserved{
        u"host"_s,
        u"connection"_s,
        u"keep-alive"_s,
        u"proxy-connection"_s,
        u"proxy-authenticate"_s,
        u"proxy-authorization"_s,
        u"te"_s,
        u"trailer"_s,
        u"transfer-encoding"_s,
        u"upgrade"_s,
        u"content-length"_s,
        u"expect"_s,
        u"http2-settings"_s,
    };
    static const QString tokenChars = u"!#$%&'*+-.^_`|~"_s;
    if (name.isEmpty())
        return u"an empty header name"_s;
    for (const QChar c : name) {
        if (c.unicode() > 0x7e || !(c.isLetterOrNumber() || tokenChars.contains(c)))
            return u"header name \"%1\" has a character a header name cannot have"_s.arg(
                name.left(60));
    }
    if (reserved.contains(name.toLower()))
        return u"the %1 header is set by the HTTP tool itself"_s.arg(name);
    for (const QChar c : value) {
        if ((c.unicode() < 0x20 && c != u'\t') || c.unicode() == 0x7f)
            return u"the value of header %1 has a control character (CR, LF or the like)"_s.arg(
                name);
    }
    return {};
}

// The request goes to the address that was checked, not to whatever a second lookup of the
// name would give (DNS can change its answer in between): the URL carries the address, the
// Host header and the TLS peer name carry the name.
HttpRequest pinnedRequest(const Fetch &fetch, const QByteArray &method, HttpHeaders headers,
                          const QByteArray &body)
{
    QUrl pinned = fetch.url;
    pinned.setHost(fetch.address.toString());
    const bool https = fetch.url.scheme() == "https"_L1;
    const int defaultPort = https ? 443 : 80;
    QString host = fetch.url.host(QUrl::FullyEncoded);
    if (fetch.url.port(defaultPort) != defaultPort)
        host += u':' + QString::number(fetch.url.port());
    headers.append({"Host", host.toLatin1()});
    HttpRequest request{method, pinned, std::move(headers), body};
    if (https)
        request.peerVerifyName = fetch.url.host();
    return request;
}

bool isTextual(const QByteArray &contentType)
{
    const QByteArray type = contentType.toLower();
    return type.isEmpty() || type.startsWith("text/") || type.contains("json") ||
           type.contains("xml") || type.contains("javascript") ||
           type.contains("x-www-form-urlencoded");
}

QByteArray charsetOf(const QByteArray &contentType)
{
    for (const QByteArray &part : contentType.split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.toLower().startsWith("charset="))
            return trimmed.mid(8).replace('"', "");
    }
    return "utf-8";
}

// Runs on the compute pool: decoding and trimming can be megabytes of work.
QString describeAll(const QList<Fetch> &fetches, int maxChars)
{
    QJsonArray results;
    int failures = 0;
    for (const Fetch &fetch : fetches) {
        QJsonObject result{{u"url"_s, fetch.url.toString()}};
        if (!fetch.error.isEmpty()) {
            result.insert(u"status"_s, fetch.response.status);
            result.insert(u"error"_s, fetch.error);
            results.append(result);
            ++failures;
            continue;
        }
        const HttpResponse &r = fetch.response;
        const QByteArray contentType = r.header("Content-Type");
        result.insert(u"status"_s, r.status);
        result.insert(u"content_type"_s, QString::fromLatin1(contentType));
        result.insert(u"bytes"_s, double(r.body.size()));
        if (!r.header("Location").isEmpty())
            result.insert(u"location"_s, QString::fromUtf8(r.header("Location")));
        if (isTextual(contentType)) {
            QStringDecoder decoder(charsetOf(contentType).constData());
            if (!decoder.isValid())
                decoder = QStringDecoder(QStringDecoder::Utf8);
            QString text = decoder.decode(r.body);
            const bool truncated = text.size() > maxChars;
            if (truncated)
                text.truncate(maxChars);
            result.insert(u"data"_s, text);
            result.insert(u"truncated"_s, truncated);
        } else {
            result.insert(u"data"_s, u"(%1 bytes of %2, not shown)"_s.arg(r.body.size())
                                         .arg(QString::fromLatin1(contentType)));
        }
        results.append(result);
    }
    Q_UNUSED(failures);
    return QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Compact));
}

} // namespace

HttpRequestTool::HttpRequestTool(HttpPool &pool, ComputePool &compute,
                                 const ToolPerformance &limits)
    : m_pool(pool)
    , m_compute(compute)
    , m_limits(limits)
    , m_policy(limits.allowHosts)
    , m_dns(kDnsCacheEntries, qint64(limits.dnsCacheTtl) * 1000)
{}

QString HttpRequestTool::description() const
{
    return u"Fetch one or more web URLs over HTTP(S), up to %1 at a time, and return each one's "
           u"status, content type and (text) body, or its error. Public hosts only. Redirects are "
           u"reported with their location, not followed."_s.arg(m_limits.concurrentLimit);
}

QJsonObject HttpRequestTool::parameters() const
{
    return QJsonObject{
        {u"type"_s, u"object"_s},
        {u"properties"_s,
         QJsonObject{
             {u"urls"_s, QJsonObject{{u"type"_s, u"array"_s},
                                     {u"items"_s, QJsonObject{{u"type"_s, u"string"_s}}},
                                     {u"minItems"_s, 1},
                                     {u"maxItems"_s, kMaxUrls},
                                     {u"description"_s, u"http:// or https:// URLs"_s}}},
             {u"method"_s, QJsonObject{{u"type"_s, u"string"_s},
                                       {u"enum"_s, QJsonArray{u"GET"_s, u"HEAD"_s, u"POST"_s,
                                                              u"PUT"_s, u"PATCH"_s, u"DELETE"_s}},
                                       {u"description"_s, u"default GET"_s}}},
             {u"headers"_s, QJsonObject{{u"type"_s, u"object"_s},
                                        {u"description"_s, u"extra request headers"_s}}},
             {u"body"_s,
              QJsonObject{{u"type"_s, u"string"_s}, {u"description"_s, u"request body"_s}}},
         }},
        {u"required"_s, QJsonArray{u"urls"_s}},
        {u"additionalProperties"_s, false},
    };
}

bool HttpRequestTool::isReadOnly(const QJsonObject &arguments) const
{
    const QString method = arguments.value(u"method").toString(u"GET"_s).toUpper();
    return method == "GET"_L1 || method == "HEAD"_L1;
}

void HttpRequestTool::beginTurn()
{
    m_urlsThisTurn = 0;
}

QCoro::Task<ToolResult> HttpRequestTool::execute(QJsonObject arguments, CancelTokenPtr cancel)
{
    const QByteArray method = arguments.value(u"method").toString(u"GET"_s).toUpper().toLatin1();
    HttpHeaders headers{{"User-Agent", "SpoonConsole/1.0"}};
    const QJsonObject extra = arguments.value(u"headers").toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        const QString value = it.value().toString();
        if (const QString refused = headerRefusal(it.key(), value); !refused.isEmpty())
            co_return ToolResult::error(u"refused: "_s + refused + u"; nothing was sent"_s);
        headers.append({it.key().toLatin1(), value.toUtf8()});
    }
    const QByteArray body = arguments.value(u"body").toString().toUtf8();

    QList<Fetch> fetches;
    for (const QJsonValue &value : arguments.value(u"urls").toArray()) {
        Fetch fetch;
        fetch.url = QUrl(value.toString(), QUrl::StrictMode);
        if (!fetch.url.isValid() ||
            (fetch.url.scheme() != "http"_L1 && fetch.url.scheme() != "https"_L1) ||
            fetch.url.host().isEmpty())
            fetch.error = u"not an http:// or https:// URL"_s;
        else if (m_urlsThisTurn >= m_limits.maxUrlsPerTurn)
            fetch.error = u"not fetched: this turn has fetched %1 URLs, the most "
                          u"performance.tools.max_urls_per_turn allows"_s.arg(m_urlsThisTurn);
        else
            ++m_urlsThisTurn;
        fetches.append(fetch);
    }

    // Resolve every host first, and refuse those that land inside (DNS can point anywhere).
    // Every address the name has must be public, not only the one used.
    auto judge = [this](Fetch &fetch, const QList<QHostAddress> &addresses) {
        for (const QHostAddress &address : addresses) {
            const QString refusal = m_policy.refusal(fetch.url, address);
            if (!refusal.isEmpty()) {
                fetch.error = refusal;
                break;
            }
        }
        fetch.address = addresses.first();
    };
    const bool cacheDns = m_dns.ttlMs() > 0;
    auto lookups = std::make_unique<Countdown>(int(fetches.size()) + 1);
    for (Fetch &fetch : fetches) {
        if (!fetch.error.isEmpty()) {
            lookups->done();
            continue;
        }
        const CacheKey dnsKey = CacheKey::ofBytes(fetch.url.host().toUtf8());
        if (const QList<QHostAddress> *known = cacheDns ? m_dns.get(dnsKey) : nullptr) {
            judge(fetch, *known);
            lookups->done();
            continue;
        }
        Fetch *target = &fetch;
        Countdown *countdown = lookups.get();
        QHostInfo::lookupHost(
            fetch.url.host(), countdown,
            [this, target, countdown, judge, dnsKey, cacheDns](const QHostInfo &info) {
                if (info.error() != QHostInfo::NoError) {
                    target->error =
                        u"cannot resolve %1: %2"_s.arg(target->url.host(), info.errorString());
                } else if (info.addresses().isEmpty()) {
                    target->error = u"cannot resolve %1: no address"_s.arg(target->url.host());
                } else {
                    if (cacheDns)
                        m_dns.put(dnsKey, info.addresses());
                    judge(*target, info.addresses());
                }
                countdown->done();
            });
    }
    lookups->done();
    // A cancel (the step timed out) stops the wait for slow lookups too.
    const QMetaObject::Connection cancelLookups =
        QObject::connect(cancel.get(), &CancelToken::cancelled, lookups.get(),
                         [countdown = lookups.get()] { countdown->abandon(); });
    if (lookups->left() > 0 && !cancel->isCancelled()) {
        auto resolved = qCoro(lookups.get(), &Countdown::finished);
        co_await resolved;
    }
    QObject::disconnect(cancelLookups);

    // Then fetch, through one caller so at most concurrent_limit run at once.
    HttpCaller caller("http_request", m_limits.concurrentLimit);
    auto fetched = std::make_unique<Countdown>(int(fetches.size()) + 1);
    QList<QPointer<HttpJob>> jobs;
    for (Fetch &fetch : fetches) {
        if (!fetch.error.isEmpty() || cancel->isCancelled()) {
            if (fetch.error.isEmpty())
                fetch.error = u"cancelled"_s;
            fetched->done();
            continue;
        }
        HttpRequest request = pinnedRequest(fetch, method, headers, body);
        request.totalTimeoutMs = int(m_limits.timeout * 1000.0);
        request.maxResponseBytes = m_limits.maxResponseBytes;
        request.followRedirects = false;
        HttpJob *job = m_pool.send(std::move(request), &caller);
        jobs.append(job);
        Fetch *target = &fetch;
        Countdown *countdown = fetched.get();
        QObject::connect(job, &HttpJob::finished, countdown,
                         [target, countdown](const HttpResponse &response) {
                             target->response = response;
                             if (!response.transportOk())
                                 target->error = httpErrorName(response.error).replace(u'_', u' ') +
                                                 u": "_s + response.errorString;
                             countdown->done();
                         });
    }
    const QMetaObject::Connection onCancel =
        QObject::connect(cancel.get(), &CancelToken::cancelled, [jobs] {
            for (const QPointer<HttpJob> &job : jobs) {
                if (job)
                    job->cancel();
            }
        });
    fetched->done();
    if (fetched->left() > 0) {
        auto done = qCoro(fetched.get(), &Countdown::finished);
        co_await done;
    }
    QObject::disconnect(onCancel);

    int failures = 0;
    for (const Fetch &fetch : fetches)
        failures += !fetch.error.isEmpty();
    const int maxChars = kMaxCharsPerUrl;
    // Named, not a temporary of the co_await (GCC bug 100611 destroys those twice).
    QFuture<QString> described =
        m_compute.run([fetches, maxChars] { return describeAll(fetches, maxChars); });
    const QString text = co_await described;
    co_return ToolResult{text, failures == fetches.size()};
}

} // namespace spoon

#include "httprequesttool.moc"
