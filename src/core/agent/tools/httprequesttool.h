#pragma once

#include "agent/addresspolicy.h"
#include "agent/tool.h"
#include "cache/ttlcache.h"
#include "config/config.h"

#include <QHostAddress>
#include <QList>

namespace spoon {

class ComputePool;
class HttpPool;
class MetricsRegistry;

// http_request: the seed's AsyncHTTPTool. Many URLs at once through the shared pool, at most
// performance.tools.concurrent_limit (10) at a time, each with its own result or error, so
// one failure never fails the rest, and at most max_urls_per_turn in one agent turn. Refuses
// internal addresses (see AddressPolicy) and connects to the address it checked; refuses
// headers that would inject lines or steer the connection; does not
// follow redirects (it reports them, so the model can ask for the new place, which is then
// checked too), caps each body at max_response_bytes and shows the model at most
// kMaxCharsPerUrl characters of each. Decoding and trimming bodies runs on the CPU pool.
class HttpRequestTool : public Tool
{
public:
    static constexpr int kMaxUrls = 50;
    static constexpr int kMaxCharsPerUrl = 8000;

    HttpRequestTool(HttpPool &pool, ComputePool &compute, const ToolPerformance &limits);

    QString name() const override { return QStringLiteral("http_request"); }
    QString description() const override;
    QJsonObject parameters() const override;
    bool isReadOnly(const QJsonObject &arguments) const override;
    QCoro::Task<ToolResult> execute(QJsonObject arguments, CancelTokenPtr cancel) override;
    // Starts the count toward performance.tools.max_urls_per_turn afresh.
    void beginTurn() override;
    // The DNS cache's figures as cache="dns" (the Caches panel shows it).
    void publish(MetricsRegistry &registry) { m_dns.publish(registry, "dns"); }

    static constexpr int kDnsCacheEntries = 1024;

private:
    HttpPool &m_pool;
    ComputePool &m_compute;
    ToolPerformance m_limits;
    AddressPolicy m_policy;
    int m_urlsThisTurn = 0;
    // performance.tools.dns_cache_ttl: a name's checked addresses are reused this long, as
    // aiohttp's ttl_dns_cache; 0 resolves every time.
    TtlCache<QList<QHostAddress>> m_dns;
};

} // namespace spoon
