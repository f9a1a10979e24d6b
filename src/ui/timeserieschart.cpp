#include "timeserieschart.h"

#include "theme.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QImage>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace spoon {

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_xAxis(new QValueAxis(m_chart))
    , m_yAxis(new QValueAxis(m_chart))
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundVisible(false);
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setVisible(false);
    m_chart->legend()->setAlignment(Qt::AlignTop);

    QFont axisFont = font();
    axisFont.setPointSizeF(axisFont.pointSizeF() * 0.8);
    for (QValueAxis *axis : {m_xAxis, m_yAxis}) {
        axis->setLabelsFont(axisFont);
        axis->setMinorGridLineVisible(false);
    }
    colourAxes();
    m_xAxis->setTickCount(5);
    m_yAxis->setTickCount(3);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);

    m_view->setRenderHint(QPainter::Antialiasing, true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::transparent);
    m_view->setStyleSheet(QStringLiteral("background: transparent"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setMinimumHeight(110);
    connect(m_chart, &QChart::plotAreaChanged, this, &TimeSeriesChart::fitTimeTicks);
    // Hovering shows the value and time under the pointer.
    m_view->setMouseTracking(true);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
}

QString TimeSeriesChart::textAt(double x) const
{
    const double near = (m_xAxis->max() - m_xAxis->min()) * 0.03;
    const QByteArray format = m_yAxis->labelFormat().toLatin1();
    QStringList lines;
    for (const QLineSeries *series : m_series) {
        const QList<QPointF> points = series->points();
        if (points.isEmpty())
            continue;
        auto it = std::lower_bound(points.cbegin(), points.cend(), x,
                                   [](const QPointF &p, double v) { return p.x() < v; });
        const QPointF *best = it != points.cend() ? &*it : nullptr;
        if (it != points.cbegin()) {
            const QPointF &before = *std::prev(it);
            if (!best || x - before.x() < best->x() - x)
                best = &before;
        }
        if (std::abs(best->x() - x) > near)
            continue;
        lines << series->name() + QStringLiteral(": ") +
                     (format.isEmpty() ? QLocale().toString(best->y(), 'g', 4)
                                       : QString::asprintf(format.constData(), best->y()));
    }
    if (lines.isEmpty())
        return {};
    const QString when =
        x > -1e-9 ? tr("now") : tr("%1 %2 ago").arg(QLocale().toString(-x, 'f', 1), m_timeUnit);
    return when + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
}

bool TimeSeriesChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport()) {
        if (event->type() == QEvent::MouseMove) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            const QPointF inChart =
                m_chart->mapFromScene(m_view->mapToScene(mouse->position().toPoint()));
            const QString text = m_chart->plotArea().contains(inChart)
                                     ? textAt(m_chart->mapToValue(inChart).x())
                                     : QString();
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(mouse->globalPosition().toPoint(), text, m_view);
        } else if (event->type() == QEvent::Leave) {
            QToolTip::hideText();
        }
    }
    return QWidget::eventFilter(watched, event);
}

TimeSeriesChart::~TimeSeriesChart() = default;

void TimeSeriesChart::colourAxes()
{
    const QColor axisText = themed(QColor(0x6b, 0x72, 0x80));
    const QColor grid = themed(QColor(0xe5, 0xe7, 0xeb));
    for (QValueAxis *axis : {m_xAxis, m_yAxis}) {
        axis->setLabelsColor(axisText);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
}

// The line's colour at 16 % over the card, mixed here into one opaque colour. A translucent
// brush looks the same but makes Qt's raster engine split every large fill across its GUI
// thread pool: at 1 Hz that woke two pool threads and the main thread about 100 times a
// second while the console sat idle. An opaque fill is drawn on the painting thread alone.
void TimeSeriesChart::colourAreas()
{
    const QColor card = themed(QColor(Qt::white));
    constexpr double kShare = 40.0 / 255.0;
    for (const auto &[area, line] : std::as_const(m_areas)) {
        const auto mix = [&](double over, double under) {
            return int(over * kShare + under * (1.0 - kShare) + 0.5);
        };
        area->setBrush(QColor(mix(line.red(), card.red()), mix(line.green(), card.green()),
                              mix(line.blue(), card.blue())));
    }
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        colourAxes(); // the theme changed
        colourAreas();
    }
    QWidget::changeEvent(event);
}

int TimeSeriesChart::addSeries(const QString &name, const QColor &color, bool filled)
{
    auto *line = new QLineSeries(m_chart);
    line->setName(name);
    QPen pen(color);
    pen.setWidthF(1.6);
    line->setPen(pen);
    if (filled) {
        // The area borrows the line's points; only the line is ever updated.
        auto *area = new QAreaSeries(line);
        area->setName(name);
        area->setPen(pen);
        m_areas.append({area, color});
        colourAreas();
        m_chart->addSeries(area);
        area->attachAxis(m_xAxis);
        area->attachAxis(m_yAxis);
    } else {
        m_chart->addSeries(line);
        line->attachAxis(m_xAxis);
        line->attachAxis(m_yAxis);
    }
    m_series.append(line);
    return int(m_series.size()) - 1;
}

void TimeSeriesChart::setSeriesPoints(int series, const QList<QPointF> &points)
{
    if (series >= 0 && series < m_series.size())
        m_series.at(series)->replace(points);
}

void TimeSeriesChart::setTimeAxis(double span, const QString &unitLabel)
{
    if (m_xAxis->min() != -span || m_xAxis->max() != 0.0) {
        m_xAxis->setRange(-span, 0.0);
        fitTimeTicks();
    }
    m_timeUnit = unitLabel;
    const QString format = u"%.0f " + unitLabel;
    if (m_xAxis->labelFormat() != format)
        m_xAxis->setLabelFormat(format);
}

double TimeSeriesChart::niceCeiling(double value)
{
    if (!(value > 0.0))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    // Even steps, so that the middle of three ticks is a whole figure ("20 %", not "13 %").
    for (double step : {1.0, 2.0, 4.0, 6.0, 8.0, 10.0}) {
        if (value <= step * magnitude)
            return step * magnitude;
    }
    return 10.0 * magnitude;
}

void TimeSeriesChart::setValueAxis(double dataMax, double minimumMax, const QString &labelFormat)
{
    const double top = niceCeiling(std::max(dataMax, minimumMax));
    if (m_yAxis->min() != 0.0 || m_yAxis->max() != top)
        m_yAxis->setRange(0.0, top);
    if (m_yAxis->labelFormat() != labelFormat)
        m_yAxis->setLabelFormat(labelFormat);
}

void TimeSeriesChart::setLegendVisible(bool visible)
{
    m_chart->legend()->setVisible(visible);
}

void TimeSeriesChart::setLabelTemplates(const QString &widestValue, const QString &widestTime)
{
    m_widestValueLabel = widestValue;
    m_widestTimeLabel = widestTime;
    updateGeometry();
    fitTimeTicks();
}

int TimeSeriesChart::labelWidth(const QString &text) const
{
    return QFontMetrics(m_xAxis->labelsFont()).horizontalAdvance(text);
}

namespace {
// Room between two time labels, in units of the widest one: a gap of half a label reads
// as separate figures.
constexpr double kTimeLabelPitch = 1.5;
} // namespace

QSize TimeSeriesChart::minimumSizeHint() const
{
    // The value labels, then three time labels (-60, -30, 0) a pitch apart, the last one
    // centred on the right edge: the least that still reads.
    const int valueRoom = labelWidth(m_widestValueLabel) + labelWidth(QStringLiteral("MM"));
    const int timeRoom =
        int(std::ceil(labelWidth(m_widestTimeLabel) * (2 * kTimeLabelPitch + 0.5)));
    return {valueRoom + timeRoom, minimumHeight()};
}

void TimeSeriesChart::fitTimeTicks()
{
    // Quarters of the window when they fit, else fewer, on whole units only: a 5 min window
    // gets -5 ... 0 in steps of 1 or no tick between, never a "-4 min" that stands for -3.75.
    const QString widest =
        QString::asprintf(m_xAxis->labelFormat().toUtf8().constData(), m_xAxis->min());
    const double pitch = labelWidth(widest) * kTimeLabelPitch;
    const double across = m_chart->plotArea().width();
    const double span = m_xAxis->max() - m_xAxis->min();
    int ticks = 2;
    for (int candidate : {5, 6, 4, 3, 8}) { // 8: a week, a tick a day
        const double step = span / (candidate - 1);
        if (std::abs(step - std::round(step)) < 1e-9 && across / (candidate - 1) >= pitch) {
            ticks = candidate;
            break;
        }
    }
    if (m_xAxis->tickCount() != ticks)
        m_xAxis->setTickCount(ticks);
}

int TimeSeriesChart::timeTickCount() const
{
    return m_xAxis->tickCount();
}

QStringList TimeSeriesChart::visibleAxisLabels() const
{
    QStringList labels;
    const QList<QGraphicsItem *> items = m_view->scene()->items();
    for (const QGraphicsItem *item : items) {
        const auto *text = dynamic_cast<const QGraphicsTextItem *>(item);
        if (text && text->isVisible() && !text->toPlainText().isEmpty())
            labels.append(text->toPlainText());
    }
    return labels;
}

int TimeSeriesChart::plotWidth() const
{
    // The widget's width, not the plot area's: the plot area shifts by a few pixels whenever
    // the axis labels change width, which would make every such change cost a second frame.
    return std::max(100, width());
}

void TimeSeriesChart::renderTo(QImage &image)
{
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    m_view->render(&painter);
}

} // namespace spoon
