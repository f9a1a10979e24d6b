// An edit made outside the console is read again: in place or by replacing the file, once per
// burst, with the loader's diagnostics when it is broken; the console's own write is not.
#include "config/configwatcher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;
using namespace Qt::StringLiterals;

namespace {

void writeInPlace(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

void replace(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    QVERIFY(file.commit());
}

ConfigLocation at(const QString &path)
{
    return ConfigLocation{path, ConfigLocation::Source::CommandLine};
}

} // namespace

class TestConfigWatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsAreReadAgain_data()
    {
        QTest::addColumn<bool>("byReplacing");
        QTest::newRow("written in place") << false;
        QTest::newRow("replaced, as editors and QSaveFile do") << true;
    }
    void editsAreReadAgain()
    {
        QFETCH(bool, byReplacing);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"config.json"_s);
        writeInPlace(path, R"({"monitoring": {"sample_interval_ms": 500}})");
        ConfigWatcher watcher(at(path), {});
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        for (int interval : {700, 900}) { // a second edit is seen too: the file is still watched
            const QByteArray bytes = QStringLiteral(R"({"monitoring": {"sample_interval_ms": %1}})")
                                         .arg(interval)
                                         .toUtf8();
            if (byReplacing)
                replace(path, bytes);
            else
                writeInPlace(path, bytes);
            QVERIFY(changed.wait(10'000));
            const auto result = changed.takeLast().at(0).value<ConfigLoadResult>();
            QVERIFY(result.isValid());
            QCOMPARE(result.config.monitoring.sampleIntervalMs, interval);
        }
    }

    void aBrokenEditComesWithWhereAndWhat()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"config.json"_s);
        writeInPlace(path, "{}");
        ConfigWatcher watcher(at(path), {});
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        replace(path, "{\n  \"monitoring\": {\"sample_interval_ms\": \"fast\"}\n}\n");
        QVERIFY(changed.wait(10'000));
        const auto result = changed.at(0).at(0).value<ConfigLoadResult>();
        QVERIFY(!result.isValid());
        const ConfigDiagnostic &error = result.diagnostics.first();
        QCOMPARE(error.keyPath, u"monitoring.sample_interval_ms"_s);
        QCOMPARE(error.line, 2);
    }

    void theConsolesOwnWriteIsNotAnEdit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"config.json"_s);
        writeInPlace(path, "{}");
        ConfigWatcher watcher(at(path), {});
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        replace(path, R"({"monitoring": {"sample_interval_ms": 600}})");
        watcher.acknowledge();
        QVERIFY(!changed.wait(ConfigWatcher::kSettleMs * 5));
        // The next edit is the first one reported.
        replace(path, R"({"monitoring": {"sample_interval_ms": 800}})");
        QVERIFY(changed.wait(10'000));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<ConfigLoadResult>().config.monitoring.sampleIntervalMs,
                 800);
    }

    void aFileCreatedLaterIsSeen_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::newRow("in its folder") << u"config.json"_s;
        QTest::newRow("in a folder made later") << u"spoon-console/config.json"_s;
    }
    void aFileCreatedLaterIsSeen()
    {
        QFETCH(QString, relative);
        QTemporaryDir dir;
        const QString path = dir.filePath(relative);
        ConfigWatcher watcher(ConfigLocation{path, ConfigLocation::Source::UserConfigFolder}, {});
        QSignalSpy changed(&watcher, &ConfigWatcher::changed);
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        if (relative.contains(u'/')) // the new folder is seen first, then the file in it
            QVERIFY(!changed.wait(ConfigWatcher::kSettleMs * 5));
        replace(path, R"({"monitoring": {"sample_interval_ms": 400}})");
        QVERIFY(changed.wait(10'000));
        QCOMPARE(changed.at(0).at(0).value<ConfigLoadResult>().config.monitoring.sampleIntervalMs,
                 400);
    }
};

SPOON_TEST_GUILESS_MAIN(TestConfigWatcher)
#include "tst_configwatcher.moc"
