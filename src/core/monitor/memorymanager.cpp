#include "memorymanager.h"

#include "telemetry/figureformat.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFutureWatcher>
#include <QLocale>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

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

void MemoryManager::cleanup(const QString &reason)
{
    MemoryCleanup done;
    done.atMs = QDateTime::currentMSecsSinceEpoch();
    done.reason = reason;
    done.rssBefore = residentBytesNow();
    m_parts.removeIf([](const Part &p) { return p.owned && !p.owner; });
    // The parts live on this thread and give back here.
    for (const Part &part : std::as_const(m_parts))
        done.dropped.append({part.name, part.reclaim()});
    // malloc_trim walks the whole heap (tens of ms with a large one): off this thread, which
    // may be the GUI's. The result is reported back here once RSS shows what it gave back.
    // A watcher, not .then(): Qt 6.4 can drop or repeat a continuation attached while the
    // future finishes on another thread.
    auto *watcher = new QFutureWatcher<MemoryCleanup>(this);
    connect(watcher, &QFutureWatcher<MemoryCleanup>::finished, this, [this, watcher] {
        const MemoryCleanup trimmed = watcher->result();
        watcher->deleteLater();
        m_cleanups.add();
        if (trimmed.freedBytes() > 0)
            m_freedBytes.add(double(trimmed.freedBytes()));
        qCInfo(lcMemory).noquote() << trimmed.describe();
        Q_EMIT cleanedUp(trimmed);
    });
    watcher->setFuture(QtConcurrent::run([done]() mutable {
        malloc_trim(0); // freed heap pages back to the system, or RSS would not show it
        done.rssAfter = residentBytesNow();
        return done;
    }));
}

void MemoryManager::onAlertFired(const Alert &alert)
{
    if (alert.rule == QLatin1String("memory_critical"))
        cleanup(QStringLiteral("critical"));
}

} // namespace spoon
