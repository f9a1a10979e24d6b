// `spoon-console ask` and `demo-server` as users and their scripts see them: the real
// binary against a demo endpoint this test runs, told to misbehave in every way listed.
#include "llm/demoserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "support/consolerun.h"
#include "support/terminalrun.h"

using namespace spoon;

namespace {

const QString kKey = QStringLiteral("sk-Lo4Kq9wSECRETzSECRETx99887766");

using Run = spoon::test::ConsoleRun;
using spoon::test::runConsole;

class AskTest
{
public:
    AskTest()
    {
        demo.setTokensPerSecond(0);
        demo.listen();
    }

    // A config with one provider, "local", at the demo endpoint; `stream` false unticks
    // "Stream the answer" for the react agent as Settings writes it. `database`: the store's
    // URL (empty: the default one, in the test's home).
    QString writeConfig(double timeoutSeconds = 30, int retries = 1, bool stream = true,
                        const QString &database = {})
    {
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(
                QStringLiteral(
                    R"({"providers": {"local": {"base_url": "%1/v1", "model": "spoon-demo",
                                          "needs_key": true, "timeout": %2, "retry_attempts": %3}},
                                          "llm_settings": {"default_provider": "local"}%4%5})")
                    .arg(demo.baseUrl())
                    .arg(timeoutSeconds)
                    .arg(retries)
                    .arg(stream ? QString()
                                : QStringLiteral(
                                      R"(, "agents": {"react": {"config": {"stream": false}}})"))
                    .arg(database.isEmpty()
                             ? QString()
                             : QStringLiteral(R"(, "performance": {"database": {"url": "%1"}})")
                                   .arg(database))
                    .toUtf8());
        }
        return path;
    }

    // Runs the binary while this process's event loop keeps serving the demo endpoint.
    Run run(const QStringList &arguments, bool withKey = true,
            const QProcessEnvironment &extra = {})
    {
        QProcessEnvironment env = extra;
        if (withKey && !env.contains(QStringLiteral("LOCAL_API_KEY")))
            env.insert(QStringLiteral("LOCAL_API_KEY"), kKey);
        return runConsole(arguments, env);
    }

    QTemporaryDir dir;
    DemoServer demo;
};

} // namespace

class TestAskCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamsTheAnswer()
    {
        AskTest t;
        const Run r = t.run({QStringLiteral("--config"), t.writeConfig(), QStringLiteral("ask"),
                             QStringLiteral("Hello there")});
        SPOON_COMPARE_EXIT(r, 0);
        QVERIFY(r.out.contains(QStringLiteral("You asked: \"Hello there\"")));
        QVERIFY(r.out.endsWith(u'\n'));
        QCOMPARE(t.demo.requestsServed(), 1);
    }

    void jsonSummary()
    {
        AskTest t;
        const Run r =
            t.run({QStringLiteral("--config"), t.writeConfig(), QStringLiteral("ask"),
                   QStringLiteral("--no-stream"), QStringLiteral("--json"), QStringLiteral("Hi")});
        SPOON_COMPARE_EXIT(r, 0);
        const QJsonObject answer = QJsonDocument::fromJson(r.out.toUtf8()).object();
        for (const char *field : {"text", "finish_reason", "usage", "provider", "model", "ttft_ms",
                                  "latency_ms", "retries", "cached", "tool_calls"})
            QVERIFY2(answer.contains(QLatin1String(field)), field);
        QCOMPARE(answer[u"provider"].toString(), QStringLiteral("local"));
        QCOMPARE(answer[u"model"].toString(), QStringLiteral("spoon-demo"));
        QCOMPARE(answer[u"finish_reason"].toString(), QStringLiteral("stop"));
        QCOMPARE(answer[u"retries"].toInt(), 0);
        QCOMPARE(answer[u"cached"].toBool(), false);
        QVERIFY(answer[u"usage"][u"completion_tokens"].toInt() > 0);
        QVERIFY(answer[u"error"].isNull());
    }

    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<double>("timeout");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrHas");
        QTest::addColumn<bool>("textOnStdout"); // the answer, or the part that arrived
        QTest::newRow("429 then fine")
            << "status=429,retry_after=0,times=1" << 5.0 << 0
            << "local: HTTP 429: demo fault: HTTP 429 as asked; attempt 2 of 2 in" << true;
        QTest::newRow("500 every time")
            << "status=500" << 5.0 << 1
            << "spoon-console: local: HTTP 500: demo fault: HTTP 500 as asked" << false;
        QTest::newRow("401") << "status=401" << 5.0 << 1
                             << "spoon-console: local: HTTP 401: demo fault" << false;
        QTest::newRow("dropped mid-stream")
            << "drop_after=8" << 5.0 << 1 << "spoon-console: the answer above is incomplete"
            << true;
        QTest::newRow("malformed chunk")
            << "malformed_after=6" << 5.0 << 1 << "a stream chunk is not JSON" << true;
        QTest::newRow("no [DONE]")
            << "no_done=1" << 5.0 << 1 << "the stream ended without [DONE]" << true;
        QTest::newRow("slower than the timeout")
            << "delay_ms=3000" << 1.0 << 1 << "spoon-console: local: timeout" << false;
    }

    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(double, timeout);
        QFETCH(QString, stderrHas);
        QFETCH(bool, textOnStdout);
        AskTest t;
        t.demo.addFault(*DemoFault::parse(fault));
        const Run r = t.run({QStringLiteral("--config"), t.writeConfig(timeout, 1),
                             QStringLiteral("ask"), QStringLiteral("Hi")});
        QTEST(r.exitCode, "exitCode");
        QVERIFY2(r.err.contains(stderrHas), qPrintable(r.err));
        QCOMPARE(!r.out.trimmed().isEmpty(), textOnStdout);
    }

    // retry_attempts 2: three attempts in all, numbered as the window numbers them, by ask
    // and by chat.
    void retriesAreCountedAsAttempts_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("ask") << QStringLiteral("ask");
        QTest::newRow("chat") << QStringLiteral("chat");
    }
    void retriesAreCountedAsAttempts()
    {
        QFETCH(QString, command);
        AskTest t;
        t.demo.addFault(*DemoFault::parse(QStringLiteral("status=429,retry_after=0,times=2")));
        const Run r =
            t.run({QStringLiteral("--config"), t.writeConfig(5, 2), command, QStringLiteral("Hi")});
        SPOON_COMPARE_EXIT(r, 0);
        // The console's own lines, not the log's.
        const QStringList retries = r.err.split(u'\n').filter(
            QRegularExpression(QStringLiteral("^spoon-console: .*HTTP 429: demo fault")));
        QVERIFY2(retries.size() == 2, qPrintable(r.err));
        QVERIFY2(retries[0].startsWith(
                     QStringLiteral("spoon-console: local: HTTP 429: demo fault: HTTP 429 as "
                                    "asked; attempt 2 of 3 in ")),
                 qPrintable(r.err));
        QVERIFY2(retries[1].contains(QStringLiteral("; attempt 3 of 3 in ")), qPrintable(r.err));
        QCOMPARE(t.demo.requestsServed(), 3);
    }

    void jsonOnFailureStillReports()
    {
        AskTest t;
        t.demo.addFault(*DemoFault::parse(QStringLiteral("drop_after=8")));
        const Run r = t.run({QStringLiteral("--config"), t.writeConfig(), QStringLiteral("ask"),
                             QStringLiteral("--json"), QStringLiteral("Hi")});
        SPOON_COMPARE_EXIT(r, 1);
        const QJsonObject answer = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(answer[u"incomplete"].toBool(), true);
        QVERIFY(!answer[u"text"].toString().isEmpty());
        QVERIFY(answer[u"error"].isObject());
    }

    void missingKeyIsAnErrorBeforeAnyRequest()
    {
        AskTest t;
        const Run r = t.run({QStringLiteral("--config"), t.writeConfig(), QStringLiteral("ask"),
                             QStringLiteral("Hi")},
                            false);
        SPOON_COMPARE_EXIT(r, 1);
        QVERIFY2(
            r.err.contains(QStringLiteral("provider \"local\" has no API key: set LOCAL_API_KEY")),
            qPrintable(r.err));
        QCOMPARE(t.demo.requestsServed(), 0);
        QVERIFY(r.out.isEmpty());
    }

    void unknownProvider()
    {
        AskTest t;
        const Run r =
            t.run({QStringLiteral("--config"), t.writeConfig(), QStringLiteral("ask"),
                   QStringLiteral("--provider"), QStringLiteral("nope"), QStringLiteral("Hi")});
        SPOON_COMPARE_EXIT(r, 1);
        QVERIFY(
            r.err.contains(QStringLiteral("no provider is called \"nope\" (configured: local)")));
    }

    void usage()
    {
        AskTest t;
        const Run r = t.run({QStringLiteral("ask")});
        SPOON_COMPARE_EXIT(r, 2);
        QVERIFY(r.err.contains(QStringLiteral("ask needs a prompt")));
    }

    void theKeyNeverShows()
    {
        AskTest t;
        QProcessEnvironment env;
        env.insert(QStringLiteral("LOG_LEVEL"), QStringLiteral("debug"));
        t.demo.addFault(*DemoFault::parse(QStringLiteral("status=500,times=1")));
        const Run r = t.run({QStringLiteral("--config"), t.writeConfig(), QStringLiteral("ask"),
                             QStringLiteral("--json"), QStringLiteral("Hi")},
                            true, env);
        SPOON_COMPARE_EXIT(r, 0);
        QCOMPARE(spoon::test::leakedPieceOf(kKey, r.out + u'\n' + r.err), QString());
    }

    void withoutAnyProviderTheDemoAnswers()
    {
        AskTest t;
        // The child's environment has no key at all, whatever the shell that ran the test has.
        const Run r =
            t.run({QStringLiteral("ask"), QStringLiteral("--json"), QStringLiteral("Hi")}, false);
        SPOON_COMPARE_EXIT(r, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8())[u"provider"].toString(),
                 QStringLiteral("demo"));
    }

    void demoServerCommand()
    {
        QProcess server;
        server.setProcessEnvironment(spoon::test::childEnvironment());
        server.start(QStringLiteral(SPOON_CONSOLE_BINARY),
                     {QStringLiteral("demo-server"), QStringLiteral("--port"), QStringLiteral("0"),
                      QStringLiteral("--tokens-per-second"), QStringLiteral("0")});
        QVERIFY(server.waitForReadyRead(60000));
        const QString banner = QString::fromUtf8(server.readLine());
        const QRegularExpressionMatch url =
            QRegularExpression(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+/v1)")).match(banner);
        QVERIFY2(url.hasMatch(), qPrintable(banner));
        QNetworkAccessManager network;
        QNetworkReply *reply =
            network.get(QNetworkRequest(QUrl(url.captured(1) + QStringLiteral("/models"))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(QJsonDocument::fromJson(reply->readAll())[u"data"][0][u"id"].toString(),
                 QStringLiteral("spoon-demo"));
        reply->deleteLater();
        server.kill();
        server.waitForFinished();
    }

    void demoServerRejectsBadOptions_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown fault") << QStringLiteral("--fault") << QStringLiteral("explode=1")
                                       << QStringLiteral("unknown fault \"explode\"");
        QTest::newRow("no events per write")
            << QStringLiteral("--events-per-write") << QStringLiteral("0")
            << QStringLiteral("--events-per-write 1 to 1000");
        QTest::newRow("events per write not a number")
            << QStringLiteral("--events-per-write") << QStringLiteral("many")
            << QStringLiteral("--events-per-write 1 to 1000");
    }
    void demoServerRejectsBadOptions()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(QString, error);
        QProcess server;
        server.setProcessEnvironment(spoon::test::childEnvironment());
        server.start(QStringLiteral(SPOON_CONSOLE_BINARY),
                     {QStringLiteral("demo-server"), option, value});
        QVERIFY(server.waitForFinished(60000));
        QCOMPARE(server.exitCode(), 2);
        const QString stderrText = QString::fromUtf8(server.readAllStandardError());
        QVERIFY2(stderrText.contains(error), qPrintable(stderrText));
    }
    // `chat`: one agent turn, the answer on stdout, the steps on stderr.
    void chatCallsAToolThenAnswers()
    {
        AskTest t;
        const Run r = t.run({QStringLiteral("--config"), t.writeConfig(), QStringLiteral("chat"),
                             QStringLiteral("How much memory does the engine use?")});
        SPOON_COMPARE_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("**Memory:**")), qPrintable(r.out));
        QVERIFY(r.out.endsWith(u'\n'));
        const QStringList steps = r.err.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(steps.size(), 4);
        QCOMPARE(steps[0], QStringLiteral("[step 1]"));
        QCOMPARE(steps[1], QStringLiteral("[tool] system_info({})"));
        QVERIFY2(steps[2].startsWith(QStringLiteral("[tool] system_info answered in ")),
                 qPrintable(steps[2]));
        QCOMPARE(steps[3], QStringLiteral("[step 2]"));
        QCOMPARE(t.demo.requestsServed(), 2);
    }

    // The answer reaches stdout whether it streams or not, as text or as --json, on a
    // terminal (a pty) or into a pipe. The bell in the message comes back in the demo's
    // answer: raw into a pipe, escaped on a terminal, which shows the terminal path ran.
    void chatPrintsTheAnswerEveryWay_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::addColumn<bool>("asJson");
        QTest::addColumn<bool>("terminal");
        for (const bool stream : {true, false}) {
            for (const bool asJson : {false, true}) {
                for (const bool terminal : {false, true}) {
                    QTest::addRow("%s, %s, %s", stream ? "streaming" : "stream off",
                                  asJson ? "--json" : "text", terminal ? "terminal" : "pipe")
                        << stream << asJson << terminal;
                }
            }
        }
    }
    void chatPrintsTheAnswerEveryWay()
    {
        QFETCH(bool, stream);
        QFETCH(bool, asJson);
        QFETCH(bool, terminal);
        AskTest t;
        QStringList arguments{QStringLiteral("--config"), t.writeConfig(30, 1, stream),
                              QStringLiteral("chat")};
        if (asJson)
            arguments << QStringLiteral("--json");
        arguments << QStringLiteral("hello\a");
        QProcessEnvironment env;
        env.insert(QStringLiteral("LOCAL_API_KEY"), kKey);
        const Run r = terminal ? spoon::test::runConsoleOnTerminal(arguments, env)
                               : spoon::test::runConsole(arguments, env);
        SPOON_COMPARE_EXIT(r, 0);
        QCOMPARE(t.demo.requestsServed(), 1);
        if (asJson) {
            QJsonParseError error;
            const QJsonDocument transcript = QJsonDocument::fromJson(r.out.toUtf8(), &error);
            QVERIFY2(error.error == QJsonParseError::NoError && transcript.isObject(),
                     qPrintable(spoon::test::describe(r)));
            QVERIFY2(transcript[u"answer"].toString().contains(u"You asked: \"hello\a\""),
                     qPrintable(r.out));
        } else {
            QVERIFY2(r.out.contains(u"You asked: \"hello"), qPrintable(spoon::test::describe(r)));
            QVERIFY(r.out.endsWith(u'\n'));
            QCOMPARE(r.out.contains(u'\a'), !terminal);
        }
    }

    void chatJsonTranscript()
    {
        AskTest t;
        const Run r = t.run({QStringLiteral("--config"), t.writeConfig(), QStringLiteral("chat"),
                             QStringLiteral("--json"), QStringLiteral("--agent"),
                             QStringLiteral("spoon_react"), // an alias
                             QStringLiteral("What is the CPU load?")});
        SPOON_COMPARE_EXIT(r, 0);
        const QJsonObject transcript = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(transcript[u"agent"].toString(), QStringLiteral("react"));
        QCOMPARE(transcript[u"steps"].toInt(), 2);
        QVERIFY(transcript[u"error"].isNull());
        QCOMPARE(transcript[u"cancelled"].toBool(), false);
        const QJsonArray messages = transcript[u"messages"].toArray();
        QStringList roles;
        for (const QJsonValue &message : messages)
            roles.append(message[u"role"].toString());
        QCOMPARE(roles, (QStringList{QStringLiteral("user"), QStringLiteral("assistant"),
                                     QStringLiteral("tool"), QStringLiteral("assistant")}));
        const QString callId = messages[1][u"tool_calls"][0][u"id"].toString();
        QVERIFY(!callId.isEmpty());
        QCOMPARE(messages[2][u"tool_call_id"].toString(), callId);
        QCOMPARE(messages[2][u"name"].toString(), QStringLiteral("system_info"));
        QCOMPARE(messages[3][u"content"].toString(), transcript[u"answer"].toString());
    }

    // `chat` saves its turn as the window does: `history list` shows the conversation,
    // named after the message, and `history show` its messages, the tool step included.
    void chatIsSavedForHistory_data()
    {
        QTest::addColumn<bool>("asJson");
        QTest::newRow("text") << false;
        QTest::newRow("--json") << true;
    }
    void chatIsSavedForHistory()
    {
        QFETCH(bool, asJson);
        AskTest t;
        const QString config = t.writeConfig(
            30, 1, true, QStringLiteral("sqlite://") + t.dir.filePath(QStringLiteral("chat.db")));
        QStringList arguments{QStringLiteral("--config"), config, QStringLiteral("chat")};
        if (asJson)
            arguments << QStringLiteral("--json");
        arguments << QStringLiteral("How much memory does the engine use?");
        const Run chat = t.run(arguments);
        SPOON_COMPARE_EXIT(chat, 0);
        QCOMPARE(chat.err.split(u'\n', Qt::SkipEmptyParts).size(), 4); // the steps, nothing more

        const Run list = t.run({QStringLiteral("--config"), config, QStringLiteral("history"),
                                QStringLiteral("list")});
        SPOON_COMPARE_EXIT(list, 0);
        const QStringList rows = list.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1);
        const QStringList fields = rows.first().split(u'\t');
        QCOMPARE(fields.size(), 5);
        QCOMPARE(fields[2], QStringLiteral("4")); // user, tool call, tool result, answer
        QCOMPARE(fields[3], QStringLiteral("react"));
        QCOMPARE(fields[4], QStringLiteral("How much memory does the engine use?"));

        const Run show = t.run({QStringLiteral("--config"), config, QStringLiteral("history"),
                                QStringLiteral("show"), fields[0], QStringLiteral("--json")});
        SPOON_COMPARE_EXIT(show, 0);
        const QJsonObject shown = QJsonDocument::fromJson(show.out.toUtf8()).object();
        const QJsonArray messages = shown[u"messages"].toArray();
        QStringList roles;
        for (const QJsonValue &message : messages)
            roles.append(message[u"role"].toString());
        QCOMPARE(roles, (QStringList{QStringLiteral("user"), QStringLiteral("assistant"),
                                     QStringLiteral("tool"), QStringLiteral("assistant")}));
        QCOMPARE(messages[1][u"tool_calls"][0][u"name"].toString(), QStringLiteral("system_info"));
        QVERIFY2(messages[3][u"content"].toString().contains(QStringLiteral("**Memory:**")),
                 qPrintable(show.out));
    }

    // A store that cannot be used costs the record, not the turn: the answer still comes,
    // and stderr says it was not saved.
    void chatRunsUnsavedWhenTheStoreFails()
    {
        AskTest t;
        // A file where the store's folder should be: the folder cannot be made.
        spoon::test::writeFile(t.dir, QStringLiteral("blocked"), "not a folder");
        const QString config = t.writeConfig(30, 1, true,
                                             QStringLiteral("sqlite://") +
                                                 t.dir.filePath(QStringLiteral("blocked/chat.db")));
        const Run r = t.run({QStringLiteral("--config"), config, QStringLiteral("chat"),
                             QStringLiteral("Hello there")});
        SPOON_COMPARE_EXIT(r, 0);
        QVERIFY2(r.out.contains(QStringLiteral("You asked: \"Hello there\"")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("spoon-console: this conversation is not saved: ")),
                 qPrintable(r.err));
    }

    void chatFailures_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrHas");
        QTest::newRow("no message")
            << QStringList{} << QString() << 2 << QStringLiteral("chat needs a message");
        QTest::newRow("unknown agent")
            << QStringList{QStringLiteral("--agent"), QStringLiteral("nobody"),
                           QStringLiteral("hi")}
            << QString() << 1
            << QStringLiteral("no agent is called \"nobody\" (agents: react (spoon_react))");
        QTest::newRow("provider fails")
            << QStringList{QStringLiteral("hi")} << QStringLiteral("status=500") << 1
            << QStringLiteral("spoon-console: local: HTTP 500: demo fault");
        QTest::newRow("stream dropped")
            << QStringList{QStringLiteral("hi")} << QStringLiteral("drop_after=8") << 1
            << QStringLiteral("incomplete");
    }
    void chatFailures()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, fault);
        QFETCH(QString, stderrHas);
        AskTest t;
        if (!fault.isEmpty())
            t.demo.addFault(*DemoFault::parse(fault));
        const Run r = t.run(
            QStringList{QStringLiteral("--config"), t.writeConfig(5, 0), QStringLiteral("chat")} +
            arguments);
        QTEST(r.exitCode, "exitCode");
        QVERIFY2(r.err.contains(stderrHas), qPrintable(r.err));
    }
};

SPOON_TEST_GUILESS_MAIN(TestAskCommand)
#include "tst_askcommand.moc"
