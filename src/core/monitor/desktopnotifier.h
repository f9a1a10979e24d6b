#pragma once

#include "alerthandlers.h"

#include <QDBusConnection>
#include <QHash>
#include <QSet>

namespace spoon {

// Shows each fired alert through the freedesktop notification service
// (org.freedesktop.Notifications over the session bus) and closes the notification when the
// alert resolves. Without a session bus (a headless server) it says so once and then stays
// quiet: the other handlers still run.
class DesktopNotificationHandler : public AlertHandler
{
    Q_OBJECT
public:
    static constexpr int kExpireMs = 10'000;

    explicit DesktopNotificationHandler(QDBusConnection bus, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("desktop"); }
    void deliver(const AlertEvent &event) override;

private:
    void notify(const Alert &alert);
    void close(const Alert &alert);

    QDBusConnection m_bus;
    bool m_toldUnavailable = false;
    void sendClose(uint notificationId);

    QHash<quint64, uint> m_notificationIds; // alert id -> the server's notification id
    QSet<quint64> m_pending;                // Notify sent, no id back yet
    QSet<quint64> m_closeWhenKnown;         // resolved before its id came back
};

} // namespace spoon
