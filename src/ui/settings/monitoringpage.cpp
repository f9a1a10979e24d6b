#include "monitoringpage.h"

#include "config/config.h"
#include "config/configdocument.h"
#include "telemetry/figureformat.h"
#include "theme.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>

#include <algorithm>

namespace spoon {

using namespace Qt::StringLiterals;

MonitoringPage::MonitoringPage(const Config &current, QWidget *parent)
    : QWidget(parent)
{
    m_form = new QFormLayout(this);
    const MonitoringConfig &m = current.monitoring;
    const QStringList monitoring{u"monitoring"_s};
    addField(tr("Sample every"), monitoring + QStringList{u"sample_interval_ms"_s},
             m.sampleIntervalMs, 100, 60000, 0, tr(" ms"));
    addField(tr("Keep history for"), monitoring + QStringList{u"history_seconds"_s},
             m.historySeconds / 3600.0, 1.0 / 60, 7 * 24, 2, tr(" h"), 3600);
    const QStringList thresholds = monitoring + QStringList{u"thresholds"_s};
    addField(tr("Alert when memory is above"), thresholds + QStringList{u"memory_percent"_s},
             m.thresholds.memoryPercent, 0, 100, 1, tr(" %"));
    addField(tr("Alert when CPU is above"), thresholds + QStringList{u"cpu_percent"_s},
             m.thresholds.cpuPercent, 0, 100000, 1, tr(" %"));
    addField(tr("Alert when LLM answers take longer than"),
             thresholds + QStringList{u"response_time"_s}, m.thresholds.responseTime, 0, 3600, 2,
             tr(" s"));
    addField(tr("Alert when LLM errors exceed"), thresholds + QStringList{u"error_rate"_s},
             m.thresholds.errorRate * 100, 0, 100, 1, tr(" %"), 0.01);
    const QStringList memory{u"performance"_s, u"memory"_s};
    addField(tr("Memory warning level"), memory + QStringList{u"warning_threshold"_s},
             current.performance.memoryWarningThreshold * 100, 1, 100, 0,
             tr(" % of agents.memory_limit_mb"), 0.01);
    addField(tr("Memory critical level (frees caches)"),
             memory + QStringList{u"critical_threshold"_s},
             current.performance.memoryCriticalThreshold * 100, 1, 100, 0,
             tr(" % of agents.memory_limit_mb"), 0.01);
    auto *note = new QLabel(tr("The sample interval and the history length apply at the next "
                               "start; thresholds and memory levels too."),
                            this);
    note->setWordWrap(true);
    m_form->addRow(note);
}

void MonitoringPage::addField(const QString &label, const QStringList &keyPath, double value,
                              double minimum, double maximum, int decimals, const QString &suffix,
                              double scale)
{
    auto *box = new QDoubleSpinBox(this);
    box->setObjectName(keyPath.join(u'.'));
    box->setRange(minimum, maximum);
    // Never fewer decimals than the value has: a 0.05 % threshold shown as 0.1 % lies.
    box->setDecimals(std::max(decimals, exactDecimals(value)));
    box->setSuffix(suffix);
    box->setValue(value);
    m_form->addRow(label, box);
    m_fields.append({keyPath, box, box->value(), scale});
}

void MonitoringPage::writeTo(ConfigDocument &document) const
{
    for (const Field &field : m_fields) {
        if (field.box->value() == field.loaded)
            continue;
        const double value = field.box->value() * field.scale;
        // Integers in the file stay integers.
        if (field.box->decimals() == 0 && field.scale == 1.0)
            document.setValue(field.keyPath, qint64(value));
        else if (field.scale == 3600)
            document.setValue(field.keyPath, qint64(value + 0.5));
        else
            document.setValue(field.keyPath, value);
    }
}

void MonitoringPage::markSaved()
{
    for (Field &field : m_fields)
        field.loaded = field.box->value();
}

bool MonitoringPage::showDiagnostics(const ConfigDiagnostics &diagnostics)
{
    for (const ConfigDiagnostic &d : diagnostics) {
        for (const Field &field : m_fields) {
            if (d.isError() && d.keyPath == field.keyPath.join(u'.')) {
                markInvalid(field.box, true, d.message);
                return true;
            }
        }
    }
    return false;
}

} // namespace spoon
