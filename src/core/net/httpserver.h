#pragma once

#include "httpheaders.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QUrlQuery>

#include <functional>
#include <utility>

class QTcpSocket;

namespace spoon {

class HttpConnection;

struct HttpServerRequest
{
    QByteArray method;
    QByteArray path; // without the query
    QUrlQuery query;
    HttpHeaders headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const; // case-insensitive, first match
};

// One request and its response on a connection. Responses are either whole (respond) or
// streamed with chunked transfer encoding (beginStream, writeChunk, endStream). writeRaw and
// dropConnection exist for fault injection: they bypass the framing on purpose.
class HttpServerExchange : public QObject
{
    Q_OBJECT
public:
    HttpServerExchange(QTcpSocket *socket, HttpServerRequest request, bool keepAlive,
                       QObject *parent);

    const HttpServerRequest &request() const { return m_request; }
    bool isOpen() const;
    bool isFinished() const { return m_finished; }

    void respond(int status, const QByteArray &contentType, const QByteArray &body,
                 const HttpHeaders &extraHeaders = {});
    void respondJson(int status, const QJsonDocument &document, const HttpHeaders &extra = {});
    void beginStream(int status, const HttpHeaders &headers);
    void writeChunk(QByteArrayView data);
    void endStream();
    void writeRaw(QByteArrayView bytes);
    void dropConnection();

Q_SIGNALS:
    // The client went away, or the response is complete and the connection moves on.
    void closed();
    void finished();

private:
    friend class HttpConnection;
    void markClosed();
    void complete();
    QByteArray statusLine(int status) const;

    QPointer<QTcpSocket> m_socket;
    HttpServerRequest m_request;
    bool m_keepAlive;
    bool m_streaming = false;
    bool m_finished = false;
    bool m_closed = false;
};

// A small HTTP/1.1 server over QTcpServer: keep-alive, Content-Length request bodies,
// whole or chunked responses. It serves the demo endpoint and the tests' fault servers,
// which need byte-level control over a stream (a chunk cut in half, a connection dropped
// mid-answer) that Qt HttpServer 6.4 does not give.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(HttpServerExchange *)>;

    // What one client may make the server hold. Past a limit the request is refused (431,
    // 413) or the connection closed: a client cannot make the server buffer without end,
    // hold sockets open for ever, or take every descriptor.
    struct Limits
    {
        qsizetype maxHeaderBytes = 64 * 1024;
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        int maxConnections = 256;
        // A connection waiting for (the rest of) a request this long is closed; one whose
        // request is being answered is not.
        int idleTimeoutMs = 30'000;
    };

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QString errorString() const;
    QByteArray baseUrl() const; // "http://127.0.0.1:PORT"
    int connectionCount() const { return m_connections; }
    // Request bytes read and not yet handled, over all connections (the server's buffers and
    // Qt's socket buffers), for tests and figures.
    qint64 bufferedBytes() const;
    int peakConnectionCount() const { return m_peakConnections; }
    void resetPeakConnectionCount() { m_peakConnections = m_connections; }
    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

private:
    friend class HttpConnection;
    void onNewConnection();

    Handler m_handler;
    QSet<HttpConnection *> m_live; // before m_server: its sockets' connections leave it
    QTcpServer m_server;
    Limits m_limits;
    int m_connections = 0;
    int m_peakConnections = 0;
};

} // namespace spoon
