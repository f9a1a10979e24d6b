#pragma once

// A private nginx on 127.0.0.1 for the HTTPS tests. TLS with a certificate made for the test
// (openssl, for IP 127.0.0.1), one port that offers HTTP/2 and one that speaks HTTP/1.1 only,
// a cleartext port that speaks HTTP/2 only (h2c with prior knowledge), all proxying to an upstream
// on this machine (a HoldingServer, so requests stay in flight until the test releases them), and a
// cleartext stub_status port that counts the client connections nginx holds. The certificate is
// added to the process's default TLS trust.
#include "support/testenvironment.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileSystemWatcher>
#include <QProcess>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

namespace spoon::test {

class TlsNginx
{
public:
    explicit TlsNginx(quint16 upstreamPort)
    {
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("no temporary folder");
            return;
        }
        // nginx's workers run as an unprivileged user when started by root.
        QFile::setPermissions(m_dir.path(), QFile::permissions(m_dir.path()) |
                                                QFileDevice::ReadOther | QFileDevice::ExeOther);
        if (!run(QStringLiteral("openssl"),
                 {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                  QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                  QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                  QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                  QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                  QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                  path("key.pem"), QStringLiteral("-out"), path("cert.pem")}))
            return;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!tls.addCaCertificates(path("cert.pem"))) {
            m_error = QStringLiteral("openssl made no usable certificate");
            return;
        }
        QSslConfiguration::setDefaultConfiguration(tls);

        // Another test may take a probed port before nginx binds it: then try new ones.
        for (int attempt = 0; attempt < 3; ++attempt) {
            m_error.clear();
            if (startOnFreePorts(upstreamPort) || !m_error.contains(u"in use"))
                return;
        }
    }
    ~TlsNginx()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            if (!m_nginx.waitForFinished(10'000))
                m_nginx.kill();
        }
    }
    TlsNginx(const TlsNginx &) = delete;
    TlsNginx &operator=(const TlsNginx &) = delete;

    bool isRunning() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QUrl http2Url() const { return url(m_http2Port); }
    QUrl http1Url() const { return url(m_http1Port); }
    QUrl h2cUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/hold").arg(m_h2cPort)); }
    // A cleartext port that speaks HTTP/1.1 (stub_status).
    QUrl cleartextHttp1Url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_statusPort));
    }

    // stub_status's "Active connections": the client connections open now, the one asking
    // included; -1 if it cannot be read.
    int activeConnections()
    {
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_statusPort);
        if (!socket.waitForConnected(10'000))
            return -1;
        socket.write("GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10'000))
            answer += socket.readAll();
        answer += socket.readAll();
        const qsizetype at = answer.indexOf("Active connections:");
        if (at < 0)
            return -1;
        bool ok = false;
        const int count = answer.mid(at + 19).trimmed().split('\n').value(0).trimmed().toInt(&ok);
        return ok ? count : -1;
    }

private:
    bool startOnFreePorts(quint16 upstreamPort)
    {
        {
            // Four ports the kernel has free, held together so that it cannot hand one out
            // twice, and let go just before nginx binds them.
            QTcpServer probes[4];
            for (QTcpServer &probe : probes)
                probe.listen(QHostAddress::LocalHost);
            m_http2Port = probes[0].serverPort();
            m_http1Port = probes[1].serverPort();
            m_statusPort = probes[2].serverPort();
            m_h2cPort = probes[3].serverPort();
        }
        const QString proxy = QStringLiteral("location / { proxy_pass http://127.0.0.1:%1; "
                                             "proxy_http_version 1.1; proxy_buffering off; }")
                                  .arg(upstreamPort);
        QFile config(path("nginx.conf"));
        if (!config.open(QIODevice::WriteOnly)) {
            m_error = QStringLiteral("cannot write nginx.conf");
            return false;
        }
        const QString dir = m_dir.path();
        config.write(
            QStringLiteral("worker_processes 1;\n"
                           "pid %1/nginx.pid;\n"
                           "events { worker_connections 512; }\n"
                           "http {\n"
                           "  access_log off;\n"
                           "  client_body_temp_path %1/body; proxy_temp_path %1/proxy;\n"
                           "  fastcgi_temp_path %1/fastcgi; uwsgi_temp_path %1/uwsgi;\n"
                           "  scgi_temp_path %1/scgi;\n"
                           "  ssl_certificate %1/cert.pem; ssl_certificate_key %1/key.pem;\n"
                           "  server { listen 127.0.0.1:%2 ssl http2; %5 }\n"
                           "  server { listen 127.0.0.1:%3 ssl; %5 }\n"
                           "  server { listen 127.0.0.1:%4; location / { stub_status; } }\n"
                           "  server { listen 127.0.0.1:%6 http2; %5 }\n"
                           "}\n")
                .arg(dir)
                .arg(m_http2Port)
                .arg(m_http1Port)
                .arg(m_statusPort)
                .arg(proxy)
                .arg(m_h2cPort)
                .toUtf8());
        config.close();
        if (m_nginx.state() != QProcess::NotRunning)
            m_nginx.waitForFinished(10'000);
        QFile::remove(path("error.log"));
        m_nginx.setProcessEnvironment(childEnvironment());
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        // Root's PATH has /usr/sbin, a user's often not.
        QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"));
        if (nginx.isEmpty())
            nginx = QStandardPaths::findExecutable(
                QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
        if (nginx.isEmpty()) {
            m_error = QStringLiteral("nginx is not installed (scripts/ensure-deps.sh installs it)");
            return false;
        }
        QFileSystemWatcher watcher({dir});
        m_nginx.start(nginx, {QStringLiteral("-p"), dir, QStringLiteral("-e"), path("error.log"),
                              QStringLiteral("-c"), path("nginx.conf"), QStringLiteral("-g"),
                              QStringLiteral("daemon off;")});
        if (!m_nginx.waitForStarted(10'000)) {
            m_error = QStringLiteral("nginx did not start: ") + m_nginx.errorString();
            return false;
        }
        // The pid file appears once the ports are bound: wait for the folder to change or
        // nginx to exit, not for a time.
        QEventLoop wait;
        QObject::connect(&watcher, &QFileSystemWatcher::directoryChanged, &wait, &QEventLoop::quit);
        QObject::connect(&m_nginx, &QProcess::finished, &wait, &QEventLoop::quit);
        QTimer::singleShot(10'000, &wait, &QEventLoop::quit);
        const QDeadlineTimer deadline(10'000);
        while (!QFile::exists(path("nginx.pid")) && m_nginx.state() == QProcess::Running &&
               !deadline.hasExpired())
            wait.exec();
        if (!QFile::exists(path("nginx.pid")))
            m_error = QStringLiteral("nginx did not come up: ") +
                      QString::fromUtf8(m_nginx.readAll() + readFile("error.log"));
        return m_error.isEmpty();
    }

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QByteArray readFile(const char *name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QUrl url(quint16 port) const
    {
        return QUrl(QStringLiteral("https://127.0.0.1:%1/hold").arg(port));
    }
    bool run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(childEnvironment());
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments);
        if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0) {
            m_error = program + QStringLiteral(" failed: ") + process.errorString() + u' ' +
                      QString::fromUtf8(process.readAll());
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QProcess m_nginx;
    quint16 m_http2Port = 0;
    quint16 m_http1Port = 0;
    quint16 m_statusPort = 0;
    quint16 m_h2cPort = 0;
    QString m_error;
};

} // namespace spoon::test
