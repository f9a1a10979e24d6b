#include "addresspolicy.h"

namespace spoon {

using namespace Qt::StringLiterals;

AddressPolicy::AddressPolicy(QStringList allowHosts)
    : m_allowHosts(std::move(allowHosts))
{
    for (QString &host : m_allowHosts)
        host = host.trimmed().toLower();
}

bool AddressPolicy::isInternal(const QHostAddress &input)
{
    QHostAddress address = input;
    bool isMappedV4 = false;
    const quint32 v4 = address.toIPv4Address(&isMappedV4); // also unwraps ::ffff:a.b.c.d
    if (isMappedV4)
        address = QHostAddress(v4);
    if (address.isLoopback() || address.isNull() || address == QHostAddress::AnyIPv4 ||
        address == QHostAddress::AnyIPv6 || address.isLinkLocal() || address.isMulticast() ||
        address.isBroadcast())
        return true;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        return address.isInSubnet(QHostAddress(u"10.0.0.0"_s), 8) ||
               address.isInSubnet(QHostAddress(u"172.16.0.0"_s), 12) ||
               address.isInSubnet(QHostAddress(u"192.168.0.0"_s), 16) ||
               address.isInSubnet(QHostAddress(u"100.64.0.0"_s), 10) // carrier-grade NAT
               || address.isInSubnet(QHostAddress(u"0.0.0.0"_s), 8);
    }
    return address.isUniqueLocalUnicast() || address.isSiteLocal();
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
    if (!isInternal(address) || isAllowListed(url))
        return {};
    return u"%1 resolves to %2, an internal address; the HTTP tool reaches only public hosts "
           u"unless performance.tools.allow_hosts lists \"%1\""_s.arg(url.host(),
                                                                      address.toString());
}

} // namespace spoon
