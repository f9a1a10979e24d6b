#pragma once

#include "config/configdiagnostic.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QDoubleSpinBox;
class QFormLayout;

namespace spoon {

class ConfigDocument;
struct Config;

// Settings > Monitoring: the sample interval, the history length, the alert thresholds and
// the memory levels. Only a value the user changed is written to the file.
class MonitoringPage : public QWidget
{
    Q_OBJECT
public:
    MonitoringPage(const Config &current, QWidget *parent = nullptr);

    void writeTo(ConfigDocument &document) const;
    void markSaved(); // after a save: the values shown are the file's
    bool showDiagnostics(const ConfigDiagnostics &diagnostics);

private:
    struct Field
    {
        QStringList keyPath;
        QDoubleSpinBox *box;
        double loaded;
        double scale; // file value = shown value * scale
    };
    void addField(const QString &label, const QStringList &keyPath, double value, double minimum,
                  double maximum, int decimals, const QString &suffix, double scale = 1.0);

    QFormLayout *m_form;
    QList<Field> m_fields;
};

} // namespace spoon
