#include "alertengine.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <algorithm>

namespace spoon {

AlertEngine::AlertEngine(MetricsRegistry &registry, QList<AlertRule> rules, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_rules(std::move(rules))
    , m_states(size_t(m_rules.size()))
    , m_active(&registry.gauge(metric::kAlertsActive))
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const AlertRule &rule = m_rules[i];
        State &state = m_states[size_t(i)];
        state.numerator = inputIndex(rule.input.family);
        if (rule.input.kind == AlertInput::Kind::CounterRatio)
            state.denominator = inputIndex(rule.input.denominator);
        state.fired = &registry.counter(
            metric::kAlertsFired,
            {{"rule", rule.name.toUtf8()}, {"level", alertLevelName(rule.level).toUtf8()}});
    }
}

AlertEngine::~AlertEngine() = default;

size_t AlertEngine::inputIndex(const MetricDescriptor *family)
{
    const auto it = std::find(m_inputs.begin(), m_inputs.end(), family);
    if (it != m_inputs.end())
        return size_t(it - m_inputs.begin());
    m_inputs.push_back(family);
    return m_inputs.size() - 1;
}

void AlertEngine::evaluate(qint64 nowMs)
{
    const std::vector<FamilyTotal> totals = m_registry.totals(m_inputs);
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        const AlertRule &rule = m_rules[i];
        State &state = m_states[size_t(i)];
        const FamilyTotal &numerator = totals[state.numerator];
        double a = numerator.value;
        double b = 0.0;
        bool present = numerator.present;
        if (rule.input.kind == AlertInput::Kind::HistogramMean) {
            b = double(numerator.count);
        } else if (rule.input.kind == AlertInput::Kind::CounterRatio) {
            b = totals[state.denominator].value;
            present = present || totals[state.denominator].present;
        }
        state.value = windowValue(rule, state, nowMs, a, b, present);
        advance(rule, state, nowMs);
    }
    Q_EMIT evaluated();
}

// The rule's value over its window: the mean of a gauge, or the ratio of two increases.
// None when the window holds nothing to judge (no LLM call in it, say).
std::optional<double> AlertEngine::windowValue(const AlertRule &rule, State &state, qint64 nowMs,
                                               double a, double b, bool present)
{
    std::deque<Point> &points = state.points;
    const qint64 start = nowMs - rule.windowMs;
    if (rule.input.kind == AlertInput::Kind::GaugeMean) {
        if (!present)
            return std::nullopt;
        if (!state.firstGaugeMs)
            state.firstGaugeMs = nowMs;
        points.push_back({nowMs, a, 0.0});
        state.gaugeSum += a;
        while (points.front().ms <= start) {
            state.gaugeSum -= points.front().a;
            points.pop_front();
        }
        if (points.empty())
            return std::nullopt;
        return state.gaugeSum / double(points.size()) * rule.input.scale;
    }
    // Totals only grow, from zero: a family with no series yet (no call so far) is at zero, so
    // the first calls count (they were the baseline, never judged). One that fell was reset
    // (its series re-registered): start over.
    if (!points.empty() && (a < points.back().a || b < points.back().b))
        points.clear();
    points.push_back({nowMs, a, b});
    // Keep the newest point at or before the window's start as the baseline.
    while (points.size() >= 2 && points[1].ms <= start)
        points.pop_front();
    const double denominator = b - points.front().b;
    if (denominator <= 0.0)
        return std::nullopt;
    return (a - points.front().a) / denominator * rule.input.scale;
}

void AlertEngine::advance(const AlertRule &rule, State &state, qint64 nowMs)
{
    const bool crossed = state.value && *state.value > rule.threshold;
    switch (state.phase) {
    case Phase::Clear:
        if (!crossed)
            return;
        if (state.lastFiredMs && nowMs - *state.lastFiredMs < rule.cooldownMs)
            return; // still cooling down from the last episode
        state.phase = Phase::Pending;
        state.pendingSinceMs = nowMs;
        [[fallthrough]];
    case Phase::Pending:
        if (!crossed)
            state.phase = Phase::Clear;
        else if (nowMs - state.pendingSinceMs >= rule.holdForMs)
            fire(rule, state, nowMs);
        return;
    case Phase::Firing:
        if (!state.value || *state.value <= rule.threshold * (1.0 - rule.resolveMargin)) {
            resolve(state, nowMs);
            return;
        }
        state.alert.peak = std::max(state.alert.peak, *state.value);
        return;
    }
}

void AlertEngine::fire(const AlertRule &rule, State &state, qint64 nowMs)
{
    state.phase = Phase::Firing;
    state.lastFiredMs = nowMs;
    Alert &alert = state.alert;
    alert = Alert{};
    alert.id = m_nextId++;
    alert.rule = rule.name;
    alert.type = rule.type;
    alert.level = rule.level;
    alert.value = alert.peak = *state.value;
    alert.threshold = rule.threshold;
    alert.windowSeconds = double(rule.windowMs) / 1000.0;
    // Soon after start a gauge's mean covers less than its window: the message says how much.
    std::optional<qint64> averagedMs;
    if (state.firstGaugeMs && nowMs - *state.firstGaugeMs < rule.windowMs)
        averagedMs = nowMs - *state.firstGaugeMs;
    alert.message = alertMessage(rule, *state.value, averagedMs);
    alert.startedMs = nowMs;
    state.fired->add();
    m_active->add(1);
    remember(alert);
    Q_EMIT alertFired(alert);
}

void AlertEngine::resolve(State &state, qint64 nowMs)
{
    state.phase = Phase::Clear;
    state.alert.endedMs = nowMs;
    m_active->add(-1);
    for (Alert &recent : m_recent) {
        if (recent.id == state.alert.id) {
            state.alert.acknowledgedMs = recent.acknowledgedMs;
            recent = state.alert;
        }
    }
    Q_EMIT alertResolved(state.alert);
}

void AlertEngine::remember(const Alert &alert)
{
    m_recent.append(alert);
    // Drop the oldest resolved ones first; active ones stay while they last.
    for (qsizetype i = 0; m_recent.size() > kRecentAlertsKept && i < m_recent.size();) {
        if (!m_recent[i].isActive())
            m_recent.removeAt(i);
        else
            ++i;
    }
}

bool AlertEngine::acknowledge(quint64 id, qint64 nowMs)
{
    for (Alert &recent : m_recent) {
        if (recent.id != id || recent.acknowledgedMs)
            continue;
        recent.acknowledgedMs = nowMs;
        for (State &state : m_states) {
            if (state.phase == Phase::Firing && state.alert.id == id)
                state.alert.acknowledgedMs = nowMs;
        }
        Q_EMIT alertAcknowledged(recent);
        return true;
    }
    return false;
}

QList<AlertEngine::RuleStatus> AlertEngine::ruleStatus() const
{
    QList<RuleStatus> status;
    for (qsizetype i = 0; i < m_rules.size(); ++i)
        status.append({&m_rules[i], m_states[size_t(i)].phase, m_states[size_t(i)].value});
    return status;
}

QList<Alert> AlertEngine::recentAlerts() const
{
    QList<Alert> alerts = activeAlerts();
    for (auto it = m_recent.crbegin(); it != m_recent.crend(); ++it) {
        if (!it->isActive())
            alerts.append(*it);
    }
    return alerts;
}

QList<Alert> AlertEngine::activeAlerts() const
{
    QList<Alert> active;
    for (auto it = m_recent.crbegin(); it != m_recent.crend(); ++it) {
        if (it->isActive())
            active.append(*it);
    }
    return active;
}

} // namespace spoon
