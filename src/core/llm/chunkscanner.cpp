#include "chunkscanner.h"

#include <array>
#include <utility>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxDepth = 32;
// Longer numbers, and exponents, are left to Qt, whose double conversion decides whether
// they are legal.
constexpr qsizetype kMaxNumberChars = 18;

// Bytes that stand for themselves inside a JSON string: printable ASCII but '"' and '\\'.
constexpr auto kPlainAscii = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[size_t(c)] = c != '"' && c != '\\';
    return plain;
}();

// A one-pass reader over a JSON text's bytes, for readers of one known shape. Every read
// returns false at the first byte that is not plain JSON of the expected shape; the shape
// reader then answers nullopt.
class JsonScanner
{
public:
    explicit JsonScanner(QByteArrayView json)
        : m_p(json.data())
        , m_end(json.data() + json.size())
    {}

protected:
    // The top-level object, read by `readTop`, then nothing but whitespace.
    template <typename ReadTop> bool readDocument(ReadTop readTop)
    {
        skipSpace();
        if (peek() != '{' || !readTop())
            return false;
        skipSpace();
        return m_p == m_end;
    }

    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    bool consume(char c)
    {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    // RFC 8259 section 4: members are string ':' value, separated by ','.
    template <typename OnMember> bool readObject(int depth, OnMember onMember)
    {
        if (depth > kMaxDepth || !consume('{'))
            return false;
        skipSpace();
        if (consume('}'))
            return true;
        for (;;) {
            QByteArrayView key;
            if (!readKey(&key))
                return false;
            skipSpace();
            if (!consume(':'))
                return false;
            skipSpace();
            if (!onMember(key))
                return false;
            skipSpace();
            if (consume('}'))
                return true;
            if (!consume(','))
                return false;
            skipSpace();
        }
    }

    template <typename OnElement> bool readArray(int depth, OnElement onElement)
    {
        if (depth > kMaxDepth || !consume('['))
            return false;
        skipSpace();
        if (consume(']'))
            return true;
        for (qsizetype index = 0;; ++index) {
            if (!onElement(index))
                return false;
            skipSpace();
            if (consume(']'))
                return true;
            if (!consume(','))
                return false;
            skipSpace();
        }
    }

    bool skipValue(int depth)
    {
        switch (peek()) {
        case '{':
            return readObject(depth,
                              [this, depth](QByteArrayView) { return skipValue(depth + 1); });
        case '[':
            return readArray(depth, [this, depth](qsizetype) { return skipValue(depth + 1); });
        case '"':
            return readString(nullptr);
        case 't':
            return skipWord("true");
        case 'f':
            return skipWord("false");
        case 'n':
            return skipWord("null");
        default:
            return skipNumber();
        }
    }

    bool skipWord(QByteArrayView word)
    {
        if (QByteArrayView(m_p, m_end - m_p).startsWith(word)) {
            m_p += word.size();
            return true;
        }
        return false;
    }

    // RFC 8259 section 6, without exponents: -?(0|[1-9][0-9]*)(.[0-9]+)?
    bool skipNumber()
    {
        const char *start = m_p;
        consume('-');
        const auto digits = [this] {
            const char *first = m_p;
            while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
                ++m_p;
            return m_p - first;
        };
        if (consume('0')) {
            if (peek() >= '0' && peek() <= '9')
                return false;
        } else if (digits() == 0) {
            return false;
        }
        if (consume('.') && digits() == 0)
            return false;
        return m_p - start <= kMaxNumberChars && peek() != 'e' && peek() != 'E';
    }

    // A key of interest is compared as sent; one with escapes is left to Qt.
    bool readKey(QByteArrayView *key)
    {
        if (peek() != '"')
            return false;
        const char *start = m_p + 1;
        if (!readString(nullptr))
            return false;
        *key = QByteArrayView(start, m_p - 1 - start);
        return true;
    }
    // Whether the key just read had an escape: such a key is compared by Qt, not here.
    bool keyHadEscape() const { return m_stringHadEscape; }

    // RFC 8259 section 7; RFC 3629 for the UTF-8. Decodes into `decoded` when given.
    bool readString(QString *decoded)
    {
        if (!consume('"'))
            return false;
        const char *run = m_p;
        const auto flush = [&] {
            if (decoded && m_p > run)
                decoded->append(QString::fromUtf8(QByteArrayView(run, m_p - run)));
        };
        m_stringHadEscape = false;
        while (m_p < m_end) {
            while (m_p < m_end && kPlainAscii[static_cast<unsigned char>(*m_p)])
                ++m_p; // most of a chunk's bytes
            if (m_p == m_end)
                break;
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                flush();
                ++m_p;
                return true;
            }
            if (c == '\\') {
                flush();
                ++m_p;
                m_stringHadEscape = true;
                if (!readEscape(decoded))
                    return false;
                run = m_p;
            } else if (c < 0x20) {
                return false;
            } else if (!skipUtf8Sequence()) {
                return false;
            }
        }
        return false;
    }

    bool readEscape(QString *decoded)
    {
        char16_t unit = 0;
        switch (peek()) {
        case '"':
        case '\\':
        case '/':
            unit = char16_t(*m_p);
            break;
        case 'b':
            unit = u'\b';
            break;
        case 'f':
            unit = u'\f';
            break;
        case 'n':
            unit = u'\n';
            break;
        case 'r':
            unit = u'\r';
            break;
        case 't':
            unit = u'\t';
            break;
        case 'u': {
            ++m_p;
            if (!readHex4(&unit))
                return false;
            if (QChar::isLowSurrogate(unit))
                return false; // a lone low half
            if (QChar::isHighSurrogate(unit)) {
                char16_t low = 0;
                if (!consume('\\') || !consume('u') || !readHex4(&low) ||
                    !QChar::isLowSurrogate(low))
                    return false;
                if (decoded) {
                    const QChar pair[] = {QChar(unit), QChar(low)};
                    decoded->append(pair, 2);
                }
                return true;
            }
            if (decoded)
                decoded->append(QChar(unit));
            return true;
        }
        default:
            return false;
        }
        ++m_p;
        if (decoded)
            decoded->append(QChar(unit));
        return true;
    }

    bool readHex4(char16_t *unit)
    {
        if (m_end - m_p < 4)
            return false;
        unsigned value = 0;
        for (int i = 0; i < 4; ++i, ++m_p) {
            const char c = *m_p;
            value <<= 4;
            if (c >= '0' && c <= '9')
                value |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                value |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                value |= unsigned(c - 'A' + 10);
            else
                return false;
        }
        *unit = char16_t(value);
        return true;
    }

    // One multi-byte UTF-8 sequence, by the table in RFC 3629 section 4: no overlong forms,
    // no surrogates, nothing past U+10FFFF. Noncharacters are left to Qt as well.
    bool skipUtf8Sequence()
    {
        const auto byte = [this](qsizetype i) {
            return m_p + i < m_end ? static_cast<unsigned char>(m_p[i]) : 0u;
        };
        const auto continuation = [](unsigned b) { return (b & 0xC0) == 0x80; };
        const unsigned lead = byte(0);
        unsigned codePoint = 0;
        qsizetype length = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            codePoint = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            return false;
        }
        for (qsizetype i = 1; i < length; ++i) {
            if (!continuation(byte(i)))
                return false;
            codePoint = (codePoint << 6) | (byte(i) & 0x3F);
        }
        const unsigned smallest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        if (codePoint < smallest || codePoint > 0x10FFFF ||
            (codePoint >= 0xD800 && codePoint <= 0xDFFF) ||
            (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE)
            return false;
        m_p += length;
        return true;
    }

    // A field read once, as a string or null (which reads as empty, as through QJsonValue).
    bool readNullableString(QString *out, bool *seen)
    {
        if (std::exchange(*seen, true))
            return false; // given twice: which one Qt keeps is Qt's business
        if (peek() == 'n')
            return skipWord("null");
        return peek() == '"' && readString(out);
    }
    // A field the fast path does not handle unless it is null.
    bool readNull() { return peek() == 'n' && skipWord("null"); }

    const char *m_p;
    const char *m_end;
    bool m_stringHadEscape = false;
};

class OpenAiChunkReader : private JsonScanner
{
public:
    using JsonScanner::JsonScanner;
    std::optional<OpenAiChunkFields> read()
    {
        if (!readDocument([this] { return readTop(); }))
            return std::nullopt;
        return std::move(m_fields);
    }

private:
    bool readTop()
    {
        bool seenModel = false;
        bool seenChoices = false;
        return readObject(1, [&](QByteArrayView key) {
            if (keyHadEscape())
                return false;
            if (key == "model")
                return readNullableString(&m_fields.model, &seenModel);
            if (key == "error" || key == "usage")
                return readNull();
            if (key == "choices") {
                if (std::exchange(seenChoices, true))
                    return false;
                if (peek() == 'n')
                    return skipWord("null");
                return readArray(2, [this](qsizetype index) {
                    return index == 0 ? readChoice() : skipValue(3);
                });
            }
            return skipValue(2);
        });
    }

    bool readChoice()
    {
        bool seenDelta = false;
        bool seenReason = false;
        return readObject(3, [&](QByteArrayView key) {
            if (keyHadEscape())
                return false;
            if (key == "delta") {
                if (std::exchange(seenDelta, true))
                    return false;
                if (peek() == 'n')
                    return skipWord("null");
                return readDelta();
            }
            if (key == "finish_reason") {
                const bool isString = peek() == '"';
                QString reason;
                if (!readNullableString(&reason, &seenReason))
                    return false;
                if (isString)
                    m_fields.finishReason = std::move(reason);
                return true;
            }
            return skipValue(4);
        });
    }

    bool readDelta()
    {
        bool seenContent = false;
        return readObject(4, [&](QByteArrayView key) {
            if (keyHadEscape())
                return false;
            if (key == "content")
                return readNullableString(&m_fields.content, &seenContent);
            if (key == "tool_calls")
                return readNull();
            return skipValue(5);
        });
    }

    OpenAiChunkFields m_fields;
};

// {"type":"content_block_delta","index":N,"delta":{"type":"text_delta","text":"..."}}, in
// any member order.
class AnthropicTextDeltaReader : private JsonScanner
{
public:
    using JsonScanner::JsonScanner;
    std::optional<QString> read()
    {
        if (!readDocument([this] { return readTop(); }) || m_type != "content_block_delta"_L1 ||
            m_deltaType != "text_delta"_L1)
            return std::nullopt;
        return std::move(m_text);
    }

private:
    // "type" must be a string: the DOM reads anything else as no event at all.
    bool readType(QString *type, bool *seen)
    {
        return peek() == '"' && readNullableString(type, seen);
    }

    bool readTop()
    {
        bool seenType = false;
        bool seenDelta = false;
        return readObject(1, [&](QByteArrayView key) {
            if (keyHadEscape())
                return false;
            if (key == "type")
                return readType(&m_type, &seenType);
            if (key == "delta") {
                if (std::exchange(seenDelta, true) || peek() != '{')
                    return false;
                return readDelta();
            }
            return skipValue(2);
        });
    }

    bool readDelta()
    {
        bool seenType = false;
        bool seenText = false;
        return readObject(2, [&](QByteArrayView key) {
            if (keyHadEscape())
                return false;
            if (key == "type")
                return readType(&m_deltaType, &seenType);
            if (key == "text")
                return readNullableString(&m_text, &seenText);
            return skipValue(3);
        });
    }

    QString m_type;
    QString m_deltaType;
    QString m_text;
};

} // namespace

std::optional<OpenAiChunkFields> scanOpenAiChunk(QByteArrayView json)
{
    return OpenAiChunkReader(json).read();
}

std::optional<QString> scanAnthropicTextDelta(QByteArrayView json)
{
    return AnthropicTextDeltaReader(json).read();
}

} // namespace spoon
