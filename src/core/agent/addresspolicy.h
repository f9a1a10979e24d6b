#pragma once

#include <QHostAddress>
#include <QStringList>
#include <QUrl>

namespace spoon {

// Which hosts the HTTP tool may reach. An agent follows instructions from model output, and
// model output follows whatever a web page says, so by default the tool refuses loopback,
// private (RFC 1918, RFC 4193), carrier-grade NAT, link-local and unspecified addresses: the
// machine itself and its local network. performance.tools.allow_hosts lists exceptions as
// "host" or "host:port".
class AddressPolicy
{
public:
    explicit AddressPolicy(QStringList allowHosts = {});

    static bool isInternal(const QHostAddress &address);
    bool isAllowListed(const QUrl &url) const;
    // Why `address` (one of url's resolved addresses) may not be reached; empty if it may.
    QString refusal(const QUrl &url, const QHostAddress &address) const;

private:
    QStringList m_allowHosts;
};

} // namespace spoon
