// The settings window's file: edits keep what they do not touch, a bad value writes nothing,
// and a save replaces the file whole or not at all.
#include "config/configdocument.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include "support/testenvironment.h"

using namespace spoon;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

const QByteArray kConfig = R"({
  "providers": {"openai": {"model": "gpt-4.1-mini", "temperature": 0.7}},
  "performance": {"llm": {"cache_size": 123}},
  "agents": {"helper": {"description": "kept as it is", "config": {"max_steps": 4}}},
  "monitoring": {"sample_interval_ms": 500}
})";

} // namespace

class TestConfigDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsKeepEveryOtherKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        write(path, kConfig);
        ConfigDocument document;
        QString error;
        QVERIFY2(document.load(path, &error), qPrintable(error));
        document.setValue(
            {QStringLiteral("providers"), QStringLiteral("local"), QStringLiteral("base_url")},
            QStringLiteral("http://127.0.0.1:8080/v1"));
        document.setValue(
            {QStringLiteral("providers"), QStringLiteral("local"), QStringLiteral("model")},
            QStringLiteral("llama"));
        document.setValue(
            {QStringLiteral("providers"), QStringLiteral("openai"), QStringLiteral("model")},
            QStringLiteral("gpt-4.1"));
        ConfigDiagnostics diagnostics;
        QVERIFY2(document.save(QProcessEnvironment(), &diagnostics, &error), qPrintable(error));

        const QJsonObject saved = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(saved[u"providers"][u"openai"][u"model"].toString(), QStringLiteral("gpt-4.1"));
        QCOMPARE(saved[u"providers"][u"openai"][u"temperature"].toDouble(), 0.7);
        QCOMPARE(saved[u"providers"][u"local"][u"base_url"].toString(),
                 QStringLiteral("http://127.0.0.1:8080/v1"));
        QCOMPARE(saved[u"providers"][u"local"][u"model"].toString(), QStringLiteral("llama"));
        QCOMPARE(saved[u"performance"][u"llm"][u"cache_size"].toInt(), 123);
        QCOMPARE(saved[u"agents"][u"helper"][u"description"].toString(),
                 QStringLiteral("kept as it is"));
        QCOMPARE(saved[u"monitoring"][u"sample_interval_ms"].toInt(), 500);
        // Nothing but the file itself is left in the folder.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("config.json")});
    }

    void aBadValueWritesNothing_data()
    {
        QTest::addColumn<QStringList>("keyPath");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("base_url") << QStringList{u"providers"_s, u"openai"_s, u"base_url"_s}
                                  << QJsonValue(u"ftp://example.com"_s)
                                  << u"providers.openai.base_url"_s;
        QTest::newRow("timeout") << QStringList{u"providers"_s, u"openai"_s, u"timeout"_s}
                                 << QJsonValue(-5) << u"providers.openai.timeout"_s;
        QTest::newRow("interval") << QStringList{u"monitoring"_s, u"sample_interval_ms"_s}
                                  << QJsonValue(u"fast"_s) << u"monitoring.sample_interval_ms"_s;
        QTest::newRow("fallback to nobody")
            << QStringList{u"llm_settings"_s, u"fallback_chain"_s}
            << QJsonValue(QJsonArray{u"nobody"_s}) << u"llm_settings.fallback_chain[0]"_s;
    }
    void aBadValueWritesNothing()
    {
        QFETCH(QStringList, keyPath);
        QFETCH(QJsonValue, value);
        QFETCH(QString, named);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        write(path, kConfig);
        ConfigDocument document;
        QString error;
        QVERIFY(document.load(path, &error));
        document.setValue(keyPath, value);
        ConfigDiagnostics diagnostics;
        QVERIFY(!document.save(QProcessEnvironment(), &diagnostics, &error));
        QVERIFY2(error.contains(named), qPrintable(error));
        QVERIFY(std::any_of(diagnostics.begin(), diagnostics.end(), [&](const ConfigDiagnostic &d) {
            return d.isError() && d.keyPath == named;
        }));
        QCOMPARE(readAll(path), kConfig);
    }

    void aMissingFileIsCreatedWithItsFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("spoon-console/config.json"));
        ConfigDocument document;
        QString error;
        QVERIFY(document.load(path, &error));
        QVERIFY(document.root().isEmpty());
        document.setValue({QStringLiteral("llm_settings"), QStringLiteral("enable_caching")},
                          false);
        ConfigDiagnostics diagnostics;
        QVERIFY2(document.save(QProcessEnvironment(), &diagnostics, &error), qPrintable(error));
        QCOMPARE(QJsonDocument::fromJson(readAll(path))[u"llm_settings"][u"enable_caching"],
                 QJsonValue(false));
    }

    void removingTheLastKeyRemovesItsObject()
    {
        ConfigDocument document;
        document.setValue(
            {QStringLiteral("providers"), QStringLiteral("local"), QStringLiteral("model")},
            QStringLiteral("m"));
        document.remove(
            {QStringLiteral("providers"), QStringLiteral("local"), QStringLiteral("model")});
        QVERIFY(!document.root().contains(u"providers"));
        QVERIFY(
            document.value({QStringLiteral("providers"), QStringLiteral("local")}).isUndefined());
    }

    void aFileThatIsNotAnObjectIsNotEdited_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("broken JSON") << QByteArray(R"({"providers": )");
        QTest::newRow("an array") << QByteArray("[1, 2]");
    }
    void aFileThatIsNotAnObjectIsNotEdited()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        write(path, bytes);
        ConfigDocument document;
        QString error;
        QVERIFY(!document.load(path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QCOMPARE(readAll(path), bytes);
    }

    // Two ways a folder refuses the save. Root writes into any folder whatever its mode, so the
    // permission row skips as root (CI runs as root); a file standing where the folder was
    // refuses everyone, so that row runs there too.
    void anUnwritableFolderSaysSoAndKeepsTheFile_data()
    {
        QTest::addColumn<bool>("fileInTheFolderPlace");
        QTest::newRow("a file where the folder was") << true;
        QTest::newRow("a folder without write permission") << false;
    }
    void anUnwritableFolderSaysSoAndKeepsTheFile()
    {
        QFETCH(bool, fileInTheFolderPlace);
        if (!fileInTheFolderPlace && ::geteuid() == 0)
            QSKIP("root writes into any folder; the other row covers this path as root");
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("config"));
        const QString movedFolder = dir.filePath(QStringLiteral("config-moved"));
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + QStringLiteral("/config.json");
        write(path, kConfig);
        ConfigDocument document;
        QString error;
        QVERIFY(document.load(path, &error));
        if (fileInTheFolderPlace) {
            QVERIFY(QDir().rename(folder, movedFolder));
            write(folder, QByteArray("not a folder"));
        } else {
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        }
        document.setValue({QStringLiteral("monitoring"), QStringLiteral("sample_interval_ms")},
                          2000);
        ConfigDiagnostics diagnostics;
        QVERIFY(!document.save(QProcessEnvironment(), &diagnostics, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot write")), qPrintable(error));
        if (fileInTheFolderPlace) {
            QCOMPARE(readAll(folder), QByteArray("not a folder"));
            QVERIFY(QFile::remove(folder));
            QVERIFY(QDir().rename(movedFolder, folder));
        } else {
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner);
        }
        QCOMPARE(readAll(path), kConfig);
    }
};

SPOON_TEST_GUILESS_MAIN(TestConfigDocument)
#include "tst_configdocument.moc"
