#include "codec.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <zstd.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace spoon::codec {

namespace {
constexpr char kJsonTag = 'J';
constexpr char kCompressedTag = 'Z';
// The seed keeps JSON unless it is more than this many times the compressed size.
constexpr double kJsonAllowance = 1.2;

// QJsonDocument holds only arrays and objects: a scalar travels as the one item of an array
// whose brackets are then dropped.
QByteArray compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// zstd at its default level: several times faster than zlib at a better ratio, so trying
// the compressed form for every value (as the seed's rule needs) stays cheap.
constexpr int kZstdLevel = 3;

QByteArray compressedCbor(const QJsonValue &value)
{
    const QByteArray cbor = QCborValue::fromJsonValue(value).toCbor();
    // With a content checksum, so a damaged byte in the store is found, not decoded.
    thread_local const std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> context = [] {
        std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> made(ZSTD_createCCtx(), &ZSTD_freeCCtx);
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_compressionLevel, kZstdLevel);
        ZSTD_CCtx_setParameter(made.get(), ZSTD_c_checksumFlag, 1);
        return made;
    }();
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(cbor.size()))), Qt::Uninitialized);
    const size_t written = ZSTD_compress2(context.get(), out.data(), size_t(out.size()),
                                          cbor.constData(), size_t(cbor.size()));
    out.resize(ZSTD_isError(written) ? 0 : qsizetype(written));
    return out;
}

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}
} // namespace

QByteArray encodeAs(const QJsonValue &value, Form form)
{
    if (form == Form::Json)
        return kJsonTag + compactJson(value);
    return kCompressedTag + compressedCbor(value);
}

Encoded encode(const QJsonValue &value)
{
    QByteArray json = compactJson(value);
    QByteArray compressed = compressedCbor(value);
    if (double(json.size()) <= double(compressed.size()) * kJsonAllowance)
        return {kJsonTag + json, Form::Json};
    return {kCompressedTag + compressed, Form::Compressed};
}

std::optional<QJsonValue> decode(const QByteArray &bytes, QString *error, qsizetype maxDecodedBytes)
{
    if (bytes.isEmpty()) {
        setError(error, u"empty stored value"_s);
        return std::nullopt;
    }
    const QByteArray body = bytes.mid(1);
    if (bytes.front() == kJsonTag) {
        if (body.size() > maxDecodedBytes) {
            setError(error, u"stored JSON is larger than %1 bytes"_s.arg(maxDecodedBytes));
            return std::nullopt;
        }
        // A scalar was stored without brackets; put them back to parse it.
        const bool container = body.startsWith('{') || body.startsWith('[');
        QJsonParseError parseError;
        const QJsonDocument document =
            QJsonDocument::fromJson(container ? body : '[' + body + ']', &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            setError(error, u"stored JSON is malformed at offset %1: %2"_s.arg(parseError.offset)
                                .arg(parseError.errorString()));
            return std::nullopt;
        }
        if (container)
            return document.isObject() ? QJsonValue(document.object())
                                       : QJsonValue(document.array());
        if (document.array().size() != 1) {
            setError(error, u"stored JSON holds more than one value"_s);
            return std::nullopt;
        }
        return document.array().first();
    }
    if (bytes.front() == kCompressedTag) {
        // The frame says how large it unpacks; checked before anything is allocated.
        const unsigned long long declared =
            ZSTD_getFrameContentSize(body.constData(), size_t(body.size()));
        if (declared == ZSTD_CONTENTSIZE_ERROR || declared == ZSTD_CONTENTSIZE_UNKNOWN) {
            setError(error, u"stored compressed value is corrupt or truncated"_s);
            return std::nullopt;
        }
        if (declared > quint64(maxDecodedBytes)) {
            setError(
                error,
                u"stored compressed value unpacks to %1 bytes, more than %2"_s.arg(declared).arg(
                    maxDecodedBytes));
            return std::nullopt;
        }
        QByteArray cbor(qsizetype(declared), Qt::Uninitialized);
        const size_t unpacked = ZSTD_decompress(cbor.data(), size_t(cbor.size()), body.constData(),
                                                size_t(body.size()));
        if (ZSTD_isError(unpacked) || unpacked != declared) {
            setError(error, u"stored compressed value is corrupt or truncated"_s);
            return std::nullopt;
        }
        QCborParserError parseError;
        const QCborValue value = QCborValue::fromCbor(cbor, &parseError);
        if (parseError.error != QCborError::NoError) {
            setError(error, u"stored compressed value is not valid CBOR: %1"_s.arg(
                                parseError.errorString()));
            return std::nullopt;
        }
        return value.toJsonValue();
    }
    setError(error, u"stored value has an unknown form (first byte 0x%1)"_s.arg(
                        quint8(bytes.front()), 2, 16, QLatin1Char('0')));
    return std::nullopt;
}

} // namespace spoon::codec
