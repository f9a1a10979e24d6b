#include "secret.h"

#include <QMutex>
#include <QSet>

namespace spoon {

namespace {

constexpr qsizetype kShortestRedacted = 8;

struct KnownSecrets
{
    QMutex mutex;
    QSet<QString> values;
};

KnownSecrets &knownSecrets()
{
    static KnownSecrets known;
    return known;
}

QString mask(const QString &value)
{
    if (value.isEmpty())
        return {};
    constexpr qsizetype kShowLongerThan = 20;
    if (value.size() <= kShowLongerThan)
        return QStringLiteral("****");
    return value.first(3) + QStringLiteral("****") + value.last(2);
}

} // namespace

Secret::Secret(QString value)
    : m_value(std::move(value))
{
    if (m_value.size() < kShortestRedacted)
        return;
    KnownSecrets &known = knownSecrets();
    const QMutexLocker lock(&known.mutex);
    known.values.insert(m_value);
}

QString Secret::masked() const
{
    return mask(m_value);
}

QString redactSecrets(QString text)
{
    KnownSecrets &known = knownSecrets();
    const QMutexLocker lock(&known.mutex);
    for (const QString &value : std::as_const(known.values)) {
        if (text.contains(value))
            text.replace(value, mask(value));
    }
    return text;
}

} // namespace spoon
