#include "trayicon.h"

#include "monitor/alertengine.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QWidget>

namespace spoon {

namespace {
// The application icon with a red dot in its corner.
QIcon withAlertMark(const QIcon &icon)
{
    QIcon marked;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = icon.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xdc, 0x26, 0x26));
        const qreal dot = size * 0.45;
        painter.drawEllipse(QRectF(size - dot, 0, dot, dot));
        painter.end();
        marked.addPixmap(pixmap);
    }
    return marked;
}
} // namespace

TrayIcon::TrayIcon(QWidget &window, AlertEngine &alerts, QObject *parent)
    : QSystemTrayIcon(parent)
    , m_window(window)
    , m_alerts(alerts)
    , m_plain(QApplication::windowIcon())
    , m_alerting(withAlertMark(QApplication::windowIcon()))
{
    auto *menu = new QMenu(&window);
    m_toggle = menu->addAction(tr("Hide"), this, &TrayIcon::toggleWindow);
    menu->addSeparator();
    menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    connect(menu, &QMenu::aboutToShow, this,
            [this] { m_toggle->setText(m_window.isVisible() ? tr("Hide") : tr("Show")); });
    setContextMenu(menu);
    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger)
            toggleWindow();
    });
    connect(&alerts, &AlertEngine::alertFired, this, &TrayIcon::refresh);
    connect(&alerts, &AlertEngine::alertResolved, this, &TrayIcon::refresh);
    refresh();
}

void TrayIcon::refresh()
{
    const int active = int(m_alerts.activeAlerts().size());
    if (active == m_active)
        return;
    m_active = active;
    setIcon(active > 0 ? m_alerting : m_plain);
    setToolTip(active > 0 ? tr("Spoon Console: %n alert(s) active", nullptr, active)
                          : tr("Spoon Console: no alert"));
}

void TrayIcon::toggleWindow()
{
    if (m_window.isVisible() && !m_window.isMinimized()) {
        m_window.hide();
        return;
    }
    m_window.showNormal();
    m_window.raise();
    m_window.activateWindow();
}

} // namespace spoon
