#include "addresspolicy.h"

#include <QNetworkInterface>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

struct Block
{
    const char *prefix;
    int length;
    const char *name;
};

// The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates), the
// blocks not marked globally reachable, plus multicast and the ranges the registries mark
// deprecated. Addresses that embed an IPv4 address (mapped, NAT64, 6to4) are unwrapped and
// judged by that address instead; see embeddedIPv4().
const Block kBlocked[] = {
    {"0.0.0.0", 8, "\"this network\""},
    {"10.0.0.0", 8, "private-use"},
    {"100.64.0.0", 10, "shared (carrier-grade NAT)"},
    {"127.0.0.0", 8, "loopback"},
    {"169.254.0.0", 16, "link-local"},
    {"172.16.0.0", 12, "private-use"},
    {"192.0.0.0", 24, "IETF protocol assignments"},
    {"192.0.2.0", 24, "documentation (TEST-NET-1)"},
    {"192.88.99.0", 24, "deprecated 6to4 relay anycast"},
    {"192.168.0.0", 16, "private-use"},
    {"198.18.0.0", 15, "benchmarking"},
    {"198.51.100.0", 24, "documentation (TEST-NET-2)"},
    {"203.0.113.0", 24, "documentation (TEST-NET-3)"},
    {"224.0.0.0", 4, "multicast"},
    {"240.0.0.0", 4, "reserved"}, // includes 255.255.255.255, limited broadcast
    {"::", 128, "unspecified"},
    {"::1", 128, "loopback"},
    {"::", 96, "IPv4-compatible (deprecated)"},
    {"64:ff9b:1::", 48, "local-use NAT64"},
    {"100::", 64, "discard-only"},
    {"2001::", 23, "IETF protocol assignments (Teredo, benchmarking, ORCHID)"},
    {"2001:db8::", 32, "documentation"},
    {"3fff::", 20, "documentation"},
    {"5f00::", 16, "segment routing (SRv6) SIDs"},
    {"fc00::", 7, "unique-local"},
    {"fe80::", 10, "link-local"},
    {"fec0::", 10, "site-local (deprecated)"},
    {"ff00::", 8, "multicast"},
};

const QList<std::pair<QHostAddress, const Block *>> &blocks()
{
    static const QList<std::pair<QHostAddress, const Block *>> parsed = [] {
        QList<std::pair<QHostAddress, const Block *>> list;
        for (const Block &block : kBlocked)
            list.append({QHostAddress(QString::fromLatin1(block.prefix)), &block});
        return list;
    }();
    return parsed;
}

// The IPv4 address inside an IPv6 one that carries it: IPv4-mapped (::ffff:a.b.c.d), the
// NAT64 well-known prefix (64:ff9b::/96, RFC 6052) and 6to4 (2002:AABB:CCDD::/48, RFC 3056).
// A gateway forwards to that address, so it is the one that must be public.
std::optional<QHostAddress> embeddedIPv4(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    const Q_IPV6ADDR bytes = address.toIPv6Address();
    const auto v4At = [&bytes](int offset) {
        return QHostAddress(quint32(bytes[offset]) << 24 | quint32(bytes[offset + 1]) << 16 |
                            quint32(bytes[offset + 2]) << 8 | quint32(bytes[offset + 3]));
    };
    bool mapped = false;
    address.toIPv4Address(&mapped);
    if (mapped)
        return v4At(12);
    if (address.isInSubnet(QHostAddress(u"64:ff9b::"_s), 96))
        return v4At(12);
    if (address.isInSubnet(QHostAddress(u"2002::"_s), 16))
        return v4At(2);
    return std::nullopt;
}

} // namespace

AddressPolicy::AddressPolicy(QStringList allowHosts)
    : m_allowHosts(std::move(allowHosts))
{
    for (QString &host : m_allowHosts)
        host = host.trimmed().toLower();
}

QString AddressPolicy::specialPurpose(const QHostAddress &input)
{
    QHostAddress address = input;
    address.setScopeId(QString());
    if (const std::optional<QHostAddress> inner = embeddedIPv4(address)) {
        const QString why = specialPurpose(*inner);
        return why.isEmpty() ? QString() : why + u", inside "_s + input.toString();
    }
    for (const auto &[prefix, block] : blocks()) {
        if (address.protocol() == prefix.protocol() && address.isInSubnet(prefix, block->length))
            return u"%1/%2, %3"_s.arg(prefix.toString())
                .arg(block->length)
                .arg(QLatin1String(block->name));
    }
    return {};
}

bool AddressPolicy::isInternal(const QHostAddress &address)
{
    return !specialPurpose(address).isEmpty();
}

bool AddressPolicy::isThisMachine(const QHostAddress &input)
{
    QHostAddress address = input;
    address.setScopeId(QString());
    if (const std::optional<QHostAddress> inner = embeddedIPv4(address))
        address = *inner;
    const QList<QHostAddress> own = QNetworkInterface::allAddresses();
    for (QHostAddress mine : own) {
        mine.setScopeId(QString());
        if (mine.isEqual(address, QHostAddress::TolerantConversion))
            return true;
    }
    return false;
}

bool AddressPolicy::isAllowListed(const QUrl &url) const
{
    const QString host = url.host().toLower();
    const QString withPort =
        host + u':' + QString::number(url.port(url.scheme() == "https"_L1 ? 443 : 80));
    return m_allowHosts.contains(host) || m_allowHosts.contains(withPort);
}

QString AddressPolicy::refusal(const QUrl &url, const QHostAddress &address) const
{
    if (isAllowListed(url))
        return {};
    QString why = specialPurpose(address);
    if (why.isEmpty() && isThisMachine(address))
        why = u"an address of this machine"_s;
    if (why.isEmpty())
        return {};
    return u"%1 resolves to %2 (%3); the HTTP tool reaches only public hosts unless "
           u"performance.tools.allow_hosts lists \"%1\""_s.arg(url.host(), address.toString(), why);
}

} // namespace spoon
