#pragma once

#include "metricdescriptor.h"

#include <QtGlobal>

#include <array>

namespace spoon {

// Every series in one place, in Prometheus naming style (base units, _total for counters):
// name, type, unit, help and the UI's label. The registry takes only these descriptors, and
// only this struct can make one (metricdescriptor.h), so a series cannot be registered or
// read under a name written anywhere else. It is a struct rather than a namespace for that
// friendship, and spelt in lower case so that call sites read as the namespace did:
// `metric::kProcessCpuPercent`.
//
// A series whose labels are known only at run time (per cache, provider, tool, agent, rule)
// is one descriptor, a family, whose labels are given when a series is registered: the
// registry and the Prometheus text format both group series that way.
struct metric
{
    // The process monitor (monitor/processmonitor.cpp).
    static constexpr GaugeMetric kProcessCpuPercent{
        "spoon_process_cpu_percent", MetricUnit::Percent,
        QT_TRANSLATE_NOOP("Metric", "Process CPU, 100 = one core"),
        QT_TRANSLATE_NOOP("Metric", "Process CPU")};
    static constexpr GaugeMetric kSystemCpuPercent{
        "spoon_system_cpu_percent", MetricUnit::Percent,
        QT_TRANSLATE_NOOP("Metric", "Whole-machine CPU busy, 0..100"),
        QT_TRANSLATE_NOOP("Metric", "Machine CPU")};
    static constexpr GaugeMetric kProcessResidentBytes{
        "spoon_process_resident_memory_bytes", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Resident set size in bytes"),
        QT_TRANSLATE_NOOP("Metric", "Resident memory")};
    static constexpr GaugeMetric kProcessPeakResidentBytes{
        "spoon_process_peak_resident_memory_bytes", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Peak resident set size (VmHWM)"),
        QT_TRANSLATE_NOOP("Metric", "Peak resident memory")};
    static constexpr GaugeMetric kProcessSwapBytes{
        "spoon_process_swap_bytes", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Swapped-out memory in bytes"),
        QT_TRANSLATE_NOOP("Metric", "Swap")};
    static constexpr GaugeMetric kProcessVirtualBytes{
        "spoon_process_virtual_memory_bytes", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Virtual memory size in bytes"),
        QT_TRANSLATE_NOOP("Metric", "Virtual memory")};
    static constexpr GaugeMetric kProcessMemoryPercent{
        "spoon_process_memory_percent", MetricUnit::Percent,
        QT_TRANSLATE_NOOP("Metric", "RSS as % of physical memory"),
        QT_TRANSLATE_NOOP("Metric", "Memory share")};
    static constexpr GaugeMetric kSystemMemoryTotalBytes{
        "spoon_system_memory_total_bytes", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Physical memory in bytes"),
        QT_TRANSLATE_NOOP("Metric", "Physical memory")};
    static constexpr GaugeMetric kSystemMemoryAvailableBytes{
        "spoon_system_memory_available_bytes", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Memory available for new work (MemAvailable)"),
        QT_TRANSLATE_NOOP("Metric", "Available memory")};
    static constexpr GaugeMetric kProcessThreads{
        "spoon_process_threads", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Threads in this process"),
        QT_TRANSLATE_NOOP("Metric", "Threads")};
    static constexpr GaugeMetric kProcessOpenFds{
        "spoon_process_open_fds", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Open file descriptors"),
        QT_TRANSLATE_NOOP("Metric", "Open files")};
    static constexpr GaugeMetric kProcessDiskIoAvailable{
        "spoon_process_disk_io_available", MetricUnit::Flag,
        QT_TRANSLATE_NOOP("Metric", "1 when /proc/self/io is readable, else 0"),
        QT_TRANSLATE_NOOP("Metric", "Disk IO readable")};
    static constexpr CounterMetric kProcessDiskReadBytes{
        "spoon_process_disk_read_bytes_total", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Bytes read from storage"),
        QT_TRANSLATE_NOOP("Metric", "Disk read")};
    static constexpr CounterMetric kProcessDiskWriteBytes{
        "spoon_process_disk_write_bytes_total", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Bytes written to storage"),
        QT_TRANSLATE_NOOP("Metric", "Disk written")};
    static constexpr GaugeMetric kProcessDiskReadRate{
        "spoon_process_disk_read_bytes_per_second", MetricUnit::BytesPerSecond,
        QT_TRANSLATE_NOOP("Metric", "Storage read bytes per second"),
        QT_TRANSLATE_NOOP("Metric", "Disk read rate")};
    static constexpr GaugeMetric kProcessDiskWriteRate{
        "spoon_process_disk_write_bytes_per_second", MetricUnit::BytesPerSecond,
        QT_TRANSLATE_NOOP("Metric", "Storage write bytes per second"),
        QT_TRANSLATE_NOOP("Metric", "Disk write rate")};
    static constexpr CounterMetric kSystemNetSentBytes{
        "spoon_system_network_sent_bytes_total", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Bytes sent on all interfaces"),
        QT_TRANSLATE_NOOP("Metric", "Network sent")};
    static constexpr CounterMetric kSystemNetReceivedBytes{
        "spoon_system_network_received_bytes_total", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Bytes received on all interfaces"),
        QT_TRANSLATE_NOOP("Metric", "Network received")};
    static constexpr GaugeMetric kSystemNetSentRate{
        "spoon_system_network_sent_bytes_per_second", MetricUnit::BytesPerSecond,
        QT_TRANSLATE_NOOP("Metric", "Bytes sent per second"),
        QT_TRANSLATE_NOOP("Metric", "Network send rate")};
    static constexpr GaugeMetric kSystemNetReceivedRate{
        "spoon_system_network_received_bytes_per_second", MetricUnit::BytesPerSecond,
        QT_TRANSLATE_NOOP("Metric", "Bytes received per second"),
        QT_TRANSLATE_NOOP("Metric", "Network receive rate")};
    static constexpr CounterMetric kMonitorSamples{
        "spoon_monitor_samples_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Samples taken by the process monitor"),
        QT_TRANSLATE_NOOP("Metric", "Monitor samples")};
    static constexpr HistogramMetric kMonitorSampleSeconds{
        "spoon_monitor_sample_duration_seconds", MetricUnit::Seconds,
        QT_TRANSLATE_NOOP("Metric", "Time to take one sample"),
        QT_TRANSLATE_NOOP("Metric", "Sample time")};

    // Memory cleanups (monitor/memorymanager.cpp).
    static constexpr CounterMetric kMemoryCleanups{
        "spoon_memory_cleanups_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Memory cleanups run"),
        QT_TRANSLATE_NOOP("Metric", "Memory cleanups")};
    static constexpr CounterMetric kMemoryFreedBytes{
        "spoon_memory_freed_bytes_total", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Resident bytes the cleanups gave back"),
        QT_TRANSLATE_NOOP("Metric", "Memory freed")};

    // LLM calls (llm/llmstats.cpp), labelled by provider and model; failures also by kind.
    static constexpr CounterMetric kLlmRequests{
        "spoon_llm_requests_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "LLM requests made (cache hits included)"),
        QT_TRANSLATE_NOOP("Metric", "LLM requests")};
    static constexpr CounterMetric kLlmFailures{
        "spoon_llm_failures_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "LLM requests that failed, by kind"),
        QT_TRANSLATE_NOOP("Metric", "LLM failures")};
    static constexpr HistogramMetric kLlmLatencySeconds{
        "spoon_llm_latency_seconds", MetricUnit::Seconds,
        QT_TRANSLATE_NOOP("Metric", "Time to the whole answer"),
        QT_TRANSLATE_NOOP("Metric", "LLM latency")};
    static constexpr CounterMetric kLlmSuccesses{
        "spoon_llm_successes_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "LLM requests answered in full"),
        QT_TRANSLATE_NOOP("Metric", "LLM successes")};
    static constexpr CounterMetric kLlmRetries{"spoon_llm_retries_total", MetricUnit::Count,
                                               QT_TRANSLATE_NOOP("Metric", "LLM request retries"),
                                               QT_TRANSLATE_NOOP("Metric", "LLM retries")};
    static constexpr CounterMetric kLlmCacheHits{
        "spoon_llm_cache_hits_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "LLM requests answered from the cache"),
        QT_TRANSLATE_NOOP("Metric", "LLM cache hits")};
    static constexpr CounterMetric kLlmPromptTokens{
        "spoon_llm_prompt_tokens_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Prompt tokens sent"),
        QT_TRANSLATE_NOOP("Metric", "Prompt tokens")};
    static constexpr CounterMetric kLlmCompletionTokens{
        "spoon_llm_completion_tokens_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Completion tokens received"),
        QT_TRANSLATE_NOOP("Metric", "Completion tokens")};
    static constexpr HistogramMetric kLlmTimeToFirstToken{
        "spoon_llm_time_to_first_token_seconds", MetricUnit::Seconds,
        QT_TRANSLATE_NOOP("Metric", "Time to the first streamed token"),
        QT_TRANSLATE_NOOP("Metric", "Time to first token")};
    // What the caller waited for (llm/llmrouter.cpp): the first token of a streamed answer, the
    // whole of an unstreamed one. The response_time alert reads it.
    static constexpr HistogramMetric kLlmResponseSeconds{
        "spoon_llm_response_seconds", MetricUnit::Seconds,
        QT_TRANSLATE_NOOP(
            "Metric", "Time the caller waited: to the first token if streamed, else to the answer"),
        QT_TRANSLATE_NOOP("Metric", "LLM response time")};
    static constexpr GaugeMetric kLlmTokensPerSecond{
        "spoon_llm_tokens_per_second", MetricUnit::TokensPerSecond,
        QT_TRANSLATE_NOOP("Metric", "Completion tokens per second, last answer"),
        QT_TRANSLATE_NOOP("Metric", "Tokens per second")};
    static constexpr GaugeMetric kLlmInFlight{
        "spoon_llm_in_flight", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "LLM requests in flight"),
        QT_TRANSLATE_NOOP("Metric", "LLM requests in flight")};
    // Labelled from and to.
    static constexpr CounterMetric kLlmFallbacks{
        "spoon_llm_fallbacks_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Switches to the next provider of the fallback chain"),
        QT_TRANSLATE_NOOP("Metric", "LLM fallbacks")};

    // The LLM request batcher (llm/requestbatcher.h); batch requests labelled
    // sent=at_once|in_batch.
    static constexpr CounterMetric kLlmBatches{
        "spoon_llm_batches_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric",
                          "Batches of unstreamed LLM requests released (a lone one counts)"),
        QT_TRANSLATE_NOOP("Metric", "LLM batches")};
    static constexpr CounterMetric kLlmBatchRequests{
        "spoon_llm_batch_requests_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP(
            "Metric", "Unstreamed LLM requests, by whether they left at once or waited in a batch"),
        QT_TRANSLATE_NOOP("Metric", "Batched LLM requests")};
    static constexpr GaugeMetric kLlmBatchWaiting{
        "spoon_llm_batch_waiting", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Unstreamed LLM requests waiting for their batch"),
        QT_TRANSLATE_NOOP("Metric", "Waiting for a batch")};

    // Caches (cache/ttlcache.h), labelled by cache.
    static constexpr CounterMetric kCacheHits{
        "spoon_cache_hits_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Cache lookups that found a fresh entry"),
        QT_TRANSLATE_NOOP("Metric", "Cache hits")};
    static constexpr CounterMetric kCacheMisses{
        "spoon_cache_misses_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Cache lookups that found nothing usable"),
        QT_TRANSLATE_NOOP("Metric", "Cache misses")};
    static constexpr CounterMetric kCacheEvictions{
        "spoon_cache_evictions_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Entries pushed out because the cache was full"),
        QT_TRANSLATE_NOOP("Metric", "Cache evictions")};
    static constexpr CounterMetric kCacheExpirations{
        "spoon_cache_expirations_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Entries dropped because older than the TTL"),
        QT_TRANSLATE_NOOP("Metric", "Cache expirations")};
    static constexpr GaugeMetric kCacheEntries{"spoon_cache_entries", MetricUnit::Count,
                                               QT_TRANSLATE_NOOP("Metric", "Entries held"),
                                               QT_TRANSLATE_NOOP("Metric", "Cache entries")};
    static constexpr GaugeMetric kCacheCapacity{
        "spoon_cache_capacity", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Entries the cache holds at most"),
        QT_TRANSLATE_NOOP("Metric", "Cache capacity")};

    // Alerts (monitor/alertengine.h): fired by rule and level, handler failures by handler.
    static constexpr CounterMetric kAlertsFired{
        "spoon_alerts_fired_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Alerts fired, by rule"),
        QT_TRANSLATE_NOOP("Metric", "Alerts fired")};
    static constexpr GaugeMetric kAlertsActive{"spoon_alerts_active", MetricUnit::Count,
                                               QT_TRANSLATE_NOOP("Metric", "Alerts firing now"),
                                               QT_TRANSLATE_NOOP("Metric", "Active alerts")};
    static constexpr CounterMetric kAlertHandlerFailures{
        "spoon_alert_handler_failures_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Alert handlers that failed, by handler"),
        QT_TRANSLATE_NOOP("Metric", "Alert handler failures")};

    // The database pool (storage/databasepool.h); errors labelled by kind.
    static constexpr GaugeMetric kDbConnectionsOpen{
        "spoon_db_connections_open", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Database connections open"),
        QT_TRANSLATE_NOOP("Metric", "Connections open")};
    static constexpr GaugeMetric kDbConnectionsInUse{
        "spoon_db_connections_in_use", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Database connections running a job"),
        QT_TRANSLATE_NOOP("Metric", "Connections in use")};
    static constexpr GaugeMetric kDbConnectionsIdle{
        "spoon_db_connections_idle", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Database connections open and free"),
        QT_TRANSLATE_NOOP("Metric", "Connections idle")};
    static constexpr GaugeMetric kDbWaiters{
        "spoon_db_waiters", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Database jobs waiting for a free connection"),
        QT_TRANSLATE_NOOP("Metric", "Jobs waiting")};
    static constexpr HistogramMetric kDbQuerySeconds{
        "spoon_db_query_duration_seconds", MetricUnit::Seconds,
        QT_TRANSLATE_NOOP("Metric", "Time a database job ran on its connection"),
        QT_TRANSLATE_NOOP("Metric", "Database job time")};
    static constexpr CounterMetric kDbErrors{
        "spoon_db_errors_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Database jobs that failed, by kind"),
        QT_TRANSLATE_NOOP("Metric", "Database errors")};
    static constexpr CounterMetric kDbRowsWritten{
        "spoon_db_rows_written_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Rows inserted, updated or deleted"),
        QT_TRANSLATE_NOOP("Metric", "Rows written")};

    // The HTTP client pool (net/httppool.cpp); errors labelled by kind.
    static constexpr GaugeMetric kHttpInFlight{
        "spoon_http_in_flight", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "HTTP requests on the wire"),
        QT_TRANSLATE_NOOP("Metric", "HTTP in flight")};
    static constexpr GaugeMetric kHttpQueued{
        "spoon_http_queued", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "HTTP requests waiting for a connection"),
        QT_TRANSLATE_NOOP("Metric", "HTTP queued")};
    static constexpr CounterMetric kHttpRequests{
        "spoon_http_requests_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "HTTP requests finished"),
        QT_TRANSLATE_NOOP("Metric", "HTTP requests")};
    static constexpr CounterMetric kHttpConnectionsOpened{
        "spoon_http_connections_opened_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "New connections the pool opened (not reused)"),
        QT_TRANSLATE_NOOP("Metric", "HTTP connections opened")};
    static constexpr CounterMetric kHttpReceivedBytes{
        "spoon_http_received_bytes_total", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Response bytes received"),
        QT_TRANSLATE_NOOP("Metric", "HTTP bytes received")};
    static constexpr CounterMetric kHttpSentBytes{
        "spoon_http_sent_bytes_total", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Request body bytes sent"),
        QT_TRANSLATE_NOOP("Metric", "HTTP bytes sent")};
    static constexpr HistogramMetric kHttpRequestSeconds{
        "spoon_http_request_duration_seconds", MetricUnit::Seconds,
        QT_TRANSLATE_NOOP("Metric", "Time from leaving the queue to the last byte"),
        QT_TRANSLATE_NOOP("Metric", "HTTP request time")};
    static constexpr CounterMetric kHttpErrors{
        "spoon_http_errors_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "HTTP requests that failed in transport"),
        QT_TRANSLATE_NOOP("Metric", "HTTP errors")};

    // The CPU offload pool (compute/computepool.cpp).
    static constexpr GaugeMetric kComputeQueueDepth{
        "spoon_compute_queue_depth", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "CPU offload tasks waiting for a worker"),
        QT_TRANSLATE_NOOP("Metric", "Offload queue")};
    static constexpr GaugeMetric kComputeBusyWorkers{
        "spoon_compute_busy_workers", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "CPU offload workers at work"),
        QT_TRANSLATE_NOOP("Metric", "Offload workers busy")};
    static constexpr CounterMetric kComputeTasks{
        "spoon_compute_tasks_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "CPU offload tasks done"),
        QT_TRANSLATE_NOOP("Metric", "Offload tasks")};
    static constexpr GaugeMetric kComputeMaxWorkers{
        "spoon_compute_max_workers", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "CPU offload workers at most"),
        QT_TRANSLATE_NOOP("Metric", "Offload workers")};

    // Agents (agent/), labelled by agent; turn slots (agent/turnlimiter.cpp) unlabelled.
    static constexpr GaugeMetric kAgentTurnsRunning{
        "spoon_agent_turns_running", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Agent turns running"),
        QT_TRANSLATE_NOOP("Metric", "Turns running")};
    static constexpr GaugeMetric kAgentTurnsQueued{
        "spoon_agent_turns_queued", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Agent turns waiting for a free slot"),
        QT_TRANSLATE_NOOP("Metric", "Turns waiting")};
    static constexpr GaugeMetric kAgentTurnsMax{
        "spoon_agent_turns_max", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Agent turns that may run at once"),
        QT_TRANSLATE_NOOP("Metric", "Turn slots")};
    static constexpr GaugeMetric kAgentHistoryMessages{
        "spoon_agent_history_messages", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Messages held in conversation histories"),
        QT_TRANSLATE_NOOP("Metric", "History messages")};
    static constexpr GaugeMetric kAgentHistorySummaries{
        "spoon_agent_history_summaries", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Summaries of folded history"),
        QT_TRANSLATE_NOOP("Metric", "History summaries")};
    static constexpr GaugeMetric kAgentHistoryBytes{
        "spoon_agent_history_bytes", MetricUnit::Bytes,
        QT_TRANSLATE_NOOP("Metric", "Text held in conversation histories"),
        QT_TRANSLATE_NOOP("Metric", "History size")};
    static constexpr CounterMetric kAgentHistoryFolds{
        "spoon_agent_history_folds_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Times old history was folded into a summary"),
        QT_TRANSLATE_NOOP("Metric", "History folds")};
    static constexpr CounterMetric kAgentSteps{"spoon_agent_steps_total", MetricUnit::Count,
                                               QT_TRANSLATE_NOOP("Metric", "ReAct steps taken"),
                                               QT_TRANSLATE_NOOP("Metric", "Agent steps")};
    static constexpr CounterMetric kAgentToolCalls{
        "spoon_agent_tool_calls_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Tool calls run"), QT_TRANSLATE_NOOP("Metric", "Tool calls")};
    static constexpr CounterMetric kAgentToolErrors{
        "spoon_agent_tool_errors_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "Tool calls that failed"),
        QT_TRANSLATE_NOOP("Metric", "Tool errors")};
    static constexpr CounterMetric kAgentCleanups{
        "spoon_agent_cleanups_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric",
                          "History cleanups (every cleanup_interval turns and after errors)"),
        QT_TRANSLATE_NOOP("Metric", "History cleanups")};
    static constexpr HistogramMetric kAgentStepOverheadSeconds{
        "spoon_agent_step_overhead_seconds", MetricUnit::Seconds,
        QT_TRANSLATE_NOOP("Metric", "A step's own time, LLM and tool time excluded"),
        QT_TRANSLATE_NOOP("Metric", "Step overhead")};

    // MCP servers (agent/mcpclient.cpp), labelled by server.
    static constexpr CounterMetric kMcpCalls{"spoon_mcp_calls_total", MetricUnit::Count,
                                             QT_TRANSLATE_NOOP("Metric", "MCP tool calls"),
                                             QT_TRANSLATE_NOOP("Metric", "MCP calls")};
    static constexpr CounterMetric kMcpFailures{
        "spoon_mcp_failures_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "MCP tool calls that failed"),
        QT_TRANSLATE_NOOP("Metric", "MCP failures")};
    static constexpr CounterMetric kMcpStarts{
        "spoon_mcp_starts_total", MetricUnit::Count,
        QT_TRANSLATE_NOOP("Metric", "MCP server process starts"),
        QT_TRANSLATE_NOOP("Metric", "MCP server starts")};

    // Every descriptor above, for the exposition and for tst_metricdescriptors.
    static constexpr std::array<const MetricDescriptor *, 83> kAll{
        &kProcessCpuPercent,
        &kSystemCpuPercent,
        &kProcessResidentBytes,
        &kProcessPeakResidentBytes,
        &kProcessSwapBytes,
        &kProcessVirtualBytes,
        &kProcessMemoryPercent,
        &kSystemMemoryTotalBytes,
        &kSystemMemoryAvailableBytes,
        &kProcessThreads,
        &kProcessOpenFds,
        &kProcessDiskIoAvailable,
        &kProcessDiskReadBytes,
        &kProcessDiskWriteBytes,
        &kProcessDiskReadRate,
        &kProcessDiskWriteRate,
        &kSystemNetSentBytes,
        &kSystemNetReceivedBytes,
        &kSystemNetSentRate,
        &kSystemNetReceivedRate,
        &kMonitorSamples,
        &kMonitorSampleSeconds,
        &kMemoryCleanups,
        &kMemoryFreedBytes,
        &kLlmRequests,
        &kLlmFailures,
        &kLlmLatencySeconds,
        &kLlmSuccesses,
        &kLlmRetries,
        &kLlmCacheHits,
        &kLlmPromptTokens,
        &kLlmCompletionTokens,
        &kLlmTimeToFirstToken,
        &kLlmResponseSeconds,
        &kLlmTokensPerSecond,
        &kLlmInFlight,
        &kLlmFallbacks,
        &kLlmBatches,
        &kLlmBatchRequests,
        &kLlmBatchWaiting,
        &kCacheHits,
        &kCacheMisses,
        &kCacheEvictions,
        &kCacheExpirations,
        &kCacheEntries,
        &kCacheCapacity,
        &kAlertsFired,
        &kAlertsActive,
        &kAlertHandlerFailures,
        &kDbConnectionsOpen,
        &kDbConnectionsInUse,
        &kDbConnectionsIdle,
        &kDbWaiters,
        &kDbQuerySeconds,
        &kDbErrors,
        &kDbRowsWritten,
        &kHttpInFlight,
        &kHttpQueued,
        &kHttpRequests,
        &kHttpConnectionsOpened,
        &kHttpReceivedBytes,
        &kHttpSentBytes,
        &kHttpRequestSeconds,
        &kHttpErrors,
        &kComputeQueueDepth,
        &kComputeBusyWorkers,
        &kComputeTasks,
        &kComputeMaxWorkers,
        &kAgentTurnsRunning,
        &kAgentTurnsQueued,
        &kAgentTurnsMax,
        &kAgentHistoryMessages,
        &kAgentHistorySummaries,
        &kAgentHistoryBytes,
        &kAgentHistoryFolds,
        &kAgentSteps,
        &kAgentToolCalls,
        &kAgentToolErrors,
        &kAgentCleanups,
        &kAgentStepOverheadSeconds,
        &kMcpCalls,
        &kMcpFailures,
        &kMcpStarts,
    };
};

} // namespace spoon
