#pragma once

#include <QString>
#include <QTextDocument>

namespace spoon {

// Text from a model, a server or the store, made safe for a tooltip: Qt takes a tooltip that
// looks like HTML for rich text (and loads what an <img> in it names), so such text goes in
// escaped, its line breaks kept.
inline QString plainToolTip(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() +
           QStringLiteral("</p>");
}

} // namespace spoon
