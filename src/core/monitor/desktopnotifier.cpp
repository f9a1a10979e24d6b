#include "desktopnotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

namespace spoon {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

// The urgency hint of the Desktop Notifications Specification: 1 normal, 2 critical.
uchar urgency(AlertLevel level)
{
    return level == AlertLevel::Critical ? 2 : 1;
}
} // namespace

DesktopNotificationHandler::DesktopNotificationHandler(QDBusConnection bus, QObject *parent)
    : AlertHandler(parent)
    , m_bus(std::move(bus))
{}

void DesktopNotificationHandler::deliver(const AlertEvent &event)
{
    if (!m_bus.isConnected()) {
        if (!m_toldUnavailable) {
            m_toldUnavailable = true;
            Q_EMIT failed(tr("no D-Bus session bus, so no desktop notifications: %1")
                              .arg(m_bus.lastError().message()));
        }
        return;
    }
    if (event.kind == AlertEvent::Kind::Fired)
        notify(event.alert);
    else
        close(event.alert);
}

void DesktopNotificationHandler::notify(const Alert &alert)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    const QString summary = alert.level == AlertLevel::Critical
                                ? tr("Spoon Console: critical alert")
                                : tr("Spoon Console: alert");
    QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(urgency(alert.level))},
                      {QStringLiteral("category"), QStringLiteral("device")}};
    call << QStringLiteral("Spoon Console") << uint(0) << QStringLiteral("dialog-warning")
         << summary << alert.message << QStringList() << hints << kExpireMs;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    const quint64 alertId = alert.id;
    m_pending.insert(alertId);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, alertId](QDBusPendingCallWatcher *w) {
                const QDBusPendingReply<uint> reply = *w;
                m_pending.remove(alertId);
                if (reply.isError()) {
                    Q_EMIT failed(
                        tr("the notification service refused: %1").arg(reply.error().message()));
                } else if (m_closeWhenKnown.remove(alertId)) {
                    sendClose(reply.value()); // it resolved while we waited for the id
                } else {
                    m_notificationIds.insert(alertId, reply.value());
                }
                w->deleteLater();
            });
}

void DesktopNotificationHandler::close(const Alert &alert)
{
    if (m_pending.contains(alert.id)) {
        m_closeWhenKnown.insert(alert.id);
        return;
    }
    const auto it = m_notificationIds.constFind(alert.id);
    if (it == m_notificationIds.cend())
        return;
    const uint notificationId = it.value();
    m_notificationIds.erase(it);
    sendClose(notificationId);
}

void DesktopNotificationHandler::sendClose(uint notificationId)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface,
                                                       QStringLiteral("CloseNotification"));
    call << notificationId;
    m_bus.call(call, QDBus::NoBlock);
}

} // namespace spoon
