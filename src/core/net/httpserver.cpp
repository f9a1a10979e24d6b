#include "httpserver.h"

#include "httprequesthead.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

namespace spoon {

Q_LOGGING_CATEGORY(lcHttpServer, "spoon.net.server")

namespace {

// Qt stops reading from the kernel past this, so a client that sends faster than requests
// are answered meets TCP's own back-pressure instead of our memory.
constexpr qint64 kSocketReadBuffer = 256 * 1024;

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

// Reads requests off one socket, one at a time, and hands each to the server's handler.
class HttpConnection : public QObject
{
public:
    HttpConnection(HttpServer &server, QTcpSocket *socket)
        : QObject(socket)
        , m_server(server)
        , m_socket(socket)
    {
        m_server.m_live.insert(this);
        socket->setReadBufferSize(kSocketReadBuffer);
        m_idle.setSingleShot(true);
        m_idle.setInterval(server.m_limits.idleTimeoutMs);
        connect(&m_idle, &QTimer::timeout, this, [this] {
            qCDebug(lcHttpServer) << "closing an idle connection";
            m_socket->abort();
        });
        m_idle.start();
        connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    }

    ~HttpConnection() override { m_server.m_live.remove(this); }

    qint64 buffered() const { return m_buffer.size() + m_socket->bytesAvailable(); }

private:
    // At most one request's worth waits in our buffer; the rest stays in the socket.
    qsizetype bufferRoom() const
    {
        const qint64 request =
            m_server.m_limits.maxHeaderBytes + 4 + m_server.m_limits.maxBodyBytes;
        return qsizetype(std::max<qint64>(0, request - m_buffer.size()));
    }

    void pull()
    {
        const qsizetype room = bufferRoom();
        if (room > 0 && m_socket->bytesAvailable() > 0)
            m_buffer.append(m_socket->read(room));
    }

    void onReadyRead()
    {
        qCDebug(lcHttpServer) << "readable" << m_socket->bytesAvailable() << "busy"
                              << bool(m_current);
        if (m_current)
            return; // read when the request being answered is done
        pull();
        parseNext();
    }

    void onDisconnected()
    {
        if (m_current)
            m_current->markClosed();
        --m_server.m_connections;
        m_socket->deleteLater();
    }

    void fail(int status, const char *message)
    {
        const QByteArray body = QByteArray(message) + '\n';
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
                        "\r\nContent-Type: text/plain\r\nContent-Length: " +
                        QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        m_socket->disconnectFromHost();
        m_buffer.clear();
    }

    void parseNext()
    {
        while (!m_current && m_socket->state() == QAbstractSocket::ConnectedState) {
            pull();
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                if (m_buffer.size() > m_server.m_limits.maxHeaderBytes)
                    fail(431, "request headers too large");
                else if (!m_idle.isActive())
                    m_idle.start(); // waiting for a request: the idle clock runs
                return;
            }
            if (headerEnd > m_server.m_limits.maxHeaderBytes) {
                fail(431, "request headers too large");
                return;
            }
            HttpRequestHead head = HttpRequestHead::parse(m_buffer.first(headerEnd));
            if (head.refusal != 0) {
                fail(head.refusal, head.why);
                return;
            }
            const qint64 length = head.contentLength;
            if (length > m_server.m_limits.maxBodyBytes) {
                fail(413, "request body too large");
                return;
            }
            if (m_buffer.size() < headerEnd + 4 + length)
                return; // the body is still arriving
            HttpServerRequest request = std::move(head.request);
            request.body = m_buffer.sliced(headerEnd + 4, length);
            m_buffer.remove(0, headerEnd + 4 + length);
            const bool keepAlive = head.keepAlive;

            qCDebug(lcHttpServer) << "request" << request.method << request.path;
            m_idle.stop(); // a request is being answered, however slowly
            m_current = new HttpServerExchange(m_socket, std::move(request), keepAlive, this);
            connect(m_current, &HttpServerExchange::finished, this, [this] {
                m_current->deleteLater();
                m_current = nullptr;
                // A pipelined request may already be waiting; take it after the handler that
                // finished this one has returned.
                QMetaObject::invokeMethod(this, &HttpConnection::parseNext, Qt::QueuedConnection);
            });
            m_server.m_handler(m_current);
        }
    }

    HttpServer &m_server;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    QPointer<HttpServerExchange> m_current;
    QTimer m_idle;
};

HttpServerExchange::HttpServerExchange(QTcpSocket *socket, HttpServerRequest request,
                                       bool keepAlive, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_request(std::move(request))
    , m_keepAlive(keepAlive)
{}

bool HttpServerExchange::isOpen() const
{
    return !m_closed && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

QByteArray HttpServerExchange::statusLine(int status) const
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
}

void HttpServerExchange::respond(int status, const QByteArray &contentType, const QByteArray &body,
                                 const HttpHeaders &extraHeaders)
{
    if (!isOpen() || m_finished)
        return;
    QByteArray head = statusLine(status);
    head += "Content-Type: " + contentType +
            "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[name, value] : extraHeaders)
        head += name + ": " + value + "\r\n";
    if (!m_keepAlive)
        head += "Connection: close\r\n";
    m_socket->write(head + "\r\n" + body);
    complete();
}

void HttpServerExchange::respondJson(int status, const QJsonDocument &document,
                                     const HttpHeaders &extra)
{
    respond(status, "application/json", document.toJson(QJsonDocument::Compact), extra);
}

void HttpServerExchange::beginStream(int status, const HttpHeaders &headers)
{
    if (!isOpen() || m_finished || m_streaming)
        return;
    m_streaming = true;
    QByteArray head = statusLine(status);
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += "Transfer-Encoding: chunked\r\n";
    if (!m_keepAlive)
        head += "Connection: close\r\n";
    m_socket->write(head + "\r\n");
}

void HttpServerExchange::writeChunk(QByteArrayView data)
{
    if (!isOpen() || !m_streaming || data.isEmpty())
        return;
    m_socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data.toByteArray() + "\r\n");
}

void HttpServerExchange::endStream()
{
    if (!isOpen() || !m_streaming || m_finished)
        return;
    m_socket->write("0\r\n\r\n");
    complete();
}

void HttpServerExchange::writeRaw(QByteArrayView bytes)
{
    if (isOpen())
        m_socket->write(bytes.data(), bytes.size());
}

void HttpServerExchange::dropConnection()
{
    if (m_socket)
        m_socket->abort();
    markClosed();
}

void HttpServerExchange::complete()
{
    m_finished = true;
    if (!m_keepAlive && m_socket)
        m_socket->disconnectFromHost();
    Q_EMIT finished();
}

void HttpServerExchange::markClosed()
{
    if (m_closed)
        return;
    m_closed = true;
    Q_EMIT closed();
}

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer() = default;

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

qint64 HttpServer::bufferedBytes() const
{
    qint64 total = 0;
    for (const HttpConnection *connection : m_live)
        total += connection->buffered();
    return total;
}

quint16 HttpServer::port() const
{
    return m_server.serverPort();
}

QString HttpServer::errorString() const
{
    return m_server.errorString();
}

QByteArray HttpServer::baseUrl() const
{
    const QHostAddress address = m_server.serverAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + address.toString() + u']'
                             : address.toString();
    return "http://" + host.toLatin1() + ':' + QByteArray::number(port());
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        if (m_connections >= m_limits.maxConnections) {
            qCWarning(lcHttpServer) << "refusing a connection: already" << m_connections;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_connections;
        m_peakConnections = std::max(m_peakConnections, m_connections);
        // Headers and body (or SSE events) go out as separate small writes: with Nagle on,
        // each waits for the client's delayed ACK, 40 ms on Linux.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        new HttpConnection(*this, socket);
    }
}

} // namespace spoon
