#include "ttlcache.h"

namespace spoon {

CacheInstruments CacheInstruments::registered(MetricsRegistry &registry, const QByteArray &name)
{
    const MetricLabels labels{{"cache", name}};
    return CacheInstruments{
        &registry.counter("spoon_cache_hits_total", "Cache lookups that found a fresh entry",
                          labels),
        &registry.counter("spoon_cache_misses_total", "Cache lookups that found nothing usable",
                          labels),
        &registry.counter("spoon_cache_evictions_total",
                          "Entries pushed out because the cache was full", labels),
        &registry.counter("spoon_cache_expirations_total", "Entries found older than the TTL",
                          labels),
        &registry.gauge("spoon_cache_entries", "Entries held", labels),
    };
}

} // namespace spoon
