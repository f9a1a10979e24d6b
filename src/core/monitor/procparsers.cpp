#include "procparsers.h"

namespace spoon::proc {

namespace {

// A cursor over the text with just the scanning /proc needs; no allocations.
class Scanner
{
public:
    explicit Scanner(QByteArrayView text)
        : m_pos(text.data())
        , m_end(text.data() + text.size())
    {}
    Scanner(const char *begin, const char *end)
        : m_pos(begin)
        , m_end(end)
    {}

    bool atEnd() const { return m_pos >= m_end; }
    // The number just read ends its field ("12x" is no number).
    bool atFieldEnd() const
    {
        return m_pos >= m_end || *m_pos == ' ' || *m_pos == '\t' || *m_pos == '\n';
    }
    void skipSpaces()
    {
        while (m_pos < m_end && (*m_pos == ' ' || *m_pos == '\t'))
            ++m_pos;
    }
    bool readUnsigned(quint64 &out)
    {
        skipSpaces();
        const char *start = m_pos;
        quint64 value = 0;
        while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9') {
            value = value * 10 + quint64(*m_pos - '0');
            ++m_pos;
        }
        out = value;
        return m_pos != start;
    }
    bool readSigned(qint64 &out)
    {
        skipSpaces();
        bool negative = false;
        if (m_pos < m_end && *m_pos == '-') {
            negative = true;
            ++m_pos;
        }
        quint64 magnitude = 0;
        if (!readUnsigned(magnitude))
            return false;
        out = negative ? -qint64(magnitude) : qint64(magnitude);
        return true;
    }
    // Skips one whitespace-separated field.
    bool skipField()
    {
        skipSpaces();
        const char *start = m_pos;
        while (m_pos < m_end && *m_pos != ' ' && *m_pos != '\t' && *m_pos != '\n')
            ++m_pos;
        return m_pos != start;
    }
    bool readChar(char &out)
    {
        skipSpaces();
        if (m_pos >= m_end)
            return false;
        out = *m_pos++;
        return true;
    }
    // Returns the rest of the current line (without '\n') and moves past it.
    QByteArrayView takeLine()
    {
        const char *start = m_pos;
        while (m_pos < m_end && *m_pos != '\n')
            ++m_pos;
        QByteArrayView line(start, m_pos - start);
        if (m_pos < m_end)
            ++m_pos;
        return line;
    }

private:
    const char *m_pos;
    const char *m_end;
};

// For "Key:   12345 kB" lines: the number after the colon, scaled by the unit.
bool valueAfterColon(QByteArrayView line, quint64 &out)
{
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return false;
    Scanner scanner(line.sliced(colon + 1));
    if (!scanner.readUnsigned(out))
        return false;
    if (line.endsWith("kB"))
        out *= 1024;
    return true;
}

bool keyIs(QByteArrayView line, QByteArrayView key)
{
    return line.size() > key.size() && line.startsWith(key) && line[key.size()] == ':';
}

} // namespace

std::optional<ProcStat> parseProcStat(QByteArrayView text)
{
    const qsizetype open = text.indexOf('(');
    const qsizetype close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return std::nullopt;

    ProcStat stat;
    stat.comm = text.sliced(open + 1, close - open - 1).toByteArray();
    Scanner scanner(text.sliced(close + 1));
    if (!scanner.readChar(stat.state)) // field 3
        return std::nullopt;
    // Fields 4..13: ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt.
    for (int field = 4; field <= 13; ++field) {
        if (!scanner.skipField())
            return std::nullopt;
    }
    qint64 ignored = 0;
    if (!scanner.readUnsigned(stat.utimeTicks) || !scanner.readUnsigned(stat.stimeTicks))
        return std::nullopt;
    // Fields 16..19: cutime cstime priority nice (signed).
    for (int field = 16; field <= 19; ++field) {
        if (!scanner.readSigned(ignored))
            return std::nullopt;
    }
    if (!scanner.readSigned(stat.numThreads)) // 20
        return std::nullopt;
    if (!scanner.readSigned(ignored)) // 21 itrealvalue
        return std::nullopt;
    if (!scanner.readUnsigned(stat.startTicks)) // 22
        return std::nullopt;
    if (!scanner.readUnsigned(stat.vsizeBytes)) // 23
        return std::nullopt;
    if (!scanner.readSigned(stat.rssPages)) // 24
        return std::nullopt;
    return stat;
}

std::optional<ProcStatm> parseProcStatm(QByteArrayView text)
{
    Scanner scanner(text);
    ProcStatm statm;
    if (!scanner.readUnsigned(statm.sizePages) || !scanner.atFieldEnd() ||
        !scanner.readUnsigned(statm.residentPages) || !scanner.atFieldEnd())
        return std::nullopt;
    return statm;
}

std::optional<ProcStatus> parseProcStatus(QByteArrayView text)
{
    ProcStatus status;
    bool haveRss = false;
    bool haveSize = false;
    bool haveThreads = false;
    Scanner scanner(text);
    while (!scanner.atEnd()) {
        const QByteArrayView line = scanner.takeLine();
        quint64 value = 0;
        if (keyIs(line, "VmRSS") && valueAfterColon(line, value)) {
            status.vmRssBytes = value;
            haveRss = true;
        } else if (keyIs(line, "VmSize") && valueAfterColon(line, value)) {
            status.vmSizeBytes = value;
            haveSize = true;
        } else if (keyIs(line, "VmHWM") && valueAfterColon(line, value)) {
            status.vmHwmBytes = value;
        } else if (keyIs(line, "VmSwap") && valueAfterColon(line, value)) {
            status.vmSwapBytes = value;
        } else if (keyIs(line, "Threads") && valueAfterColon(line, value)) {
            status.threads = qint64(value);
            haveThreads = true;
        }
    }
    // Kernel threads have no Vm* lines; for a user process all three are present.
    if (!haveThreads)
        return std::nullopt;
    if (!haveRss || !haveSize)
        status.vmRssBytes = status.vmSizeBytes = 0;
    return status;
}

std::optional<ProcIo> parseProcIo(QByteArrayView text)
{
    ProcIo io;
    int found = 0;
    Scanner scanner(text);
    while (!scanner.atEnd()) {
        const QByteArrayView line = scanner.takeLine();
        quint64 value = 0;
        if (!valueAfterColon(line, value))
            continue;
        if (keyIs(line, "rchar")) {
            io.rchar = value;
            ++found;
        } else if (keyIs(line, "wchar")) {
            io.wchar = value;
            ++found;
        } else if (keyIs(line, "read_bytes")) {
            io.readBytes = value;
            ++found;
        } else if (keyIs(line, "write_bytes")) {
            io.writeBytes = value;
            ++found;
        }
    }
    if (found < 4)
        return std::nullopt;
    return io;
}

std::optional<QList<NetInterfaceCounters>> parseNetDev(QByteArrayView text)
{
    QList<NetInterfaceCounters> interfaces;
    Scanner scanner(text);
    bool sawHeader = false;
    while (!scanner.atEnd()) {
        const QByteArrayView line = scanner.takeLine();
        const qsizetype colon = line.indexOf(':');
        if (line.contains('|')) { // the two header lines
            sawHeader = true;
            continue;
        }
        if (colon < 0) {
            if (line.trimmed().isEmpty())
                continue;
            return std::nullopt;
        }
        NetInterfaceCounters counters;
        counters.name = line.first(colon).trimmed().toByteArray();
        Scanner fields(line.sliced(colon + 1));
        // Receive: bytes packets errs drop fifo frame compressed multicast; then transmit.
        if (!fields.readUnsigned(counters.rxBytes))
            return std::nullopt;
        for (int field = 0; field < 7; ++field) {
            if (!fields.skipField())
                return std::nullopt;
        }
        if (!fields.readUnsigned(counters.txBytes))
            return std::nullopt;
        interfaces.append(counters);
    }
    if (!sawHeader)
        return std::nullopt;
    return interfaces;
}

std::optional<MemInfo> parseMemInfo(QByteArrayView text)
{
    MemInfo info;
    bool haveTotal = false;
    bool haveAvailable = false;
    quint64 buffers = 0;
    quint64 cached = 0;
    Scanner scanner(text);
    while (!scanner.atEnd()) {
        const QByteArrayView line = scanner.takeLine();
        quint64 value = 0;
        if (keyIs(line, "MemTotal") && valueAfterColon(line, value)) {
            info.totalBytes = value;
            haveTotal = true;
        } else if (keyIs(line, "MemFree") && valueAfterColon(line, value)) {
            info.freeBytes = value;
        } else if (keyIs(line, "MemAvailable") && valueAfterColon(line, value)) {
            info.availableBytes = value;
            haveAvailable = true;
        } else if (keyIs(line, "Buffers") && valueAfterColon(line, value)) {
            buffers = value;
        } else if (keyIs(line, "Cached") && valueAfterColon(line, value)) {
            cached = value;
        }
    }
    if (!haveTotal || info.totalBytes == 0)
        return std::nullopt;
    if (!haveAvailable)
        info.availableBytes = info.freeBytes + buffers + cached;
    return info;
}

std::optional<SystemCpuTimes> parseSystemStat(QByteArrayView text)
{
    SystemCpuTimes times;
    bool haveAggregate = false;
    Scanner scanner(text);
    while (!scanner.atEnd()) {
        const QByteArrayView line = scanner.takeLine();
        if (!line.startsWith("cpu"))
            continue;
        if (line.size() > 3 && line[3] >= '0' && line[3] <= '9') {
            ++times.cpuCount;
            continue;
        }
        Scanner fields(line.sliced(3));
        quint64 *targets[] = {&times.user,   &times.nice, &times.system,  &times.idle,
                              &times.iowait, &times.irq,  &times.softirq, &times.steal};
        int read = 0;
        for (quint64 *target : targets) {
            if (!fields.readUnsigned(*target))
                break;
            ++read;
        }
        // Linux 2.6.11+ has at least the first eight; older fields are simply absent.
        if (read < 4)
            return std::nullopt;
        haveAggregate = true;
    }
    if (!haveAggregate)
        return std::nullopt;
    return times;
}

} // namespace spoon::proc
