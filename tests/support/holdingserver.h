#pragma once

// A local HTTP server for limit tests: it holds every request until the test releases it, and
// counts how many it holds at once. A test waits until the pool has sent all it may, checks
// the counts, then releases: no timer decides how long a request stays in flight.
#include "net/httpserver.h"

#include <QPointer>
#include <QUrl>

#include <functional>

namespace spoon::test {

class HoldingServer
{
public:
    using Responder = std::function<void(HttpServerExchange *)>;

    // `respond` answers a released request; by default "ok".
    explicit HoldingServer(Responder respond = {})
        : m_respond(respond ? std::move(respond)
                            : [](HttpServerExchange *e) { e->respond(200, "text/plain", "ok"); })
        , m_server([this](HttpServerExchange *exchange) { arrive(exchange); })
    {
        m_server.listen();
    }

    // Answers every request held now; later ones wait again while holding.
    void releaseAll()
    {
        const QList<QPointer<HttpServerExchange>> held = std::exchange(m_held, {});
        for (const QPointer<HttpServerExchange> &exchange : held) {
            --m_active;
            if (exchange && exchange->isOpen())
                m_respond(exchange);
        }
    }
    // Stops holding: what is held is answered, and later requests at once.
    void stopHolding()
    {
        m_holding = false;
        releaseAll();
    }

    int active() const { return m_active; } // held now
    int peak() const { return m_peak; }     // most held at once
    int served() const { return m_served; }
    QUrl url(const QString &path = QStringLiteral("/hold"), const char *host = "127.0.0.1") const
    {
        return QUrl(QStringLiteral("http://%1:%2%3")
                        .arg(QLatin1String(host))
                        .arg(m_server.port())
                        .arg(path));
    }
    QString hostPort() const { return QStringLiteral("127.0.0.1:%1").arg(m_server.port()); }
    HttpServer &server() { return m_server; }

private:
    void arrive(HttpServerExchange *exchange)
    {
        ++m_served;
        if (!m_holding) {
            m_respond(exchange);
            return;
        }
        ++m_active;
        m_peak = std::max(m_peak, m_active);
        m_held.append(exchange);
    }

    Responder m_respond;
    HttpServer m_server;
    QList<QPointer<HttpServerExchange>> m_held;
    bool m_holding = true;
    int m_active = 0;
    int m_peak = 0;
    int m_served = 0;
};

} // namespace spoon::test
