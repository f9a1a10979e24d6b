// Desktop notifications over a real D-Bus session bus: ctest runs this under dbus-run-session
// (a private bus, marked by SPOON_TEST_PRIVATE_BUS=1), and the test plays the notification
// daemon on a second connection to it, owning org.freedesktop.Notifications as a desktop's
// daemon would. What it receives is what the user's daemon would show.
#include "engine.h"
#include "monitor/alertengine.h"
#include "monitor/desktopnotifier.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QSignalSpy>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {

struct Notification
{
    QString appName;
    QString summary;
    QString body;
    QVariantMap hints;
};

// The daemon's side of the Desktop Notifications Specification, as much as Notify and
// CloseNotification need.
class NotificationDaemon : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QList<Notification> shown;
    QList<uint> closed;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(icon)
        Q_UNUSED(actions)
        Q_UNUSED(expireTimeout)
        shown.append({appName, summary, body, hints});
        return uint(100 + shown.size());
    }
    void CloseNotification(uint id) { closed.append(id); }
};

} // namespace

class TestDesktopNotifier : public QObject
{
    Q_OBJECT

    NotificationDaemon m_daemon;
    std::unique_ptr<QDBusConnection> m_daemonBus;

private:
    void resetDaemon()
    {
        m_daemon.shown.clear();
        m_daemon.closed.clear();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariable("SPOON_TEST_PRIVATE_BUS") == QLatin1String("1"),
                 "run through ctest, which starts this test under dbus-run-session");
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 qPrintable(QDBusConnection::sessionBus().lastError().message()));
        m_daemonBus = std::make_unique<QDBusConnection>(
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("daemon")));
        QVERIFY(m_daemonBus->isConnected());
        QVERIFY(m_daemonBus->registerObject(QStringLiteral("/org/freedesktop/Notifications"),
                                            &m_daemon, QDBusConnection::ExportAllSlots));
        QVERIFY2(m_daemonBus->registerService(QStringLiteral("org.freedesktop.Notifications")),
                 qPrintable(m_daemonBus->lastError().message()));
    }

    void aFiredAlertIsOneNotificationAndResolvingClosesIt()
    {
        resetDaemon();
        DesktopNotificationHandler handler(QDBusConnection::sessionBus());
        QSignalSpy failed(&handler, &AlertHandler::failed);
        Alert alert;
        alert.id = 1;
        alert.level = AlertLevel::Critical;
        alert.message = QStringLiteral("Resident memory 470 MiB is 92 % of the 512 MiB limit");
        handler.deliver({AlertEvent::Kind::Fired, alert});
        QTRY_COMPARE(m_daemon.shown.size(), 1);
        const Notification &shown = m_daemon.shown.first();
        QCOMPARE(shown.appName, QStringLiteral("Spoon Console"));
        QVERIFY(shown.summary.contains(QLatin1String("critical")));
        QCOMPARE(shown.body, alert.message);
        QCOMPARE(shown.hints.value(QStringLiteral("urgency")).toInt(), 2);

        alert.endedMs = 5;
        handler.deliver({AlertEvent::Kind::Resolved, alert});
        QTRY_COMPARE(m_daemon.closed, QList<uint>{101});
        QCOMPARE(m_daemon.shown.size(), 1);
        QCOMPARE(failed.size(), 0);
    }

    // An alert that resolves before the daemon's reply (with the notification's id) came
    // back is still closed, once the id is known.
    void anAlertResolvedBeforeTheReplyIsClosedWhenItComes()
    {
        resetDaemon();
        DesktopNotificationHandler handler(QDBusConnection::sessionBus());
        Alert alert;
        alert.id = 2;
        alert.message = QStringLiteral("Process CPU 95.0 % is above 80 % (1 min average)");
        handler.deliver({AlertEvent::Kind::Fired, alert});
        alert.endedMs = 5;
        handler.deliver({AlertEvent::Kind::Resolved, alert}); // no event loop in between
        QTRY_COMPARE(m_daemon.closed, QList<uint>{101});
        QCOMPARE(m_daemon.shown.size(), 1);
    }

    void aForcedThresholdNotifiesExactlyOnce()
    {
        resetDaemon();
        // The whole path: config -> sampler -> registry -> rules -> the engine's handlers.
        Config config = Config::defaults();
        config.monitoring.sampleIntervalMs = 100;
        config.monitoring.thresholds.memoryPercent = 0; // any process is above it
        config.monitoring.thresholds.cpuPercent = 100000;
        config.performance.memoryWarningThreshold = 1.0;
        config.performance.memoryCriticalThreshold = 1.0;
        Engine engine(config);
        QSignalSpy fired(&engine.alerts(), &AlertEngine::alertFired);
        QSignalSpy sampled(&engine.monitor(), &ProcessMonitor::sampled);
        QVERIFY(engine.start());
        QTRY_COMPARE(m_daemon.shown.size(), 1);
        const int samplesThen = int(sampled.size());
        QTRY_VERIFY(sampled.size() >= samplesThen + 10); // ten more ticks above the threshold
        QCOMPARE(fired.size(), 1);
        QCOMPARE(m_daemon.shown.size(), 1);
        const Alert alert = fired.first().first().value<Alert>();
        QCOMPARE(alert.rule, QStringLiteral("memory_percent"));
        QCOMPARE(m_daemon.shown.first().body, alert.message);
        QVERIFY(alert.message.startsWith(QLatin1String("Process memory ")));
    }

    void withoutABusTheOtherHandlersGoOn()
    {
        const QDBusConnection nowhere = QDBusConnection::connectToBus(
            QStringLiteral("unix:path=/nonexistent/no-bus"), QStringLiteral("nowhere"));
        QVERIFY(!nowhere.isConnected());
        DesktopNotificationHandler handler(nowhere);
        QSignalSpy failed(&handler, &AlertHandler::failed);
        Alert alert;
        alert.id = 9;
        handler.deliver({AlertEvent::Kind::Fired, alert});
        handler.deliver({AlertEvent::Kind::Fired, alert});
        QCOMPARE(failed.size(), 1); // said once, then quiet
        QVERIFY(failed.first().first().toString().contains(QLatin1String("no D-Bus session bus")));
    }
};

SPOON_TEST_GUILESS_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
