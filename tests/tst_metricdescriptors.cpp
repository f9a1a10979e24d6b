#include "agent/turnlimiter.h"
#include "cache/ttlcache.h"
#include "compute/computepool.h"
#include "llm/llmstats.h"
#include "monitor/memorymanager.h"
#include "monitor/processmonitor.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {

bool listed(const MetricDescriptor *descriptor)
{
    return std::find(metric::kAll.begin(), metric::kAll.end(), descriptor) != metric::kAll.end();
}

QByteArray readSource(const QString &relative)
{
    QFile file(QStringLiteral(SPOON_SOURCE_DIR "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

// The metrics contract (telemetry/metricnames.h): every series is a descriptor with help, unit
// and a label, and no series name is written anywhere else.
class TestMetricDescriptors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyDescriptorIsComplete()
    {
        QSet<QByteArray> names;
        static const QRegularExpression kName(QStringLiteral("^spoon_[a-z0-9_]+$"));
        for (const MetricDescriptor *d : metric::kAll) {
            const QByteArray name(d->name());
            QVERIFY2(kName.match(QString::fromLatin1(name)).hasMatch(), d->name());
            QVERIFY2(!names.contains(name), d->name()); // one name, one meaning
            names.insert(name);
            QVERIFY2(qstrlen(d->help()) > 0, d->name());
            QVERIFY2(qstrlen(d->label()) > 0, d->name());
            QVERIFY2(qstrlen(metricUnitName(d->unit())) > 0, d->name());
            QVERIFY2(!metricLabel(*d).isEmpty(), d->name());
            QCOMPARE(metricHelp(*d), QString::fromUtf8(d->help())); // no translator loaded
            // Prometheus naming: _total for counters only, the base unit in the name.
            QVERIFY2(name.endsWith("_total") == (d->type() == MetricType::Counter), d->name());
            const QByteArray stem = name.endsWith("_total") ? name.chopped(6) : name;
            switch (d->unit()) {
            case MetricUnit::Bytes:
                QVERIFY2(stem.endsWith("_bytes"), d->name());
                break;
            case MetricUnit::BytesPerSecond:
                QVERIFY2(stem.endsWith("_bytes_per_second"), d->name());
                break;
            case MetricUnit::Seconds:
                QVERIFY2(stem.endsWith("_seconds"), d->name());
                break;
            case MetricUnit::Percent:
                QVERIFY2(stem.endsWith("_percent"), d->name());
                break;
            case MetricUnit::TokensPerSecond:
                QVERIFY2(stem.endsWith("_per_second"), d->name());
                break;
            case MetricUnit::Count:
            case MetricUnit::Flag:
                QVERIFY2(!stem.endsWith("_bytes") && !stem.endsWith("_seconds"), d->name());
                break;
            }
        }
    }

    // kAll is written by hand beside the declarations: each declared descriptor is in it.
    void everyDeclaredDescriptorIsListed()
    {
        const QByteArray header = readSource(QStringLiteral("src/core/telemetry/metricnames.h"));
        QVERIFY(!header.isEmpty());
        static const QRegularExpression kDeclared(
            QStringLiteral("static constexpr \\w+Metric (k\\w+)\\{"));
        QStringList declared;
        for (const QRegularExpressionMatch &m : kDeclared.globalMatch(QString::fromUtf8(header)))
            declared.append(m.captured(1));
        QCOMPARE(qsizetype(metric::kAll.size()), declared.size());
        const QByteArray table = header.mid(header.indexOf("kAll{"));
        for (const QString &name : std::as_const(declared))
            QVERIFY2(table.contains(QByteArray("&" + name.toLatin1() + ",")), qPrintable(name));
    }

    // What the components register at run time all comes from the table.
    void everyRegisteredSeriesHasADescriptor()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 100);
        monitor.sampleNow();
        TtlCache<int> cache(4, 0);
        cache.publish(registry, "test");
        ComputePool compute(1, &registry);
        LlmStats llm(registry);
        llm.series(QStringLiteral("p"), QStringLiteral("m"));
        llm.recordFallback(QStringLiteral("p"), QStringLiteral("q"));
        MemoryManager memory(registry);
        TurnLimiter turns(2, &registry);
        const QList<MetricFamilySnapshot> families = registry.snapshot();
        QVERIFY(families.size() > 30);
        for (const MetricFamilySnapshot &family : families) {
            QVERIFY2(listed(family.descriptor), family.name.constData());
            QCOMPARE(family.name, QByteArray(family.descriptor->name()));
            QCOMPARE(family.help, QByteArray(family.descriptor->help()));
            QCOMPARE(family.type, family.descriptor->type());
        }
    }

    // The registry takes only descriptors (tst_metricsregistry checks that a literal does not
    // compile); this catches a series name written as a string for other readers (rollups are
    // stored by name) or a name prefix matched by hand.
    void noSeriesNameIsWrittenOutsideTheTable()
    {
        static const QRegularExpression kLiteral(QStringLiteral("\"(spoon_[a-z0-9_]*)"));
        QStringList offenders;
        for (const char *folder : {"src", "bench"}) {
            QDirIterator it(QStringLiteral(SPOON_SOURCE_DIR "/") + QLatin1String(folder),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if (path.endsWith(QLatin1String("/telemetry/metricnames.h")))
                    continue;
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(file.readAll());
                for (const QRegularExpressionMatch &m : kLiteral.globalMatch(text)) {
                    const QByteArray written = m.captured(1).toLatin1();
                    for (const MetricDescriptor *d : metric::kAll) {
                        if (QByteArray(d->name()).startsWith(written)) {
                            offenders.append(path + QStringLiteral(": ") + m.captured(0));
                            break;
                        }
                    }
                }
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }
};

SPOON_TEST_GUILESS_MAIN(TestMetricDescriptors)
#include "tst_metricdescriptors.moc"
