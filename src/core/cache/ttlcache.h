#pragma once

#include "cachekey.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"
#include "tickclock.h"

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <vector>

#include <sys/mman.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace spoon {

struct CacheStats
{
    quint64 hits = 0;
    quint64 misses = 0;
    quint64 evictions = 0;   // pushed out because the cache was full (the oldest put)
    quint64 expirations = 0; // dropped because older than the TTL
    qsizetype size = 0;
    qsizetype capacity = 0;
    double hitRate() const { return hits + misses ? double(hits) / double(hits + misses) : 0.0; }
};

// Storage for the cache's big arrays. From a few MB up, the memory comes in 2 MB-aligned
// blocks marked MADV_HUGEPAGE (Debian's default THP mode is "madvise"): a million entries
// span 80 MB, and with 4 KB pages nearly every probe of a large cache would also miss the TLB.
template <typename T> struct HugePageAllocator
{
    using value_type = T;
    static constexpr size_t kHugePage = size_t(2) << 20;
    static constexpr size_t kFromBytes = size_t(4) << 20;

    HugePageAllocator() = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U> &) {}

    T *allocate(size_t n)
    {
        const size_t bytes = n * sizeof(T);
        if (bytes < kFromBytes)
            return static_cast<T *>(::operator new(bytes, std::align_val_t(alignof(T))));
        const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        void *memory = std::aligned_alloc(kHugePage, rounded);
        if (!memory)
            throw std::bad_alloc();
        ::madvise(memory, rounded, MADV_HUGEPAGE); // advice only: 4 KB pages if refused
        return static_cast<T *>(memory);
    }
    void deallocate(T *memory, size_t n)
    {
        if (n * sizeof(T) < kFromBytes)
            ::operator delete(memory, std::align_val_t(alignof(T)));
        else
            std::free(memory);
    }
    template <typename U> bool operator==(const HugePageAllocator<U> &) const { return true; }
};

// The one TTL cache of the engine (the seed's CachedTool, done in O(1)): LLM responses, tool
// results and checked DNS answers use it. As in the seed, the TTL counts from put and the
// oldest put is the first to go when the cache is full; a hit changes nothing. With one TTL
// for every entry, put order is also expiry order, so a put first drops the expired entries
// from the old end, and expired entries never hold space that fresh ones could use.
//
// Entries live in a preallocated slab, linked oldest to newest. The index is a table of
// 64-byte chunks (F14's layout): 12 one-byte tags compared with one SSE2 instruction, the
// 12 entry numbers, and an overflow count of keys that went past the chunk because it was
// full. A lookup reads one chunk and compares only keys whose tag matches (1 in 128 false
// matches); it stops at a chunk with no overflow. An erase clears one tag and decrements the
// counts on the way from the key's home, so nothing shifts and no tombstone remains. The
// table holds at most half of its slots, so overflow is rare.
//
// One owner thread. Its statistics are single-writer atomics (plain loads and stores, no
// locked instructions on the hot path) that publish() exposes in the metrics registry.
template <typename Value, typename Clock = TickClock> class TtlCache
{
public:
    TtlCache(qsizetype capacity, qint64 ttlMs, Clock clock = Clock())
        : m_capacity(std::clamp<qsizetype>(capacity, 1, kMaxCapacity))
        , m_ttlMs(ttlMs)
        , m_clock(std::move(clock))
    {
        m_entries.resize(size_t(m_capacity));
        m_links.resize(size_t(m_capacity));
        for (quint32 i = 0; i < quint32(m_capacity); ++i)
            m_links[i].newer = i + 1 < quint32(m_capacity) ? i + 1 : kNone;
        m_free = 0;
        const size_t chunksNeeded = (size_t(m_capacity) * 2 + kSlots - 1) / kSlots;
        m_chunks.assign(std::bit_ceil(chunksNeeded), Chunk{});
        m_chunkMask = quint32(m_chunks.size() - 1);
    }
    TtlCache(const TtlCache &) = delete;
    TtlCache &operator=(const TtlCache &) = delete;

    // Registers metric::kCacheHits, kCacheMisses, kCacheEvictions, kCacheExpirations,
    // kCacheEntries and kCacheCapacity with the label cache="<name>", read from this cache for
    // as long as it lives.
    void publish(MetricsRegistry &registry, const QByteArray &name)
    {
        const MetricLabels labels{{"cache", name}};
        m_published.clear();
        const auto counter = [&](const CounterMetric &metric, const std::atomic<quint64> &source) {
            m_published.push_back(registry.counterFunction(metric, labels, [&source] {
                return double(source.load(std::memory_order_relaxed));
            }));
        };
        counter(metric::kCacheHits, m_hits);
        counter(metric::kCacheMisses, m_misses);
        counter(metric::kCacheEvictions, m_evictions);
        counter(metric::kCacheExpirations, m_expirations);
        m_published.push_back(registry.gaugeFunction(metric::kCacheEntries, labels, [this] {
            return double(m_sizeForReaders.load(std::memory_order_relaxed));
        }));
        const double capacity = double(m_capacity);
        m_published.push_back(registry.gaugeFunction(metric::kCacheCapacity, labels,
                                                     [capacity] { return capacity; }));
    }

    // The value if present and fresh; counts a hit or a miss. The pointer is valid until the
    // next put, getOrPut, remove or clear.
    const Value *get(const CacheKey &key)
    {
        const Probe probe = find(key);
        if (probe.node == kNone || dropIfExpired(probe.node)) {
            bump(m_misses);
            return nullptr;
        }
        bump(m_hits);
        return &m_entries[probe.node].value;
    }

    // The seed's execute() for a value made on the spot: the cached value, or make()'s, which
    // is stored. One probe either way. make must not use this cache.
    template <typename Make> const Value &getOrPut(const CacheKey &key, Make &&make)
    {
        Probe probe = find(key);
        if (probe.node != kNone && !dropIfExpired(probe.node)) {
            bump(m_hits);
            return m_entries[probe.node].value;
        }
        bump(m_misses);
        return m_entries[insert(key, probe, make())].value;
    }

    bool contains(const CacheKey &key) const { return find(key).node != kNone; }

    // Stores value under key; a key already held takes the new value and counts as the
    // newest put, as the seed's timestamp does.
    void put(const CacheKey &key, Value value)
    {
        const Probe probe = find(key);
        if (probe.node == kNone) {
            insert(key, probe, std::move(value));
            return;
        }
        Entry &entry = m_entries[probe.node];
        entry.value = std::move(value);
        entry.expiresAtMs = expiryOfNewPut();
        unlink(probe.node);
        linkNewest(probe.node);
    }

    bool remove(const CacheKey &key)
    {
        const Probe probe = find(key);
        if (probe.node == kNone)
            return false;
        erase(probe.node);
        return true;
    }

    // Empties the cache, the seed's MemoryManager "clear caches"; returns how many went.
    qsizetype clear()
    {
        const qsizetype removed = m_size;
        while (m_oldest != kNone)
            erase(m_oldest);
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
    static constexpr quint32 kSlots = 12;
    static constexpr quint32 kSlotBits = 4;
    static constexpr quint32 kAllSlots = (1u << kSlots) - 1;
    static constexpr quint8 kOverflowSaturated = 255; // never decremented again (as F14)
    static constexpr qsizetype kMaxCapacity = qsizetype(1) << 26; // chunk numbers fit 28 bits

    // The payloads apart from the bookkeeping: eviction and relinking walk only the small
    // links, and a payload is touched only to compare a key or hand out a value.
    struct Entry
    {
        CacheKey key;
        qint64 expiresAtMs = 0;
        Value value{};
    };
    struct Link
    {
        quint32 older = kNone;
        quint32 newer = kNone;
        quint32 position = kNone; // chunk << kSlotBits | slot
        quint32 distance = 0;     // chunks between the key's home and its chunk
    };
    struct alignas(64) Chunk
    {
        std::array<quint8, kSlots> tags{}; // 0: empty; else 0x80 | 7 bits of the hash
        quint8 overflow = 0;
        std::array<quint8, 3> unused{};
        std::array<quint32, kSlots> nodes{};

        // Bit i set when tags[i] == tag, and when slot i is taken.
        quint32 matching(quint8 tag) const
        {
#if defined(__SSE2__)
            const __m128i control = _mm_load_si128(reinterpret_cast<const __m128i *>(this));
            const __m128i wanted = _mm_set1_epi8(char(tag));
            return quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(control, wanted))) & kAllSlots;
#else
            quint32 bits = 0;
            for (quint32 i = 0; i < kSlots; ++i)
                bits |= quint32(tags[i] == tag) << i;
            return bits;
#endif
        }
        quint32 occupied() const
        {
#if defined(__SSE2__)
            const __m128i control = _mm_load_si128(reinterpret_cast<const __m128i *>(this));
            return quint32(_mm_movemask_epi8(control)) & kAllSlots; // a tag's top bit is set
#else
            quint32 bits = 0;
            for (quint32 i = 0; i < kSlots; ++i)
                bits |= quint32(tags[i] != 0) << i;
            return bits;
#endif
        }
    };
    static_assert(sizeof(Chunk) == 64);

    // Where a key is, or where it would go: the first chunk on its path with a free slot.
    struct Probe
    {
        quint32 node = kNone;
        quint32 home = 0;
        quint8 tag = 0;
        quint32 spaceChunk = kNone;
        quint32 spaceDistance = 0;
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

    quint32 nextChunk(quint32 chunk) const
    {
        return (chunk + 1) & m_chunkMask;
    }

    Probe find(const CacheKey &key) const
    {
        const quint64 hash = key.hash();
        Probe probe;
        probe.home = quint32(hash) & m_chunkMask;
        probe.tag = quint8(hash >> 57) | 0x80;
        quint32 chunk = probe.home;
        for (quint32 distance = 0; distance <= m_chunkMask; ++distance) {
            const Chunk &c = m_chunks[chunk];
            for (quint32 bits = c.matching(probe.tag); bits; bits &= bits - 1) {
                const quint32 node = c.nodes[std::countr_zero(bits)];
                if (m_entries[node].key == key) {
                    probe.node = node;
                    return probe;
                }
            }
            if (probe.spaceChunk == kNone && c.occupied() != kAllSlots) {
                probe.spaceChunk = chunk;
                probe.spaceDistance = distance;
            }
            if (c.overflow == 0)
                break;
            chunk = nextChunk(chunk);
        }
        return probe;
    }

    qint64 expiryOfNewPut() const
    {
        return m_ttlMs > 0 ? m_clock.nowMs() + m_ttlMs : 0;
    }

    bool dropIfExpired(quint32 node)
    {
        if (m_ttlMs <= 0 || m_clock.nowMs() < m_entries[node].expiresAtMs)
            return false;
        erase(node);
        bump(m_expirations);
        return true;
    }

    // Adds a key that find() did not see; returns its entry's number. Erasing only frees
    // slots, so the probe's free slot stays free.
    quint32 insert(const CacheKey &key, const Probe &probe, Value value)
    {
        const qint64 expires = expiryOfNewPut();
        if (m_ttlMs > 0) {
            while (m_oldest != kNone && m_entries[m_oldest].expiresAtMs <= expires - m_ttlMs) {
                erase(m_oldest);
                bump(m_expirations);
            }
        }
        if (m_free == kNone) {
            erase(m_oldest);
            bump(m_evictions);
        }
        quint32 chunk = probe.spaceChunk;
        quint32 distance = probe.spaceDistance;
        if (chunk == kNone) { // every chunk on the path was full: look further
            chunk = probe.home;
            for (distance = 0; m_chunks[chunk].occupied() == kAllSlots; ++distance)
                chunk = nextChunk(chunk);
        }
        for (quint32 d = 0, passed = probe.home; d < distance; ++d, passed = nextChunk(passed)) {
            quint8 &overflow = m_chunks[passed].overflow;
            if (overflow != kOverflowSaturated)
                ++overflow;
        }
        Chunk &target = m_chunks[chunk];
        const quint32 slot = quint32(std::countr_zero(~target.occupied() & kAllSlots));
        const quint32 node = m_free;
        m_free = m_links[node].newer;
        target.tags[slot] = probe.tag;
        target.nodes[slot] = node;
        m_links[node].position = chunk << kSlotBits | slot;
        m_links[node].distance = distance;
        Entry &entry = m_entries[node];
        entry.key = key;
        entry.expiresAtMs = expires;
        entry.value = std::move(value);
        linkNewest(node);
        setSize(m_size + 1);
        return node;
    }

    void erase(quint32 node)
    {
        Link &link = m_links[node];
        const quint32 chunk = link.position >> kSlotBits;
        m_chunks[chunk].tags[link.position & ((1u << kSlotBits) - 1)] = 0;
        for (quint32 d = 1; d <= link.distance; ++d) {
            quint8 &overflow = m_chunks[(chunk - d) & m_chunkMask].overflow;
            if (overflow != kOverflowSaturated)
                --overflow;
        }
        unlink(node);
        if constexpr (!std::is_trivially_destructible_v<Value>)
            m_entries[node].value = Value{}; // let go of what it holds now, not when reused
        link.position = kNone;
        link.distance = 0;
        link.newer = m_free;
        m_free = node;
        setSize(m_size - 1);
    }

    void unlink(quint32 node)
    {
        Link &link = m_links[node];
        if (link.older != kNone)
            m_links[link.older].newer = link.newer;
        else
            m_oldest = link.newer;
        if (link.newer != kNone)
            m_links[link.newer].older = link.older;
        else
            m_newest = link.older;
        link.older = link.newer = kNone;
    }

    void linkNewest(quint32 node)
    {
        Link &link = m_links[node];
        link.older = m_newest;
        link.newer = kNone;
        if (m_newest != kNone)
            m_links[m_newest].newer = node;
        else
            m_oldest = node;
        m_newest = node;
    }

    qsizetype m_capacity;
    qint64 m_ttlMs;
    Clock m_clock;
    std::vector<Entry, HugePageAllocator<Entry>> m_entries;
    std::vector<Link, HugePageAllocator<Link>> m_links;
    std::vector<Chunk, HugePageAllocator<Chunk>> m_chunks;
    quint32 m_chunkMask = 0;
    quint32 m_oldest = kNone;
    quint32 m_newest = kNone;
    quint32 m_free = kNone;
    qsizetype m_size = 0;
    std::atomic<quint64> m_hits{0}, m_misses{0}, m_evictions{0}, m_expirations{0};
    std::atomic<qsizetype> m_sizeForReaders{0};
    std::vector<SeriesHandle> m_published;
};

} // namespace spoon
