// Dashboard costs: building one frame's points from the history, and painting a chart with
// 6 series of 3600 points (DESIGN.md: <= 4 ms).
#include "dashboardframe.h"
#include "monitor/samplehistory.h"
#include "timeserieschart.h"

#include <QApplication>
#include <QImage>

#include <benchmark/benchmark.h>

#include <cmath>

using namespace spoon;

namespace {

SampleHistory &hourHistory()
{
    static SampleHistory history = [] {
        SampleHistory h(86'400);
        ProcessSample s;
        for (int i = 0; i < 86'400; ++i) {
            s.monotonicMs = i * 1000LL;
            s.cpuPercent = 20 + 15 * std::sin(i / 30.0);
            s.systemCpuPercent = 40 + 10 * std::sin(i / 50.0);
            s.rssBytes = quint64(120 + i % 7) << 20;
            s.diskReadBytes += quint64(i % 13) * 1024;
            s.diskWriteBytes += quint64(i % 5) * 4096;
            s.netSentBytes += quint64(i % 11) * 512;
            s.netReceivedBytes += quint64(i % 17) * 2048;
            h.append(s);
        }
        return h;
    }();
    return history;
}

void BM_DashboardFrameBuild(benchmark::State &state)
{
    const qint64 windowMs = state.range(0) * 1000;
    for (auto _ : state)
        benchmark::DoNotOptimize(DashboardFrame::build(hourHistory(), windowMs, 60'000.0, 600));
}
BENCHMARK(BM_DashboardFrameBuild)->Arg(60)->Arg(3600)->Unit(benchmark::kMicrosecond);

// A raw frame, without decimation: 6 series x 3600 points replaced and painted.
void BM_ChartFrame6x3600(benchmark::State &state)
{
    const bool decimated = state.range(0) != 0;
    TimeSeriesChart chart;
    chart.resize(600, 260);
    for (int s = 0; s < 6; ++s)
        chart.addSeries(QStringLiteral("s%1").arg(s), QColor::fromHsv(s * 60, 200, 200));
    chart.setTimeAxis(60, QStringLiteral("min"));
    chart.setValueAxis(100, 10, QStringLiteral("%.0f"));
    QList<QList<QPointF>> series(6);
    for (int s = 0; s < 6; ++s) {
        for (int i = 0; i < 3600; ++i)
            series[s].append(QPointF(-60.0 + i / 60.0, 50 + 40 * std::sin(i / (10.0 + s))));
    }
    if (decimated) {
        const DashboardFrame frame =
            DashboardFrame::build(hourHistory(), 3'600'000, 60'000.0, chart.plotWidth());
        series = {frame.cpu,      frame.systemCpu, frame.rssMb,
                  frame.diskRead, frame.diskWrite, frame.netSent};
    }
    QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
    int flip = 0;
    for (auto _ : state) {
        // Alternate the data so every frame really changes.
        for (int s = 0; s < 6; ++s) {
            QList<QPointF> points = series[s];
            if (flip & 1) {
                for (QPointF &p : points)
                    p.setY(p.y() * 0.99);
            }
            chart.setSeriesPoints(s, points);
        }
        ++flip;
        image.fill(Qt::white);
        chart.renderTo(image);
    }
    state.counters["points_per_series"] = double(series[0].size());
}
BENCHMARK(BM_ChartFrame6x3600)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
