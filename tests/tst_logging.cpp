#include "config/secret.h"
#include "telemetry/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

Q_LOGGING_CATEGORY(lcTest, "spoon.test")

class TestLogging : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonLineIsOneParsableObject()
    {
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC);
        const QByteArray line = logging::formatJsonLine(QtWarningMsg, "spoon.monitor",
                                                        QStringLiteral("disk \"io\"\nunreadable"),
                                                        when, "sampler.cpp", 42);
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1); // the message's own newline is escaped
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        QCOMPARE(object.value(u"level").toString(), QStringLiteral("warning"));
        QCOMPARE(object.value(u"category").toString(), QStringLiteral("spoon.monitor"));
        QCOMPARE(object.value(u"msg").toString(), QStringLiteral("disk \"io\"\nunreadable"));
        QCOMPARE(object.value(u"ts").toString(), QStringLiteral("2023-11-14T22:13:20.123Z"));
        QCOMPARE(object.value(u"line").toInt(), 42);
    }

    // Whatever logs a key (a server's message, a URL with a token) has it masked, in both
    // formats.
    void everyLineMasksConfiguredKeys_data()
    {
        QTest::addColumn<bool>("json");
        QTest::newRow("text") << false;
        QTest::newRow("json") << true;
    }
    void everyLineMasksConfiguredKeys()
    {
        QFETCH(bool, json);
        const Secret key(QStringLiteral("sk-logged-0123456789abcdefXY"));
        const QMessageLogContext context("provider.cpp", 7, "f", "spoon.llm");
        const QByteArray line = logging::formatLine(
            QtWarningMsg, context,
            QStringLiteral("401: Incorrect API key sk-logged-0123456789abcdefXY"), json);
        QVERIFY2(!line.contains("0123456789abcdef"), line.constData());
        QVERIFY2(line.contains("sk-****XY"), line.constData());
        QCOMPARE(line.count('\n'), 1);
        if (json)
            QVERIFY(QJsonDocument::fromJson(line).isObject());
    }

    void levels_data()
    {
        QTest::addColumn<QString>("level");
        QTest::addColumn<bool>("debug");
        QTest::addColumn<bool>("info");
        QTest::addColumn<bool>("warning");
        QTest::newRow("debug") << "debug" << true << true << true;
        QTest::newRow("info") << "info" << false << true << true;
        QTest::newRow("warning") << "warning" << false << false << true;
        QTest::newRow("error") << "error" << false << false << false;
    }

    void levels()
    {
        QFETCH(QString, level);
        logging::configure(LoggingConfig{level, LogFormat::Text});
        QTEST(lcTest().isDebugEnabled(), "debug");
        QTEST(lcTest().isInfoEnabled(), "info");
        QTEST(lcTest().isWarningEnabled(), "warning");
        QVERIFY(lcTest().isCriticalEnabled());
    }

    // Before any config is read (demo-server reads none), the default level holds, or
    // LOG_LEVEL's: not Qt's own default, which lets every debug line through.
    void installAppliesTheLevelFromTheEnvironment_data()
    {
        QTest::addColumn<QByteArray>("logLevel");
        QTest::addColumn<bool>("debug");
        QTest::addColumn<bool>("info");
        QTest::newRow("unset") << QByteArray() << false << true;
        QTest::newRow("debug") << QByteArray("debug") << true << true;
        QTest::newRow("warn") << QByteArray("warn") << false << false;
        QTest::newRow("unknown") << QByteArray("loud") << false << true;
    }

    void installAppliesTheLevelFromTheEnvironment()
    {
        QFETCH(QByteArray, logLevel);
        if (logLevel.isNull())
            qunsetenv("LOG_LEVEL");
        else
            qputenv("LOG_LEVEL", logLevel);
        logging::install();
        qunsetenv("LOG_LEVEL");
        QTEST(lcTest().isDebugEnabled(), "debug");
        QTEST(lcTest().isInfoEnabled(), "info");
        QVERIFY(lcTest().isWarningEnabled());
    }
};

SPOON_TEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
