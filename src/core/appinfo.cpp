#include "appinfo.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace spoon::app {

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QString::fromLatin1(kName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
}

QString dataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u'/' +
           QString::fromLatin1(kName);
}

QString uiStatePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + u'/' +
           QString::fromLatin1(kName) + QStringLiteral("/ui-state.ini");
}

} // namespace spoon::app
