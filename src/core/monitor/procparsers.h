#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

// Parsers for the Linux /proc files the monitor reads. Each takes the file's bytes and
// returns std::nullopt when the text is not what proc(5) describes, so a caller can tell
// "unreadable or malformed" from "zero". They never read files themselves.
namespace spoon::proc {

// /proc/[pid]/stat, proc(5). Field 2 (comm) is in parentheses and may itself contain
// spaces and ')', so parsing resumes after the *last* ')'.
struct ProcStat
{
    QByteArray comm;
    char state = '?';
    quint64 utimeTicks = 0; // field 14
    quint64 stimeTicks = 0; // field 15
    qint64 numThreads = 0;  // field 20
    quint64 startTicks = 0; // field 22
    quint64 vsizeBytes = 0; // field 23
    qint64 rssPages = 0;    // field 24
};
std::optional<ProcStat> parseProcStat(QByteArrayView text);

// /proc/[pid]/statm: sizes in pages, "size resident shared text lib data dt". A tenth of the
// kernel time of stat, which formats 52 fields.
struct ProcStatm
{
    quint64 sizePages = 0;
    quint64 residentPages = 0;
};
std::optional<ProcStatm> parseProcStatm(QByteArrayView text);

// /proc/[pid]/status: "Key:\tvalue kB" lines.
struct ProcStatus
{
    quint64 vmRssBytes = 0;
    quint64 vmSizeBytes = 0;
    quint64 vmHwmBytes = 0; // peak RSS
    quint64 vmSwapBytes = 0;
    qint64 threads = 0;
};
std::optional<ProcStatus> parseProcStatus(QByteArrayView text);

// /proc/[pid]/io, proc(5). read_bytes/write_bytes are what reached the storage layer,
// which is what psutil reports as io_counters().read_bytes.
struct ProcIo
{
    quint64 rchar = 0;
    quint64 wchar = 0;
    quint64 readBytes = 0;
    quint64 writeBytes = 0;
};
std::optional<ProcIo> parseProcIo(QByteArrayView text);

// /proc/net/dev: two header lines, then "iface: rx_bytes rx_packets ... tx_bytes ...".
struct NetInterfaceCounters
{
    QByteArray name;
    quint64 rxBytes = 0;
    quint64 txBytes = 0;
};
std::optional<QList<NetInterfaceCounters>> parseNetDev(QByteArrayView text);

// /proc/meminfo. MemAvailable exists since Linux 3.14; before that we estimate it as
// MemFree + Buffers + Cached, the estimate the kernel commit message gives.
struct MemInfo
{
    quint64 totalBytes = 0;
    quint64 availableBytes = 0;
    quint64 freeBytes = 0;
};
std::optional<MemInfo> parseMemInfo(QByteArrayView text);

// The aggregate "cpu" line of /proc/stat, in USER_HZ ticks, and the number of "cpuN" lines.
struct SystemCpuTimes
{
    quint64 user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    int cpuCount = 0;
    // guest and guest_nice are already included in user and nice (proc(5)), so not added.
    quint64 total() const { return user + nice + system + idle + iowait + irq + softirq + steal; }
    quint64 idleTotal() const { return idle + iowait; }
};
std::optional<SystemCpuTimes> parseSystemStat(QByteArrayView text);

} // namespace spoon::proc
