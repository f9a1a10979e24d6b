// HTTP fan-out as the http_request tool does it: N GETs through the shared pool, 10 at a
// time (the tool's caller limit), against a local server. Prints requests per second and how
// many answers came over HTTP/2. For https with a self-signed certificate, SPOON_BENCH_CA
// names the certificate to trust.
// Usage: bench_fanout URL [N=5000] [ROUNDS=3]
#include "net/httppool.h"
#include "telemetry/metricsregistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>

#include <cstdio>

using namespace spoon;

namespace {
// Sends `count` requests and returns when all are back: how long it took, errors counted.
double fanOut(HttpPool &pool, HttpCaller &caller, const QUrl &url, int count, int *errors,
              int *http2)
{
    int finished = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i) {
        HttpJob *job =
            pool.send(HttpRequest{"GET", url, {{"User-Agent", "SpoonConsole/1.0"}}, {}}, &caller);
        QObject::connect(job, &HttpJob::finished, job, [&](const HttpResponse &response) {
            *errors += response.status != 200;
            *http2 += response.http2;
            if (++finished == count)
                QCoreApplication::quit();
        });
    }
    QCoreApplication::exec();
    return double(clock.nsecsElapsed()) / 1e9;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_fanout URL [N] [ROUNDS]\n");
        return 2;
    }
    const QUrl url(args.at(1));
    if (const QByteArray ca = qgetenv("SPOON_BENCH_CA"); !ca.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!tls.addCaCertificates(QString::fromLocal8Bit(ca))) {
            std::fprintf(stderr, "no certificate in %s\n", ca.constData());
            return 2;
        }
        QSslConfiguration::setDefaultConfiguration(tls);
    }
    const int count = args.size() > 2 ? args.at(2).toInt() : 5000;
    const int rounds = args.size() > 3 ? args.at(3).toInt() : 3;
    MetricsRegistry registry;
    HttpPool pool(HttpPoolLimits{}, &registry); // the seed's 100 in all, 30 per host
    HttpCaller tool("http_request", 10);
    int errors = 0;
    int http2 = 0;
    fanOut(pool, tool, url, 200, &errors, &http2); // warm the pool
    http2 = 0;
    double best = 0;
    for (int round = 0; round < rounds; ++round)
        best = std::max(best, count / fanOut(pool, tool, url, count, &errors, &http2));
    const QJsonObject result{{QStringLiteral("requests_per_second"), best},
                             {QStringLiteral("requests"), count},
                             {QStringLiteral("errors"), errors},
                             {QStringLiteral("http2"), http2}};
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return errors ? 1 : 0;
}
