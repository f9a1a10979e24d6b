#include "untrusteddocument.h"

#include <QImage>
#include <QTextBlock>
#include <QTextCursor>

namespace spoon {

QString UntrustedDocument::imagePlaceholder(const QString &source)
{
    return tr("[image: %1]").arg(source.left(200));
}

void UntrustedDocument::setUntrustedMarkdown(const QString &markdown)
{
    setMarkdown(markdown);
    replaceImages();
}

void UntrustedDocument::replaceImages()
{
    // Collected first: replacing changes the fragments being walked.
    QList<std::pair<int, int>> spans;
    QStringList sources;
    for (QTextBlock block = begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.isValid() && fragment.charFormat().isImageFormat()) {
                spans.append({fragment.position(), fragment.length()});
                sources.append(fragment.charFormat().toImageFormat().name());
            }
        }
    }
    for (qsizetype i = spans.size() - 1; i >= 0; --i) {
        QTextCursor cursor(this);
        cursor.setPosition(spans[i].first);
        cursor.setPosition(spans[i].first + spans[i].second, QTextCursor::KeepAnchor);
        QTextCharFormat plain;
        plain.setFontItalic(true);
        cursor.insertText(imagePlaceholder(sources[i]), plain);
    }
}

QVariant UntrustedDocument::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(name);
    ++m_refused;
    if (type == QTextDocument::ImageResource) {
        // A valid, blank image: an empty answer would make the image handler load the path
        // itself.
        QImage blank(1, 1, QImage::Format_ARGB32);
        blank.fill(Qt::transparent);
        return blank;
    }
    return QByteArray(); // stylesheets and anything else: nothing
}

} // namespace spoon
