#include "codehighlighter.h"

#include "theme.h"

#include <QRegularExpression>
#include <QTextBlock>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

using Token = CodeHighlighter::Token;
using Language = CodeHighlighter::Language;

// Block states: inside a C /* comment */ that goes on to the next line, or not.
constexpr int kPlain = 0;
constexpr int kInCppComment = 1;
constexpr qsizetype kHighlighted = 4096; // characters of one line

const QString kDoubleQuoted = uR"("(?:[^"\\]|\\.)*"?)"_s;
const QString kSingleQuoted = uR"('(?:[^'\\]|\\.)*'?)"_s;
const QString kNumber = uR"(\b(?:0[xX][0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\b)"_s;

QString words(const QStringList &list)
{
    return uR"(\b(?:)"_s + list.join(u'|') + uR"()\b)"_s;
}

// One pattern per language; each named group is a token kind, tried left to right.
const QRegularExpression &patternFor(Language language)
{
    static const QRegularExpression json(u"(?<Key>"_s + kDoubleQuoted +
                                         uR"((?=\s*:))|(?<String>)"_s + kDoubleQuoted +
                                         u")|(?<Number>-?"_s + kNumber + u")|(?<Keyword>"_s +
                                         words({u"true"_s, u"false"_s, u"null"_s}) + u')');
    static const QRegularExpression python(
        u"(?<Comment>#.*)|(?<String>"_s + kDoubleQuoted + u'|' + kSingleQuoted +
        uR"()|(?<Meta>^\s*@[\w.]+)|(?<Number>)"_s + kNumber + u")|(?<Keyword>"_s +
        words({u"and"_s,      u"as"_s,       u"assert"_s,  u"async"_s, u"await"_s,  u"break"_s,
               u"class"_s,    u"continue"_s, u"def"_s,     u"del"_s,   u"elif"_s,   u"else"_s,
               u"except"_s,   u"False"_s,    u"finally"_s, u"for"_s,   u"from"_s,   u"global"_s,
               u"if"_s,       u"import"_s,   u"in"_s,      u"is"_s,    u"lambda"_s, u"None"_s,
               u"nonlocal"_s, u"not"_s,      u"or"_s,      u"pass"_s,  u"raise"_s,  u"return"_s,
               u"True"_s,     u"try"_s,      u"while"_s,   u"with"_s,  u"yield"_s}) +
        u')');
    static const QRegularExpression cpp(
        uR"((?<Comment>//.*)|(?<Meta>^\s*#\s*\w+)|(?<String>)"_s + kDoubleQuoted + u'|' +
        kSingleQuoted + u")|(?<Number>"_s + kNumber + u")|(?<Keyword>"_s +
        words({u"auto"_s,     u"bool"_s,     u"break"_s,     u"case"_s,      u"catch"_s,
               u"char"_s,     u"class"_s,    u"const"_s,     u"constexpr"_s, u"continue"_s,
               u"default"_s,  u"delete"_s,   u"do"_s,        u"double"_s,    u"else"_s,
               u"enum"_s,     u"false"_s,    u"float"_s,     u"for"_s,       u"if"_s,
               u"int"_s,      u"long"_s,     u"namespace"_s, u"new"_s,       u"nullptr"_s,
               u"override"_s, u"private"_s,  u"protected"_s, u"public"_s,    u"return"_s,
               u"short"_s,    u"signed"_s,   u"sizeof"_s,    u"static"_s,    u"struct"_s,
               u"switch"_s,   u"template"_s, u"this"_s,      u"throw"_s,     u"true"_s,
               u"try"_s,      u"typedef"_s,  u"typename"_s,  u"union"_s,     u"unsigned"_s,
               u"using"_s,    u"virtual"_s,  u"void"_s,      u"volatile"_s,  u"while"_s}) +
        u')');
    static const QRegularExpression shell(
        uR"((?<Comment>(?:^|(?<=\s))#.*)|(?<String>)"_s + kDoubleQuoted + u'|' + kSingleQuoted +
        uR"()|(?<Variable>\$(?:\{[^}]*\}?|\w+|[?$!#@*]))|(?<Number>)"_s + kNumber +
        u")|(?<Keyword>"_s +
        words({u"case"_s, u"do"_s, u"done"_s, u"elif"_s, u"else"_s, u"esac"_s, u"export"_s, u"fi"_s,
               u"for"_s, u"function"_s, u"if"_s, u"in"_s, u"local"_s, u"return"_s, u"then"_s,
               u"until"_s, u"while"_s}) +
        u')');
    static const QRegularExpression none;
    switch (language) {
    case Language::Json:
        return json;
    case Language::Python:
        return python;
    case Language::Cpp:
        return cpp;
    case Language::Shell:
        return shell;
    case Language::None:
        break;
    }
    return none;
}

const std::pair<const char *, Token> kGroups[] = {
    {"Comment", Token::Comment}, {"Key", Token::Key},           {"String", Token::String},
    {"Meta", Token::Meta},       {"Variable", Token::Variable}, {"Number", Token::Number},
    {"Keyword", Token::Keyword},
};

} // namespace

CodeHighlighter::CodeHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{}

CodeHighlighter::Language CodeHighlighter::languageFor(const QString &fenceInfo)
{
    const QString name = fenceInfo.section(u' ', 0, 0).trimmed().toLower();
    if (name == u"json"_s || name == u"jsonc"_s || name == u"json5"_s)
        return Language::Json;
    if (name == u"python"_s || name == u"py"_s || name == u"python3"_s)
        return Language::Python;
    if (name == u"c"_s || name == u"cpp"_s || name == u"c++"_s || name == u"cxx"_s ||
        name == u"cc"_s || name == u"h"_s || name == u"hpp"_s)
        return Language::Cpp;
    if (name == u"sh"_s || name == u"bash"_s || name == u"shell"_s || name == u"zsh"_s ||
        name == u"console"_s || name == u"shell-session"_s)
        return Language::Shell;
    return Language::None;
}

QTextCharFormat CodeHighlighter::format(Token token)
{
    // Deep colours on the light theme's pale code blocks, pale ones on the dark theme's.
    const bool dark = currentTheme() == Theme::Dark;
    const auto pick = [dark](QRgb light, QRgb onDark) {
        return QColor::fromRgb(dark ? onDark : light);
    };
    QTextCharFormat format;
    switch (token) {
    case Token::Keyword:
        format.setForeground(pick(0x1d4ed8, 0x93c5fd));
        format.setFontWeight(QFont::DemiBold);
        break;
    case Token::String:
        format.setForeground(pick(0x047857, 0x6ee7b7));
        break;
    case Token::Comment:
        format.setForeground(pick(0x6b7280, 0x9ca3af));
        format.setFontItalic(true);
        break;
    case Token::Number:
        format.setForeground(pick(0xb45309, 0xfcd34d));
        break;
    case Token::Key:
        format.setForeground(pick(0x7c3aed, 0xc4b5fd));
        break;
    case Token::Meta:
        format.setForeground(pick(0x9d174d, 0xf9a8d4));
        break;
    case Token::Variable:
        format.setForeground(pick(0x0e7490, 0x67e8f9));
        break;
    }
    return format;
}

void CodeHighlighter::highlightCppComment(const QString &text, int &from)
{
    // Inside a /* comment */ from here: up to its end, or the whole rest of the line.
    const qsizetype end = text.indexOf(u"*/"_s, from);
    const int stop = end < 0 ? int(text.size()) : int(end) + 2;
    setFormat(from, stop - from, format(Token::Comment));
    setCurrentBlockState(end < 0 ? kInCppComment : kPlain);
    from = stop;
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(kPlain);
    const Language language =
        languageFor(currentBlock().blockFormat().stringProperty(QTextFormat::BlockCodeLanguage));
    if (language == Language::None)
        return;
    // A model may write a line of megabytes: past kHighlighted characters it stays plain.
    const QString line = text.left(kHighlighted);
    int from = 0;
    if (language == Language::Cpp && previousBlockState() == kInCppComment)
        highlightCppComment(line, from);
    const QRegularExpression &pattern = patternFor(language);
    // Where the next C comment opens; searched again only once passed, so a long line costs
    // one scan, not one per token.
    qsizetype open = language == Language::Cpp ? line.indexOf(u"/*"_s, from) : -1;
    while (from < line.size()) {
        if (open >= 0 && open < from)
            open = line.indexOf(u"/*"_s, from);
        const QRegularExpressionMatch match = pattern.match(line, from);
        // A C comment opening before the next token takes the line from there.
        if (open >= 0 && (!match.hasMatch() || open < match.capturedStart())) {
            from = int(open);
            highlightCppComment(line, from);
            continue;
        }
        if (!match.hasMatch() || match.capturedLength() == 0)
            break;
        for (const auto &[group, token] : kGroups) {
            if (match.capturedLength(QLatin1StringView(group)) > 0) {
                setFormat(int(match.capturedStart()), int(match.capturedLength()), format(token));
                break;
            }
        }
        from = int(match.capturedEnd());
    }
}

} // namespace spoon
