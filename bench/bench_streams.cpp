// 200 concurrent LLM streams from a local server: every token must arrive, and the client
// must spend at most 5 us of CPU per token (DESIGN.md). The demo endpoint runs in its own
// process, so only the client's CPU is counted.
// With SPOON_BENCH_BASE_URL set, the streams go there instead (bench/run.py puts a TLS
// nginx with HTTP/2 in front of a demo server it starts), trusting SPOON_BENCH_CA; with
// SPOON_BENCH_H2C=1 the provider speaks h2c (http2_prior_knowledge) to an http:// URL. The GUI
// (main) thread's own CPU is reported apart from QNAM's threads.
// Usage: bench_streams SPOON_CONSOLE [streams=200] [tokens_per_second=50]
#include "benchsupport.h"
#include "config/configbuilder.h"
#include "llm/llmstats.h"
#include "llm/providerclient.h"
#include "net/httppool.h"
#include "telemetry/metricsregistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QTimer>

#include <cstdio>

using namespace spoon;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_streams SPOON_CONSOLE [streams] [tokens_per_second]\n");
        return 2;
    }
    const int streams = args.size() > 2 ? args.at(2).toInt() : 200;
    const QString rate = args.size() > 3 ? args.at(3) : QStringLiteral("50");

    QProcess server;
    QString url = qEnvironmentVariable("SPOON_BENCH_BASE_URL");
    if (url.isEmpty())
        url = bench::startDemoServer(server, args.at(1), rate);
    if (url.isEmpty())
        return 1;
    if (const QByteArray ca = qgetenv("SPOON_BENCH_CA"); !ca.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!tls.addCaCertificates(QString::fromLocal8Bit(ca)))
            return 2;
        QSslConfiguration::setDefaultConfiguration(tls);
    }

    MetricsRegistry registry;
    HttpPoolLimits limits;
    limits.totalConnections = streams;
    limits.perHost = streams;
    HttpPool pool(limits, &registry);
    LlmStats stats(registry);
    HttpCaller caller("llm", streams);
    ProviderConfig provider =
        configbuild::defaultProvider(QStringLiteral("bench"), Config::defaults().performance);
    provider.baseUrl = url;
    provider.model = QStringLiteral("spoon-demo");
    provider.needsKey = false;
    provider.http2PriorKnowledge = qEnvironmentVariableIntValue("SPOON_BENCH_H2C") == 1;
    provider.timeout = 60;
    ProviderClient client(provider, pool, &caller, stats);

    bool answersOverHttp2 = false;
    qint64 tokensReceived = 0;
    qint64 tokensExpected = 0;
    int finished = 0;
    int failed = 0;
    int textMismatch = 0;
    QString reference;
    const double cpuBefore = bench::cpuSeconds();
    const double mainThreadBefore = bench::threadCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < streams; ++i) {
        ChatRequest request;
        request.messages = {
            ChatMessage::user(QStringLiteral("Stream number %1, please").arg(i % 1))};
        LlmCall *call = client.call(request);
        auto *text = new QString;
        QObject::connect(call, &LlmCall::textDelta, call, [&, text](const QString &delta) {
            ++tokensReceived;
            *text += delta;
        });
        QObject::connect(call, &LlmCall::finished, call,
                         [&, text](const ChatResponse &response, const LlmError &error) {
                             tokensExpected += response.usage.completionTokens;
                             failed += error.isError();
                             if (reference.isEmpty())
                                 reference = response.text;
                             textMismatch += (*text != reference || response.text != reference);
                             delete text;
                             if (++finished == streams)
                                 QCoreApplication::quit();
                         });
    }
    QCoreApplication::exec();
    const double cpu = bench::cpuSeconds() - cpuBefore;
    const double mainThreadCpu = bench::threadCpuSeconds() - mainThreadBefore;
    // Which protocol the pool spoke to the server: one more request on the same pool.
    HttpJob *probe = pool.send(HttpRequest{"GET", QUrl(url + QStringLiteral("/models")), {}, {}});
    QObject::connect(probe, &HttpJob::finished, &app, [&](const HttpResponse &response) {
        answersOverHttp2 = response.http2;
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    const double seconds = double(wall.elapsed()) / 1000.0;
    server.kill();
    server.waitForFinished();
    const QJsonObject result{
        {QStringLiteral("streams"), streams},
        {QStringLiteral("failed"), failed},
        {QStringLiteral("tokens_expected"), double(tokensExpected)},
        {QStringLiteral("tokens_received"), double(tokensReceived)},
        {QStringLiteral("tokens_lost"), double(tokensExpected - tokensReceived)},
        {QStringLiteral("texts_differing"), textMismatch},
        {QStringLiteral("client_cpu_seconds"), cpu},
        {QStringLiteral("client_cpu_us_per_token"),
         tokensReceived ? cpu * 1e6 / double(tokensReceived) : 0.0},
        {QStringLiteral("main_thread_cpu_us_per_token"),
         tokensReceived ? mainThreadCpu * 1e6 / double(tokensReceived) : 0.0},
        {QStringLiteral("http2"), answersOverHttp2},
        {QStringLiteral("wall_seconds"), seconds},
        {QStringLiteral("tokens_per_second"), double(tokensReceived) / seconds},
    };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return failed || tokensExpected != tokensReceived || textMismatch ? 1 : 0;
}
