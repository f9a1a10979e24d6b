#pragma once

// Every series name in one place, in Prometheus naming style (base units, _total for
// counters), so the dashboard, system-info and the agent's system_info tool cannot drift
// apart.
namespace spoon::metric {

inline constexpr char kProcessCpuPercent[] = "spoon_process_cpu_percent";
inline constexpr char kSystemCpuPercent[] = "spoon_system_cpu_percent";
inline constexpr char kProcessResidentBytes[] = "spoon_process_resident_memory_bytes";
inline constexpr char kProcessPeakResidentBytes[] = "spoon_process_peak_resident_memory_bytes";
inline constexpr char kProcessSwapBytes[] = "spoon_process_swap_bytes";
inline constexpr char kProcessVirtualBytes[] = "spoon_process_virtual_memory_bytes";
inline constexpr char kProcessMemoryPercent[] = "spoon_process_memory_percent";
inline constexpr char kSystemMemoryTotalBytes[] = "spoon_system_memory_total_bytes";
inline constexpr char kSystemMemoryAvailableBytes[] = "spoon_system_memory_available_bytes";
inline constexpr char kProcessThreads[] = "spoon_process_threads";
inline constexpr char kProcessOpenFds[] = "spoon_process_open_fds";
inline constexpr char kProcessDiskIoAvailable[] = "spoon_process_disk_io_available";
inline constexpr char kProcessDiskReadBytes[] = "spoon_process_disk_read_bytes_total";
inline constexpr char kProcessDiskWriteBytes[] = "spoon_process_disk_write_bytes_total";
inline constexpr char kProcessDiskReadRate[] = "spoon_process_disk_read_bytes_per_second";
inline constexpr char kProcessDiskWriteRate[] = "spoon_process_disk_write_bytes_per_second";
inline constexpr char kSystemNetSentBytes[] = "spoon_system_network_sent_bytes_total";
inline constexpr char kSystemNetReceivedBytes[] = "spoon_system_network_received_bytes_total";
inline constexpr char kSystemNetSentRate[] = "spoon_system_network_sent_bytes_per_second";
inline constexpr char kSystemNetReceivedRate[] = "spoon_system_network_received_bytes_per_second";
inline constexpr char kMonitorSamples[] = "spoon_monitor_samples_total";
inline constexpr char kMonitorSampleSeconds[] = "spoon_monitor_sample_duration_seconds";

// LLM calls (llm/llmstats.cpp), labelled by provider and model.
inline constexpr char kLlmRequests[] = "spoon_llm_requests_total";
inline constexpr char kLlmFailures[] = "spoon_llm_failures_total";
inline constexpr char kLlmLatencySeconds[] = "spoon_llm_latency_seconds";
inline constexpr char kLlmSuccesses[] = "spoon_llm_successes_total";
inline constexpr char kLlmRetries[] = "spoon_llm_retries_total";
inline constexpr char kLlmCacheHits[] = "spoon_llm_cache_hits_total";
inline constexpr char kLlmPromptTokens[] = "spoon_llm_prompt_tokens_total";
inline constexpr char kLlmCompletionTokens[] = "spoon_llm_completion_tokens_total";
inline constexpr char kLlmTimeToFirstToken[] = "spoon_llm_time_to_first_token_seconds";
// What the caller waited for (llm/llmrouter.cpp): the first token of a streamed answer, the
// whole of an unstreamed one. The response_time alert reads it.
inline constexpr char kLlmResponseSeconds[] = "spoon_llm_response_seconds";
inline constexpr char kLlmFallbacks[] = "spoon_llm_fallbacks_total";
inline constexpr char kLlmInFlight[] = "spoon_llm_in_flight";

// Caches (cache/ttlcache.h), labelled by cache.
inline constexpr char kCacheHits[] = "spoon_cache_hits_total";
inline constexpr char kCacheMisses[] = "spoon_cache_misses_total";
inline constexpr char kCacheEvictions[] = "spoon_cache_evictions_total";
inline constexpr char kCacheExpirations[] = "spoon_cache_expirations_total";
inline constexpr char kCacheEntries[] = "spoon_cache_entries";
inline constexpr char kCacheCapacity[] = "spoon_cache_capacity";

// Alerts (monitor/alertengine.h), labelled by rule.
inline constexpr char kAlertsFired[] = "spoon_alerts_fired_total";
inline constexpr char kAlertsActive[] = "spoon_alerts_active";
inline constexpr char kAlertHandlerFailures[] = "spoon_alert_handler_failures_total";

// The database pool (storage/databasepool.h).
inline constexpr char kDbConnectionsOpen[] = "spoon_db_connections_open";
inline constexpr char kDbConnectionsInUse[] = "spoon_db_connections_in_use";
inline constexpr char kDbConnectionsIdle[] = "spoon_db_connections_idle";
inline constexpr char kDbWaiters[] = "spoon_db_waiters";
inline constexpr char kDbQuerySeconds[] = "spoon_db_query_duration_seconds";
inline constexpr char kDbErrors[] = "spoon_db_errors_total";
inline constexpr char kDbRowsWritten[] = "spoon_db_rows_written_total";

// The LLM request batcher (llm/requestbatcher.h).
inline constexpr char kLlmBatches[] = "spoon_llm_batches_total";
inline constexpr char kLlmBatchRequests[] = "spoon_llm_batch_requests_total"; // {sent}
inline constexpr char kLlmBatchWaiting[] = "spoon_llm_batch_waiting";

} // namespace spoon::metric
