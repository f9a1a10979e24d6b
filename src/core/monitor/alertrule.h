#pragma once

#include "alert.h"
#include "telemetry/figureformat.h"
#include "telemetry/metricdescriptor.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace spoon {

struct Config;

// Where a rule's value comes from, in the registry (telemetry/metricnames.h).
struct AlertInput
{
    enum class Kind
    {
        GaugeMean,     // mean of a gauge family's total over the window
        CounterRatio,  // increase of `family` / increase of `denominator` over the window
        HistogramMean, // increase of the observations' sum / of their count over the window
    };
    Kind kind = Kind::GaugeMean;
    const MetricDescriptor *family = nullptr;
    const MetricDescriptor *denominator = nullptr; // CounterRatio only
    double scale = 1.0; // applied to the value (bytes to a share of a limit)
};

struct AlertRule
{
    QString name; // config name
    QString type; // the seed's alert type
    AlertLevel level = AlertLevel::Warning;
    AlertInput input;
    double threshold = 0.0;
    qint64 windowMs = 60'000;
    qint64 holdForMs = 0;
    qint64 cooldownMs = 300'000;
    double resolveMargin = 0.1;            // resolves below threshold * (1 - margin)
    FigureUnit unit = FigureUnit::Percent; // of the value and the threshold, as its card has it
    // What the value is, for the rules table: a QT_TRANSLATE_NOOP in context "spoon::AlertRule".
    const char *measures = "";
};

// The seed's four thresholds and the memory manager's two levels, from the config.
QList<AlertRule> alertRulesFromConfig(const Config &config);

// What an alert says, in words a person reads in a popup: "Process CPU 93 % is above 80 %
// (1 min average)". Figures as figureformat.h prints them, in the C locale (the message is
// also a log line and a stored row).
// `averagedMs`: the span a gauge's mean covers when it is less than the window (the first
// samples after start), so a popup never claims a minute's average of one sample.
QString alertMessage(const AlertRule &rule, double value,
                     std::optional<qint64> averagedMs = std::nullopt);

} // namespace spoon
