#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace spoon {

// Readers for the stream events that carry the answer's text, token by token, without
// building a QJsonDocument for each.

// What a plain OpenAI chat.completion.chunk carries: one choice's text delta, the model and
// the finish reason. Absent and null read the same, as they do through QJsonValue.
struct OpenAiChunkFields
{
    QString model;
    QString content;                     // choices[0].delta.content
    std::optional<QString> finishReason; // choices[0].finish_reason, when a string
};

// Reads a stream chunk without building a QJsonDocument, which was 45 % of the GUI thread's
// time per token when providers pack several tokens in one TCP segment. It walks the whole
// text as RFC 8259 JSON, stricter than Qt's parser in places (no exponents or long numbers,
// no raw control characters, no lone surrogates, nesting of 32 at most), and answers
// nullopt for anything but the plain shape: invalid JSON, a top level other than an object,
// a non-null "error" or "usage", tool_calls, a field of interest of another type or given
// twice. The caller then reads the chunk with QJsonDocument, which also words the error.
// So whenever this answers, QJsonDocument would have read the same fields (fuzz/
// chunk_scanners_fuzzer.cpp checks that).
std::optional<OpenAiChunkFields> scanOpenAiChunk(QByteArrayView json);

// The same for Anthropic's most frequent event, a content_block_delta of type text_delta:
// its text (null reads as empty), or nullopt for any other event or anything unusual, which
// the caller reads with QJsonDocument.
std::optional<QString> scanAnthropicTextDelta(QByteArrayView json);

} // namespace spoon
