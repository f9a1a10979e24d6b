#include "monitor/healthscore.h"

#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {
constexpr quint64 kGiB = 1024ull * 1024 * 1024;

HealthInputs healthyMachine()
{
    HealthInputs in;
    in.configValid = true;
    in.usableProviders = 1;
    in.memoryTotalBytes = 16 * kGiB;
    in.memoryAvailableBytes = 12 * kGiB;
    in.systemCpuPercent = 10;
    in.dataFolder = QStringLiteral("/home/u/.local/share/spoon-console");
    in.dataFolderFreeBytes = 50 * kGiB;
    in.openFileLimit = 65536;
    in.processRssBytes = 100ull * 1024 * 1024;
    in.memoryLimitMb = 512;
    return in;
}

const HealthCheck *find(const HealthReport &report, const QString &id)
{
    for (const HealthCheck &c : report.checks) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}
} // namespace

class TestHealthScore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scores_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<int>("score");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("failedCheck");
        QTest::newRow("healthy") << 0 << 100 << "excellent"
                                 << "";
        QTest::newRow("no provider key") << 1 << 85 << "good"
                                         << "llm_provider";
        QTest::newRow("invalid config") << 2 << 70 << "fair"
                                        << "config";
        QTest::newRow("memory nearly gone") << 3 << 80 << "good"
                                            << "system_memory";
        QTest::newRow("memory low") << 4 << 90 << "excellent"
                                    << "system_memory";
        QTest::newRow("disk full") << 5 << 85 << "good"
                                   << "disk_space";
        QTest::newRow("fd limit low") << 6 << 90 << "excellent"
                                      << "open_files";
        QTest::newRow("over memory budget") << 7 << 90 << "excellent"
                                            << "process_memory";
        QTest::newRow("default provider without key") << 8 << 90 << "excellent"
                                                      << "default_provider";
        QTest::newRow("everything wrong") << 9 << 0 << "poor"
                                          << "config";
    }

    void scores()
    {
        QFETCH(int, scenario);
        QFETCH(QString, failedCheck);
        HealthInputs in = healthyMachine();
        switch (scenario) {
        case 1:
            in.usableProviders = 0;
            break;
        case 2:
            in.configValid = false;
            in.configErrors = 2;
            break;
        case 3:
            in.memoryAvailableBytes = kGiB / 2;
            break;
        case 4:
            in.memoryAvailableBytes = 3 * kGiB;
            break;
        case 5:
            in.dataFolderFreeBytes = 100 * 1024 * 1024;
            break;
        case 6:
            in.openFileLimit = 256;
            break;
        case 7:
            in.processRssBytes = 600ull * 1024 * 1024;
            break;
        case 8:
            in.defaultProvider = QStringLiteral("openai");
            in.defaultProviderUsable = false;
            in.defaultProviderKeyEnv = QStringLiteral("OPENAI_API_KEY");
            break;
        case 9:
            in.configValid = false;
            in.usableProviders = 0;
            in.memoryAvailableBytes = 0;
            in.systemCpuPercent = 99;
            in.dataFolderFreeBytes = 0;
            in.openFileLimit = 64;
            in.processRssBytes = 10 * kGiB;
            in.defaultProvider = QStringLiteral("x");
            in.defaultProviderUsable = false;
            break;
        default:
            break;
        }
        const HealthReport report = HealthScorer::score(in);
        QTEST(report.score, "score");
        QTEST(report.status, "status");
        if (failedCheck.isEmpty()) {
            for (const HealthCheck &c : report.checks)
                QVERIFY2(c.passed && c.advice.isEmpty(), qPrintable(c.id));
        } else {
            const HealthCheck *check = find(report, failedCheck);
            QVERIFY(check);
            QVERIFY(!check->passed);
            QVERIFY(!check->advice.isEmpty());
        }
    }

    void adviceNamesTheVariable()
    {
        HealthInputs in = healthyMachine();
        in.defaultProvider = QStringLiteral("deepseek");
        in.defaultProviderUsable = false;
        in.defaultProviderKeyEnv = QStringLiteral("DEEPSEEK_API_KEY");
        const HealthReport report = HealthScorer::score(in);
        const HealthCheck *check = find(report, QStringLiteral("default_provider"));
        QVERIFY(check);
        QVERIFY(check->advice.contains(QStringLiteral("DEEPSEEK_API_KEY")));
    }
};

SPOON_TEST_GUILESS_MAIN(TestHealthScore)
#include "tst_healthscore.moc"
