// The alert handlers that run here: the log line, the command hook, and the dispatcher that
// keeps one failing handler from stopping the others. (The desktop notification has its own
// test on a private D-Bus session: tst_desktopnotifier.)
#include "monitor/alertengine.h"
#include "monitor/alerthandlers.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <stdexcept>

#include "support/testenvironment.h"

using namespace spoon;

namespace {

Alert sampleAlert()
{
    Alert alert;
    alert.id = 7;
    alert.rule = QStringLiteral("cpu_percent");
    alert.type = QStringLiteral("cpu_high");
    alert.value = alert.peak = 93.5;
    alert.threshold = 80;
    alert.windowSeconds = 60;
    alert.message = QStringLiteral("Process CPU 93.5 % is above 80 % (1 min average)");
    alert.startedMs = 1'700'000'000'000;
    return alert;
}

class RecordingHandler : public AlertHandler
{
public:
    QString name() const override { return QStringLiteral("recorder"); }
    void deliver(const AlertEvent &event) override { events.append(event); }
    QList<AlertEvent> events;
};

class ThrowingHandler : public AlertHandler
{
public:
    QString name() const override { return QStringLiteral("thrower"); }
    void deliver(const AlertEvent &) override { throw std::runtime_error("mail server down"); }
};

class ReportingHandler : public AlertHandler
{
public:
    QString name() const override { return QStringLiteral("reporter"); }
    void deliver(const AlertEvent &) override { Q_EMIT failed(QStringLiteral("chat hook 503")); }
};

} // namespace

class TestAlertHandlers : public QObject
{
    Q_OBJECT

private:
    // A command handler whose program sees only what the test gives it.
    std::unique_ptr<CommandAlertHandler> command(const QStringList &argv, int timeoutMs = 30'000)
    {
        auto handler = std::make_unique<CommandAlertHandler>(argv, timeoutMs);
        handler->setEnvironment(test::childEnvironment());
        return handler;
    }

private Q_SLOTS:
    void theCommandGetsTheAlertAsJsonOnStdin()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("alert.json"));
        auto handler = command({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                QStringLiteral("cat > \"$1\""), QStringLiteral("sh"), out});
        QSignalSpy finished(handler.get(), &CommandAlertHandler::finished);
        QSignalSpy failed(handler.get(), &AlertHandler::failed);
        handler->deliver({AlertEvent::Kind::Fired, sampleAlert()});
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().toInt(), 0);
        QCOMPARE(failed.size(), 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(u"type").toString(), QStringLiteral("cpu_high"));
        QCOMPARE(json.value(u"rule").toString(), QStringLiteral("cpu_percent"));
        QCOMPARE(json.value(u"value").toDouble(), 93.5);
        QCOMPARE(json.value(u"threshold").toDouble(), 80.0);
        QCOMPARE(json.value(u"state").toString(), QStringLiteral("firing"));
        QCOMPARE(json.value(u"message").toString(), sampleAlert().message);
    }

    void theCommandGetsNoKeys()
    {
        qputenv("OPENAI_API_KEY", "sk-test-never-leaves");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("env.txt"));
        // The handler as the engine builds it: from this process's environment.
        CommandAlertHandler handler({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                     QStringLiteral("env > \"$1\""), QStringLiteral("sh"), out},
                                    30'000);
        QSignalSpy finished(&handler, &CommandAlertHandler::finished);
        handler.deliver({AlertEvent::Kind::Fired, sampleAlert()});
        QVERIFY(finished.wait());
        qunsetenv("OPENAI_API_KEY");
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString env = QString::fromUtf8(file.readAll());
        QVERIFY2(!env.contains(QLatin1String("sk-test-never-leaves")), qPrintable(env));
        QVERIFY2(env.contains(QLatin1String("PATH=")), qPrintable(env));
    }

    void aFailingCommandSaysWhy_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<QString>("why");
        QTest::newRow("exit status and stderr")
            << QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                           QStringLiteral("echo smtp refused >&2; exit 3")}
            << 30'000 << QStringLiteral("/bin/sh exited with 3: smtp refused");
        QTest::newRow("no such program")
            << QStringList{QStringLiteral("/nonexistent/notify-team")} << 30'000
            << QStringLiteral("cannot start /nonexistent/notify-team");
        QTest::newRow("runs past its timeout")
            << QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                           QStringLiteral("exec sleep 60")}
            << 100 << QStringLiteral("/bin/sh ran longer than 0.1 s and was stopped");
    }

    void aFailingCommandSaysWhy()
    {
        QFETCH(QStringList, argv);
        QFETCH(int, timeoutMs);
        QFETCH(QString, why);
        auto handler = command(argv, timeoutMs);
        QSignalSpy failed(handler.get(), &AlertHandler::failed);
        handler->deliver({AlertEvent::Kind::Fired, sampleAlert()});
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30'000);
        QVERIFY2(failed.first().first().toString().startsWith(why),
                 qPrintable(failed.first().first().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(handler->running(), 0, 30'000);
    }

    void atMostFourCommandsRunAtOnce()
    {
        auto handler = command({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                QStringLiteral("read line; exec sleep 60")},
                               60'000);
        QSignalSpy failed(handler.get(), &AlertHandler::failed);
        for (int i = 0; i < CommandAlertHandler::kMaxRunning + 1; ++i)
            handler->deliver({AlertEvent::Kind::Fired, sampleAlert()});
        QCOMPARE(handler->running(), CommandAlertHandler::kMaxRunning);
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("still running")));
    }

    void theLogLineCarriesTheMessage()
    {
        LogAlertHandler handler;
        const Alert alert = sampleAlert();
        QTest::ignoreMessage(QtWarningMsg, qPrintable(QStringLiteral("alert: ") + alert.message));
        handler.deliver({AlertEvent::Kind::Fired, alert});
        Alert critical = alert;
        critical.level = AlertLevel::Critical;
        QTest::ignoreMessage(QtCriticalMsg,
                             qPrintable(QStringLiteral("critical: ") + alert.message));
        handler.deliver({AlertEvent::Kind::Fired, critical});
    }

    void aFailingHandlerNeverStopsTheOthers()
    {
        MetricsRegistry registry;
        Gauge &cpu = registry.gauge(metric::kProcessCpuPercent);
        AlertRule rule;
        rule.name = QStringLiteral("cpu_percent");
        rule.input = {AlertInput::Kind::GaugeMean, &metric::kProcessCpuPercent, nullptr, 1.0};
        rule.threshold = 80;
        rule.windowMs = 1000;
        AlertEngine engine(registry, {rule});
        AlertDispatcher dispatcher(engine, registry);
        dispatcher.addHandler(std::make_unique<ThrowingHandler>());
        dispatcher.addHandler(std::make_unique<ReportingHandler>());
        auto recording = std::make_unique<RecordingHandler>();
        RecordingHandler *recorder = recording.get();
        dispatcher.addHandler(std::move(recording));

        QTest::ignoreMessage(QtWarningMsg, "alert handler thrower failed: mail server down");
        QTest::ignoreMessage(QtWarningMsg, "alert handler reporter failed: chat hook 503");
        cpu.set(95);
        engine.evaluate(1000);
        QCOMPARE(recorder->events.size(), 1);
        QCOMPARE(recorder->events.first().kind, AlertEvent::Kind::Fired);

        QTest::ignoreMessage(QtWarningMsg, "alert handler thrower failed: mail server down");
        QTest::ignoreMessage(QtWarningMsg, "alert handler reporter failed: chat hook 503");
        cpu.set(10);
        engine.evaluate(2000);
        QCOMPARE(recorder->events.size(), 2);
        QCOMPARE(recorder->events.last().kind, AlertEvent::Kind::Resolved);
        QCOMPARE(recorder->events.last().alert.endedMs, 2000);
        QCOMPARE(
            registry.value(metric::kAlertHandlerFailures, {{"handler", "thrower"}}).value_or(0),
            2.0);
    }
};

SPOON_TEST_GUILESS_MAIN(TestAlertHandlers)
#include "tst_alerthandlers.moc"
