#pragma once

#include <QIcon>
#include <QSystemTrayIcon>

class QAction;
class QWidget;

namespace spoon {

class AlertEngine;

// The console in the desktop's tray: its icon carries a red mark while an alert is active,
// the tooltip says how many, and the menu shows or hides the window or quits.
class TrayIcon : public QSystemTrayIcon
{
    Q_OBJECT
public:
    TrayIcon(QWidget &window, AlertEngine &alerts, QObject *parent = nullptr);

    int activeAlerts() const { return m_active; }

Q_SIGNALS:
    void quitRequested();

private:
    void refresh();
    void toggleWindow();

    QWidget &m_window;
    AlertEngine &m_alerts;
    QIcon m_plain;
    QIcon m_alerting;
    QAction *m_toggle;
    int m_active = -1;
};

} // namespace spoon
