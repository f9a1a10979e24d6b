#include "memorymanager.h"

#include "telemetry/figureformat.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QLoggingCategory>

#include <malloc.h>
#include <unistd.h>

namespace spoon {

Q_LOGGING_CATEGORY(lcMemory, "spoon.memory")

namespace {
QString mib(double bytes)
{
    return mebibyteText(bytes, QLocale::c());
}
} // namespace

// Shown in the status bar and, as an alert, in the toast and the Alerts tab: in the UI's
// language.
QString MemoryCleanup::describe() const
{
    QStringList parts;
    for (const auto &[name, count] : dropped)
        parts << QStringLiteral("%1 %2").arg(name).arg(count);
    return QCoreApplication::translate("spoon::MemoryCleanup",
                                       "Memory cleanup (%1): RSS %2 -> %3, %4 freed; let go: %5")
        .arg(reason, mib(double(rssBefore)), mib(double(rssAfter)),
             mib(double(std::max<qint64>(0, freedBytes()))),
             parts.isEmpty() ? QCoreApplication::translate("spoon::MemoryCleanup", "nothing")
                             : parts.join(QStringLiteral(", ")));
}

Alert MemoryCleanup::toAlert() const
{
    Alert alert;
    alert.rule = QStringLiteral("memory_cleanup");
    alert.type = QStringLiteral("memory_cleanup");
    alert.level = reason == QLatin1String("critical") ? AlertLevel::Critical : AlertLevel::Warning;
    alert.value = double(rssBefore);
    alert.peak = double(rssBefore);
    alert.threshold = double(rssAfter);
    alert.message = describe();
    alert.startedMs = atMs;
    alert.endedMs = atMs;
    return alert;
}

MemoryManager::MemoryManager(MetricsRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_cleanups(registry.counter(metric::kMemoryCleanups))
    , m_freedBytes(registry.counter(metric::kMemoryFreedBytes))
{}

void MemoryManager::addPart(const QString &name, Reclaim reclaim, QObject *owner)
{
    m_parts.append({name, std::move(reclaim), owner, owner != nullptr});
}

quint64 MemoryManager::residentBytesNow()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().simplified().split(' ');
    if (fields.size() < 2)
        return 0;
    return fields.at(1).toULongLong() * quint64(sysconf(_SC_PAGESIZE));
}

MemoryCleanup MemoryManager::cleanup(const QString &reason)
{
    MemoryCleanup done;
    done.atMs = QDateTime::currentMSecsSinceEpoch();
    done.reason = reason;
    done.rssBefore = residentBytesNow();
    m_parts.removeIf([](const Part &p) { return p.owned && !p.owner; });
    for (const Part &part : std::as_const(m_parts))
        done.dropped.append({part.name, part.reclaim()});
    malloc_trim(0); // freed heap pages back to the system, or RSS would not show it
    done.rssAfter = residentBytesNow();
    m_cleanups.add();
    if (done.freedBytes() > 0)
        m_freedBytes.add(double(done.freedBytes()));
    qCInfo(lcMemory).noquote() << done.describe();
    Q_EMIT cleanedUp(done);
    return done;
}

void MemoryManager::onAlertFired(const Alert &alert)
{
    if (alert.rule == QLatin1String("memory_critical"))
        cleanup(QStringLiteral("critical"));
}

} // namespace spoon
