#pragma once

#include "config/configdiagnostic.h"

#include <QWidget>

class QComboBox;

namespace spoon {

class ConfigDocument;
struct Config;

// Settings > Appearance: the console's language (from the next start) and its theme (at
// once): light, dark, or following the desktop.
class AppearancePage : public QWidget
{
    Q_OBJECT
public:
    AppearancePage(const Config &current, QWidget *parent = nullptr);

    void writeTo(ConfigDocument &document) const;
    void markSaved(); // after a save: the choices shown are the file's
    bool showDiagnostics(const ConfigDiagnostics &diagnostics);

private:
    QComboBox *m_language;
    QComboBox *m_theme;
    QString m_loadedLanguage;
    QString m_loadedTheme;
};

} // namespace spoon
