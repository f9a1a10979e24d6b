// The dashboard offscreen: frames only when something changed, a layout that follows
// neither the figures nor the font, and a window that keeps its state in the test's home.
#include "dashboardpane.h"
#include "engine.h"
#include "mainwindow.h"
#include "metriccard.h"
#include "theme.h"
#include "timeserieschart.h"

#include "appinfo.h"
#include "config/config.h"
#include "dashboardframe.h"
#include "monitor/processmonitor.h"
#include "monitor/samplehistory.h"
#include "storage/store.h"
#include "storage/telemetrystore.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

#include "support/testdatabase.h"
#include "support/testenvironment.h"

using namespace spoon;

namespace {

// Draws frames until nothing is left to draw: the first layout passes may resize the charts
// once or twice. Returns false if it never settles.
bool settle(DashboardPane &pane)
{
    for (int i = 0; i < 20; ++i) {
        QCoreApplication::processEvents();
        if (!pane.renderFrameIfChanged())
            return true;
    }
    return false;
}

ProcessSample sampleAt(qint64 ms, double scale)
{
    ProcessSample s;
    s.monotonicMs = ms;
    s.wallClockMs = 1'700'000'000'000 + ms;
    s.cpuPercent = 3.5 * scale;
    s.systemCpuPercent = std::min(100.0, 7.0 * scale);
    s.rssBytes = quint64(50e6 * scale);
    s.memoryPercent = std::min(100.0, 0.5 * scale);
    s.threads = 7;
    s.openFds = 12;
    s.diskIoAvailable = true;
    s.diskReadBytes = quint64(ms * 1000.0 * scale);
    s.diskWriteBytes = quint64(ms * 2000.0 * scale);
    s.netReceivedBytes = quint64(ms * 3000.0 * scale);
    s.netSentBytes = quint64(ms * 4000.0 * scale);
    return s;
}

// The registry figures the cards read, as the sampler would publish them.
void publish(MetricsRegistry &registry, double scale)
{

    registry.gauge(metric::kProcessCpuPercent).set(3.5 * scale);
    registry.gauge(metric::kSystemCpuPercent).set(std::min(100.0, 7.0 * scale));
    registry.gauge(metric::kProcessResidentBytes).set(50e6 * scale);
    registry.gauge(metric::kProcessMemoryPercent).set(std::min(100.0, 0.5 * scale));
    registry.gauge(metric::kProcessDiskIoAvailable).set(1);
    registry.gauge(metric::kProcessDiskReadRate).set(1e6 * scale);
    registry.gauge(metric::kProcessDiskWriteRate).set(2e6 * scale);
    registry.gauge(metric::kSystemNetReceivedRate).set(3e6 * scale);
    registry.gauge(metric::kSystemNetSentRate).set(4e6 * scale);
    registry.gauge(metric::kProcessThreads).set(7);
    registry.gauge(metric::kProcessOpenFds).set(12);
}

// The width a window may need, in terms of the font: 960 px with a 16 px line (a 10 pt
// font at 96 dpi, the common desktop default), proportionally more with a larger font.
int halfScreenWidth(const QWidget &widget)
{
    return std::max(960, 60 * widget.fontMetrics().height());
}

// The narrowest window that shows the dashboard beside the chat's share (the larger fonts of
// the hostile run need a wider one).
int roomyWidth(const MainWindow &window)
{
    const auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    const int dashboard = window.healthTabs()->minimumSizeHint().width() + splitter->handleWidth();
    return std::max(window.minimumSizeHint().width(),
                    int(std::ceil(dashboard / (1 - MainWindow::kChatShare))) + 1);
}

QSettings uiState()
{
    return QSettings(app::uiStatePath(), QSettings::IniFormat);
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The real style sheet: its fonts decide the layout as much as the widgets do.
        applyTheme(*qApp, Theme::Light);
    }

    void init() { QFile::remove(app::uiStatePath()); }

    void rendersOnlyWhenSomethingChanged()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 600);
        monitor.sampleNow();
        DashboardPane pane(monitor.history(), registry);
        connect(&monitor, &ProcessMonitor::sampled, &pane, &DashboardPane::scheduleFrame);
        QSignalSpy frames(&pane, &DashboardPane::frameRendered);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(frames.count() >= 1); // drawn at once when shown, not a frame late
        QVERIFY(settle(pane));
        // Everything drawn: no clock runs to find that nothing changed.
        QVERIFY(!pane.isFrameClockRunning());

        // Nothing new: a tick draws nothing.
        const int settled = frames.count();
        QVERIFY(!pane.renderFrameIfChanged());
        QCOMPARE(frames.count(), settled);

        // Ten samples between two ticks cost one frame, not ten, and none until the tick.
        for (int i = 0; i < 10; ++i)
            monitor.sampleNow();
        QCOMPARE(frames.count(), settled);
        QVERIFY(pane.isFrameClockRunning()); // a sample arms it
        QVERIFY(pane.renderFrameIfChanged());
        QVERIFY(!pane.renderFrameIfChanged());
        QCOMPARE(frames.count(), settled + 1);

        // The frame clock itself draws a pending frame, with no help, and then rests.
        monitor.sampleNow();
        QVERIFY(frames.wait(10'000));
        QCOMPARE(frames.count(), settled + 2);
        QVERIFY(!pane.isFrameClockRunning());
    }

    void noWorkWhileHidden()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 600);
        monitor.sampleNow();
        DashboardPane pane(monitor.history(), registry);
        QSignalSpy frames(&pane, &DashboardPane::frameRendered);
        // The machine's CPU and the network are read every sample only while the charts show.
        QSignalSpy machineCpu(&pane, &DashboardPane::chartsShown);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(settle(pane));
        QCOMPARE(machineCpu.count(), 1);
        QCOMPARE(machineCpu.last().first().toBool(), true);
        pane.hide();
        QCOMPARE(machineCpu.count(), 2);
        QCOMPARE(machineCpu.last().first().toBool(), false);
        QVERIFY(!pane.isFrameClockRunning());
        const int before = frames.count();
        for (int i = 0; i < 5; ++i)
            monitor.sampleNow();
        QVERIFY(!pane.renderFrameIfChanged()); // hidden: nothing is drawn
        QCOMPARE(frames.count(), before);
        pane.show();
        QCOMPARE(frames.count(), before + 1); // catches up at once when shown
        QVERIFY(!pane.isFrameClockRunning()); // and has nothing left to draw
    }

    void showsCurrentFiguresAndWindowSummary()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 600);
        monitor.sampleNow();
        monitor.sampleNow();
        DashboardPane pane(monitor.history(), registry);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(pane.framesRendered() >= 1);
        const QList<MetricCard *> cards = pane.cards();
        QCOMPARE(cards.size(), 4);
        const QLocale locale;
        const double rss = registry.gaugeValue(metric::kProcessResidentBytes);
        QVERIFY(cards.at(0)->headline().endsWith(QStringLiteral(" %")));
        QCOMPARE(cards.at(1)->headline(),
                 locale.formattedDataSize(qint64(rss), 1, QLocale::DataSizeIecFormat));
        QVERIFY(cards.at(0)->summary().startsWith(QStringLiteral("avg ")));
        QVERIFY(cards.at(0)->legend().contains(QStringLiteral("process ")));
        QVERIFY(cards.at(3)->summary().contains(QStringLiteral("in window")));
    }

    // A card's tooltip gives the help of each series it plots: the same text an exposition
    // prints as # HELP, in the UI's language.
    void eachCardExplainsWhatItPlots()
    {
        MetricsRegistry registry;
        ProcessMonitor monitor(registry, 1000, 600);
        DashboardPane pane(monitor.history(), registry);
        const QList<MetricCard *> cards = pane.cards();
        const QList<QList<const MetricDescriptor *>> plotted{
            {&metric::kSystemCpuPercent, &metric::kProcessCpuPercent},
            {&metric::kProcessResidentBytes},
            {&metric::kProcessDiskReadRate, &metric::kProcessDiskWriteRate},
            {&metric::kSystemNetReceivedRate, &metric::kSystemNetSentRate}};
        QCOMPARE(cards.size(), plotted.size());
        for (qsizetype i = 0; i < cards.size(); ++i) {
            const QString tip = cards.at(i)->toolTip();
            for (const MetricDescriptor *series : plotted.at(i)) {
                QVERIFY2(tip.contains(metricHelp(*series)), qPrintable(tip));
                QVERIFY2(tip.contains(metricLabel(*series)), qPrintable(tip));
            }
        }
    }

    void timeWindowSwitchRedraws_data()
    {
        QTest::addColumn<int>("index");
        QTest::newRow("5 min") << 1;
        QTest::newRow("1 h") << 2;
        QTest::newRow("24 h") << 3;
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
        QVERIFY(settle(pane));
        const int before = frames.count();
        auto buttons = pane.findChildren<QPushButton *>(QStringLiteral("windowButton"));
        QCOMPARE(buttons.size(), 5);
        QTest::mouseClick(buttons.at(index), Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toInt(), index);
        QCOMPARE(pane.timeWindowIndex(), index);
        QVERIFY(pane.renderFrameIfChanged());
        QCOMPARE(frames.count(), before + 1);
    }

    // Rollups a week long become points in the week's own units, each minute at its
    // average; the summary takes the extremes of the minutes' extremes.
    void aWeekIsDrawnFromRollups()
    {
        const qint64 day = 86'400'000;
        const qint64 now = 100 * day;
        TelemetryStore::RollupsByName rollups;
        const QString cpu = QString::fromLatin1(metric::kProcessCpuPercent.name());
        const QString read = QString::fromLatin1(metric::kProcessDiskReadRate.name());
        rollups[cpu] = {{cpu, now - 8 * day, 99, 99, 99}, // older than the week: left out
                        {cpu, now - 3 * day, 10, 5, 40},
                        {cpu, now - day, 30, 20, 35}};
        rollups[read] = {{read, now - day, 2048, 0, 4096}};
        const DashboardFrame frame = DashboardFrame::fromRollups(rollups, now, 7 * day, day, 400);
        QCOMPARE(frame.cpu.size(), 2);
        QCOMPARE(frame.cpu.first(), QPointF(-3, 10));
        QCOMPARE(frame.cpu.last(), QPointF(-1, 30));
        QCOMPARE(frame.cpuMax, 30.0);
        QCOMPARE(frame.diskUnit.label, QStringLiteral("KiB/s"));
        QCOMPARE(frame.diskRead.first().y(), 2.0);
        QVERIFY(frame.netSent.isEmpty());

        const WindowSummary summary = DashboardFrame::summarize(rollups, now, 7 * day);
        QCOMPARE(summary.sampleCount, 2);
        QCOMPARE(summary.cpuAvg, 20.0);
        QCOMPARE(summary.cpuMin, 5.0);
        QCOMPARE(summary.cpuMax, 40.0);
        QCOMPARE(summary.diskReadInWindowBytes, quint64(2048 * 60));
    }

    // The 7 d window waits for the store; then it shows what the store kept, after a restart
    // too (the rows are written here as an earlier run would have).
    void theWeekComesFromTheStore()
    {
        QTemporaryDir folder;
        DatabaseTarget target;
        target.sqlitePath = folder.filePath(QStringLiteral("store.db"));
        Store store(target, {1, 2, 60000, 10000});
        QVERIFY(test::awaitFuture(store.open()).ok());
        TelemetryStore telemetry(store.pool(), 30);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString cpu = QString::fromLatin1(metric::kProcessCpuPercent.name());
        for (int minute = 0; minute < 3; ++minute) {
            const qint64 at = now - 2 * 86'400'000LL + minute * 60'000LL;
            telemetry.addSample(cpu, at, 12);
            telemetry.addSample(cpu, at + 1, 48);
        }
        telemetry.addSample(cpu, now - 3 * 3'600'000LL, 7); // within the last day
        QCOMPARE(test::awaitFuture(telemetry.flush()).kind, SqlError::Kind::None);

        MetricsRegistry registry;
        SampleHistory history(600);
        DashboardPane pane(history, registry);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto buttons = pane.findChildren<QPushButton *>(QStringLiteral("windowButton"));
        QCOMPARE(buttons.size(), 5);
        QVERIFY(!buttons.at(4)->isEnabled());
        pane.setTimeWindowIndex(4);
        QCOMPARE(pane.timeWindowIndex(), 0); // no store yet

        QSignalSpy loaded(&pane, &DashboardPane::rollupsLoaded);
        pane.setRollupSource(&telemetry);
        QVERIFY(buttons.at(4)->isEnabled());
        // The week asked for while the store was closed (a saved choice, at start) is shown.
        QCOMPARE(pane.timeWindowIndex(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QTRY_VERIFY(pane.cards().at(0)->summary().contains(QStringLiteral("peak 48")));
        QVERIFY(pane.cards().at(0)->summary().contains(QStringLiteral("avg 24")));
        const QString seven = QLocale().toString(7.0, 'f', 1); // 7,0 where the comma is decimal
        QVERIFY(pane.cards().at(0)->summary().contains(QStringLiteral("min ") + seven));
        // The axis takes its new format when it next lays out: wait for it, not for a time.
        QTRY_VERIFY2(
            pane.cards().at(0)->chart()->visibleAxisLabels().contains(QStringLiteral("-7 d")),
            qPrintable(pane.cards().at(0)->chart()->visibleAxisLabels().join(u'|')));

        // With the store open, the last day comes from it too, so it outlives a restart.
        loaded.clear();
        pane.setTimeWindowIndex(3);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QTRY_VERIFY(pane.cards().at(0)->summary().contains(QStringLiteral("peak ") + seven));
    }

    // The minimum width of a card, the pane and the window follows neither the figures nor
    // the text in the labels: long figures elide.
    void minimumSizeDoesNotFollowTheFigures()
    {
        MetricsRegistry registry;
        SampleHistory history(600);
        for (int i = 0; i < 60; ++i)
            history.append(sampleAt(i * 1000, 1.0));
        publish(registry, 1.0);
        DashboardPane pane(history, registry);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(settle(pane));
        const QSize smallFigures = pane.minimumSizeHint();
        QList<QSize> cardMinimums;
        for (const MetricCard *card : pane.cards())
            cardMinimums.append(card->minimumSizeHint());

        // Figures a thousand times larger make every line of text longer.
        const QString before = pane.cards().at(3)->summary();
        for (int i = 60; i < 120; ++i)
            history.append(sampleAt(i * 1000, 1000.0));
        publish(registry, 1000.0);
        QVERIFY(pane.renderFrameIfChanged());
        QVERIFY(pane.cards().at(3)->summary().size() >= before.size());
        QCOMPARE(pane.minimumSizeHint(), smallFigures);
        for (int i = 0; i < cardMinimums.size(); ++i)
            QCOMPARE(pane.cards().at(i)->minimumSizeHint(), cardMinimums.at(i));

        // At its minimum width the pane elides what does not fit, rather than widen.
        pane.resize(pane.minimumSizeHint());
        QVERIFY(settle(pane));
        QCOMPARE(pane.width(), smallFigures.width());
        bool anyElided = false;
        for (const MetricCard *card : pane.cards())
            anyElided = anyElided || card->isAnyTextElided();
        QVERIFY(anyElided);
    }

    // The whole window fits half of a 1920 px screen; in the narrowest window that shows the
    // dashboard, at the dashboard's minimum width, every axis label is whole, with at least
    // three ticks on the time axis.
    void theWindowFitsHalfAScreenWithReadableAxes()
    {
        Engine engine(Config::defaults());
        engine.monitor().sampleNow();
        MainWindow window(engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QSize minimum = window.minimumSizeHint();
        QVERIFY2(minimum.width() <= halfScreenWidth(window),
                 qPrintable(QStringLiteral("minimum width %1, font line %2 px")
                                .arg(minimum.width())
                                .arg(window.fontMetrics().height())));
        auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        QVERIFY(splitter);
        window.resize(roomyWidth(window), minimum.height());
        QVERIFY(!window.healthTabs()->isHidden());
        splitter->setSizes({window.width(), 0}); // the dashboard at its minimum
        QVERIFY(settle(*window.dashboard()));
        for (const MetricCard *card : window.dashboard()->cards()) {
            const TimeSeriesChart *chart = card->chart();
            QVERIFY(chart->timeTickCount() >= 3);
            const QStringList labels = chart->visibleAxisLabels();
            QVERIFY(labels.size() >= 3 + 3); // value ticks and time ticks
            for (const QString &label : labels)
                QVERIFY2(!label.endsWith(QStringLiteral("...")) && !label.endsWith(QChar(0x2026)),
                         qPrintable(label));
        }
    }

    // Hovering a chart names the time under the pointer and each series' value there.
    void hoveringShowsTheValueAndTime()
    {
        TimeSeriesChart chart;
        chart.addSeries(QStringLiteral("process"), Qt::blue);
        chart.addSeries(QStringLiteral("machine"), Qt::gray);
        chart.setTimeAxis(60, QStringLiteral("s"));
        chart.setValueAxis(100, 10, QStringLiteral("%.0f %%"));
        chart.setSeriesPoints(0, {{-30, 12}, {-20, 40}, {-10, 55}});
        chart.setSeriesPoints(1, {{-20, 70}});
        const QLocale locale; // the hostile pass runs under another locale
        QCOMPARE(chart.textAt(-20.5), locale.toString(20.5, 'f', 1) +
                                          QStringLiteral(" s ago\nprocess: 40 %\nmachine: 70 %"));
        QCOMPARE(chart.textAt(-11), locale.toString(11.0, 'f', 1) +
                                        QStringLiteral(" s ago\nprocess: 55 %")); // no machine near
        QVERIFY(chart.textAt(-55).isEmpty());                                     // no point near
    }

    void mainWindowKeepsItsState()
    {
        // The state lives in the test's own home, never the user's.
        QVERIFY(app::uiStatePath().startsWith(test::isolatedHome() + u'/'));
        QSize closedAt;
        QByteArray splitter;
        {
            Engine engine(Config::defaults());
            engine.monitor().sampleNow();
            MainWindow window(engine);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.windowTitle(), QStringLiteral("Spoon Console"));
            QCOMPARE(window.dashboard()->timeWindowIndex(), 0); // nothing saved yet
            window.dashboard()->setTimeWindowIndex(2);
            // Any size at least the minimum, other than the default.
            window.resize(window.minimumSizeHint() + QSize(37, 41));
            closedAt = window.size();
            window.close(); // saves
        }
        QVERIFY(QFile::exists(app::uiStatePath()));
        QCOMPARE(uiState().value(QStringLiteral("dashboard/window")).toInt(), 2);

        Engine engine(Config::defaults());
        MainWindow again(engine);
        QCOMPARE(again.dashboard()->timeWindowIndex(), 2);
        QCOMPARE(again.size(), closedAt);
    }

    // A narrow window is for chatting: at 960 px the dashboard folds away and the transcript
    // gets most of the width; widened, the dashboard is back.
    void aNarrowWindowGivesTheTranscriptMostOfIt()
    {
        Engine engine(Config::defaults());
        MainWindow window(engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *transcript = window.findChild<QWidget *>(QStringLiteral("messageView"));
        QVERIFY(transcript);
        QWidget *messages = transcript->parentWidget(); // the messages, or the hint in their place
        window.resize(roomyWidth(window), window.height());
        QVERIFY(!window.healthTabs()->isHidden());
        // Resized twice: the window cannot be narrower than both panes until one folds.
        for (int i = 0; i < 2; ++i) {
            window.resize(960, window.height());
            QCoreApplication::sendPostedEvents();
        }
        QCOMPARE(window.width(), 960);
        QVERIFY(window.healthTabs()->isHidden());
        QTRY_VERIFY2(
            messages->width() >= MainWindow::kChatShare * window.width(),
            qPrintable(QStringLiteral("%1 of %2").arg(messages->width()).arg(window.width())));
        QVERIFY(window.showDashboardAction()->isChecked()); // folded, not turned off
        window.resize(roomyWidth(window), window.height());
        QVERIFY(!window.healthTabs()->isHidden());
    }

    // View > Show dashboard hides it, and the next window remembers.
    void showDashboardIsRemembered()
    {
        {
            Engine engine(Config::defaults());
            MainWindow window(engine);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(roomyWidth(window), window.height());
            QAction *show = window.showDashboardAction();
            QVERIFY(show->isChecked());
            QVERIFY(!show->shortcut().isEmpty());
            show->trigger();
            QVERIFY(window.healthTabs()->isHidden());
            window.close(); // saves
        }
        Engine engine(Config::defaults());
        MainWindow again(engine);
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.showDashboardAction()->isChecked());
        QVERIFY(again.healthTabs()->isHidden());
        again.resize(roomyWidth(again), again.height());
        again.showDashboardAction()->trigger();
        QVERIFY(!again.healthTabs()->isHidden());
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
        QVERIFY(
            notice->text().startsWith(QStringLiteral("Demo endpoint: no LLM provider is set up")));
    }
};

SPOON_TEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
