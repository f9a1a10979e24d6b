#pragma once

#include "alertrule.h"

#include <QList>
#include <QObject>

#include <deque>
#include <optional>
#include <vector>

namespace spoon {

class Counter;
class Gauge;
class MetricsRegistry;

// The seed's PerformanceAlerting, evaluated on the sample clock: every tick reads each rule's
// input from the registry (one pass for all rules), averages it over the rule's window and
// moves the rule through clear -> pending (crossed, waiting out `for`) -> firing -> clear.
// An episode fires once and resolves only below threshold * (1 - resolve margin), so a value
// that flaps around the threshold never storms; a rule fires again only after its cooldown.
class AlertEngine : public QObject
{
    Q_OBJECT
public:
    enum class Phase
    {
        Clear,
        Pending,
        Firing
    };
    struct RuleStatus
    {
        const AlertRule *rule;
        Phase phase;
        std::optional<double> value; // none: no data in the window (no LLM calls, say)
    };
    static constexpr int kRecentAlertsKept = 200;

    AlertEngine(MetricsRegistry &registry, QList<AlertRule> rules, QObject *parent = nullptr);
    ~AlertEngine() override;

    // One tick at `nowMs` (ms since the epoch; tests pass their own clock).
    void evaluate(qint64 nowMs);

    const QList<AlertRule> &rules() const { return m_rules; }
    QList<RuleStatus> ruleStatus() const;
    // Active first, then past ones, newest first; at most kRecentAlertsKept.
    QList<Alert> recentAlerts() const;
    QList<Alert> activeAlerts() const;
    // False when no recent alert has that id or it was acknowledged already.
    bool acknowledge(quint64 id, qint64 nowMs);

Q_SIGNALS:
    void alertFired(const spoon::Alert &alert);
    void alertResolved(const spoon::Alert &alert);
    void alertAcknowledged(const spoon::Alert &alert);
    // After every tick, for views of the rules' current values.
    void evaluated();

private:
    struct Point
    {
        qint64 ms;
        double a; // gauge value, or the numerator's total
        double b; // the denominator's total
    };
    struct State
    {
        std::deque<Point> points;
        double gaugeSum = 0.0;
        std::optional<qint64> firstGaugeMs; // its first point: before a window has passed, the
                                            // mean covers less than the window
        Phase phase = Phase::Clear;
        qint64 pendingSinceMs = 0;
        std::optional<qint64> lastFiredMs;
        std::optional<double> value;
        Alert alert;            // the episode while firing
        size_t numerator = 0;   // index into m_inputs
        size_t denominator = 0; // index into m_inputs, CounterRatio only
        Counter *fired = nullptr;
    };

    size_t inputIndex(const MetricDescriptor *family);
    std::optional<double> windowValue(const AlertRule &rule, State &state, qint64 nowMs, double a,
                                      double b, bool present);
    void advance(const AlertRule &rule, State &state, qint64 nowMs);
    void fire(const AlertRule &rule, State &state, qint64 nowMs);
    void resolve(State &state, qint64 nowMs);
    void remember(const Alert &alert);

    MetricsRegistry &m_registry;
    QList<AlertRule> m_rules;
    std::vector<State> m_states; // parallel to m_rules
    std::vector<const MetricDescriptor *> m_inputs;
    QList<Alert> m_recent; // oldest first
    Gauge *m_active;
    quint64 m_nextId = 1;
};

} // namespace spoon
