#pragma once

#include "agent/tool.h"

namespace spoon {

class MetricsRegistry;

// system_info: the engine's live figures, read from the metrics registry, the same numbers
// the dashboard shows.
class SystemInfoTool : public Tool
{
public:
    explicit SystemInfoTool(const MetricsRegistry &registry);

    QString name() const override { return QStringLiteral("system_info"); }
    QString description() const override;
    QJsonObject parameters() const override;
    bool isReadOnly(const QJsonObject &) const override { return true; }
    QCoro::Task<ToolResult> execute(QJsonObject arguments, CancelTokenPtr cancel) override;

    // The figures as the tool reports them.
    QJsonObject snapshot() const;

private:
    const MetricsRegistry &m_registry;
};

} // namespace spoon
