#include "cachekey.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

namespace spoon {

CacheKey CacheKey::fromDigest(QByteArrayView sha256)
{
    CacheKey key;
    std::memcpy(key.m_words.data(), sha256.data(),
                size_t(std::min<qsizetype>(sha256.size(), sizeof(key.m_words))));
    return key;
}

CacheKey CacheKey::fromHex(QByteArrayView hex)
{
    return fromDigest(QByteArray::fromHex(hex.toByteArray()));
}

CacheKey CacheKey::ofBytes(QByteArrayView bytes)
{
    return fromDigest(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
}

CacheKey CacheKey::ofJson(const QJsonValue &value)
{
    QByteArray text;
    if (value.isObject())
        text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else if (value.isArray())
        text = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else
        text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return ofBytes(text);
}

QByteArray CacheKey::toHex() const
{
    return QByteArray(reinterpret_cast<const char *>(m_words.data()), sizeof(m_words)).toHex();
}

} // namespace spoon
