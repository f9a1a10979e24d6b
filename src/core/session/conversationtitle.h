#pragma once

#include <QString>

namespace spoon {

// A conversation is named after its first message: one line, at most kTitleLength characters,
// an ellipsis where it was cut. The store keeps this name and every list shows it; a list
// narrower than that elides it to its own width and shows it whole in the tooltip.
inline constexpr qsizetype kTitleLength = 80;

inline QString conversationTitle(const QString &firstMessage)
{
    QString title = firstMessage.simplified();
    if (title.size() > kTitleLength)
        title = title.left(kTitleLength - 1) + QChar(0x2026);
    return title;
}

} // namespace spoon
