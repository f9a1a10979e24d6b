#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>

#include <array>

namespace spoon {

// A cache key: the SHA-256 of a canonical serialisation, as the seed's CachedTool makes it
// (sha256 of the sorted-keys JSON of the arguments). Held as 32 raw bytes, so the table
// compares four words instead of 64 hex characters, and the first word is already a
// well-mixed hash.
class CacheKey
{
public:
    CacheKey() = default;

    static CacheKey fromDigest(QByteArrayView sha256); // 32 bytes
    static CacheKey fromHex(QByteArrayView hex);       // 64 hex characters
    // sha256 of the compact JSON text; QJsonObject keeps keys sorted, so equal values give
    // equal keys whatever order they were built in.
    static CacheKey ofJson(const QJsonValue &value);
    static CacheKey ofBytes(QByteArrayView bytes);

    quint64 hash() const { return m_words[0]; }
    QByteArray toHex() const;
    // Word by word and branch-free: std::array's == calls memcmp, a function call per probe.
    bool operator==(const CacheKey &other) const
    {
        return ((m_words[0] ^ other.m_words[0]) | (m_words[1] ^ other.m_words[1]) |
                (m_words[2] ^ other.m_words[2]) | (m_words[3] ^ other.m_words[3])) == 0;
    }

private:
    std::array<quint64, 4> m_words{};
};

} // namespace spoon
