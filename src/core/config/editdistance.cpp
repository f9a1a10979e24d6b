#include "editdistance.h"

#include <algorithm>
#include <vector>

namespace spoon {

int editDistance(QStringView a, QStringView b)
{
    // Optimal string alignment: Levenshtein plus adjacent transpositions, the commonest typo.
    const size_t width = size_t(b.size()) + 1;
    std::vector<int> twoBack(width), previous(width), current(width);
    for (size_t j = 0; j < width; ++j)
        previous[j] = int(j);
    const auto same = [](QChar x, QChar y) { return x.toCaseFolded() == y.toCaseFolded(); };
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const size_t col = size_t(j);
            int best = std::min({previous[col] + 1, current[col - 1] + 1,
                                 previous[col - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
            if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
                best = std::min(best, twoBack[col - 2] + 1);
            current[col] = best;
        }
        std::swap(twoBack, previous);
        std::swap(previous, current);
    }
    return previous[size_t(b.size())];
}

QString nearestName(QStringView input, const QStringList &candidates)
{
    // Control characters are never part of a valid name; they must not sway the choice.
    QString word;
    for (const QChar c : input) {
        if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            word += c;
    }
    if (word.isEmpty())
        return {};
    const int limit = std::min<int>(3, std::max<int>(1, int(word.size()) / 3));
    QString best;
    int bestDistance = limit + 1;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(word, candidate);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

} // namespace spoon
