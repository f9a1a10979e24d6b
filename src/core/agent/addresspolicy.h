#pragma once

#include <QHostAddress>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace spoon {

// Which hosts the HTTP tool may reach. An agent follows instructions from model output, and
// model output follows whatever a web page says, so by default the tool refuses every address
// the IANA special-purpose registries do not mark globally reachable (loopback, private,
// carrier-grade NAT, link-local, documentation, benchmarking, reserved, multicast...), the
// IPv4 address inside a mapped, NAT64 or 6to4 address by the same rules, and every address
// of this machine's own interfaces. performance.tools.allow_hosts lists exceptions as "host"
// or "host:port".
class AddressPolicy
{
public:
    explicit AddressPolicy(QStringList allowHosts = {});

    // The special-purpose block `address` is in ("198.18.0.0/15, benchmarking"); empty for a
    // public address.
    static QString specialPurpose(const QHostAddress &address);
    static bool isInternal(const QHostAddress &address);
    // One of the addresses of this machine's interfaces (its public one included).
    static bool isThisMachine(const QHostAddress &address);
    bool isAllowListed(const QUrl &url) const;
    // Why `address` (one of url's resolved addresses) may not be reached; empty if it may.
    QString refusal(const QUrl &url, const QHostAddress &address) const;

private:
    QStringList m_allowHosts;
};

} // namespace spoon
