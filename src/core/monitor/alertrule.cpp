#include "alertrule.h"

#include "config/config.h"
#include "telemetry/metricnames.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>

namespace spoon {

using namespace Qt::StringLiterals;

QString alertLevelName(AlertLevel level)
{
    return level == AlertLevel::Critical ? u"critical"_s : u"warning"_s;
}

QJsonObject Alert::toJson() const
{
    QJsonObject json{
        {u"id"_s, qint64(id)},
        {u"type"_s, type},
        {u"rule"_s, rule},
        {u"level"_s, alertLevelName(level)},
        {u"state"_s, isActive() ? u"firing"_s : u"resolved"_s},
        {u"value"_s, value},
        {u"peak"_s, peak},
        {u"threshold"_s, threshold},
        {u"window_seconds"_s, windowSeconds},
        {u"message"_s, message},
        {u"started_ms"_s, startedMs},
    };
    if (endedMs)
        json.insert(u"ended_ms"_s, endedMs);
    if (acknowledgedMs)
        json.insert(u"acknowledged_ms"_s, acknowledgedMs);
    return json;
}

namespace {

constexpr double kMiB = 1024.0 * 1024.0;

AlertRule makeRule(const Config &config, const char *name, const char *type, AlertInput input,
                   double threshold, FigureUnit unit, const char *measures,
                   AlertLevel level = AlertLevel::Warning)
{
    const AlertTiming timing = config.monitoring.alerts.timing(QLatin1String(name));
    AlertRule rule;
    rule.name = QLatin1String(name);
    rule.type = QLatin1String(type);
    rule.level = level;
    rule.input = std::move(input);
    rule.threshold = threshold;
    rule.windowMs = qint64(timing.window * 1000.0);
    rule.holdForMs = qint64(timing.holdFor * 1000.0);
    rule.cooldownMs = qint64(timing.cooldown * 1000.0);
    rule.resolveMargin = config.monitoring.alerts.resolveMargin;
    rule.unit = unit;
    rule.measures = measures;
    return rule;
}

QString durationText(qint64 ms)
{
    const QLocale c = QLocale::c();
    if (ms < 60'000)
        return u"%1 s"_s.arg(c.toString(ms / 1000.0, 'g', 3));
    if (ms < 3'600'000)
        return u"%1 min"_s.arg(c.toString(ms / 60'000.0, 'g', 3));
    return u"%1 h"_s.arg(c.toString(ms / 3'600'000.0, 'g', 3));
}

} // namespace

QList<AlertRule> alertRulesFromConfig(const Config &config)
{
    using namespace alertrule;
    using Kind = AlertInput::Kind;
    const AlertThresholds &t = config.monitoring.thresholds;
    const double limitBytes = config.performance.agents.memoryLimitMb * kMiB;
    const AlertInput rss{Kind::GaugeMean, &metric::kProcessResidentBytes, nullptr,
                         1.0 / limitBytes};
    const char *rssMeasures = QT_TRANSLATE_NOOP(
        "spoon::AlertRule", "resident memory, share of agents.memory_limit_mb, mean");
    return {
        makeRule(config, kMemoryPercent, "memory_high",
                 {Kind::GaugeMean, &metric::kProcessMemoryPercent, nullptr, 1.0}, t.memoryPercent,
                 FigureUnit::Percent,
                 QT_TRANSLATE_NOOP("spoon::AlertRule",
                                   "resident memory, share of physical memory, mean")),
        makeRule(config, kCpuPercent, "cpu_high",
                 {Kind::GaugeMean, &metric::kProcessCpuPercent, nullptr, 1.0}, t.cpuPercent,
                 FigureUnit::Percent,
                 QT_TRANSLATE_NOOP("spoon::AlertRule", "process CPU (100 % is one core), mean")),
        // What the caller waits for, as the seed meant it: a long answer streaming steadily
        // is healthy, so a stream counts to its first token (llm/llmrouter.cpp).
        makeRule(config, kResponseTime, "response_time_high",
                 {Kind::HistogramMean, &metric::kLlmResponseSeconds, nullptr, 1.0}, t.responseTime,
                 FigureUnit::Seconds,
                 QT_TRANSLATE_NOOP("spoon::AlertRule",
                                   "LLM response time: to the first token if streamed, "
                                   "else to the whole answer; mean")),
        makeRule(config, kErrorRate, "error_rate_high",
                 {Kind::CounterRatio, &metric::kLlmFailures, &metric::kLlmRequests, 1.0},
                 t.errorRate, FigureUnit::Share,
                 QT_TRANSLATE_NOOP("spoon::AlertRule", "failed LLM calls / LLM calls")),
        makeRule(config, kMemoryWarning, "memory_warning", rss,
                 config.performance.memoryWarningThreshold, FigureUnit::Share, rssMeasures),
        makeRule(config, kMemoryCritical, "memory_critical", rss,
                 config.performance.memoryCriticalThreshold, FigureUnit::Share, rssMeasures,
                 AlertLevel::Critical),
    };
}

// The message shows in the toast, the Alerts tab and the status bar, so it is in the UI's
// language when it is composed (and stored so); the figures stay in the C locale the rules
// table and the cards share.
QString alertMessage(const AlertRule &rule, double value, std::optional<qint64> averagedMs)
{
    using namespace alertrule;
    const QLocale c = QLocale::c();
    QString averaged;
    if (rule.input.kind != AlertInput::Kind::GaugeMean)
        averaged = QCoreApplication::translate("spoon::AlertRule", " (over %1)")
                       .arg(durationText(rule.windowMs));
    else if (averagedMs && *averagedMs <= 0)
        averaged = QCoreApplication::translate("spoon::AlertRule", " (one sample)");
    else
        averaged = QCoreApplication::translate("spoon::AlertRule", " (%1 average)")
                       .arg(durationText(averagedMs.value_or(rule.windowMs)));
    const QString now = figureBeside(value, rule.threshold, rule.unit, c);
    const QString limit = thresholdText(rule.threshold, rule.unit, c);
    QString text;
    if (rule.name == QLatin1String(kMemoryPercent)) {
        text = QCoreApplication::translate("spoon::AlertRule", "Process memory %1 is above %2")
                   .arg(now, limit);
    } else if (rule.name == QLatin1String(kCpuPercent)) {
        text = QCoreApplication::translate("spoon::AlertRule", "Process CPU %1 is above %2")
                   .arg(now, limit);
    } else if (rule.name == QLatin1String(kResponseTime)) {
        text = QCoreApplication::translate("spoon::AlertRule",
                                           "Average LLM response time %1 is above %2")
                   .arg(now, limit);
    } else if (rule.name == QLatin1String(kErrorRate)) {
        text = QCoreApplication::translate("spoon::AlertRule", "LLM error rate %1 is above %2")
                   .arg(now, limit);
    } else {
        const double limitBytes = rule.input.scale > 0 ? 1.0 / rule.input.scale : 0;
        text = QCoreApplication::translate(
                   "spoon::AlertRule",
                   "Resident memory %1 is %2 of the %3 limit, above the %4 level of %5")
                   .arg(figureText(value * limitBytes, FigureUnit::Bytes, c), now,
                        mebibyteText(limitBytes, c, 'g', 6), alertLevelName(rule.level), limit);
    }
    return text + averaged;
}

} // namespace spoon
