#include "jsonlocator.h"

#include <QSet>

namespace spoon {

class JsonLocator::Scanner
{
public:
    Scanner(QByteArrayView text, JsonLocator &out)
        : m_text(text)
        , m_out(out)
    {}

    void run()
    {
        skipWhitespace();
        m_out.m_positions.insert(QString(), here());
        value(QString(), 0);
    }

private:
    static constexpr int kMaxDepth = 512; // deeper than any config; guards the stack

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    Position here() const { return Position{m_line, m_column}; }

    void advance()
    {
        if (atEnd())
            return;
        const auto byte = static_cast<unsigned char>(m_text[m_pos++]);
        if (byte == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((byte & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++m_column;
        }
    }

    void skipWhitespace()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            advance();
        }
    }

    bool value(const QString &path, int depth)
    {
        if (depth > kMaxDepth)
            return false;
        skipWhitespace();
        switch (peek()) {
        case '{':
            return object(path, depth);
        case '[':
            return array(path, depth);
        case '"': {
            QString ignored;
            return string(ignored);
        }
        default:
            return scalar();
        }
    }

    bool object(const QString &path, int depth)
    {
        advance(); // {
        QSet<QString> seen;
        skipWhitespace();
        if (peek() == '}') {
            advance();
            return true;
        }
        while (!atEnd()) {
            skipWhitespace();
            const Position keyPosition = here();
            QString key;
            if (peek() != '"' || !string(key))
                return false;
            const QString childPath = JsonLocator::child(path, key);
            if (seen.contains(key))
                m_out.m_duplicates.append(Duplicate{childPath, keyPosition});
            seen.insert(key);
            m_out.m_positions.insert(childPath, keyPosition); // the last one wins, as in Qt
            skipWhitespace();
            if (peek() != ':')
                return false;
            advance();
            if (!value(childPath, depth + 1))
                return false;
            skipWhitespace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == '}') {
                advance();
                return true;
            }
            return false;
        }
        return false;
    }

    bool array(const QString &path, int depth)
    {
        advance(); // [
        skipWhitespace();
        if (peek() == ']') {
            advance();
            return true;
        }
        for (qsizetype i = 0; !atEnd(); ++i) {
            skipWhitespace();
            const QString childPath = JsonLocator::index(path, i);
            m_out.m_positions.insert(childPath, here());
            if (!value(childPath, depth + 1))
                return false;
            skipWhitespace();
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == ']') {
                advance();
                return true;
            }
            return false;
        }
        return false;
    }

    bool scalar()
    {
        const qsizetype start = m_pos;
        while (!atEnd()) {
            const char c = peek();
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
                break;
            advance();
        }
        return m_pos > start;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool hex4(char16_t &out)
    {
        int result = 0;
        for (int i = 0; i < 4; ++i) {
            const int digit = hexValue(peek());
            if (digit < 0)
                return false;
            result = result * 16 + digit;
            advance();
        }
        out = char16_t(result);
        return true;
    }

    // RFC 8259 section 7 string, decoded; \u escapes arrive as UTF-16 units, which is
    // what QString holds, so surrogate pairs need no special handling.
    bool string(QString &out)
    {
        advance(); // opening quote
        QByteArray utf8;
        while (!atEnd()) {
            const char c = peek();
            if (c == '"') {
                advance();
                out += QString::fromUtf8(utf8);
                return true;
            }
            if (c != '\\') {
                utf8.append(c);
                advance();
                continue;
            }
            advance();
            const char escaped = peek();
            advance();
            switch (escaped) {
            case 'n':
                utf8.append('\n');
                break;
            case 't':
                utf8.append('\t');
                break;
            case 'r':
                utf8.append('\r');
                break;
            case 'b':
                utf8.append('\b');
                break;
            case 'f':
                utf8.append('\f');
                break;
            case 'u': {
                char16_t unit = 0;
                if (!hex4(unit))
                    return false;
                out += QString::fromUtf8(utf8);
                utf8.clear();
                out += QChar(unit);
                break;
            }
            default: // '"', '\\', '/'
                utf8.append(escaped);
            }
        }
        return false;
    }

    QByteArrayView m_text;
    JsonLocator &m_out;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

JsonLocator::JsonLocator(QByteArrayView json)
{
    Scanner(json, *this).run();
}

JsonLocator::Position JsonLocator::positionOf(const QString &path) const
{
    QString current = path;
    for (;;) {
        const auto found = m_positions.constFind(current);
        if (found != m_positions.constEnd())
            return *found;
        if (current.isEmpty())
            return {};
        const qsizetype cut = std::max(current.lastIndexOf(u'.'), current.lastIndexOf(u'['));
        current = cut > 0 ? current.first(cut) : QString();
    }
}

JsonLocator::Position JsonLocator::positionAtOffset(QByteArrayView text, qsizetype offset)
{
    Position position{1, 1};
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    return position;
}

QString JsonLocator::child(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + u'.' + key;
}

QString JsonLocator::index(const QString &parent, qsizetype i)
{
    return parent + u'[' + QString::number(i) + u']';
}

} // namespace spoon
