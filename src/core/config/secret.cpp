#include "secret.h"

namespace spoon {

QString Secret::masked() const
{
    if (m_value.isEmpty())
        return {};
    constexpr qsizetype kShowLongerThan = 20;
    if (m_value.size() <= kShowLongerThan)
        return QStringLiteral("****");
    return m_value.first(3) + QStringLiteral("****") + m_value.last(2);
}

} // namespace spoon
