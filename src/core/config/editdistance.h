#pragma once

#include <QString>
#include <QStringList>

namespace spoon {

// Edit distance (adjacent transpositions count as one edit), for "did you mean" suggestions.
int editDistance(QStringView a, QStringView b);

// The candidate closest to `word`, if it is close enough to be a likely typo
// (at most a third of the word's length, and at most 3 edits); otherwise empty.
QString nearestName(QStringView word, const QStringList &candidates);

} // namespace spoon
