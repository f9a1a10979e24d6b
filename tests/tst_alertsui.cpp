// What a person sees of an alert, offscreen: the toast over the window, the Alerts tab with
// its count, acknowledging, and earlier runs' alerts read back from the store.
#include "alertsview.h"
#include "alerttoast.h"
#include "dashboardpane.h"
#include "engine.h"
#include "llm/llmrouter.h"
#include "mainwindow.h"
#include "metriccard.h"
#include "monitor/alertengine.h"
#include "monitor/memorymanager.h"
#include "storage/alertstore.h"
#include "storage/store.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "support/testdatabase.h"
#include "support/testenvironment.h"

using namespace spoon;

namespace {

// Memory above 0 % alerts at once; nothing else can fire. Its own store file.
Config alertingConfig(const QTemporaryDir &folder)
{
    Config config = Config::defaults();
    config.monitoring.thresholds.memoryPercent = 0;
    config.monitoring.thresholds.cpuPercent = 100000;
    config.performance.memoryWarningThreshold = 1.0;
    config.performance.memoryCriticalThreshold = 1.0;
    config.performance.database.url =
        QStringLiteral("sqlite://") + folder.filePath(QStringLiteral("alerts.db"));
    return config;
}

bool waitForStore(Engine &engine)
{
    Store *store = engine.store();
    if (!store)
        return false;
    if (!store->isReady()) {
        QSignalSpy opened(store, &Store::opened);
        if (!opened.wait(30'000))
            return false;
    }
    return engine.alertStore() != nullptr;
}

// Wide enough for the dashboard beside the chat whatever the font: a window too narrow for
// both folds the dashboard away.
void widenForTheDashboard(MainWindow &window)
{
    window.resize(std::max(window.width(), 3 * window.healthTabs()->minimumSizeHint().width()),
                  window.height());
}

} // namespace

class TestAlertsUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFiredAlertPopsUpAToastOverTheWindow()
    {
        QTemporaryDir folder;
        Engine engine(alertingConfig(folder));
        MainWindow window(engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        AlertToast *toast = window.alertToast();
        QVERIFY(!toast->isVisible());
        QSignalSpy fired(&engine.alerts(), &AlertEngine::alertFired);

        engine.monitor().sampleNow();
        QCOMPARE(fired.size(), 1);
        const Alert alert = fired.first().first().value<Alert>();
        QVERIFY(toast->isVisible());
        QCOMPARE(toast->title(), QStringLiteral("Alert"));
        QCOMPARE(toast->text(), alert.message);
        // Inside the window's central area, at its bottom right, above the charts.
        const QRect area = window.centralWidget()->rect();
        QVERIFY(area.contains(toast->geometry()));
        QVERIFY(toast->geometry().center().x() > area.center().x());
        QVERIFY(toast->geometry().center().y() > area.center().y());

        QTabWidget *tabs = window.healthTabs();
        const int alertsTab = tabs->indexOf(window.alertsView());
        QCOMPARE(tabs->tabText(alertsTab), QStringLiteral("Alerts (1)"));
        QCOMPARE(tabs->currentIndex(), tabs->indexOf(window.dashboard()));

        // "View alerts" opens the tab and hides the toast.
        QPushButton *view = toast->findChild<QPushButton *>();
        for (QPushButton *button : toast->findChildren<QPushButton *>()) {
            if (button->text() == QStringLiteral("View alerts"))
                view = button;
        }
        QTest::mouseClick(view, Qt::LeftButton);
        QCOMPARE(tabs->currentWidget(), window.alertsView());
        QVERIFY(!toast->isVisible());
    }

    void anAlertRaisedBeforeTheWindowOpenedStillPopsUp()
    {
        QTemporaryDir folder;
        Engine engine(alertingConfig(folder));
        engine.monitor().sampleNow(); // the first sample, as Engine::start() takes it
        QCOMPARE(engine.alerts().activeAlerts().size(), 1);
        MainWindow window(engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.alertToast()->isVisible());
        QCOMPARE(window.alertToast()->text(), engine.alerts().activeAlerts().first().message);
        QCOMPARE(window.alertsView()->activeCount(), 1);
    }

    void freeMemoryRunsACleanupThatTheAlertsViewLists()
    {
        QTemporaryDir folder;
        Config config = alertingConfig(folder);
        config.monitoring.thresholds.memoryPercent = 100;
        Engine engine(config);
        MainWindow window(engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ChatResponse cached;
        cached.text = QStringLiteral("an answer");
        engine.llm().cache().put(CacheKey::ofBytes("question"), cached);
        auto *free = window.findChild<QPushButton *>(QStringLiteral("freeMemoryButton"));
        QVERIFY(free);
        widenForTheDashboard(window);
        QVERIFY(free->isVisible());
        QSignalSpy cleaned(&engine.memory(), &MemoryManager::cleanedUp);
        QTest::mouseClick(free, Qt::LeftButton);
        // The caches give back at once; the heap trim's result comes back from a pool thread.
        QTRY_COMPARE_WITH_TIMEOUT(cleaned.size(), 1, 10'000);
        QCOMPARE(engine.llm().cache().size(), 0);
        const MemoryCleanup done = cleaned.first().first().value<MemoryCleanup>();
        QCOMPARE(done.reason, QStringLiteral("manual"));
        bool choseChat = false;
        for (const auto &[name, count] : done.dropped)
            choseChat |= name == QStringLiteral("chat documents");
        QVERIFY(choseChat); // the console's own part is among them
        const QList<Alert> listed = window.alertsView()->alerts();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.first().rule, QStringLiteral("memory_cleanup"));
        QCOMPARE(listed.first().message, done.describe());
        QCOMPARE(window.alertsView()->activeCount(), 0);
    }

    void theMemoryLevelShowsOnTheMemoryCard()
    {
        QTemporaryDir folder;
        Config config = alertingConfig(folder);
        config.monitoring.thresholds.memoryPercent = 100;
        config.performance.memoryWarningThreshold = 0.01; // any process is above it
        Engine engine(config);
        MainWindow window(engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        widenForTheDashboard(window); // a hidden dashboard draws nothing
        engine.monitor().sampleNow();
        QTRY_VERIFY(
            window.dashboard()->memoryCard()->legend().contains(QStringLiteral("warning level")));
    }

    void theToastKeepsCountAndStaysInsideANarrowWindow()
    {
        QWidget parent;
        parent.resize(300, 400); // narrower than the toast's preferred width
        AlertToast toast(&parent);
        parent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&parent));
        Alert alert;
        alert.message = QStringLiteral("Process CPU 91.0 % is above 80 % (1 min average)");
        toast.showAlert(alert);
        alert.level = AlertLevel::Critical;
        alert.message = QStringLiteral("Resident memory 480 MiB is 94 % of the 512 MiB limit");
        toast.showAlert(alert);
        QCOMPARE(toast.unseenCount(), 2);
        QCOMPARE(toast.title(), QStringLiteral("Critical alert"));
        QCOMPARE(toast.text(), alert.message);
        QVERIFY(parent.rect().contains(toast.geometry()));
        parent.resize(900, 400);
        QTRY_VERIFY(toast.geometry().right() > 600); // follows the parent's right edge
        QVERIFY(parent.rect().contains(toast.geometry()));
    }

    void anAlertIsListedAcknowledgedAndResolved()
    {
        QTemporaryDir folder;
        Engine engine(alertingConfig(folder));
        AlertsView view(engine.alerts());
        QSignalSpy counted(&view, &AlertsView::activeCountChanged);
        engine.monitor().sampleNow();
        QCOMPARE(view.activeCount(), 1);
        QCOMPARE(counted.last().first().toInt(), 1);
        QTreeWidget *list = view.list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(1), view.alerts().first().message);
        QCOMPARE(list->topLevelItem(0)->text(3), QStringLiteral("active"));

        QVERIFY(!view.acknowledgeSelected()); // nothing selected
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(view.acknowledgeSelected());
        QVERIFY(view.alerts().first().acknowledgedMs > 0);
        QVERIFY(engine.alerts().activeAlerts().first().acknowledgedMs > 0);
        QVERIFY(!list->topLevelItem(0)->text(4).isEmpty());
        QVERIFY(!view.acknowledgeSelected()); // once
    }

    // Two alerts of one tick: the tab counts both, and nothing once both resolve.
    void theTabCountsEveryActiveAlert()
    {
        QTemporaryDir folder;
        Config config = alertingConfig(folder);
        config.monitoring.thresholds.memoryPercent = 100;
        config.performance.memoryWarningThreshold = 0.01; // any process is above both levels
        config.performance.memoryCriticalThreshold = 0.02;
        Engine engine(config);
        MainWindow window(engine);
        QTabWidget *tabs = window.healthTabs();
        const int alertsTab = tabs->indexOf(window.alertsView());
        engine.monitor().sampleNow();
        QCOMPARE(engine.alerts().activeAlerts().size(), 2);
        QCOMPARE(tabs->tabText(alertsTab), QStringLiteral("Alerts (2)"));
    }

    void theActiveCountFollowsFiringAndResolving()
    {
        MetricsRegistry registry;
        Gauge &rss = registry.gauge(metric::kProcessResidentBytes);
        Config config = Config::defaults();
        config.performance.agents.memoryLimitMb = 64;
        QList<AlertRule> levels;
        for (AlertRule rule : alertRulesFromConfig(config)) {
            rule.windowMs = 1000;
            if (rule.input.family == &metric::kProcessResidentBytes) // the two memory levels
                levels << rule;
        }
        QCOMPARE(levels.size(), 2);
        AlertEngine engine(registry, levels);
        AlertsView view(engine);
        QSignalSpy counted(&view, &AlertsView::activeCountChanged);
        qint64 now = 1'700'000'000'000;
        const double mib = 1024.0 * 1024.0;
        rss.set(54 * mib); // above the warning level only
        engine.evaluate(now += 1000);
        QCOMPARE(counted.last().first().toInt(), 1);
        rss.set(60 * mib); // and the critical one
        engine.evaluate(now += 1000);
        QCOMPARE(view.activeCount(), 2);
        QCOMPARE(counted.last().first().toInt(), 2);
        rss.set(10 * mib);
        engine.evaluate(now += 1000);
        QCOMPARE(view.activeCount(), 0);
        QCOMPARE(counted.last().first().toInt(), 0);
    }

    void theRulesShowTheirValueNow()
    {
        QTemporaryDir folder;
        Engine engine(alertingConfig(folder));
        AlertsView view(engine.alerts());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        engine.monitor().sampleNow();
        QTreeWidget *rules = view.rules();
        QCOMPARE(rules->topLevelItemCount(), engine.alerts().rules().size());
        auto row = [&](const QString &name) -> QTreeWidgetItem * {
            for (int i = 0; i < rules->topLevelItemCount(); ++i) {
                if (rules->topLevelItem(i)->text(0) == name)
                    return rules->topLevelItem(i);
            }
            return nullptr;
        };
        QTreeWidgetItem *memory = row(QStringLiteral("memory_percent"));
        QVERIFY(memory);
        QCOMPARE(memory->text(4), QStringLiteral("firing"));
        QVERIFY(!memory->text(1).isEmpty() && memory->text(1) != QStringLiteral("no data"));
        QTreeWidgetItem *latency = row(QStringLiteral("response_time"));
        QVERIFY(latency);
        QCOMPARE(latency->text(1), QStringLiteral("no data")); // no LLM call yet
        QCOMPARE(latency->text(4), QStringLiteral("clear"));
    }

    // The response time is the first token's for a stream and the whole answer's otherwise;
    // the table says so, and what every other rule measures.
    void eachRuleSaysWhatItMeasures()
    {
        QTemporaryDir folder;
        Engine engine(alertingConfig(folder));
        AlertsView view(engine.alerts());
        QTreeWidget *rules = view.rules();
        QCOMPARE(rules->headerItem()->text(5), QStringLiteral("Measures"));
        for (int i = 0; i < rules->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = rules->topLevelItem(i);
            QVERIFY2(!item->text(5).isEmpty(), qPrintable(item->text(0)));
            if (item->text(0) == QStringLiteral("response_time")) {
                QVERIFY(item->text(5).contains(QStringLiteral("first token if streamed")));
                QVERIFY(item->text(5).contains(QStringLiteral("whole answer")));
            }
        }
    }

    // Shares in per cent, seconds with their unit, and a value beside its threshold never
    // rounded into reading the same.
    void theRulesTableShowsUnits()
    {
        MetricsRegistry registry;
        Gauge &rss = registry.gauge(metric::kProcessResidentBytes);
        Config config = Config::defaults();
        config.performance.agents.memoryLimitMb = 64;
        AlertEngine engine(registry, alertRulesFromConfig(config));
        AlertsView view(engine);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        rss.set(0.9004 * 64 * 1024 * 1024);
        engine.evaluate(1'700'000'000'000);
        QTreeWidget *rules = view.rules();
        auto row = [&](const QString &name) -> QTreeWidgetItem * {
            for (int i = 0; i < rules->topLevelItemCount(); ++i) {
                if (rules->topLevelItem(i)->text(0) == name)
                    return rules->topLevelItem(i);
            }
            return nullptr;
        };
        const QLocale locale;
        QTreeWidgetItem *critical = row(QStringLiteral("memory_critical"));
        QVERIFY(critical);
        QCOMPARE(critical->text(1), locale.toString(90.04, 'f', 2) + QStringLiteral(" %"));
        QCOMPARE(critical->text(2), locale.toString(90) + QStringLiteral(" %"));
        QTreeWidgetItem *warning = row(QStringLiteral("memory_warning"));
        QCOMPARE(warning->text(1), locale.toString(90) + QStringLiteral(" %"));
        QCOMPARE(warning->text(2), locale.toString(80) + QStringLiteral(" %"));
        QTreeWidgetItem *errors = row(QStringLiteral("error_rate"));
        QCOMPARE(errors->text(2), locale.toString(10) + QStringLiteral(" %"));
        QTreeWidgetItem *response = row(QStringLiteral("response_time"));
        QCOMPARE(response->text(2), locale.toString(5) + QStringLiteral(" s"));
    }

    void earlierRunsAlertsComeBackFromTheStore()
    {
        QTemporaryDir folder;
        QString message;
        {
            Engine engine(alertingConfig(folder));
            engine.openStore();
            QVERIFY(waitForStore(engine));
            QSignalSpy fired(&engine.alerts(), &AlertEngine::alertFired);
            engine.monitor().sampleNow();
            QCOMPARE(fired.size(), 1);
            message = fired.first().first().value<Alert>().message;
        } // the store writes what is queued before it closes

        Config calm = alertingConfig(folder);
        calm.monitoring.thresholds.memoryPercent = 100;
        Engine engine(calm);
        engine.openStore();
        QVERIFY(waitForStore(engine));
        AlertsView view(engine.alerts());
        QSignalSpy loaded(&view, &AlertsView::storedAlertsLoaded);
        view.setStore(engine.alertStore());
        QTRY_VERIFY(!loaded.isEmpty());
        QCOMPARE(view.alerts().size(), 1);
        const Alert past = view.alerts().first();
        QCOMPARE(past.message, message);
        QVERIFY(!past.isActive()); // the run that raised it ended, so did the alert
        QCOMPARE(view.activeCount(), 0);

        // Acknowledged in the store, not in this run's engine, which never saw it.
        view.list()->setCurrentItem(view.list()->topLevelItem(0));
        QVERIFY(view.acknowledgeSelected());
        // The write goes out on its own connection: read until it shows, each read awaited on
        // this thread's event loop (the store answers there; blocking it would never end).
        StoreResult<QList<Alert>> stored;
        for (int read = 0; read < 200; ++read) {
            stored = spoon::test::awaitFuture(engine.alertStore()->recent(10));
            if (!stored.ok() || (!stored.value.isEmpty() && stored.value.first().acknowledgedMs))
                break;
        }
        QVERIFY2(stored.ok(), qPrintable(stored.error.message));
        QVERIFY(stored.value.first().acknowledgedMs > 0);
    }
};

SPOON_TEST_MAIN(TestAlertsUi)
#include "tst_alertsui.moc"
