// Every config key either has an effect or says it has none yet. A key's reader is found in
// the source: the builder copies the key into a Config member (`c.tools.dnsCacheTtl = ...`),
// and a line outside the config folder must read that member (validation is not an effect),
// or the builder passes it on to another key (a provider's timeout defaults to
// performance.llm.request_timeout). A key with no reader and no noEffectYet mark fails here.
#include "config/configschema.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

// All of src/ but the config folder, once: what reads the config, not what checks it.
const QString &readerSources()
{
    static const QString text = [] {
        QString all;
        QDirIterator it(QStringLiteral(SPOON_SOURCE_DIR "/src"),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.contains(QLatin1String("/src/core/config/")))
                all += readFile(path) + u'\n';
        }
        return all;
    }();
    return text;
}

const QString &builderSource()
{
    static const QString text =
        readFile(QStringLiteral(SPOON_SOURCE_DIR "/src/core/config/configbuilder.cpp"));
    return text;
}

// key name -> the Config members the builder copies it into ("tools.dnsCacheTtl"), or an
// empty string where the builder itself consumes the value (a local variable).
QMultiHash<QString, QString> builderTargets()
{
    static const QRegularExpression assignment(
        QStringLiteral(R"re(^\s*(?:const\s+\w+\s+)?([\w.]+)\s*(?:=|\.insert\().*\["(\w+)"_L1\])re"),
        QRegularExpression::MultilineOption);
    QMultiHash<QString, QString> targets;
    for (const QRegularExpressionMatch &m : assignment.globalMatch(builderSource())) {
        const QString lhs = m.captured(1);
        // A member, whatever struct a reader holds it in ("limits.concurrentLimit").
        targets.insert(m.captured(2), lhs.startsWith(QLatin1String("c."))
                                          ? u'.' + lhs.section(u'.', -1)
                                          : QString());
    }
    return targets;
}

bool isRead(const QString &member)
{
    if (member.isEmpty())
        return true; // the builder uses the value itself
    const QRegularExpression use(QRegularExpression::escape(member) + QStringLiteral("\\b"));
    return readerSources().contains(use) || builderSource().count(use) >= 2;
}

} // namespace

class TestConfigKeys : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKeyHasAReaderOrSaysItHasNone_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("noEffectYet");
        schema::forEachLeaf(schema::configSchema(),
                            [](const QString &path, const schema::Node &leaf) {
                                QTest::newRow(qPrintable(path)) << path << leaf.noEffectYet;
                            });
    }

    void everyKeyHasAReaderOrSaysItHasNone()
    {
        QFETCH(QString, key);
        QFETCH(QString, noEffectYet);
        static const QMultiHash<QString, QString> targets = builderTargets();
        const QString name = key.section(u'.', -1).remove(QStringLiteral("[]"));
        const QStringList members = targets.values(name);
        QVERIFY2(!members.isEmpty(),
                 qPrintable(QStringLiteral("configbuilder.cpp never reads \"%1\"").arg(name)));
        if (!noEffectYet.isEmpty())
            return; // says so in check-config, config-reference and docs/config.md
        for (const QString &member : members)
            QVERIFY2(isRead(member),
                     qPrintable(QStringLiteral("nothing reads %1: give the key its effect, or "
                                               "mark it with schema::noEffectYet")
                                    .arg(member)));
    }

    // The scan itself finds what it should, so that the test above can fail.
    void theScanSeesReadersAndTheirAbsence()
    {
        const QMultiHash<QString, QString> targets = builderTargets();
        QCOMPARE(targets.values(QStringLiteral("dns_cache_ttl")),
                 QStringList{QStringLiteral(".dnsCacheTtl")});
        QCOMPARE(targets.values(QStringLiteral("max_workers")),
                 QStringList{QStringLiteral(".computeMaxWorkers")});
        QVERIFY(isRead(QStringLiteral(".sampleIntervalMs")));       // by the engine
        QVERIFY(isRead(QStringLiteral(".requestTimeout")));         // passed on to providers
        QVERIFY(isRead(QStringLiteral(".dnsCacheTtl")));            // by the HTTP tool
        QVERIFY(isRead(QStringLiteral(".maxConcurrent")));          // by the turn limiter
        QVERIFY(!isRead(QStringLiteral(".noSuchConfigMember")));    // the scan can say no
        QVERIFY(isRead(QStringLiteral(".memoryWarningThreshold"))); // by the alert rules
    }
};

SPOON_TEST_GUILESS_MAIN(TestConfigKeys)
#include "tst_configkeys.moc"
