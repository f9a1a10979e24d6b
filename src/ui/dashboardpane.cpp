#include "dashboardpane.h"

#include "dashboardframe.h"
#include "elidedlabel.h"
#include "metriccard.h"
#include "timeserieschart.h"

#include "monitor/samplehistory.h"
#include "telemetry/figureformat.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace spoon {

namespace {

const QColor kCpuColor(0x25, 0x63, 0xeb);
const QColor kMachineColor(0x9c, 0xa3, 0xaf);
const QColor kMemoryColor(0x7c, 0x3a, 0xed);
const QColor kReadColor(0x0d, 0x94, 0x88);
const QColor kWriteColor(0xea, 0x58, 0x0c);
const QColor kSentColor(0xdb, 0x27, 0x77);
const QColor kReceivedColor(0x02, 0x84, 0xc7);

// As figureformat.h prints them, so an alert about a card reads as the card does.
QString bytes(double value)
{
    return figureText(value, FigureUnit::Bytes, QLocale());
}

QString perSecond(double value)
{
    return DashboardPane::tr("%1/s").arg(bytes(value));
}

QString percent(double value)
{
    return figureText(value, FigureUnit::Percent, QLocale());
}

} // namespace

const QList<DashboardPane::TimeWindow> &DashboardPane::timeWindows()
{
    static const QList<TimeWindow> windows{
        {60'000, 1000.0, QT_TR_NOOP("s"), TimeWindow::Source::Memory},
        {300'000, 60'000.0, QT_TR_NOOP("min"), TimeWindow::Source::Memory},
        {3'600'000, 60'000.0, QT_TR_NOOP("min"), TimeWindow::Source::Memory},
        {86'400'000, 3'600'000.0, QT_TR_NOOP("h"), TimeWindow::Source::StoreWhenOpen},
        {7 * 86'400'000LL, 86'400'000.0, QT_TR_NOOP("d"), TimeWindow::Source::Store},
    };
    return windows;
}

DashboardPane::DashboardPane(const SampleHistory &history, const MetricsRegistry &registry,
                             QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_registry(registry)
{
    setObjectName(QStringLiteral("dashboardPane"));
    // The widest figures each headline shows whole; longer text elides.
    const QString widestPercent = QStringLiteral("000.0 %");
    const QString widestSize = QStringLiteral("0000.0 MiB");
    const QString widestRate = QStringLiteral("0000.0 KiB/s");
    m_cpu = new MetricCard(tr("CPU"), widestPercent, this);
    m_cpu->chart()->addSeries(tr("machine"), kMachineColor);
    m_cpu->chart()->addSeries(tr("process"), kCpuColor, true);
    m_memory = new MetricCard(tr("Memory"), widestSize, this);
    m_memory->chart()->addSeries(tr("RSS"), kMemoryColor, true);
    m_disk = new MetricCard(tr("Disk IO"), widestRate, this);
    m_disk->chart()->addSeries(tr("read"), kReadColor);
    m_disk->chart()->addSeries(tr("write"), kWriteColor);
    m_network = new MetricCard(tr("Network IO"), widestRate, this);
    m_network->chart()->addSeries(tr("received"), kReceivedColor);
    m_network->chart()->addSeries(tr("sent"), kSentColor);
    m_cpu->setPlotted({&metric::kSystemCpuPercent, &metric::kProcessCpuPercent});
    m_memory->setPlotted({&metric::kProcessResidentBytes, &metric::kProcessMemoryPercent});
    m_disk->setPlotted({&metric::kProcessDiskReadRate, &metric::kProcessDiskWriteRate});
    m_network->setPlotted({&metric::kSystemNetReceivedRate, &metric::kSystemNetSentRate});
    // The widest axis labels: "1000 MiB/s" on a rate axis (a unit steps up past 1000),
    // "-60 min" on the time axis of every window.
    const QString widestTime = QStringLiteral("-60 ") + tr("min");
    m_cpu->chart()->setLabelTemplates(QStringLiteral("1000 %"), widestTime);
    m_memory->chart()->setLabelTemplates(QStringLiteral("1000 MiB"), widestTime);
    m_disk->chart()->setLabelTemplates(QStringLiteral("1000 MiB/s"), widestTime);
    m_network->chart()->setLabelTemplates(QStringLiteral("1000 MiB/s"), widestTime);

    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    grid->addWidget(m_cpu, 0, 0);
    grid->addWidget(m_memory, 0, 1);
    grid->addWidget(m_disk, 1, 0);
    grid->addWidget(m_network, 1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);
    layout->addWidget(buildHeader());
    layout->addLayout(grid, 1);

    m_frameClock.setSingleShot(true);
    m_frameClock.setInterval(kFrameIntervalMs);
    connect(&m_frameClock, &QTimer::timeout, this, &DashboardPane::renderFrameIfChanged);
    m_rollupRefresh.setInterval(kRollupRefreshMs);
    connect(&m_rollupRefresh, &QTimer::timeout, this, &DashboardPane::loadRollups);
}

DashboardPane::~DashboardPane() = default;

QWidget *DashboardPane::buildHeader()
{
    auto *header = new QWidget(this);
    auto *title = new QLabel(tr("Engine health"), header);
    title->setObjectName(QStringLiteral("paneTitle"));
    m_processLine = new ElidedLabel(header);
    m_processLine->setObjectName(QStringLiteral("paneSubtitle"));

    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(title);
    titles->addWidget(m_processLine);

    auto *selector = new QHBoxLayout;
    selector->setSpacing(0);
    m_windowButtons = new QButtonGroup(header);
    const QStringList labels{tr("1 min"), tr("5 min"), tr("1 h"), tr("24 h"), tr("7 d")};
    for (int i = 0; i < labels.size(); ++i) {
        auto *button = new QPushButton(labels.at(i), header);
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("windowButton"));
        button->setProperty("position", QString::fromLatin1(i == 0                   ? "first"
                                                            : i == labels.size() - 1 ? "last"
                                                                                     : "middle"));
        button->setToolTip(tr("Show the last %1").arg(labels.at(i)));
        m_windowButtons->addButton(button, i);
        selector->addWidget(button);
    }
    m_windowButtons->button(0)->setChecked(true);
    for (int i = 0; i < timeWindows().size(); ++i) {
        if (timeWindows().at(i).source == TimeWindow::Source::Store) {
            m_windowButtons->button(i)->setEnabled(false);
            m_windowButtons->button(i)->setToolTip(
                tr("Needs the store, which keeps a rollup of every minute; it is not open"));
        }
    }
    connect(m_windowButtons, &QButtonGroup::idClicked, this, &DashboardPane::setTimeWindowIndex);

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(titles);
    layout->addStretch();
    layout->addLayout(selector);
    return header;
}

QList<MetricCard *> DashboardPane::cards() const
{
    return {m_cpu, m_memory, m_disk, m_network};
}

void DashboardPane::setTimeWindowIndex(int index)
{
    if (index < 0 || index >= timeWindows().size() || index == m_windowIndex)
        return;
    if (timeWindows().at(index).source == TimeWindow::Source::Store && !m_rollupSource) {
        m_pendingStoreWindow = index; // chosen last time: shown once the store is open
        return;
    }
    m_pendingStoreWindow = -1;
    m_windowIndex = index;
    m_windowButtons->button(index)->setChecked(true);
    if (showsStoreWindow())
        loadRollups();
    updateFrameClock();
    scheduleFrame();
    Q_EMIT timeWindowChanged(index);
}

void DashboardPane::setRollupSource(TelemetryStore *store)
{
    m_rollupSource = store;
    for (int i = 0; i < timeWindows().size(); ++i) {
        if (timeWindows().at(i).source == TimeWindow::Source::Store) {
            m_windowButtons->button(i)->setEnabled(store != nullptr);
            m_windowButtons->button(i)->setToolTip(
                store
                    ? tr("Show the last %1, a point per minute from the store")
                          .arg(m_windowButtons->button(i)->text())
                    : tr("Needs the store, which keeps a rollup of every minute; it is not open"));
        }
    }
    if (store && m_pendingStoreWindow >= 0)
        setTimeWindowIndex(m_pendingStoreWindow);
    else if (store && showsStoreWindow())
        loadRollups(); // the 24 h window, open before the store was
    updateFrameClock();
}

bool DashboardPane::showsStoreWindow() const
{
    return drawsFromStore(timeWindows().at(m_windowIndex));
}

bool DashboardPane::drawsFromStore(const TimeWindow &window) const
{
    return window.source == TimeWindow::Source::Store ||
           (window.source == TimeWindow::Source::StoreWhenOpen && m_rollupSource);
}

// Asks the store for the window's minutes; the frame clock draws them when they are in.
void DashboardPane::loadRollups()
{
    if (!m_rollupSource)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 since = now - timeWindows().at(m_windowIndex).milliseconds;
    m_rollupSource->allRollups(since).then(
        this, [this, now](const StoreResult<TelemetryStore::RollupsByName> &result) {
            if (result.ok()) {
                m_rollups = result.value;
                m_rollupsAtMs = now;
                ++m_rollupGeneration;
                scheduleFrame();
            }
            Q_EMIT rollupsLoaded();
        });
}

void DashboardPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (window() != m_watchedWindow) {
        if (m_watchedWindow)
            m_watchedWindow->removeEventFilter(this);
        m_watchedWindow = window();
        m_watchedWindow->installEventFilter(this);
    }
    updateFrameClock();
    renderFrameIfChanged(); // draw at once rather than a frame late
}

void DashboardPane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateFrameClock();
}

void DashboardPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    scheduleFrame(); // the plot's width decides how many points a frame draws
}

void DashboardPane::scheduleFrame()
{
    if (!m_chartsShown || m_frameClock.isActive())
        return;
    // At most one frame per kFrameIntervalMs. When the last frame is older than that, this one
    // is drawn on the loop's next pass, in the wake-up that brought the change: a 1 Hz sample
    // then costs one wake-up a second, not a second one a frame interval later.
    const qint64 sinceLast =
        m_sinceFrame.isValid() ? m_sinceFrame.elapsed() : qint64(kFrameIntervalMs);
    m_frameClock.start(int(std::max<qint64>(0, kFrameIntervalMs - sinceLast)));
}

bool DashboardPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_watchedWindow && event->type() == QEvent::WindowStateChange)
        updateFrameClock();
    return QWidget::eventFilter(watched, event);
}

void DashboardPane::updateFrameClock()
{
    const bool shown = isVisible() && !(window()->windowState() & Qt::WindowMinimized);
    if (shown != m_chartsShown) {
        m_chartsShown = shown;
        Q_EMIT chartsShown(shown);
        if (shown)
            scheduleFrame(); // back from minimised: draw what was missed
    }
    if (!shown)
        m_frameClock.stop(); // showing draws at once what was missed (showEvent)
    // A new minute is rolled up once a minute: asked again only while one is on screen.
    const bool refresh = shown && showsStoreWindow();
    if (refresh && !m_rollupRefresh.isActive())
        m_rollupRefresh.start();
    else if (!refresh)
        m_rollupRefresh.stop();
}

void DashboardPane::setMemoryLevel(const QString &level)
{
    if (level == m_memoryLevel)
        return;
    m_memoryLevel = level;
    m_drawnWidth = -1; // the next frame draws it
    scheduleFrame();
}

bool DashboardPane::renderFrameIfChanged()
{
    if (!isVisible() || (m_history.isEmpty() && !showsStoreWindow()))
        return false;
    const int width = m_cpu->chart()->plotWidth();
    if (m_history.generation() == m_drawnGeneration && m_windowIndex == m_drawnWindow &&
        width == m_drawnWidth && m_rollupGeneration == m_drawnRollupGeneration)
        return false;
    m_drawnGeneration = m_history.generation();
    m_drawnRollupGeneration = m_rollupGeneration;
    m_drawnWindow = m_windowIndex;
    m_drawnWidth = width;
    m_frameClock.stop(); // drawn now: a pending tick would find nothing new
    m_sinceFrame.start();
    render();
    ++m_framesRendered;
    Q_EMIT frameRendered();
    return true;
}

void DashboardPane::render()
{
    const TimeWindow &window = timeWindows().at(m_windowIndex);
    const DashboardFrame frame =
        drawsFromStore(window)
            ? DashboardFrame::fromRollups(m_rollups, m_rollupsAtMs, window.milliseconds,
                                          window.unitMs, m_drawnWidth)
            : DashboardFrame::build(m_history, window.milliseconds, window.unitMs, m_drawnWidth);
    const double span = double(window.milliseconds) / window.unitMs;
    const QString unit = tr(window.unit);
    for (MetricCard *card : cards())
        card->chart()->setTimeAxis(span, unit);

    TimeSeriesChart *cpu = m_cpu->chart();
    cpu->setSeriesPoints(0, frame.systemCpu);
    cpu->setSeriesPoints(1, frame.cpu);
    cpu->setValueAxis(frame.cpuMax, 10.0, QStringLiteral("%.0f %%"));
    TimeSeriesChart *memory = m_memory->chart();
    memory->setSeriesPoints(0, frame.rssMb);
    memory->setValueAxis(frame.rssMaxMb * 1.1, 16.0, QStringLiteral("%.0f MiB"));
    TimeSeriesChart *disk = m_disk->chart();
    disk->setSeriesPoints(0, frame.diskRead);
    disk->setSeriesPoints(1, frame.diskWrite);
    disk->setValueAxis(frame.diskMax, 10.0, u"%.0f " + frame.diskUnit.label);
    TimeSeriesChart *network = m_network->chart();
    network->setSeriesPoints(0, frame.netReceived);
    network->setSeriesPoints(1, frame.netSent);
    network->setValueAxis(frame.netMax, 10.0, u"%.0f " + frame.netUnit.label);

    // Current figures come from the registry, the one place they live.
    const MetricsRegistry &r = m_registry;
    const double cpuNow = r.gaugeValue(metric::kProcessCpuPercent);
    const double machineNow = r.gaugeValue(metric::kSystemCpuPercent);
    const double rssNow = r.gaugeValue(metric::kProcessResidentBytes);
    const double memoryPercentNow = r.gaugeValue(metric::kProcessMemoryPercent);
    const double readNow = r.gaugeValue(metric::kProcessDiskReadRate);
    const double writeNow = r.gaugeValue(metric::kProcessDiskWriteRate);
    const double sentNow = r.gaugeValue(metric::kSystemNetSentRate);
    const double receivedNow = r.gaugeValue(metric::kSystemNetReceivedRate);
    const bool diskAvailable = r.gaugeValue(metric::kProcessDiskIoAvailable) > 0;

    m_cpu->setHeadline(percent(cpuNow));
    m_cpu->setLegend({{kCpuColor, tr("process %1").arg(percent(cpuNow))},
                      {kMachineColor, tr("machine %1").arg(percent(machineNow))}});
    m_memory->setHeadline(bytes(rssNow));
    QString rssLegend =
        tr("RSS %1, %2 of physical memory").arg(bytes(rssNow), percent(memoryPercentNow));
    if (!m_memoryLevel.isEmpty())
        rssLegend += QStringLiteral(" · ") + m_memoryLevel;
    m_memory->setLegend({{kMemoryColor, rssLegend}});
    m_disk->setHeadline(diskAvailable ? perSecond(readNow + writeNow) : tr("n/a"));
    if (diskAvailable)
        m_disk->setLegend({{kReadColor, tr("read %1").arg(perSecond(readNow))},
                           {kWriteColor, tr("write %1").arg(perSecond(writeNow))}});
    else
        m_disk->setLegendNote(tr("This system does not let the process read /proc/self/io."));
    m_network->setHeadline(perSecond(sentNow + receivedNow));
    m_network->setLegend({{kReceivedColor, tr("received %1").arg(perSecond(receivedNow))},
                          {kSentColor, tr("sent %1").arg(perSecond(sentNow))}});

    const WindowSummary summary =
        drawsFromStore(window)
            ? DashboardFrame::summarize(m_rollups, m_rollupsAtMs, window.milliseconds)
            : m_history.summary(window.milliseconds);
    m_cpu->setSummary(
        tr("avg %1 · min %2 · peak %3")
            .arg(percent(summary.cpuAvg), percent(summary.cpuMin), percent(summary.cpuMax)));
    m_memory->setSummary(
        tr("peak %1 · avg %2 of memory")
            .arg(bytes(summary.memoryPeakMb * 1024 * 1024), percent(summary.memoryAvgPercent)));
    m_disk->setSummary(tr("in window: read %1 · written %2")
                           .arg(bytes(double(summary.diskReadInWindowBytes)),
                                bytes(double(summary.diskWriteInWindowBytes))));
    m_network->setSummary(tr("in window: received %1 · sent %2 (all interfaces)")
                              .arg(bytes(double(summary.netReceivedInWindowBytes)),
                                   bytes(double(summary.netSentInWindowBytes))));

    m_processLine->setText((drawsFromStore(window)
                                ? tr("%1 threads · %2 open files · %3 stored minutes in view")
                                : tr("%1 threads · %2 open files · %3 samples in view"))
                               .arg(int(r.gaugeValue(metric::kProcessThreads)))
                               .arg(int(r.gaugeValue(metric::kProcessOpenFds)))
                               .arg(summary.sampleCount));
}

} // namespace spoon
