#include "childenvironment.h"

namespace spoon {

QProcessEnvironment minimalChildEnvironment(const QProcessEnvironment &ours,
                                            const QMap<QString, QString> &granted)
{
    QProcessEnvironment env;
    for (const char *name : {"PATH", "HOME", "LANG"}) {
        const QString key = QString::fromLatin1(name);
        if (ours.contains(key))
            env.insert(key, ours.value(key));
    }
    for (auto it = granted.begin(); it != granted.end(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

} // namespace spoon
