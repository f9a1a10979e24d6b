#include "dashboardpane.h"
#include "engine.h"
#include "mainwindow.h"
#include "metriccard.h"

#include "config/config.h"
#include "monitor/processmonitor.h"
#include "telemetry/metricsregistry.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QtTest>

using namespace spoon;

class TestDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void rendersOnlyWhenSomethingChanged()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 600);
        monitor.sampleNow();
        DashboardPane pane(monitor.history(), registry);
        pane.resize(900, 600);
        QSignalSpy frames(&pane, &DashboardPane::frameRendered);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTRY_VERIFY(frames.count() >= 1);
        QVERIFY(pane.isFrameClockRunning());
        // The first layout pass may change the plot width once, which redraws.
        QTest::qWait(3 * DashboardPane::kFrameIntervalMs);

        // Nothing new: several frame periods pass without a redraw.
        const int settled = frames.count();
        QTest::qWait(4 * DashboardPane::kFrameIntervalMs);
        QCOMPARE(frames.count(), settled);

        // Ten samples between two frames cost one redraw, not ten.
        for (int i = 0; i < 10; ++i)
            monitor.sampleNow();
        QCOMPARE(frames.count(), settled); // nothing drawn per sample
        QVERIFY(frames.wait(2 * DashboardPane::kFrameIntervalMs + 500));
        QTest::qWait(2 * DashboardPane::kFrameIntervalMs);
        QCOMPARE(frames.count(), settled + 1);
    }

    void noWorkWhileHidden()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 600);
        monitor.sampleNow();
        DashboardPane pane(monitor.history(), registry);
        QSignalSpy frames(&pane, &DashboardPane::frameRendered);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTRY_VERIFY(frames.count() >= 1);
        QTest::qWait(3 * DashboardPane::kFrameIntervalMs);
        pane.hide();
        QVERIFY(!pane.isFrameClockRunning());
        const int before = frames.count();
        for (int i = 0; i < 5; ++i)
            monitor.sampleNow();
        QTest::qWait(3 * DashboardPane::kFrameIntervalMs);
        QCOMPARE(frames.count(), before);
        pane.show();
        QTRY_COMPARE(frames.count(), before + 1); // catches up at once when shown
    }

    void showsCurrentFiguresAndWindowSummary()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 600);
        monitor.sampleNow();
        monitor.sampleNow();
        DashboardPane pane(monitor.history(), registry);
        pane.resize(1000, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTRY_VERIFY(pane.framesRendered() >= 1);
        const QList<MetricCard *> cards = pane.cards();
        QCOMPARE(cards.size(), 4);
        QVERIFY(cards.at(0)->headline().endsWith(QStringLiteral(" %")));
        QVERIFY(cards.at(1)->headline().contains(QStringLiteral("MiB")));
        QVERIFY(cards.at(0)->summary().startsWith(QStringLiteral("avg ")));
        QVERIFY(cards.at(3)->summary().contains(QStringLiteral("in window")));
    }

    void timeWindowSwitchRedraws_data()
    {
        QTest::addColumn<int>("index");
        QTest::newRow("5 min") << 1;
        QTest::newRow("1 h") << 2;
    }

    void timeWindowSwitchRedraws()
    {
        QFETCH(int, index);
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 600);
        monitor.sampleNow();
        DashboardPane pane(monitor.history(), registry);
        QSignalSpy changed(&pane, &DashboardPane::timeWindowChanged);
        QSignalSpy frames(&pane, &DashboardPane::frameRendered);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTRY_VERIFY(frames.count() >= 1);
        const int before = frames.count();
        auto buttons = pane.findChildren<QPushButton *>(QStringLiteral("windowButton"));
        QCOMPARE(buttons.size(), 3);
        QTest::mouseClick(buttons.at(index), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toInt(), index);
        QCOMPARE(pane.timeWindowIndex(), index);
        QTRY_COMPARE(frames.count(), before + 1);
    }

    void mainWindowKeepsItsState()
    {
        Config config = Config::defaults();
        {
            Engine engine(config);
            engine.monitor().sampleNow();
            MainWindow window(engine);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.windowTitle(), QStringLiteral("Spoon Console"));
            window.dashboard()->setTimeWindowIndex(2);
            window.resize(1111, 777);
            window.close(); // saves
        }
        Engine engine(config);
        MainWindow again(engine);
        QCOMPARE(again.dashboard()->timeWindowIndex(), 2);
        QCOMPARE(again.size(), QSize(1111, 777));
    }

    void demoEndpointIsSaidPlainly()
    {
        Engine engine(Config::defaults());
        MainWindow window(engine);
        QVERIFY(engine.usesDemoEndpoint());
        QLabel *badge = window.findChild<QLabel *>(QStringLiteral("demoBadge"));
        QVERIFY(badge);
        QVERIFY(badge->text().contains(QStringLiteral("Demo endpoint")));
        QLabel *notice = window.findChild<QLabel *>(QStringLiteral("demoNotice"));
        QVERIFY(notice);
        QVERIFY(notice->text().startsWith(QStringLiteral("Demo endpoint: no LLM provider key")));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
