#pragma once

#include "alert.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <utility>

namespace spoon {

class Counter;
class MetricsRegistry;

// What one cleanup did: RSS before and after, and what each part let go.
struct MemoryCleanup
{
    qint64 atMs = 0;
    QString reason; // "critical" (the memory_critical alert) or "manual"
    quint64 rssBefore = 0;
    quint64 rssAfter = 0;
    QList<std::pair<QString, qint64>> dropped; // part -> entries (or messages) let go

    qint64 freedBytes() const { return qint64(rssBefore) - qint64(rssAfter); }
    QString describe() const;
    // As an event of the Alerts view: a resolved "memory_cleanup" episode.
    Alert toAlert() const;
};

// The seed's MemoryManager: at the critical level (the memory_critical alert) or when the
// user asks, every registered part gives back what it can (the LLM and tool caches are
// emptied, idle conversations fold their older half into a summary, the chat pane drops its
// laid-out documents), then malloc_trim(0) returns free heap pages to the system. The
// warning level is the memory_warning alert's: a log line and the dashboard's memory card.
class MemoryManager : public QObject
{
    Q_OBJECT
public:
    // Gives back what it can now; returns how many entries went.
    using Reclaim = std::function<qint64()>;

    explicit MemoryManager(MetricsRegistry &registry, QObject *parent = nullptr);

    // `owner` (optional) ends the part's registration when it is destroyed.
    void addPart(const QString &name, Reclaim reclaim, QObject *owner = nullptr);
    // Reclaims the parts now, then trims the heap on a pool thread; cleanedUp() reports the
    // result back on this thread.
    void cleanup(const QString &reason);
    // Cleans up when the memory_critical alert fires; connect AlertEngine::alertFired here.
    void onAlertFired(const Alert &alert);
    // The process's resident bytes now (/proc/self/statm), not as of the last sample.
    static quint64 residentBytesNow();

Q_SIGNALS:
    void cleanedUp(const spoon::MemoryCleanup &cleanup);

private:
    struct Part
    {
        QString name;
        Reclaim reclaim;
        QPointer<QObject> owner;
        bool owned;
    };
    QList<Part> m_parts;
    Counter &m_cleanups;
    Counter &m_freedBytes;
};

} // namespace spoon
