#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace spoon::codec {

// The seed's OptimizedSerializer: a value is stored as compact JSON, or as zstd-compressed
// CBOR when the JSON is more than 1.2 times the compressed size. The first byte says which
// ('J' or 'Z'), so a reader never guesses.
enum class Form
{
    Json,
    Compressed
};

struct Encoded
{
    QByteArray bytes;
    Form form = Form::Json;
};

Encoded encode(const QJsonValue &value);
// The form chosen by force, for tests and benchmarks.
QByteArray encodeAs(const QJsonValue &value, Form form);

// Stored bytes are read back with a cap on what they may unpack to (the declared size of a
// compressed form is checked before anything is allocated). Nullopt, with `error` set, for
// bytes that are not one of the forms.
inline constexpr qsizetype kMaxDecodedBytes = 256 * 1024 * 1024;
std::optional<QJsonValue> decode(const QByteArray &bytes, QString *error = nullptr,
                                 qsizetype maxDecodedBytes = kMaxDecodedBytes);

} // namespace spoon::codec
