#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace spoon {

// Colours the fenced code blocks of an answer by the language their fence names: JSON,
// Python, C and C++, and shell (with their usual aliases). Other text, and code in other
// languages, stays as it is. One left-to-right pass per line, so a "#" inside a string is
// not a comment and a keyword inside a comment is not a keyword.
class CodeHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Language
    {
        None,
        Json,
        Python,
        Cpp,
        Shell
    };
    enum class Token
    {
        Keyword,
        String,
        Comment,
        Number,
        Key,      // a JSON object's key
        Meta,     // a C preprocessor line, a Python decorator
        Variable, // a shell $variable
    };

    explicit CodeHighlighter(QTextDocument *document);

    // The language a fence's info string names ("py", "c++", "bash", ...).
    static Language languageFor(const QString &fenceInfo);
    static QTextCharFormat format(Token token);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightCppComment(const QString &text, int &from);
};

} // namespace spoon
