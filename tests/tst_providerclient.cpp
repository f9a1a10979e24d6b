// One provider, against local servers that misbehave on purpose.
#include "config/configbuilder.h"
#include "llm/demoserver.h"
#include "llm/llmstats.h"
#include "llm/providerclient.h"
#include "net/httppool.h"
#include "net/httpserver.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QtTest>

#include <zlib.h>

#include "support/fixtures.h"
#include "support/llmcallrun.h"
#include "support/testenvironment.h"
#include "support/tlsnginx.h"

using namespace spoon;
using namespace spoon::test;

namespace {

QByteArray fixture(const char *name)
{
    return spoon::test::readFixture(QStringLiteral("sse/") + QLatin1String(name));
}

// A provider wired to a local base URL, with fast retries so tests do not sleep long.
struct Rig
{
    explicit Rig(const QString &baseUrl, ProviderType type = ProviderType::OpenAiCompatible,
                 const QString &key = QStringLiteral("sk-test-key-0123456789abcdef"),
                 const std::function<void(ProviderConfig &)> &adjust = {})
        : pool(HttpPoolLimits{}, &registry)
        , stats(registry)
    {
        ProviderConfig config =
            configbuild::defaultProvider(QStringLiteral("local"), Config::defaults().performance);
        config.type = type;
        config.baseUrl = baseUrl;
        config.model = QStringLiteral("test-model");
        config.timeout = 2.0;
        config.apiKey = Secret(key);
        if (adjust)
            adjust(config);
        client = std::make_unique<ProviderClient>(config, pool, nullptr, stats);
        client->setRetryPolicy(RetryPolicy(3, 20, 100));
    }
    MetricsRegistry registry;
    HttpPool pool;
    LlmStats stats;
    std::unique_ptr<ProviderClient> client;

    double counter(const MetricDescriptor &metric, MetricLabels extra = {}) const
    {
        MetricLabels labels{{"provider", "local"}, {"model", "test-model"}};
        labels.insert(labels.end(), extra.begin(), extra.end());
        const std::optional<double> value = registry.value(metric, labels);
        return value.value_or(-1);
    }
};

// Answers each request with the next scripted handler.
struct ScriptedServer
{
    using Step = std::function<void(HttpServerExchange *)>;
    explicit ScriptedServer(QList<Step> steps)
        : m_steps(std::move(steps))
        , server([this](HttpServerExchange *exchange) {
            const int index = std::min(requests++, int(m_steps.size()) - 1);
            bodies.append(exchange->request().body);
            headers.append(exchange->request().headers);
            m_steps.at(index)(exchange);
        })
    {
        server.listen();
    }
    QString baseUrl() const { return QString::fromLatin1(server.baseUrl()); }
    QList<Step> m_steps;
    HttpServer server;
    int requests = 0;
    QList<QByteArray> bodies;
    QList<HttpHeaders> headers;
};

ScriptedServer::Step status(int code, const QByteArray &body, HttpHeaders extra = {})
{
    return [code, body, extra](HttpServerExchange *e) {
        e->respond(code, "application/json", body, extra);
    };
}

ScriptedServer::Step sse(const QByteArray &events, bool end = true)
{
    return [events, end](HttpServerExchange *e) {
        e->beginStream(200, {{"Content-Type", "text/event-stream"}});
        e->writeChunk(events);
        if (end)
            e->endStream();
    };
}

// RFC 1952 gzip, through zlib's deflate with a gzip wrapper.
QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) !=
        Z_OK)
        qFatal("deflateInit2 failed");
    QByteArray out(int(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.truncate(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

const QByteArray kOk =
    R"({"model":"test-model","choices":[{"index":0,"message":{"role":"assistant","content":"fine"},"finish_reason":"stop"}],"usage":{"prompt_tokens":4,"completion_tokens":1}})";

} // namespace

class TestProviderClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamsFromTheDemoEndpoint()
    {
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        Rig rig(demo.baseUrl() + QStringLiteral("/v1"));
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hello"))));
        QVERIFY(outcome.finished);
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.describe()));
        QVERIFY(outcome.response.text.contains(QStringLiteral("demo endpoint")));
        QCOMPARE(outcome.streamed, outcome.response.text);
        QCOMPARE(outcome.response.finishReason, FinishReason::Stop);
        QVERIFY(outcome.response.usage.known);
        QVERIFY(outcome.response.ttftMs >= 0);
        QCOMPARE(outcome.response.provider, QStringLiteral("local"));
        QCOMPARE(rig.counter(metric::kLlmRequests), 1.0);
        QCOMPARE(rig.counter(metric::kLlmSuccesses), 1.0);
        QVERIFY(rig.counter(metric::kLlmCompletionTokens) > 10);
        QCOMPARE(rig.registry
                     .findHistogram(metric::kLlmTimeToFirstToken,
                                    {{"provider", "local"}, {"model", "test-model"}})
                     ->count(),
                 quint64(1));
        QCOMPARE(rig.counter(metric::kLlmInFlight), 0.0);
    }

    // http2_prior_knowledge makes a provider speak h2c: against a server that speaks only
    // HTTP/2 in cleartext (nginx in front of the demo endpoint) the answer streams; without
    // it, the same server cannot be reached.
    void h2cProviderStreams_data()
    {
        QTest::addColumn<bool>("priorKnowledge");
        QTest::newRow("h2c") << true;
        QTest::newRow("HTTP/1.1") << false;
    }
    void h2cProviderStreams()
    {
        QFETCH(bool, priorKnowledge);
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        TlsNginx nginx(demo.port());
        QVERIFY2(nginx.isRunning(), qPrintable(nginx.error()));
        QUrl base = nginx.h2cUrl();
        base.setPath(QStringLiteral("/v1"));
        Rig rig(base.toString(), ProviderType::OpenAiCompatible,
                QStringLiteral("sk-test-key-0123456789abcdef"),
                [&](ProviderConfig &config) { config.http2PriorKnowledge = priorKnowledge; });
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hello"))));
        QVERIFY(outcome.finished);
        if (priorKnowledge) {
            QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.describe()));
            QVERIFY(outcome.response.text.contains(QStringLiteral("demo endpoint")));
            QCOMPARE(outcome.streamed, outcome.response.text);
        } else {
            QVERIFY(outcome.error.isError());
            QVERIFY(outcome.response.text.isEmpty());
        }
    }

    // A provider that redirects to another origin never sees the key go there: the call fails
    // with the new location named, and is not retried. Both key headers, every redirect code,
    // streamed and not.
    void aRedirectToAnotherHostKeepsTheKey_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("stream");
        for (int code : {301, 302, 303, 307, 308}) {
            for (const auto type : {ProviderType::OpenAiCompatible, ProviderType::Anthropic}) {
                for (bool stream : {false, true}) {
                    QTest::addRow("%d %s%s", code,
                                  type == ProviderType::Anthropic ? "x-api-key" : "Bearer",
                                  stream ? " streamed" : "")
                        << code << int(type) << stream;
                }
            }
        }
    }
    void aRedirectToAnotherHostKeepsTheKey()
    {
        QFETCH(int, code);
        QFETCH(int, type);
        QFETCH(bool, stream);
        ScriptedServer elsewhere({status(200, kOk)}); // another port: another origin
        const QByteArray target = elsewhere.server.baseUrl() + "/v1/chat/completions";
        ScriptedServer provider({status(code, "", {{"Location", target}})});
        Rig rig(provider.baseUrl(), ProviderType(type));
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"), stream)));
        QVERIFY2(outcome.error.kind == LlmError::Kind::BadRequest,
                 qPrintable(outcome.error.describe()));
        QVERIFY2(outcome.error.message.contains(QString::fromLatin1(target)),
                 qPrintable(outcome.error.message));
        QCOMPARE(provider.requests, 1); // not retried
        QCOMPARE(elsewhere.requests, 0);
    }

    // Within the provider's own origin too: an API does not move, so a redirect says the
    // base URL is wrong; the error names where it pointed.
    void aRedirectWithinTheProviderIsReportedNotFollowed()
    {
        QByteArray sameOrigin;
        ScriptedServer provider({[&sameOrigin](HttpServerExchange *e) {
            e->respond(307, "text/plain", "", {{"Location", sameOrigin}});
        }});
        sameOrigin = provider.server.baseUrl() + "/v2/chat/completions";
        Rig rig(provider.baseUrl());
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"), false)));
        QCOMPARE(outcome.error.kind, LlmError::Kind::BadRequest);
        QVERIFY2(outcome.error.message.contains(QString::fromLatin1(sameOrigin)) &&
                     outcome.error.message.contains(QStringLiteral("check base_url")),
                 qPrintable(outcome.error.message));
        QCOMPARE(provider.requests, 1);
    }

    // What an answer may bring is capped; a call that breaks a cap fails as "too large" and is
    // not asked again (it would only bring the same again).
    void answersPastTheirCapsFail_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("said");
        QTest::newRow("one SSE line past max_event_bytes")
            << "long line" << true << "longer than 4096 bytes (performance.llm.max_event_bytes)";
        QTest::newRow("one event of many data lines")
            << "long event" << true << "longer than 4096 bytes (performance.llm.max_event_bytes)";
        QTest::newRow("a stream past max_response_bytes")
            << "many events" << true << "larger than 65536 bytes";
        QTest::newRow("a whole answer past max_response_bytes")
            << "big body" << false << "larger than 65536 bytes";
    }
    void answersPastTheirCapsFail()
    {
        QFETCH(QString, shape);
        QFETCH(bool, stream);
        QFETCH(QString, said);
        ScriptedServer server({[shape](HttpServerExchange *e) {
            if (shape == QLatin1String("big body")) {
                e->respond(200, "application/json", QByteArray(200'000, ' ') + kOk);
                return;
            }
            e->beginStream(200, {{"Content-Type", "text/event-stream"}});
            const QByteArray delta = R"(data: {"choices":[{"index":0,"delta":{"content":"x"}}]})";
            if (shape == QLatin1String("long line"))
                e->writeChunk(QByteArray("data: " + QByteArray(30'000, 'a')));
            else if (shape == QLatin1String("long event"))
                for (int i = 0; i < 100; ++i)
                    e->writeChunk(QByteArray("data: " + QByteArray(100, 'a') + '\n'));
            else
                for (int i = 0; i < 2000; ++i)
                    e->writeChunk(QByteArray(delta + "\n\n"));
            e->endStream();
        }});
        Rig rig(server.baseUrl(), ProviderType::OpenAiCompatible,
                QStringLiteral("sk-test-key-0123456789abcdef"), [](ProviderConfig &c) {
                    c.maxEventBytes = 4096;
                    c.maxResponseBytes = 65536;
                });
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"), stream)));
        QCOMPARE(outcome.error.kind, LlmError::Kind::TooLarge);
        QVERIFY2(outcome.error.message.contains(said), qPrintable(outcome.error.message));
        QCOMPARE(server.requests, 1);
        QCOMPARE(rig.counter(metric::kLlmFailures, {{"kind", "response_too_large"}}), 1.0);
    }

    // A stream that trickles for ever ends at stream_deadline, with what arrived kept.
    void aTrickleEndsAtTheStreamDeadline()
    {
        ScriptedServer server({[](HttpServerExchange *e) {
            e->beginStream(200, {{"Content-Type", "text/event-stream"}});
            auto *trickle = new QTimer(e);
            QObject::connect(trickle, &QTimer::timeout, e, [e] {
                if (e->isOpen())
                    e->writeChunk(R"(data: {"choices":[{"index":0,"delta":{"content":"."}}]})"
                                  "\n\n");
            });
            trickle->start(50);
        }});
        Rig rig(server.baseUrl(), ProviderType::OpenAiCompatible,
                QStringLiteral("sk-test-key-0123456789abcdef"),
                [](ProviderConfig &c) { c.streamDeadline = 1.0; });
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"))));
        QCOMPARE(outcome.error.kind, LlmError::Kind::Timeout);
        QVERIFY(outcome.response.incomplete);
        QVERIFY(outcome.streamed.startsWith(u'.'));
        QCOMPARE(server.requests, 1);
    }

    // An error answer is read only so far: its start explains it.
    void anErrorBodyIsReadOnlySoFar()
    {
        ScriptedServer server(
            {status(500, "{\"error\":{\"message\":\"" + QByteArray(5'000'000, 'e') + "\"}}")});
        Rig rig(server.baseUrl());
        rig.client->setRetryPolicy(RetryPolicy(0));
        for (bool stream : {false, true}) {
            const CallOutcome outcome =
                runCall(rig.client->call(ask(QStringLiteral("hi"), stream)));
            QCOMPARE(outcome.error.kind, LlmError::Kind::Server);
            QVERIFY2(outcome.error.message.size() <= 64 * 1024,
                     qPrintable(QString::number(outcome.error.message.size())));
        }
    }

    // A server that echoes the key in its error text: the message shown has it masked.
    void anEchoedKeyIsRedacted()
    {
        ScriptedServer provider({status(
            401,
            R"({"error":{"message":"Incorrect API key provided: sk-test-key-0123456789abcdef"}})")});
        Rig rig(provider.baseUrl());
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"), false)));
        QCOMPARE(outcome.error.kind, LlmError::Kind::Auth);
        QVERIFY2(!outcome.error.message.contains(QStringLiteral("0123456789abcdef")),
                 qPrintable(outcome.error.message));
        QVERIFY2(
            outcome.error.message.contains(QStringLiteral("Incorrect API key provided: sk-****ef")),
            qPrintable(outcome.error.message));
    }

    void wholeAnswer()
    {
        ScriptedServer server({status(200, kOk)});
        Rig rig(server.baseUrl());
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"), false)));
        QVERIFY(!outcome.error.isError());
        QCOMPARE(outcome.response.text, QStringLiteral("fine"));
        QCOMPARE(outcome.response.usage.totalTokens(), 5);
        // The request carried the key and the model.
        QVERIFY(server.headers.first().contains(
            {"Authorization", "Bearer sk-test-key-0123456789abcdef"}));
        QCOMPARE(QJsonDocument::fromJson(server.bodies.first())[u"model"].toString(),
                 QStringLiteral("test-model"));
    }

    void failuresBecomeTypedErrors_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("requests");
        QTest::newRow("401 is not retried")
            << 401 << QByteArray(R"({"error":{"message":"Invalid API key"}})")
            << int(LlmError::Kind::Auth) << "HTTP 401: Invalid API key" << 1;
        QTest::newRow("400 with an error body")
            << 400 << QByteArray(R"({"error":{"message":"messages must not be empty"}})")
            << int(LlmError::Kind::BadRequest) << "HTTP 400: messages must not be empty" << 1;
        QTest::newRow("500 is retried, then reported")
            << 500 << QByteArray(R"({"error":{"message":"boom"}})") << int(LlmError::Kind::Server)
            << "HTTP 500: boom" << 4;
        QTest::newRow("429 is retried, then reported")
            << 429 << QByteArray(R"({"error":{"message":"slow down"}})")
            << int(LlmError::Kind::RateLimited) << "HTTP 429: slow down" << 4;
    }

    void failuresBecomeTypedErrors()
    {
        QFETCH(int, code);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, message);
        QFETCH(int, requests);
        ScriptedServer server({status(code, body)});
        Rig rig(server.baseUrl());
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"))));
        QCOMPARE(int(outcome.error.kind), kind);
        QCOMPARE(outcome.error.describe(), message);
        QCOMPARE(server.requests, requests);
        QCOMPARE(outcome.response.retries, requests - 1);
        QCOMPARE(rig.counter(metric::kLlmRetries), double(requests - 1));
        QCOMPARE(rig.counter(metric::kLlmFailures, {{"kind", outcome.error.kindName().toLatin1()}}),
                 1.0);
    }

    void retryAfterIsHonoured_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("seconds") << QByteArray("1");
        QTest::newRow("HTTP-date") << QByteArray("date"); // written when the server answers
    }

    void retryAfterIsHonoured()
    {
        QFETCH(QByteArray, retryAfter);
        const auto limited = [retryAfter](HttpServerExchange *e) {
            // An HTTP-date has whole seconds: two ahead is at least one second away.
            const QByteArray value =
                retryAfter != "date"
                    ? retryAfter
                    : QDateTime::currentDateTimeUtc()
                          .addSecs(2)
                          .toString(QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                          .toLatin1();
            e->respond(429, "application/json", R"({"error":{"message":"wait"}})",
                       {{"Retry-After", value}});
        };
        ScriptedServer server({limited, status(200, kOk)});
        Rig rig(server.baseUrl());
        QElapsedTimer clock;
        clock.start();
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"), false)));
        QVERIFY(!outcome.error.isError());
        QCOMPARE(outcome.response.retries, 1);
        // Our backoff alone would wait 15 to 20 ms; the server asked for about a second.
        QVERIFY2(clock.elapsed() >= 900, qPrintable(QString::number(clock.elapsed())));
    }

    void malformedJson()
    {
        ScriptedServer server({status(200, "{\"choices\": [")});
        Rig rig(server.baseUrl());
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"), false)));
        QCOMPARE(outcome.error.kind, LlmError::Kind::MalformedResponse);
        QCOMPARE(server.requests, 1);
    }

    void streamWithoutDoneIsTruncated()
    {
        ScriptedServer server(
            {sse("data: {\"choices\":[{\"delta\":{\"content\":\"Half an \"}}]}\n\n"
                 "data: {\"choices\":[{\"delta\":{\"content\":\"answer\"}}]}\n\n")});
        Rig rig(server.baseUrl());
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"))));
        QCOMPARE(outcome.error.kind, LlmError::Kind::TruncatedStream);
        QCOMPARE(outcome.error.message, QStringLiteral("the stream ended without [DONE]"));
        QCOMPARE(outcome.response.text, QStringLiteral("Half an answer"));
        QVERIFY(outcome.response.incomplete);
        QCOMPARE(outcome.streamed, QStringLiteral("Half an answer"));
        QCOMPARE(server.requests, 1); // tokens had reached the caller: no retry
    }

    void droppedMidStream()
    {
        DemoServer demo;
        demo.setTokensPerSecond(0);
        demo.addFault(*DemoFault::parse(QStringLiteral("drop_after=6")));
        QVERIFY(demo.listen());
        Rig rig(demo.baseUrl() + QStringLiteral("/v1"));
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"))));
        QVERIFY(outcome.error.isError());
        QVERIFY(outcome.error.kind == LlmError::Kind::TruncatedStream ||
                outcome.error.kind == LlmError::Kind::Network);
        QVERIFY(outcome.response.incomplete);
        QVERIFY(!outcome.response.text.isEmpty());
        QCOMPARE(outcome.streamed, outcome.response.text); // the partial answer is kept whole
        QCOMPARE(demo.requestsServed(), 1);
    }

    void streamCutBeforeAnyTokenIsRetried()
    {
        ScriptedServer server(
            {sse(": nothing yet\n\n"), sse("data: "
                                           "{\"choices\":[{\"delta\":{\"content\":\"ok\"},\"finish_"
                                           "reason\":\"stop\"}]}\n\ndata: [DONE]\n\n")});
        Rig rig(server.baseUrl());
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"))));
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.describe()));
        QCOMPARE(outcome.response.text, QStringLiteral("ok"));
        QCOMPARE(server.requests, 2);
        QCOMPARE(outcome.response.retries, 1);
    }

    void malformedChunkMidStream()
    {
        DemoServer demo;
        demo.setTokensPerSecond(0);
        demo.addFault(*DemoFault::parse(QStringLiteral("malformed_after=4")));
        QVERIFY(demo.listen());
        Rig rig(demo.baseUrl() + QStringLiteral("/v1"));
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"))));
        QCOMPARE(outcome.error.kind, LlmError::Kind::MalformedResponse);
        QVERIFY(outcome.error.message.startsWith(QStringLiteral("a stream chunk is not JSON")));
        QVERIFY(outcome.response.incomplete);
    }

    // Events that came in the same read as a malformed one are dropped: the answer stops at
    // the first error.
    void nothingAfterAMalformedEvent()
    {
        const QByteArray delta = R"({"choices":[{"index":0,"delta":{"content":"%1"}}]})";
        ScriptedServer server({sse(
            "data: " + QByteArray(delta).replace("%1", "before") + "\n\ndata: {not json\n\ndata: " +
            QByteArray(delta).replace("%1", "after") + "\n\ndata: [DONE]\n\n")});
        Rig rig(server.baseUrl());
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"))));
        QCOMPARE(outcome.error.kind, LlmError::Kind::MalformedResponse);
        QCOMPARE(outcome.streamed, QStringLiteral("before"));
        QCOMPARE(outcome.response.text, QStringLiteral("before"));
        QCOMPARE(server.requests, 1); // tokens had reached the caller: not retried
    }

    // A small compressed body that inflates past max_response_bytes is "too large", and is
    // not fetched again.
    void aDecompressionBombIsTooLarge()
    {
        QByteArray bomb;
        {
            // gzip of 50 MB of spaces, made here: a few tens of kilobytes on the wire.
            QByteArray raw(50 * 1024 * 1024, ' ');
            bomb = gzip(raw);
        }
        QVERIFY(bomb.size() < 1024 * 1024);
        ScriptedServer server({[bomb](HttpServerExchange *e) {
            e->respond(200, "application/json", bomb, {{"Content-Encoding", "gzip"}});
        }});
        Rig rig(server.baseUrl(), ProviderType::OpenAiCompatible,
                QStringLiteral("sk-test-key-0123456789abcdef"),
                [](ProviderConfig &c) { c.maxResponseBytes = 1024 * 1024; });
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"), false)));
        QVERIFY2(outcome.error.kind == LlmError::Kind::TooLarge,
                 qPrintable(outcome.error.describe()));
        QCOMPARE(server.requests, 1);
    }

    void idleStreamTimesOut()
    {
        ScriptedServer server(
            {sse("data: {\"choices\":[{\"delta\":{\"content\":\"slow\"}}]}\n\n", false)});
        Rig rig(server.baseUrl()); // timeout 2 s, as the gap between chunks
        QElapsedTimer clock;
        clock.start();
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"))));
        QCOMPARE(outcome.error.kind, LlmError::Kind::Timeout);
        QCOMPARE(outcome.response.text, QStringLiteral("slow"));
        QVERIFY(clock.elapsed() >= 1800);
    }

    void missingKeyFailsBeforeAnyRequest()
    {
        ScriptedServer server({status(200, kOk)});
        Rig rig(server.baseUrl(), ProviderType::OpenAiCompatible, QString());
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"))));
        QCOMPARE(outcome.error.kind, LlmError::Kind::MissingKey);
        QVERIFY(outcome.error.message.contains(QStringLiteral("LOCAL_API_KEY")));
        QCOMPARE(server.requests, 0);
    }

    void cancelStopsTheStream()
    {
        DemoServer demo;
        demo.setTokensPerSecond(50);
        QVERIFY(demo.listen());
        Rig rig(demo.baseUrl() + QStringLiteral("/v1"));
        LlmCall *call = rig.client->call(ask(QStringLiteral("hi")));
        QSignalSpy deltas(call, &LlmCall::textDelta);
        QSignalSpy finished(call, &LlmCall::finished);
        QVERIFY(deltas.wait(5000));
        call->cancel();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).value<LlmError>().kind, LlmError::Kind::Cancelled);
        QCOMPARE(finished.first().at(0).value<ChatResponse>().finishReason,
                 FinishReason::Cancelled);
    }

    void anthropicStreamWithToolUse()
    {
        ScriptedServer server({sse(fixture("anthropic_stream.txt"))});
        Rig rig(server.baseUrl(), ProviderType::Anthropic);
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("weather?"))));
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.describe()));
        QCOMPARE(outcome.streamed, QStringLiteral("Let me check the weather."));
        QCOMPARE(outcome.response.toolCalls.size(), 1);
        QCOMPARE(outcome.response.finishReason, FinishReason::ToolCalls);
        const HttpHeaders &sent = server.headers.first();
        QVERIFY(sent.contains({"x-api-key", "sk-test-key-0123456789abcdef"}));
        QVERIFY(sent.contains({"anthropic-version", "2023-06-01"}));
    }

    void anthropicStreamWithoutMessageStop()
    {
        QByteArray cut = fixture("anthropic_stream.txt");
        cut.truncate(cut.indexOf("event: message_stop"));
        ScriptedServer server({sse(cut)});
        Rig rig(server.baseUrl(), ProviderType::Anthropic);
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("weather?"))));
        QCOMPARE(outcome.error.kind, LlmError::Kind::TruncatedStream);
        QCOMPARE(outcome.error.message, QStringLiteral("the stream ended without message_stop"));
        QVERIFY(outcome.response.incomplete);
    }

    void anthropicOverloadedEventMidStream()
    {
        ScriptedServer server({sse("event: message_start\ndata: "
                                   "{\"type\":\"message_start\",\"message\":{\"model\":\"c\","
                                   "\"usage\":{\"input_tokens\":1}}}\n\n"
                                   "event: error\ndata: "
                                   "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                                   "\"message\":\"Overloaded\"}}\n\n")});
        Rig rig(server.baseUrl(), ProviderType::Anthropic);
        const CallOutcome outcome = runCall(rig.client->call(ask(QStringLiteral("hi"))));
        // No token had reached the caller, so the error was retried (and recurred): the first
        // try and the rig's three retries.
        QCOMPARE(outcome.error.kind, LlmError::Kind::Server);
        QCOMPARE(outcome.error.message, QStringLiteral("overloaded_error: Overloaded"));
        QCOMPARE(server.requests, 4);
        QCOMPARE(outcome.lastRetry, 3);
    }
};

SPOON_TEST_GUILESS_MAIN(TestProviderClient)
#include "tst_providerclient.moc"
