#pragma once

#include "cachekey.h"
#include "telemetry/metricsregistry.h"

#include <QtGlobal>

#include <chrono>
#include <functional>
#include <vector>

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

// Where a cache counts: registry series when it is published, or counters of its own.
struct CacheInstruments
{
    Counter *hits = nullptr;
    Counter *misses = nullptr;
    Counter *evictions = nullptr;
    Counter *expirations = nullptr;
    Gauge *entries = nullptr;

    // The series spoon_cache_*{cache="<name>"} in the registry.
    static CacheInstruments registered(MetricsRegistry &registry, const QByteArray &name);
};

// The one TTL + LRU cache of the engine (the seed's CachedTool, done in O(1)): LLM
// responses and tool results both use it. get, put and eviction are O(1): entries live in a
// preallocated slab linked in recency order, and an open-addressing index (linear probing,
// backward-shift deletion, 8-byte slots carrying a hash fingerprint) finds them without
// touching an entry that does not match. Expiry is checked on get (the TTL counts from put,
// as in the seed). Not thread-safe: one owner thread.
template <typename Value>
class TtlCache
{
public:
    using MonotonicClockMs = std::function<qint64()>;

    TtlCache(qsizetype capacity, qint64 ttlMs, CacheInstruments instruments = {},
             MonotonicClockMs clock = {})
        : m_capacity(std::max<qsizetype>(1, capacity))
        , m_ttlMs(ttlMs)
        , m_clock(clock ? std::move(clock) : MonotonicClockMs(&steadyNowMs))
        , m_instruments(withFallbacks(instruments))
    {
        m_nodes.resize(size_t(m_capacity));
        for (quint32 i = 0; i < quint32(m_capacity); ++i)
            m_nodes[i].next = i + 1 < quint32(m_capacity) ? i + 1 : kNone;
        m_free = 0;
        size_t slots = 16;
        while (slots < size_t(m_capacity) * 2)
            slots *= 2;
        m_slots.assign(slots, Slot{});
        m_mask = slots - 1;
    }

    // The value if present and fresh; counts a hit or a miss. The pointer is valid until the
    // next put, remove or clear.
    const Value *get(const CacheKey &key)
    {
        const size_t slot = find(key);
        if (slot == kNotFound) {
            m_instruments.misses->add();
            return nullptr;
        }
        const quint32 index = m_slots[slot].node;
        if (m_ttlMs > 0 && m_clock() >= m_nodes[index].expiresAtMs) {
            eraseSlot(slot);
            m_instruments.expirations->add();
            m_instruments.misses->add();
            return nullptr;
        }
        moveToFront(index);
        m_instruments.hits->add();
        return &m_nodes[index].value;
    }

    bool contains(const CacheKey &key) const { return find(key) != kNotFound; }

    void put(const CacheKey &key, Value value)
    {
        const qint64 expires = m_ttlMs > 0 ? m_clock() + m_ttlMs : 0;
        const size_t existing = find(key);
        if (existing != kNotFound) {
            Node &node = m_nodes[m_slots[existing].node];
            node.value = std::move(value);
            node.expiresAtMs = expires;
            moveToFront(m_slots[existing].node);
            return;
        }
        if (m_free == kNone) { // full: the least recently used goes
            eraseSlot(find(m_nodes[m_tail].key));
            m_instruments.evictions->add();
        }
        const quint32 index = m_free;
        m_free = m_nodes[index].next;
        Node &node = m_nodes[index];
        node.key = key;
        node.value = std::move(value);
        node.expiresAtMs = expires;
        linkFront(index);
        insertSlot(key, index);
        ++m_size;
        m_instruments.entries->set(double(m_size));
    }

    bool remove(const CacheKey &key)
    {
        const size_t slot = find(key);
        if (slot == kNotFound)
            return false;
        eraseSlot(slot);
        return true;
    }

    // Empties the cache (the memory manager's "clear caches"); returns how many went.
    qsizetype clear()
    {
        const qsizetype removed = m_size;
        while (m_size > 0)
            eraseSlot(find(m_nodes[m_tail].key));
        return removed;
    }

    qsizetype size() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    qint64 ttlMs() const { return m_ttlMs; }

    CacheStats stats() const
    {
        return CacheStats{quint64(m_instruments.hits->value()),
                          quint64(m_instruments.misses->value()),
                          quint64(m_instruments.evictions->value()),
                          quint64(m_instruments.expirations->value()), m_size, m_capacity};
    }

private:
    static constexpr quint32 kNone = 0xFFFFFFFFu;
    static constexpr size_t kNotFound = ~size_t(0);

    struct Node
    {
        CacheKey key;
        qint64 expiresAtMs = 0;
        quint32 prev = kNone;
        quint32 next = kNone;
        Value value{};
    };
    struct Slot
    {
        quint32 node = kNone;
        quint32 fingerprint = 0; // low bits of the hash: the slot's home is fingerprint & mask
    };

    static qint64 steadyNowMs()
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    CacheInstruments withFallbacks(CacheInstruments given)
    {
        given.hits = given.hits ? given.hits : &m_ownHits;
        given.misses = given.misses ? given.misses : &m_ownMisses;
        given.evictions = given.evictions ? given.evictions : &m_ownEvictions;
        given.expirations = given.expirations ? given.expirations : &m_ownExpirations;
        given.entries = given.entries ? given.entries : &m_ownEntries;
        return given;
    }

    size_t find(const CacheKey &key) const
    {
        const quint32 fingerprint = quint32(key.hash());
        for (size_t slot = fingerprint & m_mask;; slot = (slot + 1) & m_mask) {
            const Slot &s = m_slots[slot];
            if (s.node == kNone)
                return kNotFound;
            if (s.fingerprint == fingerprint && m_nodes[s.node].key == key)
                return slot;
        }
    }

    void insertSlot(const CacheKey &key, quint32 index)
    {
        const quint32 fingerprint = quint32(key.hash());
        size_t slot = fingerprint & m_mask;
        while (m_slots[slot].node != kNone)
            slot = (slot + 1) & m_mask;
        m_slots[slot] = Slot{index, fingerprint};
    }

    // Linear-probing deletion without tombstones: later entries of the same run move back
    // into the hole when their home slot allows it, so lookups never degrade over time.
    void eraseSlot(size_t hole)
    {
        const quint32 index = m_slots[hole].node;
        unlink(index);
        m_nodes[index].value = Value{};
        m_nodes[index].next = m_free;
        m_free = index;
        --m_size;
        m_instruments.entries->set(double(m_size));

        for (size_t next = (hole + 1) & m_mask; m_slots[next].node != kNone;
             next = (next + 1) & m_mask) {
            const size_t home = m_slots[next].fingerprint & m_mask;
            // Move when the home is not in (hole, next], cyclically.
            const bool homeBetween =
                hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
            if (!homeBetween) {
                m_slots[hole] = m_slots[next];
                hole = next;
            }
        }
        m_slots[hole] = Slot{};
    }

    void unlink(quint32 index)
    {
        Node &node = m_nodes[index];
        if (node.prev != kNone)
            m_nodes[node.prev].next = node.next;
        else
            m_head = node.next;
        if (node.next != kNone)
            m_nodes[node.next].prev = node.prev;
        else
            m_tail = node.prev;
        node.prev = node.next = kNone;
    }

    void linkFront(quint32 index)
    {
        Node &node = m_nodes[index];
        node.prev = kNone;
        node.next = m_head;
        if (m_head != kNone)
            m_nodes[m_head].prev = index;
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
    MonotonicClockMs m_clock;
    Counter m_ownHits, m_ownMisses, m_ownEvictions, m_ownExpirations;
    Gauge m_ownEntries;
    CacheInstruments m_instruments;
    std::vector<Node> m_nodes;
    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    quint32 m_head = kNone;
    quint32 m_tail = kNone;
    quint32 m_free = kNone;
    qsizetype m_size = 0;
};

} // namespace spoon
