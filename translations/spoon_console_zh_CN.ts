<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Metric</name>
    <message>
        <source>Process CPU, 100 = one core</source>
        <translation>进程 CPU，100 为一个核心</translation>
    </message>
    <message>
        <source>Process CPU</source>
        <translation>进程 CPU</translation>
    </message>
    <message>
        <source>Whole-machine CPU busy, 0..100</source>
        <translation>整机 CPU 占用率，0..100</translation>
    </message>
    <message>
        <source>Machine CPU</source>
        <translation>整机 CPU</translation>
    </message>
    <message>
        <source>Resident set size in bytes</source>
        <translation>常驻内存大小（字节）</translation>
    </message>
    <message>
        <source>Resident memory</source>
        <translation>常驻内存</translation>
    </message>
    <message>
        <source>Peak resident set size (VmHWM)</source>
        <translation>常驻内存峰值（VmHWM）</translation>
    </message>
    <message>
        <source>Peak resident memory</source>
        <translation>常驻内存峰值</translation>
    </message>
    <message>
        <source>Swapped-out memory in bytes</source>
        <translation>换出到交换区的内存（字节）</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换区</translation>
    </message>
    <message>
        <source>Virtual memory size in bytes</source>
        <translation>虚拟内存大小（字节）</translation>
    </message>
    <message>
        <source>Virtual memory</source>
        <translation>虚拟内存</translation>
    </message>
    <message>
        <source>RSS as % of physical memory</source>
        <translation>RSS 占物理内存的百分比</translation>
    </message>
    <message>
        <source>Memory share</source>
        <translation>内存占比</translation>
    </message>
    <message>
        <source>Physical memory in bytes</source>
        <translation>物理内存（字节）</translation>
    </message>
    <message>
        <source>Physical memory</source>
        <translation>物理内存</translation>
    </message>
    <message>
        <source>Memory available for new work (MemAvailable)</source>
        <translation>可用于新任务的内存（MemAvailable）</translation>
    </message>
    <message>
        <source>Available memory</source>
        <translation>可用内存</translation>
    </message>
    <message>
        <source>Threads in this process</source>
        <translation>此进程中的线程数</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Open file descriptors</source>
        <translation>打开的文件描述符</translation>
    </message>
    <message>
        <source>Open files</source>
        <translation>打开的文件</translation>
    </message>
    <message>
        <source>1 when /proc/self/io is readable, else 0</source>
        <translation>/proc/self/io 可读时为 1，否则为 0</translation>
    </message>
    <message>
        <source>Disk IO readable</source>
        <translation>磁盘 IO 可读</translation>
    </message>
    <message>
        <source>Bytes read from storage</source>
        <translation>从存储读取的字节数</translation>
    </message>
    <message>
        <source>Disk read</source>
        <translation>磁盘读取</translation>
    </message>
    <message>
        <source>Bytes written to storage</source>
        <translation>写入存储的字节数</translation>
    </message>
    <message>
        <source>Disk written</source>
        <translation>磁盘写入</translation>
    </message>
    <message>
        <source>Storage read bytes per second</source>
        <translation>每秒从存储读取的字节数</translation>
    </message>
    <message>
        <source>Disk read rate</source>
        <translation>磁盘读取速率</translation>
    </message>
    <message>
        <source>Storage write bytes per second</source>
        <translation>每秒写入存储的字节数</translation>
    </message>
    <message>
        <source>Disk write rate</source>
        <translation>磁盘写入速率</translation>
    </message>
    <message>
        <source>Bytes sent on all interfaces</source>
        <translation>所有网络接口发送的字节数</translation>
    </message>
    <message>
        <source>Network sent</source>
        <translation>网络发送</translation>
    </message>
    <message>
        <source>Bytes received on all interfaces</source>
        <translation>所有网络接口接收的字节数</translation>
    </message>
    <message>
        <source>Network received</source>
        <translation>网络接收</translation>
    </message>
    <message>
        <source>Bytes sent per second</source>
        <translation>每秒发送的字节数</translation>
    </message>
    <message>
        <source>Network send rate</source>
        <translation>网络发送速率</translation>
    </message>
    <message>
        <source>Bytes received per second</source>
        <translation>每秒接收的字节数</translation>
    </message>
    <message>
        <source>Network receive rate</source>
        <translation>网络接收速率</translation>
    </message>
    <message>
        <source>Samples taken by the process monitor</source>
        <translation>进程监视器采集的样本数</translation>
    </message>
    <message>
        <source>Monitor samples</source>
        <translation>监视器样本</translation>
    </message>
    <message>
        <source>Time to take one sample</source>
        <translation>采集一个样本所需的时间</translation>
    </message>
    <message>
        <source>Sample time</source>
        <translation>采样耗时</translation>
    </message>
    <message>
        <source>Memory cleanups run</source>
        <translation>已执行的内存清理次数</translation>
    </message>
    <message>
        <source>Memory cleanups</source>
        <translation>内存清理</translation>
    </message>
    <message>
        <source>Resident bytes the cleanups gave back</source>
        <translation>清理归还的常驻内存字节数</translation>
    </message>
    <message>
        <source>Memory freed</source>
        <translation>已释放内存</translation>
    </message>
    <message>
        <source>LLM requests made (cache hits included)</source>
        <translation>发出的 LLM 请求数（含缓存命中）</translation>
    </message>
    <message>
        <source>LLM requests</source>
        <translation>LLM 请求</translation>
    </message>
    <message>
        <source>LLM requests that failed, by kind</source>
        <translation>失败的 LLM 请求，按类型</translation>
    </message>
    <message>
        <source>LLM failures</source>
        <translation>LLM 失败</translation>
    </message>
    <message>
        <source>Time to the whole answer</source>
        <translation>到完整回答的时间</translation>
    </message>
    <message>
        <source>LLM latency</source>
        <translation>LLM 延迟</translation>
    </message>
    <message>
        <source>LLM requests answered in full</source>
        <translation>完整回答的 LLM 请求</translation>
    </message>
    <message>
        <source>LLM successes</source>
        <translation>LLM 成功</translation>
    </message>
    <message>
        <source>LLM request retries</source>
        <translation>LLM 请求重试次数</translation>
    </message>
    <message>
        <source>LLM retries</source>
        <translation>LLM 重试</translation>
    </message>
    <message>
        <source>LLM requests answered from the cache</source>
        <translation>由缓存应答的 LLM 请求</translation>
    </message>
    <message>
        <source>LLM cache hits</source>
        <translation>LLM 缓存命中</translation>
    </message>
    <message>
        <source>Prompt tokens sent</source>
        <translation>发送的提示 token 数</translation>
    </message>
    <message>
        <source>Prompt tokens</source>
        <translation>提示 token</translation>
    </message>
    <message>
        <source>Completion tokens received</source>
        <translation>接收的补全 token 数</translation>
    </message>
    <message>
        <source>Completion tokens</source>
        <translation>补全 token</translation>
    </message>
    <message>
        <source>Time to the first streamed token</source>
        <translation>到首个流式 token 的时间</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>首个 token 时间</translation>
    </message>
    <message>
        <source>Time the caller waited: to the first token if streamed, else to the answer</source>
        <translation>调用方等待的时间：流式调用到首个 token，否则到回答</translation>
    </message>
    <message>
        <source>LLM response time</source>
        <translation>LLM 响应时间</translation>
    </message>
    <message>
        <source>Completion tokens per second, last answer</source>
        <translation>每秒补全 token 数，最近一次回答</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>每秒 token 数</translation>
    </message>
    <message>
        <source>LLM requests in flight</source>
        <translation>进行中的 LLM 请求</translation>
    </message>
    <message>
        <source>Switches to the next provider of the fallback chain</source>
        <translation>切换到回退链中下一个提供商的次数</translation>
    </message>
    <message>
        <source>LLM fallbacks</source>
        <translation>LLM 回退</translation>
    </message>
    <message>
        <source>Batches of unstreamed LLM requests released (a lone one counts)</source>
        <translation>已发出的非流式 LLM 请求批次（单个请求也计为一批）</translation>
    </message>
    <message>
        <source>LLM batches</source>
        <translation>LLM 批次</translation>
    </message>
    <message>
        <source>Unstreamed LLM requests, by whether they left at once or waited in a batch</source>
        <translation>非流式 LLM 请求，按立即发出或在批次中等待区分</translation>
    </message>
    <message>
        <source>Batched LLM requests</source>
        <translation>批处理的 LLM 请求</translation>
    </message>
    <message>
        <source>Unstreamed LLM requests waiting for their batch</source>
        <translation>等待所属批次的非流式 LLM 请求</translation>
    </message>
    <message>
        <source>Waiting for a batch</source>
        <translation>等待批次</translation>
    </message>
    <message>
        <source>Cache lookups that found a fresh entry</source>
        <translation>找到有效条目的缓存查询</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>缓存命中</translation>
    </message>
    <message>
        <source>Cache lookups that found nothing usable</source>
        <translation>未找到可用条目的缓存查询</translation>
    </message>
    <message>
        <source>Cache misses</source>
        <translation>缓存未命中</translation>
    </message>
    <message>
        <source>Entries pushed out because the cache was full</source>
        <translation>因缓存已满而被淘汰的条目</translation>
    </message>
    <message>
        <source>Cache evictions</source>
        <translation>缓存淘汰</translation>
    </message>
    <message>
        <source>Entries dropped because older than the TTL</source>
        <translation>因超过 TTL 而丢弃的条目</translation>
    </message>
    <message>
        <source>Cache expirations</source>
        <translation>缓存过期</translation>
    </message>
    <message>
        <source>Entries held</source>
        <translation>保存的条目数</translation>
    </message>
    <message>
        <source>Cache entries</source>
        <translation>缓存条目</translation>
    </message>
    <message>
        <source>Entries the cache holds at most</source>
        <translation>缓存最多可保存的条目数</translation>
    </message>
    <message>
        <source>Cache capacity</source>
        <translation>缓存容量</translation>
    </message>
    <message>
        <source>Alerts fired, by rule</source>
        <translation>已触发的告警，按规则</translation>
    </message>
    <message>
        <source>Alerts fired</source>
        <translation>已触发告警</translation>
    </message>
    <message>
        <source>Alerts firing now</source>
        <translation>当前正在告警的数量</translation>
    </message>
    <message>
        <source>Active alerts</source>
        <translation>进行中的告警</translation>
    </message>
    <message>
        <source>Alert handlers that failed, by handler</source>
        <translation>失败的告警处理程序，按处理程序</translation>
    </message>
    <message>
        <source>Alert handler failures</source>
        <translation>告警处理程序失败</translation>
    </message>
    <message>
        <source>Database connections open</source>
        <translation>打开的数据库连接</translation>
    </message>
    <message>
        <source>Connections open</source>
        <translation>打开的连接</translation>
    </message>
    <message>
        <source>Database connections running a job</source>
        <translation>正在运行作业的数据库连接</translation>
    </message>
    <message>
        <source>Connections in use</source>
        <translation>使用中的连接</translation>
    </message>
    <message>
        <source>Database connections open and free</source>
        <translation>已打开且空闲的数据库连接</translation>
    </message>
    <message>
        <source>Connections idle</source>
        <translation>空闲连接</translation>
    </message>
    <message>
        <source>Database jobs waiting for a free connection</source>
        <translation>等待空闲连接的数据库作业</translation>
    </message>
    <message>
        <source>Jobs waiting</source>
        <translation>等待中的作业</translation>
    </message>
    <message>
        <source>Time a database job ran on its connection</source>
        <translation>数据库作业在其连接上的运行时间</translation>
    </message>
    <message>
        <source>Database job time</source>
        <translation>数据库作业时间</translation>
    </message>
    <message>
        <source>Database jobs that failed, by kind</source>
        <translation>失败的数据库作业，按类型</translation>
    </message>
    <message>
        <source>Database errors</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <source>Rows inserted, updated or deleted</source>
        <translation>插入、更新或删除的行数</translation>
    </message>
    <message>
        <source>Rows written</source>
        <translation>写入的行数</translation>
    </message>
    <message>
        <source>HTTP requests on the wire</source>
        <translation>正在传输的 HTTP 请求</translation>
    </message>
    <message>
        <source>HTTP in flight</source>
        <translation>HTTP 进行中</translation>
    </message>
    <message>
        <source>HTTP requests waiting for a connection</source>
        <translation>等待连接的 HTTP 请求</translation>
    </message>
    <message>
        <source>HTTP queued</source>
        <translation>HTTP 排队</translation>
    </message>
    <message>
        <source>HTTP requests finished</source>
        <translation>已完成的 HTTP 请求</translation>
    </message>
    <message>
        <source>HTTP requests</source>
        <translation>HTTP 请求</translation>
    </message>
    <message>
        <source>New connections the pool opened (not reused)</source>
        <translation>连接池新建的连接（非复用）</translation>
    </message>
    <message>
        <source>HTTP connections opened</source>
        <translation>已建 HTTP 连接</translation>
    </message>
    <message>
        <source>Response bytes received</source>
        <translation>接收的响应字节数</translation>
    </message>
    <message>
        <source>HTTP bytes received</source>
        <translation>HTTP 接收字节数</translation>
    </message>
    <message>
        <source>Request body bytes sent</source>
        <translation>发送的请求体字节数</translation>
    </message>
    <message>
        <source>HTTP bytes sent</source>
        <translation>HTTP 发送字节数</translation>
    </message>
    <message>
        <source>Time from leaving the queue to the last byte</source>
        <translation>从离开队列到最后一个字节的时间</translation>
    </message>
    <message>
        <source>HTTP request time</source>
        <translation>HTTP 请求时间</translation>
    </message>
    <message>
        <source>HTTP requests that failed in transport</source>
        <translation>传输失败的 HTTP 请求</translation>
    </message>
    <message>
        <source>HTTP errors</source>
        <translation>HTTP 错误</translation>
    </message>
    <message>
        <source>CPU offload tasks waiting for a worker</source>
        <translation>等待工作线程的 CPU 卸载任务</translation>
    </message>
    <message>
        <source>Offload queue</source>
        <translation>卸载队列</translation>
    </message>
    <message>
        <source>CPU offload workers at work</source>
        <translation>忙碌的 CPU 卸载工作线程</translation>
    </message>
    <message>
        <source>Offload workers busy</source>
        <translation>忙碌的卸载工作线程</translation>
    </message>
    <message>
        <source>CPU offload tasks done</source>
        <translation>已完成的 CPU 卸载任务</translation>
    </message>
    <message>
        <source>Offload tasks</source>
        <translation>卸载任务</translation>
    </message>
    <message>
        <source>CPU offload workers at most</source>
        <translation>CPU 卸载工作线程上限</translation>
    </message>
    <message>
        <source>Offload workers</source>
        <translation>卸载工作线程</translation>
    </message>
    <message>
        <source>Agent turns running</source>
        <translation>正在运行的智能体回合</translation>
    </message>
    <message>
        <source>Turns running</source>
        <translation>运行中的回合</translation>
    </message>
    <message>
        <source>Agent turns waiting for a free slot</source>
        <translation>等待空闲名额的智能体回合</translation>
    </message>
    <message>
        <source>Turns waiting</source>
        <translation>等待中的回合</translation>
    </message>
    <message>
        <source>Agent turns that may run at once</source>
        <translation>可同时运行的智能体回合数</translation>
    </message>
    <message>
        <source>Turn slots</source>
        <translation>回合名额</translation>
    </message>
    <message>
        <source>Messages held in conversation histories</source>
        <translation>对话历史中保存的消息数</translation>
    </message>
    <message>
        <source>History messages</source>
        <translation>历史消息</translation>
    </message>
    <message>
        <source>Summaries of folded history</source>
        <translation>折叠历史的摘要数</translation>
    </message>
    <message>
        <source>History summaries</source>
        <translation>历史摘要</translation>
    </message>
    <message>
        <source>Text held in conversation histories</source>
        <translation>对话历史中保存的文本量</translation>
    </message>
    <message>
        <source>History size</source>
        <translation>历史大小</translation>
    </message>
    <message>
        <source>Times old history was folded into a summary</source>
        <translation>旧历史被折叠为摘要的次数</translation>
    </message>
    <message>
        <source>History folds</source>
        <translation>历史折叠</translation>
    </message>
    <message>
        <source>ReAct steps taken</source>
        <translation>已执行的 ReAct 步骤</translation>
    </message>
    <message>
        <source>Agent steps</source>
        <translation>智能体步骤</translation>
    </message>
    <message>
        <source>Tool calls run</source>
        <translation>已运行的工具调用</translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>工具调用</translation>
    </message>
    <message>
        <source>Tool calls that failed</source>
        <translation>失败的工具调用</translation>
    </message>
    <message>
        <source>Tool errors</source>
        <translation>工具错误</translation>
    </message>
    <message>
        <source>History cleanups (every cleanup_interval turns and after errors)</source>
        <translation>历史清理（每 cleanup_interval 个回合及出错后）</translation>
    </message>
    <message>
        <source>History cleanups</source>
        <translation>历史清理</translation>
    </message>
    <message>
        <source>A step&apos;s own time, LLM and tool time excluded</source>
        <translation>步骤自身耗时，不含 LLM 和工具时间</translation>
    </message>
    <message>
        <source>Step overhead</source>
        <translation>步骤开销</translation>
    </message>
    <message>
        <source>MCP tool calls</source>
        <translation>MCP 工具调用</translation>
    </message>
    <message>
        <source>MCP calls</source>
        <translation>MCP 调用</translation>
    </message>
    <message>
        <source>MCP tool calls that failed</source>
        <translation>失败的 MCP 工具调用</translation>
    </message>
    <message>
        <source>MCP failures</source>
        <translation>MCP 失败</translation>
    </message>
    <message>
        <source>MCP server process starts</source>
        <translation>MCP 服务器进程启动次数</translation>
    </message>
    <message>
        <source>MCP server starts</source>
        <translation>MCP 服务器启动</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>spoon-console: the config is invalid; fix it and start again (spoon-console check-config)</source>
        <translation>spoon-console: 配置无效；请修复后重新启动（spoon-console check-config）</translation>
    </message>
    <message>
        <source>Invalid config</source>
        <translation>配置无效</translation>
    </message>
    <message>
        <source>spoon-console: %1</source>
        <translation>spoon-console：%1</translation>
    </message>
</context>
<context>
    <name>spoon::AgentCatalog</name>
    <message>
        <source>The tools of MCP server &quot;%1&quot; are not available: %2</source>
        <translation>MCP 服务器“%1”的工具不可用：%2</translation>
    </message>
</context>
<context>
    <name>spoon::AgentsPage</name>
    <message>
        <source>Stream the answer as it arrives</source>
        <translation>回答到达时逐字显示</translation>
    </message>
    <message>
        <source>Answer a repeated question from the cache</source>
        <translation>重复的问题从缓存中回答</translation>
    </message>
    <message>
        <source>Empty: &quot;You are &lt;name&gt;, an AI agent in Spoon Console.&quot; and the description</source>
        <translation>留空：使用“You are &lt;name&gt;, an AI agent in Spoon Console.”及其描述</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Steps per answer at most</source>
        <translation>每次回答最多步数</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Answer length at most (tokens)</source>
        <translation>回答最大长度（token）</translation>
    </message>
    <message>
        <source>Time per step at most</source>
        <translation>每步最长时间</translation>
    </message>
    <message>
        <source>Tools offered</source>
        <translation>提供的工具</translation>
    </message>
    <message>
        <source>Agent selected at start</source>
        <translation>启动时选择的智能体</translation>
    </message>
    <message>
        <source>Changes apply to conversations started after Save.</source>
        <translation>更改对保存后开始的对话生效。</translation>
    </message>
    <message>
        <source>%1 (MCP)</source>
        <translation>%1（MCP）</translation>
    </message>
</context>
<context>
    <name>spoon::AlertRule</name>
    <message>
        <source>resident memory, share of agents.memory_limit_mb, mean</source>
        <translation>常驻内存占 agents.memory_limit_mb 的比例，平均值</translation>
    </message>
    <message>
        <source>resident memory, share of physical memory, mean</source>
        <translation>常驻内存占物理内存的比例，平均值</translation>
    </message>
    <message>
        <source>process CPU (100 % is one core), mean</source>
        <translation>进程 CPU（100 % 为一个核心），平均值</translation>
    </message>
    <message>
        <source>LLM response time: to the first token if streamed, else to the whole answer; mean</source>
        <translation>LLM 响应时间：流式调用到首个令牌，否则到完整回答；平均值</translation>
    </message>
    <message>
        <source>failed LLM calls / LLM calls</source>
        <translation>失败的 LLM 调用 / LLM 调用</translation>
    </message>
    <message>
        <source> (over %1)</source>
        <translation>（%1 内）</translation>
    </message>
    <message>
        <source> (one sample)</source>
        <translation>（单个样本）</translation>
    </message>
    <message>
        <source> (%1 average)</source>
        <translation>（%1 平均值）</translation>
    </message>
    <message>
        <source>Process memory %1 is above %2</source>
        <translation>进程内存 %1 高于 %2</translation>
    </message>
    <message>
        <source>Process CPU %1 is above %2</source>
        <translation>进程 CPU %1 高于 %2</translation>
    </message>
    <message>
        <source>Average LLM response time %1 is above %2</source>
        <translation>LLM 平均响应时间 %1 高于 %2</translation>
    </message>
    <message>
        <source>LLM error rate %1 is above %2</source>
        <translation>LLM 错误率 %1 高于 %2</translation>
    </message>
    <message>
        <source>Resident memory %1 is %2 of the %3 limit, above the %4 level of %5</source>
        <translation>常驻内存 %1 占 %3 上限的 %2，高于%4级别 %5</translation>
    </message>
</context>
<context>
    <name>spoon::AlertToast</name>
    <message>
        <source>View alerts</source>
        <translation>查看告警</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss alert</source>
        <translation>关闭告警</translation>
    </message>
    <message>
        <source>Critical alert</source>
        <translation>严重告警</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>另有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoon::AlertsView</name>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>active</source>
        <translation>进行中</translation>
    </message>
    <message numerus="yes">
        <source>No alerts. %n rules are watched on every sample.</source>
        <translation>
            <numerusform>没有告警。每次采样都会检查 %n 条规则。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active</source>
        <translation>
            <numerusform>%n 条进行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in the list</source>
        <translation>
            <numerusform>列表中共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Rules, evaluated on every sample</source>
        <translation>规则（每次采样时评估）</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>clear</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>crossed, waiting out its &quot;for&quot;</source>
        <translation>已越过阈值，等待持续时间</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>告警中</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>衡量内容</translation>
    </message>
</context>
<context>
    <name>spoon::AppearancePage</name>
    <message>
        <source>As the desktop</source>
        <translation>跟随桌面</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>The theme changes when you save; the language at the next start.</source>
        <translation>主题在保存时更改；语言在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>spoon::CachesPanel</name>
    <message>
        <source>No cache yet: the LLM and tool caches appear when an agent first runs.</source>
        <translation>尚无缓存：智能体首次运行后会出现 LLM 缓存和工具缓存。</translation>
    </message>
    <message>
        <source>Caches</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>连接池</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>CPU offload</source>
        <translation>CPU 卸载</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>%1 in flight · %2 queued · %3 connections opened · %4 requests done</source>
        <translation>进行中 %1 · 排队 %2 · 已建连接 %3 · 已完成请求 %4</translation>
    </message>
    <message>
        <source>%1 of %2 workers busy · %3 queued · %4 tasks done</source>
        <translation>%2 个工作线程中 %1 个忙碌 · 排队 %3 · 已完成任务 %4</translation>
    </message>
    <message>
        <source>%1 open · %2 in use · %3 idle · %4 waiting</source>
        <translation>打开 %1 · 使用中 %2 · 空闲 %3 · 等待 %4</translation>
    </message>
    <message>
        <source>%1 jobs, p50 %2 ms, p95 %3 ms</source>
        <translation>%1 个作业，p50 %2 毫秒，p95 %3 毫秒</translation>
    </message>
    <message>
        <source>hit rate</source>
        <translation>命中率</translation>
    </message>
    <message>
        <source>%1 of %2 entries · %3 evicted · %4 expired</source>
        <translation>%1/%2 条目 · 淘汰 %3 · 过期 %4</translation>
    </message>
    <message>
        <source>Agent turns</source>
        <translation>智能体回合</translation>
    </message>
    <message>
        <source>%1 of %2 turns running · %3 waiting for a slot</source>
        <translation>%2 个名额中 %1 个在运行 · %3 个在等待</translation>
    </message>
    <message>
        <source>LLM batching</source>
        <translation>LLM 批处理</translation>
    </message>
    <message>
        <source>batches sent: %1 · requests that waited in a batch: %2, that left at once: %3 · waiting now: %4</source>
        <translation>已发送批次：%1 · 在批次中等待的请求：%2，立即发出的：%3 · 当前等待：%4</translation>
    </message>
    <message>
        <source>LLM answers</source>
        <translation>LLM 回答</translation>
    </message>
    <message>
        <source>Tool results</source>
        <translation>工具结果</translation>
    </message>
    <message>
        <source>DNS answers</source>
        <translation>DNS 应答</translation>
    </message>
    <message>
        <source>hit rate · hits: %1, lookups: %2</source>
        <translation>命中率 · 命中：%1，查询：%2</translation>
    </message>
</context>
<context>
    <name>spoon::ChatConversation</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Thinking: %1…</source>
        <translation>思考中：%1…</translation>
    </message>
    <message>
        <source>Streaming the answer…</source>
        <translation>正在流式输出回答…</translation>
    </message>
    <message>
        <source>Calling tool %1…</source>
        <translation>正在调用工具 %1…</translation>
    </message>
    <message>
        <source>Summarising older messages…</source>
        <translation>正在总结较早的消息…</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1 (the answer above is incomplete)</source>
        <translation>%1（上面的回答不完整）</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message numerus="yes">
        <source>Answered in %n step(s), %1 s</source>
        <translation>
            <numerusform>用 %n 步完成回答，%1 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>This answer was cut off and is incomplete.</source>
        <translation>此回答被中断，内容不完整。</translation>
    </message>
    <message>
        <source>Retrying in %1 s (%2 from %3, attempt %4 of %5)</source>
        <translation>%1 秒后重试（%3 返回 %2，第 %4 次，共 %5 次）</translation>
    </message>
    <message>
        <source>%1 failed (%2); asking %3</source>
        <translation>%1 失败（%2）；改问 %3</translation>
    </message>
    <message>
        <source>(cached)</source>
        <translation>（缓存）</translation>
    </message>
    <message>
        <source>Answered by %1 after %2 failed</source>
        <translation>%2 失败后由 %1 回答</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>Waiting for a free agent slot (%1 ahead; performance.agents.max_concurrent)</source>
        <translation>等待空闲的智能体名额（前面还有 %1 个；performance.agents.max_concurrent）</translation>
    </message>
    <message>
        <source>Add the key in Settings &gt; Providers (Ctrl+,)</source>
        <translation>请在 设置 &gt; 提供方（Ctrl+,）中添加密钥</translation>
    </message>
    <message>
        <source>Check the API key in Settings &gt; Providers (Ctrl+,)</source>
        <translation>请检查 设置 &gt; 提供方（Ctrl+,）中的 API 密钥</translation>
    </message>
    <message>
        <source>Is the server running? Check its base URL in Settings &gt; Providers (Ctrl+,)</source>
        <translation>服务器在运行吗？请检查 设置 &gt; 提供方（Ctrl+,）中的基础 URL</translation>
    </message>
    <message>
        <source>The provider limits how fast it is asked: wait a moment, then Retry</source>
        <translation>提供方限制了请求频率：请稍候，然后点击重试</translation>
    </message>
    <message>
        <source>Check the model name and the base URL in Settings &gt; Providers (Ctrl+,)</source>
        <translation>请检查 设置 &gt; 提供方（Ctrl+,）中的模型名称和基础 URL</translation>
    </message>
    <message>
        <source>Stopped. What arrived so far is kept, and you can go on with the conversation.</source>
        <translation>已停止。已收到的内容会保留，你可以继续对话。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <comment>an error, then what to check</comment>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>This conversation follows the agent&apos;s own instructions again.</source>
        <translation>此对话重新遵循智能体自己的指令。</translation>
    </message>
    <message>
        <source>This conversation has its own instructions from here on.</source>
        <translation>从这里起，此对话使用它自己的指令。</translation>
    </message>
</context>
<context>
    <name>spoon::ChatMessageDelegate</name>
    <message>
        <source>%1 · running…</source>
        <translation>%1 · 运行中…</translation>
    </message>
    <message>
        <source>%1 · stopped</source>
        <translation>%1 · 已停止</translation>
    </message>
    <message>
        <source>%1 · failed after %2 ms</source>
        <translation>%1 · %2 毫秒后失败</translation>
    </message>
    <message>
        <source>%1 · answered in %2 ms</source>
        <translation>%1 · %2 毫秒内返回</translation>
    </message>
    <message>
        <source>
… (%1 more characters)</source>
        <translation>
…（还有 %1 个字符）</translation>
    </message>
    <message>
        <source>Arguments
%1

Result
%2</source>
        <translation>参数
%1

结果
%2</translation>
    </message>
    <message>
        <source>(waiting)</source>
        <translation>（等待中）</translation>
    </message>
    <message>
        <source>Tool %1</source>
        <translation>工具 %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>spoon::ChatPane</name>
    <message>
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>The agent that answers in this conversation</source>
        <translation>在此对话中回答的智能体</translation>
    </message>
    <message>
        <source>Also called: %1</source>
        <translation>别名：%1</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>开始新对话 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Message the agent… (Ctrl+Enter sends, Esc stops)</source>
        <translation>给智能体发消息…（Ctrl+Enter 发送，Esc 停止）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop the agent (Esc)</source>
        <translation>停止智能体 (Esc)</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Copy result</source>
        <translation>复制结果</translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation>复制消息</translation>
    </message>
    <message>
        <source>Copy code block %1: %2</source>
        <translation>复制代码块 %1：%2</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Ask the agent anything.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;It answers with its tools when they help: try &lt;i&gt;How much memory does the engine use?&lt;/i&gt;, or give it a URL to fetch.&lt;/p&gt;&lt;p&gt;Ctrl+Enter sends, Esc stops, Ctrl+N starts a new chat.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;向智能体提任何问题。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;需要时它会借助工具回答：试试 &lt;i&gt;How much memory does the engine use?&lt;/i&gt;，或给它一个要获取的 URL。&lt;/p&gt;&lt;p&gt;Ctrl+Enter 发送，Esc 停止，Ctrl+N 开始新对话。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Stored conversations cannot be listed: %1</source>
        <translation>无法列出已保存的对话：%1</translation>
    </message>
    <message>
        <source>The stored messages cannot be read: %1</source>
        <translation>无法读取已保存的消息：%1</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Stop the agent first</source>
        <translation>请先停止智能体</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>未命名对话</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n message(s), agent %2</source>
        <translation>
            <numerusform>%1
%n 条消息，智能体 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Answered by %1</source>
        <translation>由 %1 回答</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Send the last message again</source>
        <translation>再次发送上一条消息</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Editing your last message: Ctrl+Enter sends it in place of the old one and its answer; Esc cancels.</source>
        <translation>正在编辑你的上一条消息：Ctrl+Enter 发送它以替换原消息及其回答；Esc 取消。</translation>
    </message>
    <message>
        <source>&amp;Regenerate answer</source>
        <translation>重新生成回答(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit last message</source>
        <translation>编辑上一条消息(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Copy last answer</source>
        <translation>复制上一条回答(&amp;C)</translation>
    </message>
    <message>
        <source>E&amp;xport conversation...</source>
        <translation>导出对话(&amp;X)...</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <source>There is no conversation to export.</source>
        <translation>没有可导出的对话。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Conversation &amp;instructions...</source>
        <translation>对话指令(&amp;I)...</translation>
    </message>
    <message>
        <source>Conversation instructions</source>
        <translation>对话指令</translation>
    </message>
    <message>
        <source>Instructions for this conversation only, in place of the agent&apos;s system prompt. Empty: the agent&apos;s own.</source>
        <translation>仅用于此对话的指令，替代智能体的系统提示词。留空：使用智能体自己的。</translation>
    </message>
    <message>
        <source>&amp;New chat</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <source>The stored conversation cannot be read: %1</source>
        <translation>无法读取已保存的对话：%1</translation>
    </message>
</context>
<context>
    <name>spoon::CommandAlertHandler</name>
    <message>
        <source>%1 alert commands still running; skipped the alert %2</source>
        <translation>仍有 %1 个告警命令在运行；已跳过告警 %2</translation>
    </message>
    <message>
        <source>%1 ran longer than %2 s and was stopped</source>
        <translation>%1 运行超过 %2 秒，已被终止</translation>
    </message>
    <message>
        <source>%1 exited with %2%3</source>
        <translation>%1 退出，状态 %2%3</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
</context>
<context>
    <name>spoon::ConfigChecks</name>
    <message>
        <source>; did you mean &quot;%1&quot;?</source>
        <translation>；是否指的是 “%1”？</translation>
    </message>
    <message>
        <source> (known: %1)</source>
        <translation>（已知：%1）</translation>
    </message>
    <message>
        <source>&quot;base_url&quot; is required for a provider Spoon does not know (known: %1)</source>
        <translation>Spoon 无法识别的提供商必须设置 &quot;base_url&quot;（已知提供商：%1）</translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL, got &quot;%1&quot;</source>
        <translation>应为 http:// 或 https:// URL，实际为 “%1”</translation>
    </message>
    <message>
        <source>&quot;model&quot; is required for a provider Spoon does not know</source>
        <translation>Spoon 无法识别的提供商必须设置 &quot;model&quot;</translation>
    </message>
    <message>
        <source>no provider is called &quot;%1&quot;</source>
        <translation>不存在名为 “%1” 的提供商</translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears twice; it is tried once</source>
        <translation>“%1” 出现了两次；只会尝试一次</translation>
    </message>
    <message>
        <source>a tool needs a &quot;name&quot;</source>
        <translation>工具必须设置 &quot;name&quot;</translation>
    </message>
    <message>
        <source>the tool &quot;%1&quot; is listed twice</source>
        <translation>工具 “%1” 被列出了两次</translation>
    </message>
    <message>
        <source>no built-in tool is called &quot;%1&quot;</source>
        <translation>不存在名为 “%1” 的内置工具</translation>
    </message>
    <message>
        <source> (built-in: %1); for a tool from an MCP server set &quot;type&quot;: &quot;mcp&quot;</source>
        <translation>（内置工具：%1）；如果工具来自 MCP 服务器，请设置 &quot;type&quot;: &quot;mcp&quot;</translation>
    </message>
    <message>
        <source>an MCP tool needs &quot;mcp_server&quot;: {&quot;command&quot;: ...}</source>
        <translation>MCP 工具必须设置 &quot;mcp_server&quot;: {&quot;command&quot;: ...}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already names the agent &quot;%2&quot;</source>
        <translation>“%1” 已被用作智能体 “%2” 的名称</translation>
    </message>
    <message>
        <source>no agent is called &quot;%1&quot;</source>
        <translation>不存在名为 “%1” 的智能体</translation>
    </message>
    <message>
        <source>%1 is larger than pool_max_size (%2)</source>
        <translation>%1 大于 pool_max_size（%2）</translation>
    </message>
    <message>
        <source>must be below critical_threshold (%1)</source>
        <translation>必须低于 critical_threshold（%1）</translation>
    </message>
    <message>
        <source>is above connection_limit (%1), which caps it</source>
        <translation>高于 connection_limit（%1），实际将受其限制</translation>
    </message>
    <message>
        <source>applies to an http:// base_url only; https negotiates HTTP/2 by itself</source>
        <translation>仅适用于 http:// 的 base_url；https 会自行协商 HTTP/2</translation>
    </message>
</context>
<context>
    <name>spoon::ConfigDocument</name>
    <message>
        <source>%1 is not a JSON object (%2); fix it first, spoon-console check-config shows where</source>
        <translation>%1 不是 JSON 对象（%2）；请先修复，spoon-console check-config 会指出位置</translation>
    </message>
    <message>
        <source>not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>spoon::ConfigLoader</name>
    <message>
        <source>API keys are not read from files; this value is ignored. Set %1 in the environment</source>
        <translation>不会从文件中读取 API 密钥；此值已被忽略。请在环境变量中设置 %1</translation>
    </message>
    <message>
        <source>invalid JSON: %1</source>
        <translation>无效的 JSON：%1</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>顶层必须是 JSON 对象</translation>
    </message>
    <message>
        <source>key appears twice; the last value is used</source>
        <translation>键出现了两次；将使用最后一个值</translation>
    </message>
    <message>
        <source>no such file (named by %1)</source>
        <translation>文件不存在（由 %1 指定）</translation>
    </message>
    <message>
        <source>is a directory, not a config file</source>
        <translation>是目录，而不是配置文件</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>is not a regular file (a device, pipe or socket)</source>
        <translation>不是普通文件（而是设备、管道或套接字）</translation>
    </message>
    <message>
        <source>is larger than %1 bytes, the most a config file may be</source>
        <translation>大于 %1 字节，超过了配置文件的上限</translation>
    </message>
</context>
<context>
    <name>spoon::ConfigValidator</name>
    <message>
        <source>the number %1</source>
        <translation>数字 %1</translation>
    </message>
    <message>
        <source>the string &quot;%1&quot;</source>
        <translation>字符串 “%1”</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>空值</translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation>应为对象，实际为 %1</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; is ignored; did you mean &quot;%2&quot;?</source>
        <translation>未知键 “%1” 已被忽略；是否指的是 “%2”？</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; is ignored; valid keys here: %2</source>
        <translation>未知键 “%1” 已被忽略；此处的有效键：%2</translation>
    </message>
    <message>
        <source>a name must not be empty</source>
        <translation>名称不能为空</translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation>应为数组，实际为 %1</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>应为 %1，实际为 %2</translation>
    </message>
    <message>
        <source>; did you mean &quot;%1&quot;?</source>
        <translation>；是否指的是 “%1”？</translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation>应为字符串，实际为 %1</translation>
    </message>
    <message>
        <source>has no effect yet (%1); the value is checked and kept</source>
        <translation>暂无作用（%1）；该值已校验并保留</translation>
    </message>
</context>
<context>
    <name>spoon::ConversationSearch</name>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Conversations are not stored, so there is nothing to search</source>
        <translation>对话未被保存，因此无可搜索的内容</translation>
    </message>
    <message>
        <source>Finds messages that contain every word typed</source>
        <translation>查找包含所输入全部词语的消息</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>No message contains these words</source>
        <translation>没有消息包含这些词语</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>未命名对话</translation>
    </message>
</context>
<context>
    <name>spoon::DashboardPane</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>machine</source>
        <translation>整机</translation>
    </message>
    <message>
        <source>process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Disk IO</source>
        <translation>磁盘 IO</translation>
    </message>
    <message>
        <source>read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>Network IO</source>
        <translation>网络 IO</translation>
    </message>
    <message>
        <source>received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Engine health</source>
        <translation>引擎健康状况</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 分钟</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>Show the last %1</source>
        <translation>显示最近 %1</translation>
    </message>
    <message>
        <source>process %1</source>
        <translation>进程 %1</translation>
    </message>
    <message>
        <source>machine %1</source>
        <translation>整机 %1</translation>
    </message>
    <message>
        <source>RSS %1, %2 of physical memory</source>
        <translation>RSS %1，占物理内存的 %2</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>读取 %1</translation>
    </message>
    <message>
        <source>write %1</source>
        <translation>写入 %1</translation>
    </message>
    <message>
        <source>This system does not let the process read /proc/self/io.</source>
        <translation>此系统不允许进程读取 /proc/self/io。</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>接收 %1</translation>
    </message>
    <message>
        <source>sent %1</source>
        <translation>发送 %1</translation>
    </message>
    <message>
        <source>avg %1 · min %2 · peak %3</source>
        <translation>平均 %1 · 最低 %2 · 峰值 %3</translation>
    </message>
    <message>
        <source>peak %1 · avg %2 of memory</source>
        <translation>峰值 %1 · 平均占内存 %2</translation>
    </message>
    <message>
        <source>in window: read %1 · written %2</source>
        <translation>时间窗口内：读取 %1 · 写入 %2</translation>
    </message>
    <message>
        <source>in window: received %1 · sent %2 (all interfaces)</source>
        <translation>时间窗口内：接收 %1 · 发送 %2（所有网络接口）</translation>
    </message>
    <message>
        <source>%1 threads · %2 open files · %3 samples in view</source>
        <translation>%1 个线程 · %2 个打开的文件 · 视图中 %3 个样本</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>d</source>
        <translation>d</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Needs the store, which keeps a rollup of every minute; it is not open</source>
        <translation>需要存储（它保存每分钟的汇总），但存储未打开</translation>
    </message>
    <message>
        <source>Show the last %1, a point per minute from the store</source>
        <translation>显示最近 %1，每分钟一个点，来自存储</translation>
    </message>
    <message>
        <source>%1 threads · %2 open files · %3 stored minutes in view</source>
        <translation>%1 个线程 · %2 个打开的文件 · 视图中 %3 个已存储的分钟</translation>
    </message>
</context>
<context>
    <name>spoon::DesktopNotificationHandler</name>
    <message>
        <source>no D-Bus session bus, so no desktop notifications: %1</source>
        <translation>没有 D-Bus 会话总线，因此没有桌面通知：%1</translation>
    </message>
    <message>
        <source>Spoon Console: critical alert</source>
        <translation>Spoon Console：严重告警</translation>
    </message>
    <message>
        <source>Spoon Console: alert</source>
        <translation>Spoon Console：告警</translation>
    </message>
    <message>
        <source>the notification service refused: %1</source>
        <translation>通知服务拒绝了请求：%1</translation>
    </message>
</context>
<context>
    <name>spoon::Engine</name>
    <message>
        <source>the demo endpoint cannot listen on 127.0.0.1: %1</source>
        <translation>演示端点无法在 127.0.0.1 上监听：%1</translation>
    </message>
</context>
<context>
    <name>spoon::Environment</name>
    <message>
        <source>expected an http:// or https:// URL, got &quot;%1&quot;</source>
        <translation>应为 http:// 或 https:// URL，实际为 “%1”</translation>
    </message>
    <message>
        <source>expected one of debug, info, warning, error, critical, got &quot;%1&quot;</source>
        <translation>应为 debug、info、warning、error、critical 之一，实际为 “%1”</translation>
    </message>
    <message>
        <source>expected &quot;text&quot; or &quot;json&quot;, got &quot;%1&quot;</source>
        <translation>应为 &quot;text&quot; 或 &quot;json&quot;，实际为 “%1”</translation>
    </message>
</context>
<context>
    <name>spoon::HealthScorer</name>
    <message>
        <source>Configuration is valid</source>
        <translation>配置有效</translation>
    </message>
    <message numerus="yes">
        <source>Configuration has %n error(s)</source>
        <translation>
            <numerusform>配置有 %n 个错误</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the errors listed by `spoon-console check-config`.</source>
        <translation>请修复 `spoon-console check-config` 列出的错误。</translation>
    </message>
    <message numerus="yes">
        <source>%n LLM provider(s) ready</source>
        <translation>
            <numerusform>%n 个 LLM 提供商已就绪</numerusform>
        </translation>
    </message>
    <message>
        <source>No LLM provider has a key; the built-in demo endpoint answers</source>
        <translation>没有任何 LLM 提供商配置了密钥；将由内置演示端点应答</translation>
    </message>
    <message>
        <source>Default provider &quot;%1&quot; is ready</source>
        <translation>默认提供商 “%1” 已就绪</translation>
    </message>
    <message>
        <source>Default provider &quot;%1&quot; has no key</source>
        <translation>默认提供商 “%1” 未配置密钥</translation>
    </message>
    <message>
        <source>%1 of %2 memory available</source>
        <translation>可用内存 %1（共 %2）</translation>
    </message>
    <message>
        <source>Close other programs or lower performance.agents.max_concurrent; agents slow down or fail when memory runs out.</source>
        <translation>请关闭其他程序或调低 performance.agents.max_concurrent；内存耗尽时，智能体会变慢或运行失败。</translation>
    </message>
    <message>
        <source>Machine CPU %1 % busy</source>
        <translation>整机 CPU 占用率 %1 %</translation>
    </message>
    <message>
        <source>The machine is nearly saturated; expect slow tools and late tokens.</source>
        <translation>本机负载接近饱和；工具可能变慢，令牌输出可能延迟。</translation>
    </message>
    <message>
        <source>%1 free for %2</source>
        <translation>%2 剩余空间 %1</translation>
    </message>
    <message>
        <source>Open-file limit %1</source>
        <translation>打开文件数上限为 %1</translation>
    </message>
    <message>
        <source>Raise it to at least %1 (ulimit -n %1): the HTTP pool alone may open %2 connections.</source>
        <translation>请将其提高到至少 %1（ulimit -n %1）：仅 HTTP 连接池就可能打开 %2 个连接。</translation>
    </message>
    <message>
        <source>Process uses %1 of its %2 budget</source>
        <translation>进程已使用 %1（预算为 %2）</translation>
    </message>
    <message>
        <source>Raise performance.agents.memory_limit_mb or lower max_history_length.</source>
        <translation>请调高 performance.agents.memory_limit_mb 或调低 max_history_length。</translation>
    </message>
    <message>
        <source>Free some space: the console keeps its data there.</source>
        <translation>请释放一些空间：控制台的数据保存在那里。</translation>
    </message>
    <message>
        <source>Store a provider&apos;s key in the console&apos;s Settings &gt; Providers, or set OPENAI_API_KEY, ANTHROPIC_API_KEY, DEEPSEEK_API_KEY or another provider&apos;s key, to talk to a real model.</source>
        <translation>在控制台的“设置 &gt; 提供方”中保存提供方的密钥，或设置 OPENAI_API_KEY、ANTHROPIC_API_KEY、DEEPSEEK_API_KEY 或其他提供方的密钥，即可与真实模型对话。</translation>
    </message>
    <message>
        <source>Set %1 or store the key in the console&apos;s Settings &gt; Providers, or change llm_settings.default_provider.</source>
        <translation>设置 %1，或在控制台的“设置 &gt; 提供方”中保存密钥，或更改 llm_settings.default_provider。</translation>
    </message>
</context>
<context>
    <name>spoon::HttpPool</name>
    <message>
        <source>no connection to %1 within %2 ms</source>
        <translation>%2 ms 内未能连接到 %1</translation>
    </message>
    <message>
        <source>no complete response within %1 ms</source>
        <translation>%1 ms 内未收到完整响应</translation>
    </message>
    <message>
        <source>nothing received for %1 ms</source>
        <translation>已有 %1 ms 未收到任何数据</translation>
    </message>
    <message>
        <source>response larger than %1 bytes</source>
        <translation>响应超过 %1 字节</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the connection closed after %1 of %2 bytes</source>
        <translation>连接在 %2 字节中的 %1 字节后关闭</translation>
    </message>
    <message>
        <source> (HTTP/2 was spoken from the first byte, without an upgrade: does the server speak h2c?)</source>
        <translation>（从第一个字节起即使用 HTTP/2，未经升级：服务器是否支持 h2c？）</translation>
    </message>
</context>
<context>
    <name>spoon::KeyVault</name>
    <message>
        <source>the keychain did not answer within %1 s</source>
        <translation>钥匙串在 %1 秒内没有响应</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>已存入钥匙串</translation>
    </message>
    <message>
        <source>not in the keychain</source>
        <translation>钥匙串中没有</translation>
    </message>
    <message>
        <source>no keychain service is running (Secret Service, such as GNOME Keyring or KWallet); set the key in the environment instead</source>
        <translation>没有运行钥匙串服务（Secret Service，例如 GNOME Keyring 或 KWallet）；请改用环境变量设置密钥</translation>
    </message>
    <message>
        <source>the keychain refused access (locked, or access was denied)</source>
        <translation>钥匙串拒绝访问（已锁定，或访问被拒绝）</translation>
    </message>
    <message>
        <source>the keychain failed</source>
        <translation>钥匙串出错</translation>
    </message>
</context>
<context>
    <name>spoon::LlmPanel</name>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>LLM calls</source>
        <translation>LLM 调用</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>最近 1 分钟</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>每分钟请求数</translation>
    </message>
    <message>
        <source>First token p50 / p95 / p99</source>
        <translation>首个 token p50 / p95 / p99</translation>
    </message>
    <message>
        <source>Latency p50 / p95 / p99</source>
        <translation>延迟 p50 / p95 / p99</translation>
    </message>
    <message>
        <source>Tokens per second</source>
        <translation>每秒 token 数</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Fallbacks taken</source>
        <translation>回退次数</translation>
    </message>
    <message>
        <source>Cache hits</source>
        <translation>缓存命中</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>估算费用</translation>
    </message>
    <message>
        <source> (%1 %)</source>
        <translation>（%1 %）</translation>
    </message>
    <message numerus="yes">
        <source>%n calls</source>
        <translation>
            <numerusform>%n 次调用</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation>每分钟 %1 次</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 次失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n from the cache</source>
        <translation>
            <numerusform>%n 次来自缓存</numerusform>
        </translation>
    </message>
    <message>
        <source>estimated cost %1</source>
        <translation>估算费用 %1</translation>
    </message>
    <message>
        <source>No LLM call in this window.</source>
        <translation>此窗口内没有 LLM 调用。</translation>
    </message>
    <message numerus="yes">
        <source>p95 over %n answers; first token p50 / p95 / p99 %1</source>
        <translation>
            <numerusform>%n 个回答的 p95；首个 token p50 / p95 / p99 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No answer in this window.</source>
        <translation>此窗口内没有回答。</translation>
    </message>
    <message>
        <source>Last 7 days (from the store)</source>
        <translation>最近 7 天（来自存储）</translation>
    </message>
    <message>
        <source>Cannot read the stored LLM calls: %1</source>
        <translation>无法读取已存储的 LLM 调用：%1</translation>
    </message>
</context>
<context>
    <name>spoon::MainWindow</name>
    <message>
        <source>Spoon Console</source>
        <translation>Spoon Console</translation>
    </message>
    <message>
        <source>Sampling every %1 ms · history %2 h</source>
        <translation>每 %1 ms 采样一次 · 保留 %2 h 历史</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message>
        <source>Configured model: %1 via %2.</source>
        <translation>已配置模型：%1（通过 %2）。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>最近 1 分钟</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Spoon Console</source>
        <translation>关于 Spoon Console(&amp;A)</translation>
    </message>
    <message>
        <source>About Spoon Console</source>
        <translation>关于 Spoon Console</translation>
    </message>
    <message>
        <source>&lt;b&gt;Spoon Console %1&lt;/b&gt;&lt;p&gt;Chat with AI agents and watch the engine&apos;s health live.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;Spoon Console %1&lt;/b&gt;&lt;p&gt;与 AI 智能体对话，并实时查看引擎的健康状况。&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Answers come from the built-in demo endpoint at %1</source>
        <translation>回答来自内置演示端点 %1</translation>
    </message>
    <message>
        <source>Connections: %1 open, %2 in use, %3 idle; %4 jobs waiting</source>
        <translation>连接：%1 个已打开，%2 个使用中，%3 个空闲；%4 个任务等待中</translation>
    </message>
    <message>
        <source>%1 jobs, p50 %2 ms, p95 %3 ms</source>
        <translation>%1 个任务，p50 %2 ms，p95 %3 ms</translation>
    </message>
    <message>
        <source>%1 rows written, %2 failed jobs</source>
        <translation>已写入 %1 行，%2 个任务失败</translation>
    </message>
    <message>
        <source>Not saving conversations: %1</source>
        <translation>未保存对话：%1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>保存到 %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days (from the store)</source>
        <translation>最近 7 天（来自存储）</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>告警 (%1)</translation>
    </message>
    <message>
        <source>LLM</source>
        <translation>LLM</translation>
    </message>
    <message>
        <source>Caches and pools</source>
        <translation>缓存与连接池</translation>
    </message>
    <message>
        <source>Free memory</source>
        <translation>释放内存</translation>
    </message>
    <message>
        <source>Empty the LLM and tool caches, fold idle conversations into their summaries and give free memory back to the system</source>
        <translation>清空 LLM 与工具缓存，把空闲会话折叠为摘要，并把空闲内存归还系统</translation>
    </message>
    <message>
        <source>critical level</source>
        <translation>严重级别</translation>
    </message>
    <message>
        <source>warning level</source>
        <translation>警告级别</translation>
    </message>
    <message>
        <source>Demo endpoint</source>
        <translation>演示端点</translation>
    </message>
    <message>
        <source>Demo endpoint: %1 is configured but has no API key, so a scripted stand-in inside the app answers. Add the key in Settings &gt; Providers (Ctrl+,) or set %2.</source>
        <translation>演示端点：已配置 %1，但它没有 API 密钥，因此由应用内置的脚本替身回答。请在 设置 &gt; 提供方（Ctrl+,）中添加密钥，或设置 %2。</translation>
    </message>
    <message>
        <source>Demo endpoint: no LLM provider is set up, so a scripted stand-in inside the app answers (it streams, and calls tools when asked about the engine). Add a provider in Settings &gt; Providers (Ctrl+,), or set OPENAI_API_KEY or another provider&apos;s key, to talk to a real model.</source>
        <translation>演示端点：尚未设置 LLM 提供方，因此由应用内置的脚本替身回答（它会流式输出，问到引擎时还会调用工具）。要与真实模型对话，请在 设置 &gt; 提供方（Ctrl+,）中添加提供方，或设置 OPENAI_API_KEY 或其他提供方的密钥。</translation>
    </message>
    <message>
        <source>Configured provider: %1.</source>
        <translation>已配置的提供方：%1。</translation>
    </message>
    <message>
        <source>This window was started without a config file to edit.</source>
        <translation>此窗口启动时没有可编辑的配置文件。</translation>
    </message>
    <message>
        <source>Settings cannot open the config file: %1</source>
        <translation>设置无法打开配置文件：%1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <source>Collecting system information...</source>
        <translation>正在收集系统信息…</translation>
    </message>
    <message>
        <source>System information copied: paste it into the issue you report</source>
        <translation>系统信息已复制：请粘贴到你报告的问题中</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Stop the agent</source>
        <translation>停止智能体</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Keyboard &amp;shortcuts</source>
        <translation>键盘快捷键(&amp;S)</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>打开数据文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>Open &amp;config file</source>
        <translation>打开配置文件(&amp;C)</translation>
    </message>
    <message>
        <source>Config file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>There is no config file yet: the console runs on its defaults. File &gt; Settings creates %1.</source>
        <translation>还没有配置文件：控制台使用默认值运行。文件 &gt; 设置 会创建 %1。</translation>
    </message>
    <message>
        <source>&amp;Report an issue (copies system information)</source>
        <translation>报告问题(&amp;R)（复制系统信息）</translation>
    </message>
    <message>
        <source>The config file has errors; the running settings are kept: %1</source>
        <translation>配置文件有错误；保留当前运行的设置：%1</translation>
    </message>
    <message>
        <source>The config file changed: providers and routing reloaded</source>
        <translation>配置文件已更改：已重新加载提供方和路由</translation>
    </message>
    <message>
        <source>Keep running in the tray?</source>
        <translation>在托盘中继续运行？</translation>
    </message>
    <message>
        <source>Spoon Console can keep its engine running in the tray when you close the window: agents finish their turns and alerts still notify you. Quit from the tray icon or File &gt; Quit.

Keep it running when the window closes?</source>
        <translation>关闭窗口时，Spoon 控制台可以让引擎在托盘中继续运行：智能体会完成当前回合，告警仍会通知你。可从托盘图标或 文件 &gt; 退出 来退出。

关闭窗口时继续运行吗？</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>聊天(&amp;C)</translation>
    </message>
    <message>
        <source>Show &amp;dashboard</source>
        <translation>显示仪表板(&amp;D)</translation>
    </message>
    <message>
        <source>The dashboard shows when the window is wider</source>
        <translation>窗口更宽时才会显示仪表板</translation>
    </message>
</context>
<context>
    <name>spoon::MemoryCleanup</name>
    <message>
        <source>Memory cleanup (%1): RSS %2 -&gt; %3, %4 freed; let go: %5</source>
        <translation>内存清理（%1）：RSS %2 -&gt; %3，释放 %4；已清除：%5</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>spoon::MetricCard</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>spoon::ModelListing</name>
    <message>
        <source>cannot connect to %1 (%2): is the server running? Check the base URL in Settings &gt; Providers</source>
        <translation>无法连接到 %1（%2）：服务器在运行吗？请检查 设置 &gt; 提供方 中的基础 URL</translation>
    </message>
    <message>
        <source>no answer from %1 in time: is the server running and reachable?</source>
        <translation>%1 没有及时响应：服务器在运行且可访问吗？</translation>
    </message>
    <message>
        <source>secure connection to %1 failed: %2</source>
        <translation>与 %1 的安全连接失败：%2</translation>
    </message>
    <message>
        <source>the answer from %1 is larger than %2 MiB; is this an LLM server?</source>
        <translation>%1 的响应大于 %2 MiB；这是 LLM 服务器吗？</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering</source>
        <translation>%1 在响应之前关闭了连接</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>request to %1 failed: %2</source>
        <translation>请求 %1 失败：%2</translation>
    </message>
    <message>
        <source>the server refused the key (HTTP %1: %2): check the API key in Settings &gt; Providers</source>
        <translation>服务器拒绝了密钥（HTTP %1：%2）：请检查 设置 &gt; 提供方 中的 API 密钥</translation>
    </message>
    <message>
        <source>nothing at %1 (HTTP 404): check the base URL; OpenAI-compatible ones end in /v1</source>
        <translation>%1 处没有内容（HTTP 404）：请检查基础 URL；OpenAI 兼容的地址以 /v1 结尾</translation>
    </message>
    <message>
        <source>%1 redirects elsewhere (HTTP %2); put the final address in the base URL</source>
        <translation>%1 重定向到别处（HTTP %2）；请在基础 URL 中填写最终地址</translation>
    </message>
    <message>
        <source>HTTP %1 from %2: %3</source>
        <translation>来自 %2 的 HTTP %1：%3</translation>
    </message>
    <message>
        <source>%1 answered, but not with a model list (no &quot;data&quot; array): check the base URL</source>
        <translation>%1 有响应，但不是模型列表（没有 &quot;data&quot; 数组）：请检查基础 URL</translation>
    </message>
</context>
<context>
    <name>spoon::ModelSwitcher</name>
    <message>
        <source>The model that answers in this conversation</source>
        <translation>在此对话中回答的模型</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
</context>
<context>
    <name>spoon::MonitoringPage</name>
    <message>
        <source>Sample every</source>
        <translation>采样间隔</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Keep history for</source>
        <translation>历史保留</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Alert when memory is above</source>
        <translation>内存高于此值时告警</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Alert when CPU is above</source>
        <translation>CPU 高于此值时告警</translation>
    </message>
    <message>
        <source>Alert when LLM answers take longer than</source>
        <translation>LLM 回答耗时超过此值时告警</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Alert when LLM errors exceed</source>
        <translation>LLM 错误率超过此值时告警</translation>
    </message>
    <message>
        <source>Memory warning level</source>
        <translation>内存警告级别</translation>
    </message>
    <message>
        <source> % of agents.memory_limit_mb</source>
        <translation> %（agents.memory_limit_mb 的百分比）</translation>
    </message>
    <message>
        <source>Memory critical level (frees caches)</source>
        <translation>内存严重级别（释放缓存）</translation>
    </message>
    <message>
        <source>The sample interval and the history length apply at the next start; thresholds and memory levels too.</source>
        <translation>采样间隔和历史长度在下次启动时生效；阈值和内存级别也是如此。</translation>
    </message>
</context>
<context>
    <name>spoon::ProvidersPage</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>OpenAI-compatible (OpenAI, vLLM, llama.cpp, Ollama, ...)</source>
        <translation>OpenAI 兼容（OpenAI、vLLM、llama.cpp、Ollama 等）</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI 兼容</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>default (performance.llm.request_timeout)</source>
        <translation>默认（performance.llm.request_timeout）</translation>
    </message>
    <message>
        <source>default (performance.llm.retry_attempts)</source>
        <translation>默认（performance.llm.retry_attempts）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Sends an API key (local servers often need none)</source>
        <translation>发送 API 密钥（本地服务器通常不需要）</translation>
    </message>
    <message>
        <source>Forget stored key</source>
        <translation>清除已存储的密钥</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>Price per million input tokens</source>
        <translation>每百万输入 token 价格</translation>
    </message>
    <message>
        <source>Price per million output tokens</source>
        <translation>每百万输出 token 价格</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Default provider</source>
        <translation>默认提供方</translation>
    </message>
    <message>
        <source>When it fails, try (in order)</source>
        <translation>失败时依次尝试</translation>
    </message>
    <message>
        <source>From the environment; saving lists it in the config file</source>
        <translation>来自环境变量；保存后会写入配置文件</translation>
    </message>
    <message>
        <source>Automatic (the first with a key)</source>
        <translation>自动（第一个有密钥的）</translation>
    </message>
    <message>
        <source>No key is sent.</source>
        <translation>不发送密钥。</translation>
    </message>
    <message>
        <source>The key comes from %1 in the environment, which wins over the keychain.</source>
        <translation>密钥来自环境变量 %1，它优先于钥匙串。</translation>
    </message>
    <message>
        <source>A key is stored in the system keychain. Type a new one to replace it.</source>
        <translation>系统钥匙串中已存有密钥。输入新密钥即可替换。</translation>
    </message>
    <message>
        <source>The stored key will be removed from the keychain on Save.</source>
        <translation>保存时将从钥匙串中删除已存储的密钥。</translation>
    </message>
    <message>
        <source>No key yet: paste it here (it goes to the system keychain, never to the config file), or set %1 in the environment.</source>
        <translation>还没有密钥：粘贴到这里（它会存入系统钥匙串，绝不写入配置文件），或在环境变量中设置 %1。</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>已存入钥匙串</translation>
    </message>
    <message>
        <source>Give the base URL first.</source>
        <translation>请先填写基础 URL。</translation>
    </message>
    <message>
        <source>Asking %1 for its models...</source>
        <translation>正在向 %1 查询模型…</translation>
    </message>
    <message numerus="yes">
        <source>Connected: %n model(s) offered.</source>
        <translation>
            <numerusform>已连接：提供 %n 个模型。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>A provider is already called %1.</source>
        <translation>已有名为 %1 的提供方。</translation>
    </message>
    <message>
        <source>A saved provider keeps its name: it names the provider&apos;s keychain item, and agents and the fallback order refer to it. To rename it, add a provider under the new name and remove this one.</source>
        <translation>已保存的提供方名称不可更改：它是该提供方在钥匙串中的条目名，智能体和回退顺序也引用它。如需改名，请以新名称添加提供方，再移除此提供方。</translation>
    </message>
    <message>
        <source>This name picks a well-known provider&apos;s defaults (base URL, model, key variable). For another name, add a provider.</source>
        <translation>此名称对应一个知名提供方的默认值（基础 URL、模型、密钥变量）。如需其他名称，请添加提供方。</translation>
    </message>
    <message>
        <source>The key works until the console quits: the system keychain did not store it. Set %1 in the environment to keep it.</source>
        <translation>此密钥在控制台退出前有效：系统钥匙串未能保存它。如需保留，请在环境中设置 %1。</translation>
    </message>
</context>
<context>
    <name>spoon::ReactAgent</name>
    <message>
        <source>loading tools</source>
        <translation>加载工具</translation>
    </message>
    <message>
        <source>not offered, since the agent already has tools of these names: %1</source>
        <translation>未提供，因为智能体已有同名工具：%1</translation>
    </message>
</context>
<context>
    <name>spoon::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>提供方</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Settings are kept in %1</source>
        <translation>设置保存在 %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Saved, but the keychain did not take every key: %1. A key typed here works until the console quits.</source>
        <translation>已保存，但钥匙串没有接受所有密钥：%1。在此输入的密钥在控制台退出前有效。</translation>
    </message>
    <message>
        <source>The config file changed outside the console. Save writes what this window shows over it; Close and open Settings again to see the file&apos;s values.</source>
        <translation>配置文件在控制台之外被修改。保存会用此窗口中的内容覆盖它；关闭后重新打开设置即可看到文件中的值。</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Saved to %1. Agents added or removed in the file appear at the next start.</source>
        <translation>已保存到 %1。文件中新增或删除的智能体将在下次启动时出现。</translation>
    </message>
</context>
<context>
    <name>spoon::TimeSeriesChart</name>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>%1 %2 ago</source>
        <translation>%1 %2 前</translation>
    </message>
</context>
<context>
    <name>spoon::TrayIcon</name>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message numerus="yes">
        <source>Spoon Console: %n alert(s) active</source>
        <translation>
            <numerusform>Spoon 控制台：%n 个告警处于活动状态</numerusform>
        </translation>
    </message>
    <message>
        <source>Spoon Console: no alert</source>
        <translation>Spoon 控制台：没有告警</translation>
    </message>
</context>
<context>
    <name>spoon::UntrustedDocument</name>
    <message>
        <source>[image: %1]</source>
        <translation>[图片：%1]</translation>
    </message>
</context>
<context>
    <name>spoon::cli</name>
    <message>
        <source>Print every config key with its type, range and default.</source>
        <translation>列出每个配置键及其类型、取值范围和默认值。</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>error: &quot;%1&quot; is not a conversation id (see history list)</source>
        <translation>错误：“%1”不是对话 ID（见 history list）</translation>
    </message>
    <message>
        <source>Stored conversations.

  history list               newest first: id, last update, messages, agent, title
  history show ID            one conversation&apos;s messages
  history search TEXT        messages that contain every word of TEXT
  history export ID --format md|json</source>
        <translation>已保存的对话。

  history list               最新的在前：ID、最后更新、消息数、智能体、标题
  history show ID            一个对话的消息
  history search TEXT        包含 TEXT 中每个词语的消息
  history export ID --format md|json</translation>
    </message>
    <message>
        <source>list, show, search or export</source>
        <translation>list、show、search 或 export</translation>
    </message>
    <message>
        <source>print JSON (list, show, search)</source>
        <translation>输出 JSON（list、show、search）</translation>
    </message>
    <message>
        <source>export format: md or json</source>
        <translation>导出格式：md 或 json</translation>
    </message>
    <message>
        <source>at most N conversations or hits</source>
        <translation>最多 N 个对话或结果</translation>
    </message>
    <message>
        <source>usage: spoon-console history list | show ID | search TEXT | export ID --format md|json</source>
        <translation>用法：spoon-console history list | show ID | search TEXT | export ID --format md|json</translation>
    </message>
    <message>
        <source>error: --limit needs a positive number</source>
        <translation>错误：--limit 需要一个正数</translation>
    </message>
    <message>
        <source>error: --format is md or json, not &quot;%1&quot;</source>
        <translation>错误：--format 只能是 md 或 json，而不是“%1”</translation>
    </message>
    <message>
        <source>the store at %1 cannot be used: %2</source>
        <translation>无法使用位于 %1 的存储：%2</translation>
    </message>
    <message>
        <source>there is no conversation %1</source>
        <translation>不存在对话 %1</translation>
    </message>
</context>
<context>
    <name>spoon::cli::Ask</name>
    <message>
        <source>Send one chat completion through the LLM router.</source>
        <translation>通过 LLM 路由发送一次聊天补全请求。</translation>
    </message>
    <message>
        <source>what to ask</source>
        <translation>要提问的内容</translation>
    </message>
    <message>
        <source>the provider to ask</source>
        <translation>要使用的提供商</translation>
    </message>
    <message>
        <source>the model to use</source>
        <translation>要使用的模型</translation>
    </message>
    <message>
        <source>wait for the whole answer</source>
        <translation>等待完整回答（不流式输出）</translation>
    </message>
    <message>
        <source>print one JSON object at the end</source>
        <translation>结束时输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>neither read nor fill the response cache</source>
        <translation>不读取也不写入响应缓存</translation>
    </message>
    <message>
        <source>spoon-console: ask needs a prompt, e.g. spoon-console ask &quot;Hello&quot;</source>
        <translation>spoon-console：ask 需要一个提示词，例如 spoon-console ask &quot;Hello&quot;</translation>
    </message>
    <message>
        <source>spoon-console: the config is invalid; nothing was sent</source>
        <translation>spoon-console：配置无效；未发送任何请求</translation>
    </message>
    <message>
        <source>spoon-console: cannot start the demo endpoint: %1</source>
        <translation>spoon-console：无法启动演示端点：%1</translation>
    </message>
    <message>
        <source>spoon-console: no provider is called &quot;%1&quot; (configured: %2)</source>
        <translation>spoon-console：没有名为“%1”的提供商（已配置：%2）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>spoon-console: %1 failed (%2); asking %3</source>
        <translation>spoon-console：%1 失败（%2）；改为请求 %3</translation>
    </message>
    <message>
        <source>spoon-console: the model called %1(%2)</source>
        <translation>spoon-console：模型调用了 %1(%2)</translation>
    </message>
    <message>
        <source>spoon-console: %1: %2</source>
        <translation>spoon-console：%1：%2</translation>
    </message>
    <message>
        <source>spoon-console: the answer above is incomplete</source>
        <translation>spoon-console：以上回答不完整</translation>
    </message>
    <message>
        <source>Run the built-in OpenAI-compatible demo endpoint.</source>
        <translation>运行内置的 OpenAI 兼容演示端点。</translation>
    </message>
    <message>
        <source>port to listen on (default: any free one)</source>
        <translation>监听端口（默认：任意空闲端口）</translation>
    </message>
    <message>
        <source>address to listen on</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>streaming pace; 0 sends at once</source>
        <translation>流式输出速度；0 表示立即全部发送</translation>
    </message>
    <message>
        <source>a fault for every request, e.g. status=429,retry_after=1,times=2 (repeatable)</source>
        <translation>为每个请求注入的故障，例如 status=429,retry_after=1,times=2（可重复指定）</translation>
    </message>
    <message>
        <source>spoon-console: --fault %1: %2</source>
        <translation>spoon-console：--fault %1：%2</translation>
    </message>
    <message>
        <source>spoon-console: cannot listen on %1:%2: %3</source>
        <translation>spoon-console：无法在 %1:%2 上监听：%3</translation>
    </message>
    <message>
        <source>Spoon demo endpoint on %1/v1 (model %2). Ctrl+C stops it.</source>
        <translation>Spoon 演示端点位于 %1/v1（模型 %2）。按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <source>spoon-console: provider &quot;%1&quot; has no API key: set %2, or store one in the console&apos;s Settings &gt; Providers</source>
        <translation>spoon-console：提供方 &quot;%1&quot; 没有 API 密钥：请设置 %2，或在控制台的 设置 &gt; 提供方 中存储一个</translation>
    </message>
    <message>
        <source>stream events sent together in one write, at the same pace (default 1)</source>
        <translation>一次写入中一并发送的流事件数，节奏不变（默认 1）</translation>
    </message>
    <message>
        <source>spoon-console: --port takes 0 to 65535, --tokens-per-second a number &gt;= 0, --events-per-write 1 to 1000, --host an IP address</source>
        <translation>spoon-console：--port 取值 0 到 65535，--tokens-per-second 为不小于 0 的数字，--events-per-write 取值 1 到 1000，--host 为 IP 地址</translation>
    </message>
    <message>
        <source>key from the keychain (%1)</source>
        <translation>密钥来自钥匙串（%1）</translation>
    </message>
    <message>
        <source>key from %1 (environment, %2)</source>
        <translation>密钥来自 %1（环境变量，%2）</translation>
    </message>
    <message>
        <source>no key needed</source>
        <translation>无需密钥</translation>
    </message>
    <message>
        <source>no key: set %1, or store one in the console&apos;s Settings &gt; Providers</source>
        <translation>没有密钥：请设置 %1，或在控制台的“设置 &gt; 提供方”中保存密钥</translation>
    </message>
    <message>
        <source>spoon-console: %1: %2; attempt %3 of %4 in %5 s</source>
        <translation>spoon-console：%1：%2；%5 秒后进行第 %3 次尝试（共 %4 次）</translation>
    </message>
</context>
<context>
    <name>spoon::cli::Chat</name>
    <message>
        <source>Run one agent turn: the agent may call its tools before it answers.</source>
        <translation>运行一轮智能体对话：智能体可能在回答前调用其工具。</translation>
    </message>
    <message>
        <source>what to tell the agent</source>
        <translation>要告诉智能体的内容</translation>
    </message>
    <message>
        <source>the agent, by name or alias</source>
        <translation>智能体，按名称或别名</translation>
    </message>
    <message>
        <source>the provider to ask</source>
        <translation>要询问的提供商</translation>
    </message>
    <message>
        <source>the model to use</source>
        <translation>要使用的模型</translation>
    </message>
    <message>
        <source>print the whole transcript as JSON at the end</source>
        <translation>结束时以 JSON 输出完整记录</translation>
    </message>
    <message>
        <source>spoon-console: chat needs a message, e.g. spoon-console chat &quot;How busy is the engine?&quot;</source>
        <translation>spoon-console：chat 需要一条消息，例如 spoon-console chat &quot;引擎有多忙？&quot;</translation>
    </message>
    <message>
        <source>spoon-console: no agent is called &quot;%1&quot; (agents: %2)</source>
        <translation>spoon-console：没有名为“%1”的智能体（现有智能体：%2）</translation>
    </message>
    <message>
        <source>[step %1]</source>
        <translation>[第 %1 步]</translation>
    </message>
    <message>
        <source>[tool] %1(%2)</source>
        <translation>[工具] %1(%2)</translation>
    </message>
    <message>
        <source>[tool] %1 failed after %2 ms: %3</source>
        <translation>[工具] %1 在 %2 毫秒后失败：%3</translation>
    </message>
    <message>
        <source>[tool] %1 answered in %2 ms (%3 characters)</source>
        <translation>[工具] %1 在 %2 毫秒内返回（%3 个字符）</translation>
    </message>
    <message>
        <source>spoon-console: %1</source>
        <translation>spoon-console：%1</translation>
    </message>
    <message>
        <source>spoon-console: %1: %2</source>
        <translation>spoon-console：%1：%2</translation>
    </message>
    <message>
        <source>spoon-console: the answer above is incomplete</source>
        <translation>spoon-console：上面的回答不完整</translation>
    </message>
    <message>
        <source>the store at %1 cannot be used: %2</source>
        <translation>无法使用位于 %1 的存储：%2</translation>
    </message>
    <message>
        <source>spoon-console: this conversation is not saved: %1</source>
        <translation>spoon-console：此对话未保存：%1</translation>
    </message>
    <message>
        <source>spoon-console: not saved: %1</source>
        <translation>spoon-console：未保存：%1</translation>
    </message>
</context>
<context>
    <name>spoon::cli::CheckConfig</name>
    <message>
        <source>Validate a Spoon Console config file.</source>
        <translation>校验 Spoon Console 配置文件。</translation>
    </message>
    <message>
        <source>the file to check (default: the one the console would read)</source>
        <translation>要检查的文件（默认：控制台将读取的配置文件）</translation>
    </message>
    <message>
        <source>no config file at %1: the built-in defaults are used, and they are valid</source>
        <translation>%1 处没有配置文件：将使用内置默认值，且默认值有效</translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation>%1：有效</translation>
    </message>
    <message numerus="yes">
        <source>%1: valid, %n warning(s)</source>
        <translation>
            <numerusform>%1：有效，%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: invalid, %n error(s)</source>
        <translation>
            <numerusform>%1：无效，%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation>
            <numerusform>，%n 个警告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoon::cli::CommandLine</name>
    <message>
        <source>--config needs a file name</source>
        <translation>--config 需要一个文件名</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>未知选项 %1</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知命令 “%1”</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; did you mean &quot;%2&quot;?</source>
        <translation>未知命令 “%1”；是否指的是 “%2”？</translation>
    </message>
    <message>
        <source>%1 takes no arguments</source>
        <translation>%1 不接受参数</translation>
    </message>
    <message numerus="yes">
        <source>%1 takes at most %n argument(s)</source>
        <translation>
            <numerusform>%1 最多接受 %n 个参数</numerusform>
        </translation>
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
        <translation>用法：spoon-console [--config FILE] [COMMAND [OPTIONS]]

不带命令时，启动桌面控制台。

命令：
  check-config [FILE]     校验配置文件；有效时退出码为 0，否则为 1
  system-info [--json]    平台、配置、提供商、智能体、实时进程数据
                          以及健康评分
  config-reference        列出所有配置键及其类型和默认值
  ask [--provider NAME] [--model M] [--no-stream] [--json] PROMPT
                          通过 LLM 路由发送一次聊天补全请求；
                          回答以流式输出到 stdout
  chat [--agent NAME] [--provider NAME] [--model M] [--json] MESSAGE
                          运行一轮智能体对话（含工具调用）；回答以流式
                          输出到 stdout，步骤输出到 stderr
  demo-server [--port N]  内置的 OpenAI 兼容演示端点
  history list | show ID | search TEXT | export ID --format md|json
                          已保存的对话（list、show 和 search 可加 --json；
                          --limit N）

选项：
  --config FILE           配置文件（未指定时依次使用 $SPOON_CONFIG、
                          ~/.config/spoon-console/config.json）
  -h, --help              显示此帮助
  -v, --version           显示版本号

环境变量：&lt;PROVIDER&gt;_API_KEY、&lt;PROVIDER&gt;_BASE_URL、&lt;PROVIDER&gt;_MODEL、
LOG_LEVEL (debug|info|warning|error|critical)、LOG_FORMAT (text|json)。
</translation>
    </message>
</context>
<context>
    <name>spoon::cli::SystemInfo</name>
    <message>
        <source>Show what the engine runs on.</source>
        <translation>显示引擎的运行环境。</translation>
    </message>
    <message>
        <source>print one JSON object</source>
        <translation>输出为单个 JSON 对象</translation>
    </message>
    <message>
        <source>Spoon Console %1: system information
</source>
        <translation>Spoon Console %1：系统信息
</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU 数量</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>%1 total, %2 available</source>
        <translation>共 %1，可用 %2</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（构建时版本 %2）</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>not found: built-in defaults</source>
        <translation>未找到：使用内置默认值</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message numerus="yes">
        <source>INVALID: %n error(s), see below</source>
        <translation>
            <numerusform>无效：%n 个错误，详见下文</numerusform>
        </translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>LLM providers</source>
        <translation>LLM 提供商</translation>
    </message>
    <message>
        <source>none configured: the built-in demo endpoint answers</source>
        <translation>未配置：将由内置演示端点应答</translation>
    </message>
    <message>
        <source>not usable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>demo endpoint</source>
        <translation>演示端点</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>备用</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>智能体</translation>
    </message>
    <message>
        <source>tools: %1</source>
        <translation>工具：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>This process (pid %1, sampled over %2 ms)</source>
        <translation>当前进程（PID %1，采样时长 %2 ms）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>%1 % of a core (machine %2 %)</source>
        <translation>单核的 %1 %（整机 %2 %）</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Open files</source>
        <translation>打开的文件</translation>
    </message>
    <message>
        <source>Disk IO</source>
        <translation>磁盘 IO</translation>
    </message>
    <message>
        <source>read %1, written %2</source>
        <translation>读取 %1，写入 %2</translation>
    </message>
    <message>
        <source>unavailable (/proc/self/io unreadable)</source>
        <translation>不可用（无法读取 /proc/self/io）</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>sent %1, received %2 (all interfaces)</source>
        <translation>发送 %1，接收 %2（所有网络接口）</translation>
    </message>
    <message>
        <source>Health: %1/100 (%2)</source>
        <translation>健康度：%1/100（%2）</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>RSS %1 (%2 %), peak %3, virtual %4, swapped %5</source>
        <translation>RSS %1（%2 %），峰值 %3，虚拟内存 %4，交换区 %5</translation>
    </message>
</context>
<context>
    <name>spoon::conversationexport</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Assistant (%1)</source>
        <translation>助手（%1）</translation>
    </message>
    <message>
        <source>Tool %1 (failed)</source>
        <translation>工具 %1（失败）</translation>
    </message>
    <message>
        <source>Tool %1</source>
        <translation>工具 %1</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Untitled conversation</source>
        <translation>未命名对话</translation>
    </message>
    <message>
        <source>Agent %1, started %2</source>
        <translation>智能体 %1，开始于 %2</translation>
    </message>
    <message>
        <source>Calls `%1` with `%2`</source>
        <translation>调用 `%1`，参数 `%2`</translation>
    </message>
    <message>
        <source>(incomplete)</source>
        <translation>（不完整）</translation>
    </message>
    <message>
        <source>(attempts: %1)</source>
        <translation>（尝试次数：%1）</translation>
    </message>
    <message>
        <source>The turn failed</source>
        <translation>本轮失败</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>spoon::schema</name>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>值为字符串的对象</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>字符串数组</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>one of</source>
        <translation>枚举值</translation>
    </message>
    <message>
        <source>%1 from %2 to %3</source>
        <translation>%2 到 %3 之间的%1</translation>
    </message>
    <message>
        <source>%1 of at least %2</source>
        <translation>不小于 %2 的%1</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>以下值之一：%1</translation>
    </message>
</context>
</TS>
