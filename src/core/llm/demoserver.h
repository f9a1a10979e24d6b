#pragma once

#include "net/httpserver.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>

#include <algorithm>
#include <optional>

namespace spoon {

// A fault the demo endpoint can be told to commit, for tests and for trying clients out.
// Written "key=value,...": delay_ms=N (before answering), status=CODE with retry_after=S or
// retry_after_date=1 (an HTTP-date S seconds ahead), drop_after=N (close the connection after
// N streamed chunks), malformed_after=N (send a chunk that is not JSON after N chunks),
// no_done=1 (end the stream without [DONE]), times=K (only the first K requests carrying
// this fault; default all).
struct DemoFault
{
    int delayMs = 0;
    int status = 0;
    int retryAfterSeconds = -1;
    bool retryAfterAsDate = false;
    int dropAfterChunks = -1;
    int malformedAfterChunks = -1;
    bool omitDone = false;
    int times = -1;

    static std::optional<DemoFault> parse(const QString &spec, QString *error = nullptr);
};

// The built-in demo endpoint: an OpenAI-compatible chat completions server on 127.0.0.1 that
// answers from demoscript at a realistic pace (streamed or not, with tool calls), so the
// console works end to end without an API key. Faults come from the server's plan (--fault)
// or, per request, from an X-Demo-Fault header; X-Demo-Pace sets tokens per second
// (0: as fast as possible).
class DemoServer : public QObject
{
    Q_OBJECT
public:
    static constexpr double kDefaultTokensPerSecond = 40.0;
    static constexpr int kDefaultFirstTokenDelayMs = 250;
    static constexpr char kModel[] = "spoon-demo";

    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QString errorString() const;
    QString baseUrl() const; // http://127.0.0.1:PORT (the OpenAI base URL adds /v1)

    void setTokensPerSecond(double rate) { m_tokensPerSecond = rate; }
    // How many stream events go out in one write, at the same tokens per second: 1 sends each
    // token on its own; more packs several into one TCP segment, as busy providers do.
    void setEventsPerWrite(int count) { m_eventsPerWrite = std::max(1, count); }
    void setFirstTokenDelayMs(int ms) { m_firstTokenDelayMs = ms; }
    void addFault(const DemoFault &fault) { m_plan.append({fault, 0}); }
    void clearFaults() { m_plan.clear(); }
    int requestsServed() const { return m_requests; }
    int peakConnections() const;

private:
    void handle(HttpServerExchange *exchange);
    // `decided`: the fault already chosen for this request (after its delay was served).
    void handleChat(HttpServerExchange *exchange, std::optional<DemoFault> decided = {});
    std::optional<DemoFault> faultFor(const HttpServerExchange *exchange);

    HttpServer m_server;
    double m_tokensPerSecond = kDefaultTokensPerSecond;
    int m_firstTokenDelayMs = kDefaultFirstTokenDelayMs;
    int m_eventsPerWrite = 1;
    struct Planned
    {
        DemoFault fault;
        int used;
    };
    QList<Planned> m_plan;
    QHash<QByteArray, int> m_headerFaultUses;
    int m_requests = 0;
    quint64 m_nextId = 1;
};

} // namespace spoon
