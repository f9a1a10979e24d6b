<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Metric</name>
    <message>
        <source>Process CPU, 100 = one core</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Process CPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Whole-machine CPU busy, 0..100</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machine CPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resident set size in bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resident memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Peak resident set size (VmHWM)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Peak resident memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Swapped-out memory in bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Swap</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Virtual memory size in bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Virtual memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RSS as % of physical memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory share</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Physical memory in bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Physical memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory available for new work (MemAvailable)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Available memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Threads in this process</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open file descriptors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 when /proc/self/io is readable, else 0</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disk IO readable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bytes read from storage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disk read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bytes written to storage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disk written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Storage read bytes per second</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disk read rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Storage write bytes per second</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disk write rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bytes sent on all interfaces</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Network sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bytes received on all interfaces</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Network received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bytes sent per second</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Network send rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bytes received per second</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Network receive rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Samples taken by the process monitor</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Monitor samples</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time to take one sample</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sample time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory cleanups run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory cleanups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resident bytes the cleanups gave back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory freed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM requests made (cache hits included)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM requests that failed, by kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM failures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time to the whole answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM latency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM requests answered in full</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM successes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM request retries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM retries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM requests answered from the cache</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM cache hits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt tokens sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Completion tokens received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Completion tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time to the first streamed token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time to first token</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time the caller waited: to the first token if streamed, else to the answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM response time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Completion tokens per second, last answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens per second</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM requests in flight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Switches to the next provider of the fallback chain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM fallbacks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Batches of unstreamed LLM requests released (a lone one counts)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM batches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unstreamed LLM requests, by whether they left at once or waited in a batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Batched LLM requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unstreamed LLM requests waiting for their batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for a batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache lookups that found a fresh entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache hits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache lookups that found nothing usable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache misses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entries pushed out because the cache was full</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache evictions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entries dropped because older than the TTL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache expirations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entries held</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache entries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entries the cache holds at most</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache capacity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alerts fired, by rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alerts fired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alerts firing now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Active alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alert handlers that failed, by handler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alert handler failures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database connections open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connections open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database connections running a job</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connections in use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database connections open and free</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connections idle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database jobs waiting for a free connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Jobs waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time a database job ran on its connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database job time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database jobs that failed, by kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rows inserted, updated or deleted</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rows written</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP requests on the wire</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP in flight</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP requests waiting for a connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP queued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP requests finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP requests</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New connections the pool opened (not reused)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP connections opened</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Response bytes received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP bytes received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Request body bytes sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP bytes sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time from leaving the queue to the last byte</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP request time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP requests that failed in transport</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU offload tasks waiting for a worker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offload queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU offload workers at work</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offload workers busy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU offload tasks done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offload tasks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU offload workers at most</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Offload workers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent turns running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turns running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent turns waiting for a free slot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turns waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent turns that may run at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Turn slots</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages held in conversation histories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History messages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summaries of folded history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History summaries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Text held in conversation histories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Times old history was folded into a summary</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History folds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ReAct steps taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent steps</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tool calls run</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tool calls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tool calls that failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tool errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History cleanups (every cleanup_interval turns and after errors)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>History cleanups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A step's own time, LLM and tool time excluded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Step overhead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MCP tool calls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MCP calls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MCP tool calls that failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MCP failures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MCP server process starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>MCP server starts</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>spoon-console: the config is invalid; fix it and start again (spoon-console check-config)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invalid config</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::AgentCatalog</name>
    <message>
        <source>The tools of MCP server "%1" are not available: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::AgentsPage</name>
    <message>
        <source>Stream the answer as it arrives</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer a repeated question from the cache</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Empty: "You are &lt;name&gt;, an AI agent in Spoon Console." and the description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Steps per answer at most</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answer length at most (tokens)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time per step at most</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tools offered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent selected at start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Changes apply to conversations started after Save.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (MCP)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::AlertRule</name>
    <message>
        <source>resident memory, share of agents.memory_limit_mb, mean</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>resident memory, share of physical memory, mean</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>process CPU (100 % is one core), mean</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM response time: to the first token if streamed, else to the whole answer; mean</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed LLM calls / LLM calls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (over %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (one sample)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (%1 average)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Process memory %1 is above %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Process CPU %1 is above %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Average LLM response time %1 is above %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM error rate %1 is above %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Resident memory %1 is %2 of the %3 limit, above the %4 level of %5</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::AlertToast</name>
    <message>
        <source>View alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Critical alert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation><numerusform>+%n more</numerusform><numerusform>+%n more</numerusform></translation>
    </message>
</context>
<context>
    <name>spoon::AlertsView</name>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>No alerts. %n rules are watched on every sample.</source>
        <translation><numerusform>No alerts. %n rules are watched on every sample.</numerusform><numerusform>No alerts. %n rules are watched on every sample.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation><numerusform>%n active</numerusform><numerusform>%n active</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n in the list</source>
        <translation><numerusform>%n in the list</numerusform><numerusform>%n in the list</numerusform></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rules, evaluated on every sample</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>crossed, waiting out its "for"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>firing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Measures</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::AppearancePage</name>
    <message>
        <source>As the desktop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The theme changes when you save; the language at the next start.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::CachesPanel</name>
    <message>
        <source>No cache yet: the LLM and tool caches appear when an agent first runs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU offload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 in flight · %2 queued · %3 connections opened · %4 requests done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 workers busy · %3 queued · %4 tasks done</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 open · %2 in use · %3 idle · %4 waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 jobs, p50 %2 ms, p95 %3 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>hit rate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 entries · %3 evicted · %4 expired</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent turns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 turns running · %3 waiting for a slot</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM batching</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>batches sent: %1 · requests that waited in a batch: %2, that left at once: %3 · waiting now: %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tool results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>DNS answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>hit rate · hits: %1, lookups: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ChatConversation</name>
    <message>
        <source>Ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thinking…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thinking: %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Streaming the answer…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Calling tool %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Summarising older messages…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (the answer above is incomplete)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Answered in %n step(s), %1 s</source>
        <translation><numerusform>Answered in %n step, %1 s</numerusform><numerusform>Answered in %n steps, %1 s</numerusform></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This answer was cut off and is incomplete.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retrying in %1 s (%2 from %3, attempt %4 of %5)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 failed (%2); asking %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(cached)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answered by %1 after %2 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for a free agent slot (%1 ahead; performance.agents.max_concurrent)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add the key in Settings &gt; Providers (Ctrl+,)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the API key in Settings &gt; Providers (Ctrl+,)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Is the server running? Check its base URL in Settings &gt; Providers (Ctrl+,)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The provider limits how fast it is asked: wait a moment, then Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check the model name and the base URL in Settings &gt; Providers (Ctrl+,)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped. What arrived so far is kept, and you can go on with the conversation.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1. %2</source>
        <comment>an error, then what to check</comment>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This conversation follows the agent's own instructions again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This conversation has its own instructions from here on.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ChatMessageDelegate</name>
    <message>
        <source>%1 · running…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · failed after %2 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · answered in %2 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>
… (%1 more characters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Arguments
%1

Result
%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(waiting)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tool %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ChatPane</name>
    <message>
        <source>Chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent that answers in this conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Also called: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Message the agent… (Ctrl+Enter sends, Esc stops)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop the agent (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy result</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy code block %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Ask the agent anything.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;It answers with its tools when they help: try &lt;i&gt;How much memory does the engine use?&lt;/i&gt;, or give it a URL to fetch.&lt;/p&gt;&lt;p&gt;Ctrl+Enter sends, Esc stops, Ctrl+N starts a new chat.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stored conversations cannot be listed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The stored messages cannot be read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rename conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop the agent first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1
%n message(s), agent %2</source>
        <translation><numerusform>%1
%n message, agent %2</numerusform><numerusform>%1
%n messages, agent %2</numerusform></translation>
    </message>
    <message>
        <source>Answered by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the last message again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Editing your last message: Ctrl+Enter sends it in place of the old one and its answer; Esc cancels.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Regenerate answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit last message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Copy last answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E&amp;xport conversation...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no conversation to export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Deleted "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversation &amp;instructions...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversation instructions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Instructions for this conversation only, in place of the agent's system prompt. Empty: the agent's own.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The stored conversation cannot be read: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::CommandAlertHandler</name>
    <message>
        <source>%1 alert commands still running; skipped the alert %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 ran longer than %2 s and was stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 exited with %2%3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ConfigChecks</name>
    <message>
        <source>; did you mean "%1"?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (known: %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"base_url" is required for a provider Spoon does not know (known: %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected an http:// or https:// URL, got "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"model" is required for a provider Spoon does not know</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no provider is called "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" appears twice; it is tried once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a tool needs a "name"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the tool "%1" is listed twice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no built-in tool is called "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (built-in: %1); for a tool from an MCP server set "type": "mcp"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an MCP tool needs "mcp_server": {"command": ...}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" already names the agent "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no agent is called "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is larger than pool_max_size (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>must be below critical_threshold (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is above connection_limit (%1), which caps it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>applies to an http:// base_url only; https negotiates HTTP/2 by itself</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ConfigDocument</name>
    <message>
        <source>%1 is not a JSON object (%2); fix it first, spoon-console check-config shows where</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ConfigLoader</name>
    <message>
        <source>API keys are not read from files; this value is ignored. Set %1 in the environment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>key appears twice; the last value is used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no such file (named by %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is a directory, not a config file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is not a regular file (a device, pipe or socket)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>is larger than %1 bytes, the most a config file may be</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ConfigValidator</name>
    <message>
        <source>the number %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the string "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown key "%1" is ignored; did you mean "%2"?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown key "%1" is ignored; valid keys here: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a name must not be empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>; did you mean "%1"?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>has no effect yet (%1); the value is checked and kept</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ConversationSearch</name>
    <message>
        <source>Search conversations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Conversations are not stored, so there is nothing to search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finds messages that contain every word typed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No message contains these words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::DashboardPane</name>
    <message>
        <source>%1/s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>process</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RSS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disk IO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>write</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Network IO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Engine health</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>5 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the last %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>process %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>machine %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RSS %1, %2 of physical memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>read %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>write %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This system does not let the process read /proc/self/io.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>received %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sent %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>avg %1 · min %2 · peak %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>peak %1 · avg %2 of memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in window: read %1 · written %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>in window: received %1 · sent %2 (all interfaces)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 threads · %2 open files · %3 samples in view</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>d</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>7 d</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Needs the store, which keeps a rollup of every minute; it is not open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the last %1, a point per minute from the store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 threads · %2 open files · %3 stored minutes in view</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::DesktopNotificationHandler</name>
    <message>
        <source>no D-Bus session bus, so no desktop notifications: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spoon Console: critical alert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spoon Console: alert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the notification service refused: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::Engine</name>
    <message>
        <source>the demo endpoint cannot listen on 127.0.0.1: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::Environment</name>
    <message>
        <source>expected an http:// or https:// URL, got "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected one of debug, info, warning, error, critical, got "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected "text" or "json", got "%1"</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::HealthScorer</name>
    <message>
        <source>Configuration is valid</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Configuration has %n error(s)</source>
        <translation><numerusform>Configuration has %n error</numerusform><numerusform>Configuration has %n errors</numerusform></translation>
    </message>
    <message>
        <source>Fix the errors listed by `spoon-console check-config`.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n LLM provider(s) ready</source>
        <translation><numerusform>%n LLM provider ready</numerusform><numerusform>%n LLM providers ready</numerusform></translation>
    </message>
    <message>
        <source>No LLM provider has a key; the built-in demo endpoint answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default provider "%1" is ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default provider "%1" has no key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 memory available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close other programs or lower performance.agents.max_concurrent; agents slow down or fail when memory runs out.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Machine CPU %1 % busy</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The machine is nearly saturated; expect slow tools and late tokens.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 free for %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open-file limit %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Raise it to at least %1 (ulimit -n %1): the HTTP pool alone may open %2 connections.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Process uses %1 of its %2 budget</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Raise performance.agents.memory_limit_mb or lower max_history_length.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Free some space: the console keeps its data there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store a provider's key in the console's Settings &gt; Providers, or set OPENAI_API_KEY, ANTHROPIC_API_KEY, DEEPSEEK_API_KEY or another provider's key, to talk to a real model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set %1 or store the key in the console's Settings &gt; Providers, or change llm_settings.default_provider.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::HttpPool</name>
    <message>
        <source>no connection to %1 within %2 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no complete response within %1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing received for %1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>response larger than %1 bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the connection closed after %1 of %2 bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (HTTP/2 was spoken from the first byte, without an upgrade: does the server speak h2c?)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::KeyVault</name>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not in the keychain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no keychain service is running (Secret Service, such as GNOME Keyring or KWallet); set the key in the environment instead</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the keychain refused access (locked, or access was denied)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the keychain failed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::LlmPanel</name>
    <message>
        <source>Latency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM calls</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Requests per minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First token p50 / p95 / p99</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Latency p50 / p95 / p99</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens per second</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tokens out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fallbacks taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cache hits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Estimated cost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> (%1 %)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n calls</source>
        <translation><numerusform>%n calls</numerusform><numerusform>%n calls</numerusform></translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation><numerusform>%n failed</numerusform><numerusform>%n failed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n from the cache</source>
        <translation><numerusform>%n from the cache</numerusform><numerusform>%n from the cache</numerusform></translation>
    </message>
    <message>
        <source>estimated cost %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No LLM call in this window.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>p95 over %n answers; first token p50 / p95 / p99 %1</source>
        <translation><numerusform>p95 over %n answers; first token p50 / p95 / p99 %1</numerusform><numerusform>p95 over %n answers; first token p50 / p95 / p99 %1</numerusform></translation>
    </message>
    <message>
        <source>No answer in this window.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 7 days (from the store)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the stored LLM calls: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::MainWindow</name>
    <message>
        <source>Spoon Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sampling every %1 ms · history %2 h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>pid %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Configured model: %1 via %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last minute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About Spoon Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About Spoon Console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;Spoon Console %1&lt;/b&gt;&lt;p&gt;Chat with AI agents and watch the engine's health live.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Answers come from the built-in demo endpoint at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connections: %1 open, %2 in use, %3 idle; %4 jobs waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 jobs, p50 %2 ms, p95 %3 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 rows written, %2 failed jobs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not saving conversations: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last 7 days (from the store)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Process</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Caches and pools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Free memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Empty the LLM and tool caches, fold idle conversations into their summaries and give free memory back to the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>critical level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>warning level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo endpoint: %1 is configured but has no API key, so a scripted stand-in inside the app answers. Add the key in Settings &gt; Providers (Ctrl+,) or set %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Demo endpoint: no LLM provider is set up, so a scripted stand-in inside the app answers (it streams, and calls tools when asked about the engine). Add a provider in Settings &gt; Providers (Ctrl+,), or set OPENAI_API_KEY or another provider's key, to talk to a real model.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Configured provider: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This window was started without a config file to edit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings cannot open the config file: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings saved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Collecting system information...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System information copied: paste it into the issue you report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send the message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stop the agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keyboard &amp;shortcuts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open &amp;config file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Config file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no config file yet: the console runs on its defaults. File &gt; Settings creates %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Report an issue (copies system information)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The config file has errors; the running settings are kept: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The config file changed: providers and routing reloaded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep running in the tray?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spoon Console can keep its engine running in the tray when you close the window: agents finish their turns and alerts still notify you. Quit from the tray icon or File &gt; Quit.

Keep it running when the window closes?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show &amp;dashboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The dashboard shows when the window is wider</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::MemoryCleanup</name>
    <message>
        <source>Memory cleanup (%1): RSS %2 -&gt; %3, %4 freed; let go: %5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::MetricCard</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ModelListing</name>
    <message>
        <source>cannot connect to %1 (%2): is the server running? Check the base URL in Settings &gt; Providers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no answer from %1 in time: is the server running and reachable?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>secure connection to %1 failed: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the answer from %1 is larger than %2 MiB; is this an LLM server?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 closed the connection before answering</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>request to %1 failed: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the server refused the key (HTTP %1: %2): check the API key in Settings &gt; Providers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing at %1 (HTTP 404): check the base URL; OpenAI-compatible ones end in /v1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 redirects elsewhere (HTTP %2); put the final address in the base URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>HTTP %1 from %2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 answered, but not with a model list (no "data" array): check the base URL</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ModelSwitcher</name>
    <message>
        <source>The model that answers in this conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default model</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::MonitoringPage</name>
    <message>
        <source>Sample every</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep history for</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alert when memory is above</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alert when CPU is above</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alert when LLM answers take longer than</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alert when LLM errors exceed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory warning level</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> % of agents.memory_limit_mb</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory critical level (frees caches)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sample interval and the history length apply at the next start; thresholds and memory levels too.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ProvidersPage</name>
    <message>
        <source>Add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OpenAI-compatible (OpenAI, vLLM, llama.cpp, Ollama, ...)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Anthropic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>default (performance.llm.request_timeout)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>default (performance.llm.retry_attempts)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sends an API key (local servers often need none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forget stored key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Timeout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retries</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price per million input tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price per million output tokens</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When it fails, try (in order)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From the environment; saving lists it in the config file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic (the first with a key)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No key is sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key comes from %1 in the environment, which wins over the keychain.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A key is stored in the system keychain. Type a new one to replace it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The stored key will be removed from the keychain on Save.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No key yet: paste it here (it goes to the system keychain, never to the config file), or set %1 in the environment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give the base URL first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Asking %1 for its models...</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Connected: %n model(s) offered.</source>
        <translation><numerusform>Connected: %n model offered.</numerusform><numerusform>Connected: %n models offered.</numerusform></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A provider is already called %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A saved provider keeps its name: it names the provider's keychain item, and agents and the fallback order refer to it. To rename it, add a provider under the new name and remove this one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This name picks a well-known provider's defaults (base URL, model, key variable). For another name, add a provider.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The key works until the console quits: the system keychain did not store it. Set %1 in the environment to keep it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::ReactAgent</name>
    <message>
        <source>loading tools</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not offered, since the agent already has tools of these names: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Providers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Settings are kept in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved, but the keychain did not take every key: %1. A key typed here works until the console quits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The config file changed outside the console. Save writes what this window shows over it; Close and open Settings again to see the file's values.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved to %1. Agents added or removed in the file appear at the next start.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::TimeSeriesChart</name>
    <message>
        <source>now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2 ago</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::TrayIcon</name>
    <message>
        <source>Hide</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Spoon Console: %n alert(s) active</source>
        <translation><numerusform>Spoon Console: %n alert active</numerusform><numerusform>Spoon Console: %n alerts active</numerusform></translation>
    </message>
    <message>
        <source>Spoon Console: no alert</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::UntrustedDocument</name>
    <message>
        <source>[image: %1]</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::cli</name>
    <message>
        <source>Print every config key with its type, range and default.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>error: "%1" is not a conversation id (see history list)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stored conversations.

  history list               newest first: id, last update, messages, agent, title
  history show ID            one conversation's messages
  history search TEXT        messages that contain every word of TEXT
  history export ID --format md|json</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>list, show, search or export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>print JSON (list, show, search)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>export format: md or json</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>at most N conversations or hits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>usage: spoon-console history list | show ID | search TEXT | export ID --format md|json</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>error: --limit needs a positive number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>error: --format is md or json, not "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the store at %1 cannot be used: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>there is no conversation %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::cli::Ask</name>
    <message>
        <source>Send one chat completion through the LLM router.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>what to ask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the provider to ask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the model to use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>wait for the whole answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>print one JSON object at the end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>neither read nor fill the response cache</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: ask needs a prompt, e.g. spoon-console ask "Hello"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: the config is invalid; nothing was sent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: cannot start the demo endpoint: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: no provider is called "%1" (configured: %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: %1 failed (%2); asking %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: the model called %1(%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: the answer above is incomplete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the built-in OpenAI-compatible demo endpoint.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>port to listen on (default: any free one)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>address to listen on</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>streaming pace; 0 sends at once</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a fault for every request, e.g. status=429,retry_after=1,times=2 (repeatable)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: --fault %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: cannot listen on %1:%2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spoon demo endpoint on %1/v1 (model %2). Ctrl+C stops it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: provider "%1" has no API key: set %2, or store one in the console's Settings &gt; Providers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stream events sent together in one write, at the same pace (default 1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: --port takes 0 to 65535, --tokens-per-second a number &gt;= 0, --events-per-write 1 to 1000, --host an IP address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>key from the keychain (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>key from %1 (environment, %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no key needed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no key: set %1, or store one in the console's Settings &gt; Providers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: %1: %2; attempt %3 of %4 in %5 s</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::cli::Chat</name>
    <message>
        <source>Run one agent turn: the agent may call its tools before it answers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>what to tell the agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the agent, by name or alias</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the provider to ask</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the model to use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>print the whole transcript as JSON at the end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: chat needs a message, e.g. spoon-console chat "How busy is the engine?"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: no agent is called "%1" (agents: %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[step %1]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[tool] %1(%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[tool] %1 failed after %2 ms: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>[tool] %1 answered in %2 ms (%3 characters)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: the answer above is incomplete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the store at %1 cannot be used: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: this conversation is not saved: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>spoon-console: not saved: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::cli::CheckConfig</name>
    <message>
        <source>Validate a Spoon Console config file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the file to check (default: the one the console would read)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no config file at %1: the built-in defaults are used, and they are valid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: valid</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1: valid, %n warning(s)</source>
        <translation><numerusform>%1: valid, %n warning</numerusform><numerusform>%1: valid, %n warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: invalid, %n error(s)</source>
        <translation><numerusform>%1: invalid, %n error</numerusform><numerusform>%1: invalid, %n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation><numerusform>, %n warning</numerusform><numerusform>, %n warnings</numerusform></translation>
    </message>
</context>
<context>
    <name>spoon::cli::CommandLine</name>
    <message>
        <source>--config needs a file name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown command "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown command "%1"; did you mean "%2"?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 takes no arguments</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 takes at most %n argument(s)</source>
        <translation><numerusform>%1 takes at most %n argument</numerusform><numerusform>%1 takes at most %n arguments</numerusform></translation>
    </message>
    <message>
        <source>Usage: spoon-console [--config FILE] [COMMAND [OPTIONS]]

Without a command, starts the desktop console.

Commands:
  check-config [FILE]     validate a config file; exit 0 if valid, 1 if not
  system-info [--json]    platform, config, providers, agents, live process
                          figures and a health score
  config-reference        every config key with its type and default
  ask [--provider NAME] [--model M] [--no-stream] [--json] PROMPT
                          one chat completion through the LLM router;
                          the answer streams to stdout
  chat [--agent NAME] [--provider NAME] [--model M] [--json] MESSAGE
                          one agent turn, tools included; the answer
                          streams to stdout, the steps to stderr
  demo-server [--port N]  the built-in OpenAI-compatible demo endpoint
  history list | show ID | search TEXT | export ID --format md|json
                          stored conversations (--json for list, show and
                          search; --limit N)

Options:
  --config FILE           config file (else $SPOON_CONFIG, else
                          ~/.config/spoon-console/config.json)
  -h, --help              this help
  -v, --version           the version

Environment: &lt;PROVIDER&gt;_API_KEY, &lt;PROVIDER&gt;_BASE_URL, &lt;PROVIDER&gt;_MODEL,
LOG_LEVEL (debug|info|warning|error|critical), LOG_FORMAT (text|json).
</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::cli::SystemInfo</name>
    <message>
        <source>Show what the engine runs on.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>print one JSON object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spoon Console %1: system information
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>OS</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 total, %2 available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not found: built-in defaults</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>INVALID: %n error(s), see below</source>
        <translation><numerusform>INVALID: %n error, see below</numerusform><numerusform>INVALID: %n errors, see below</numerusform></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LLM providers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none configured: the built-in demo endpoint answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not usable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>demo endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fallback</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>tools: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This process (pid %1, sampled over %2 ms)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 % of a core (machine %2 %)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disk IO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>read %1, written %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unavailable (/proc/self/io unreadable)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sent %1, received %2 (all interfaces)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Health: %1/100 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Advice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>RSS %1 (%2 %), peak %3, virtual %4, swapped %5</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::conversationexport</name>
    <message>
        <source>User</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Assistant (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tool %1 (failed)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tool %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Agent %1, started %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Calls `%1` with `%2`</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(incomplete)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(attempts: %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The turn failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>spoon::schema</name>
    <message>
        <source>an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an object of strings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an array of strings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>one of</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of at least %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>one of %1</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
