#pragma once

#include <QJsonObject>
#include <QString>

namespace spoon {

enum class AlertLevel
{
    Warning,
    Critical
};

QString alertLevelName(AlertLevel level); // "warning", "critical"

// One episode of a rule: from the tick its threshold was crossed (for long enough) to the
// tick its value fell back below the resolve margin.
struct Alert
{
    quint64 id = 0; // unique in this run; the store keeps its own row id
    QString rule;   // config name, e.g. "cpu_percent"
    QString type;   // the seed's alert type, e.g. "cpu_high"
    AlertLevel level = AlertLevel::Warning;
    double value = 0.0; // when it fired
    double peak = 0.0;  // highest value of the episode
    double threshold = 0.0;
    double windowSeconds = 0.0;
    QString message;
    qint64 startedMs = 0;      // ms since the epoch
    qint64 endedMs = 0;        // 0 while active
    qint64 acknowledgedMs = 0; // 0 until someone acknowledges it

    bool isActive() const { return endedMs == 0; }
    // The seed's alert dict (type, value, threshold, message) plus what an episode adds.
    QJsonObject toJson() const;
};

} // namespace spoon
