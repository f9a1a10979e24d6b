// The embedded HTTP server (the demo endpoint, and the tests' own servers) against clients
// that try to make it hold too much: oversized headers and bodies, a pipelined flood, too
// many connections, connections that never finish a request.
#include "net/httprequesthead.h"
#include "net/httpserver.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {

// A raw client: writes what it is given, collects what comes back.
struct RawClient
{
    explicit RawClient(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [this] { received += socket.readAll(); });
    }
    bool connected() { return socket.waitForConnected(30'000); }
    QTcpSocket socket;
    QByteArray received;
};

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void requestHeads_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("refusal");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<qint64>("length");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("POST with a body")
            << QByteArray("POST /v1/x?a=1 HTTP/1.1\r\nContent-Length: 5") << 0
            << QByteArray("/v1/x") << qint64(5) << true;
        QTest::newRow("HTTP/1.0 closes")
            << QByteArray("GET / HTTP/1.0") << 0 << QByteArray("/") << qint64(0) << false;
        QTest::newRow("HTTP/1.1 close") << QByteArray("GET / HTTP/1.1\r\nConnection: close") << 0
                                        << QByteArray("/") << qint64(0) << false;
        QTest::newRow("two words")
            << QByteArray("GET /") << 400 << QByteArray() << qint64(0) << true;
        QTest::newRow("HTTP/2 line")
            << QByteArray("GET / HTTP/2") << 400 << QByteArray() << qint64(0) << true;
        QTest::newRow("header without colon")
            << QByteArray("GET / HTTP/1.1\r\nbroken") << 400 << QByteArray() << qint64(0) << true;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1")
                                         << 400 << QByteArray() << qint64(0) << true;
        QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked")
                                 << 411 << QByteArray() << qint64(0) << true;
    }
    void requestHeads()
    {
        QFETCH(QByteArray, head);
        const HttpRequestHead parsed = HttpRequestHead::parse(head);
        QTEST(parsed.refusal, "refusal");
        if (parsed.refusal != 0)
            return;
        QTEST(parsed.request.path, "path");
        QTEST(parsed.contentLength, "length");
        QTEST(parsed.keepAlive, "keepAlive");
    }

    void oversizedRequestsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("headers past the limit, never ended")
            << QByteArray("GET / HTTP/1.1\r\nX-Long: " + QByteArray(70'000, 'a'))
            << QByteArray("431");
        QTest::newRow("headers past the limit, ended")
            << QByteArray("GET / HTTP/1.1\r\nX-Long: " + QByteArray(70'000, 'a') + "\r\n\r\n")
            << QByteArray("431");
        QTest::newRow("a body past the limit")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 9000000\r\n\r\n")
            << QByteArray("413");
        QTest::newRow("chunked request body")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
            << QByteArray("411");
    }
    void oversizedRequestsAreRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        int handled = 0;
        HttpServer server([&handled](HttpServerExchange *e) {
            ++handled;
            e->respond(200, "text/plain", "ok");
        });
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.connected());
        client.socket.write(request);
        QTRY_VERIFY_WITH_TIMEOUT(client.received.startsWith(QByteArray("HTTP/1.1 " + status)),
                                 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(client.socket.state(), QAbstractSocket::UnconnectedState, 30'000);
        QCOMPARE(handled, 0);
    }

    // A client that pipelines requests while the first is still being answered fills the
    // server's buffer only to one request's worth; the rest waits in the kernel and on the
    // client's side (TCP back-pressure), and every request is answered once the first is.
    void aPipelinedFloodIsHeldBack()
    {
        QList<QPointer<HttpServerExchange>> held;
        bool holding = true;
        int answered = 0;
        HttpServer server([&](HttpServerExchange *e) {
            if (holding) {
                held.append(e);
                return;
            }
            ++answered;
            e->respond(200, "text/plain", "ok");
        });
        HttpServer::Limits limits;
        limits.maxBodyBytes = 64 * 1024;
        server.setLimits(limits);
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.connected());
        const QByteArray one = "GET /x HTTP/1.1\r\nHost: t\r\n\r\n";
        const int count = 200'000; // about 5.6 MB of requests
        client.socket.write(one.repeated(count));
        QTRY_COMPARE_WITH_TIMEOUT(held.size(), 1, 30'000);
        // Let the client push what the kernel will take; the server keeps a bounded part.
        QTRY_VERIFY_WITH_TIMEOUT(server.bufferedBytes() > 100 * 1024, 30'000);
        const qint64 bound = limits.maxHeaderBytes + 4 + limits.maxBodyBytes + 256 * 1024;
        for (int i = 0; i < 20; ++i) {
            QCoreApplication::processEvents();
            QVERIFY2(server.bufferedBytes() <= bound,
                     qPrintable(QString::number(server.bufferedBytes())));
        }
        holding = false;
        held.first()->respond(200, "text/plain", "first");
        QTRY_COMPARE_WITH_TIMEOUT(answered, count - 1, 120'000);
    }

    void connectionsAreCapped()
    {
        HttpServer server([](HttpServerExchange *e) { e->respond(200, "text/plain", "ok"); });
        HttpServer::Limits limits;
        limits.maxConnections = 3;
        server.setLimits(limits);
        QVERIFY(server.listen());
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 5; ++i) {
            clients.push_back(std::make_unique<RawClient>(server.port()));
            QVERIFY(clients.back()->connected());
        }
        // Two of the five are closed by the server at once; three stay and are served.
        QTRY_COMPARE_WITH_TIMEOUT(int(std::count_if(clients.begin(), clients.end(),
                                                    [](const auto &c) {
                                                        return c->socket.state() ==
                                                               QAbstractSocket::UnconnectedState;
                                                    })),
                                  2, 30'000);
        QCOMPARE(server.connectionCount(), 3);
        for (const auto &client : clients) {
            if (client->socket.state() == QAbstractSocket::ConnectedState)
                client->socket.write("GET / HTTP/1.1\r\n\r\n");
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            int(std::count_if(clients.begin(), clients.end(),
                              [](const auto &c) { return c->received.endsWith("ok"); })),
            3, 30'000);
    }

    // A connection that sends nothing, or never finishes its headers (slowloris), is closed
    // after the idle time; one whose answer is still streaming is not.
    void idleAndHalfOpenConnectionsAreClosed_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::newRow("nothing") << QByteArray();
        QTest::newRow("half a request line") << QByteArray("GET /slow");
        QTest::newRow("headers never ended") << QByteArray("GET / HTTP/1.1\r\nX-A: 1\r\n");
    }
    void idleAndHalfOpenConnectionsAreClosed()
    {
        QFETCH(QByteArray, sent);
        HttpServer server([](HttpServerExchange *e) { e->respond(200, "text/plain", "ok"); });
        HttpServer::Limits limits;
        limits.idleTimeoutMs = 300;
        server.setLimits(limits);
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.connected());
        if (!sent.isEmpty())
            client.socket.write(sent);
        QSignalSpy closed(&client.socket, &QTcpSocket::disconnected);
        QVERIFY(closed.wait(30'000));
        QTRY_COMPARE(server.connectionCount(), 0);
    }

    void aSlowAnswerIsNotIdle()
    {
        QPointer<HttpServerExchange> streaming;
        HttpServer server([&streaming](HttpServerExchange *e) {
            streaming = e;
            e->beginStream(200, {{"Content-Type", "text/plain"}});
        });
        HttpServer::Limits limits;
        limits.idleTimeoutMs = 100;
        server.setLimits(limits);
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.connected());
        client.socket.write("GET / HTTP/1.1\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(streaming, 30'000);
        // Several idle times pass while the answer is under way: the connection stays.
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() > 5 * limits.idleTimeoutMs, 30'000);
        QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
        streaming->writeChunk("done");
        streaming->endStream();
        QTRY_VERIFY_WITH_TIMEOUT(client.received.contains("done"), 30'000);
    }
};

SPOON_TEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
