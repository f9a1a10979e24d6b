#pragma once

#include "cachekey.h"
#include "telemetry/metricsregistry.h"

#include <QtGlobal>

#include <atomic>
#include <vector>

#include <time.h>

namespace spoon {

struct CacheStats
{
    quint64 hits = 0;
    quint64 misses = 0;
    quint64 evictions = 0;   // pushed out because the cache was full (least recently used)
    quint64 expirations = 0; // found older than the TTL
    qsizetype size = 0;
    qsizetype capacity = 0;
    double hitRate() const { return hits + misses ? double(hits) / double(hits + misses) : 0.0; }
};

// The TTL clock: CLOCK_MONOTONIC_COARSE, a few ns instead of CLOCK_MONOTONIC's ~30 ns on a
// VM's paravirtual clock, at the kernel tick's resolution (1 to 10 ms), plenty for TTLs in
// seconds.
struct CoarseMonotonicClock
{
    qint64 nowMs() const
    {
        timespec now{};
        ::clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
        return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
    }
};

// The one TTL + LRU cache of the engine (the seed's CachedTool, done in O(1)): LLM responses
// and tool results both use it. Entries live in a preallocated slab linked in recency order;
// an open-addressing index (linear probing at load factor 1/4, backward-shift deletion,
// 8-byte slots carrying a hash fingerprint) finds them without touching an entry that does
// not match, and each entry remembers its slot, so eviction needs no search. The TTL counts
// from put, as in the seed, and is checked on get.
//
// One owner thread. Its statistics are single-writer atomics (plain loads and stores, no
// locked instructions on the hot path) that publish() exposes in the metrics registry.
template <typename Value, typename Clock = CoarseMonotonicClock> class TtlCache
{
public:
    TtlCache(qsizetype capacity, qint64 ttlMs, Clock clock = Clock())
        : m_capacity(std::max<qsizetype>(1, capacity))
        , m_ttlMs(ttlMs)
        , m_clock(std::move(clock))
    {
        m_entries.resize(size_t(m_capacity));
        m_links.resize(size_t(m_capacity));
        for (quint32 i = 0; i < quint32(m_capacity); ++i)
            m_links[i].next = i + 1 < quint32(m_capacity) ? i + 1 : kNone;
        m_free = 0;
        size_t tableSize = 16;
        while (tableSize < size_t(m_capacity) * 4)
            tableSize *= 2;
        m_table.assign(tableSize, Slot{});
        m_mask = tableSize - 1;
    }
    TtlCache(const TtlCache &) = delete;
    TtlCache &operator=(const TtlCache &) = delete;

    // Registers spoon_cache_{hits,misses,evictions,expirations}_total, spoon_cache_entries and
    // spoon_cache_capacity with the label cache="<name>", read from this cache for as long as
    // it lives.
    void publish(MetricsRegistry &registry, const QByteArray &name)
    {
        const MetricLabels labels{{"cache", name}};
        m_published.clear();
        const auto counter = [&](const char *metric, const char *help,
                                 const std::atomic<quint64> &source) {
            m_published.push_back(registry.counterFunction(metric, help, labels, [&source] {
                return double(source.load(std::memory_order_relaxed));
            }));
        };
        counter("spoon_cache_hits_total", "Cache lookups that found a fresh entry", m_hits);
        counter("spoon_cache_misses_total", "Cache lookups that found nothing usable", m_misses);
        counter("spoon_cache_evictions_total", "Entries pushed out because the cache was full",
                m_evictions);
        counter("spoon_cache_expirations_total", "Entries found older than the TTL", m_expirations);
        m_published.push_back(
            registry.gaugeFunction("spoon_cache_entries", "Entries held", labels, [this] {
                return double(m_sizeForReaders.load(std::memory_order_relaxed));
            }));
        const double capacity = double(m_capacity);
        m_published.push_back(registry.gaugeFunction("spoon_cache_capacity",
                                                     "Entries the cache holds at most", labels,
                                                     [capacity] { return capacity; }));
    }

    // The value if present and fresh; counts a hit or a miss. The pointer is valid until the
    // next put, remove or clear.
    const Value *get(const CacheKey &key)
    {
        const size_t slot = find(key);
        if (slot == kNotFound) {
            bump(m_misses);
            return nullptr;
        }
        const quint32 index = m_table[slot].node;
        if (m_ttlMs > 0 && m_clock.nowMs() >= m_entries[index].expiresAtMs) {
            erase(index);
            bump(m_expirations);
            bump(m_misses);
            return nullptr;
        }
        moveToFront(index);
        bump(m_hits);
        return &m_entries[index].value;
    }

    bool contains(const CacheKey &key) const { return find(key) != kNotFound; }

    void put(const CacheKey &key, Value value)
    {
        const qint64 expires = m_ttlMs > 0 ? m_clock.nowMs() + m_ttlMs : 0;
        const quint32 fingerprint = quint32(key.hash());
        size_t slot = fingerprint & m_mask;
        for (; m_table[slot].node != kNone; slot = (slot + 1) & m_mask) {
            const Slot s = m_table[slot];
            if (s.fingerprint == fingerprint && m_entries[s.node].key == key) {
                Entry &entry = m_entries[s.node];
                entry.value = std::move(value);
                entry.expiresAtMs = expires;
                moveToFront(s.node);
                return;
            }
        }
        if (m_free == kNone) {
            // Full: the least recently used goes. Its removal may shift entries back into
            // the run we probed, so the free slot is looked for again.
            erase(m_tail);
            bump(m_evictions);
            for (slot = fingerprint & m_mask; m_table[slot].node != kNone;)
                slot = (slot + 1) & m_mask;
        }
        const quint32 index = m_free;
        m_free = m_links[index].next;
        Entry &entry = m_entries[index];
        entry.key = key;
        entry.value = std::move(value);
        entry.expiresAtMs = expires;
        m_links[index].slot = quint32(slot);
        m_table[slot] = Slot{index, fingerprint};
        linkFront(index);
        setSize(m_size + 1);
    }

    bool remove(const CacheKey &key)
    {
        const size_t slot = find(key);
        if (slot == kNotFound)
            return false;
        erase(m_table[slot].node);
        return true;
    }

    // Empties the cache, the seed's MemoryManager "clear caches"; returns how many went.
    qsizetype clear()
    {
        const qsizetype removed = m_size;
        while (m_size > 0)
            erase(m_tail);
        return removed;
    }

    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    qint64 ttlMs() const { return m_ttlMs; }

    CacheStats stats() const
    {
        const auto read = [](const std::atomic<quint64> &a) {
            return a.load(std::memory_order_relaxed);
        };
        return CacheStats{read(m_hits),        read(m_misses), read(m_evictions),
                          read(m_expirations), m_size,         m_capacity};
    }

private:
    static constexpr quint32 kNone = 0xFFFFFFFFu;
    static constexpr size_t kNotFound = ~size_t(0);

    // An entry's payload and its bookkeeping live in two arrays: eviction and recency
    // updates walk only the small links (12 bytes each, a few KB per thousand entries, in
    // L1), and a payload is touched only to compare a key or hand out a value.
    struct Entry
    {
        CacheKey key;
        qint64 expiresAtMs = 0;
        Value value{};
    };
    struct Link
    {
        quint32 prev = kNone;
        quint32 next = kNone;
        quint32 slot = kNone; // where the index points at this entry
    };
    struct Slot
    {
        quint32 node = kNone;
        quint32 fingerprint = 0; // low hash bits: the slot's home is fingerprint & mask
    };

    // Single writer: a plain load and store, no lock prefix; readers see a whole value.
    static void bump(std::atomic<quint64> &counter)
    {
        counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }

    void setSize(qsizetype size)
    {
        m_size = size;
        m_sizeForReaders.store(size, std::memory_order_relaxed);
    }

    size_t find(const CacheKey &key) const
    {
        const quint32 fingerprint = quint32(key.hash());
        for (size_t slot = fingerprint & m_mask;; slot = (slot + 1) & m_mask) {
            const Slot &s = m_table[slot];
            if (s.node == kNone)
                return kNotFound;
            if (s.fingerprint == fingerprint && m_entries[s.node].key == key)
                return slot;
        }
    }

    // Linear-probing deletion without tombstones: later entries of the same run move back
    // into the hole when their home slot allows it, so lookups never slow down over time.
    void erase(quint32 index)
    {
        size_t hole = m_links[index].slot;
        unlink(index);
        m_entries[index].value = Value{};
        m_links[index].slot = kNone;
        m_links[index].next = m_free;
        m_free = index;
        setSize(m_size - 1);

        for (size_t next = (hole + 1) & m_mask; m_table[next].node != kNone;
             next = (next + 1) & m_mask) {
            const size_t home = m_table[next].fingerprint & m_mask;
            // It may move back unless its home lies cyclically in (hole, next].
            const bool homeBetween =
                hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
            if (!homeBetween) {
                m_table[hole] = m_table[next];
                m_links[m_table[hole].node].slot = quint32(hole);
                hole = next;
            }
        }
        m_table[hole] = Slot{};
    }

    void unlink(quint32 index)
    {
        Link &link = m_links[index];
        if (link.prev != kNone)
            m_links[link.prev].next = link.next;
        else
            m_head = link.next;
        if (link.next != kNone)
            m_links[link.next].prev = link.prev;
        else
            m_tail = link.prev;
        link.prev = link.next = kNone;
    }

    void linkFront(quint32 index)
    {
        Link &link = m_links[index];
        link.prev = kNone;
        link.next = m_head;
        if (m_head != kNone)
            m_links[m_head].prev = index;
        m_head = index;
        if (m_tail == kNone)
            m_tail = index;
    }

    void moveToFront(quint32 index)
    {
        if (m_head == index)
            return;
        unlink(index);
        linkFront(index);
    }

    qsizetype m_capacity;
    qint64 m_ttlMs;
    Clock m_clock;
    std::vector<Entry> m_entries;
    std::vector<Link> m_links;
    std::vector<Slot> m_table;
    size_t m_mask = 0;
    quint32 m_head = kNone;
    quint32 m_tail = kNone;
    quint32 m_free = kNone;
    qsizetype m_size = 0;
    std::atomic<quint64> m_hits{0}, m_misses{0}, m_evictions{0}, m_expirations{0};
    std::atomic<qsizetype> m_sizeForReaders{0};
    std::vector<SeriesHandle> m_published;
};

} // namespace spoon
