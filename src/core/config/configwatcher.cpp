#include "configwatcher.h"

#include <QFile>
#include <QFileInfo>

namespace spoon {

namespace {
// Only the change matters here: a file that cannot be read compares as empty, and the loader
// then says why.
QByteArray contents(const QString &path)
{
    QString ignored;
    return QFileInfo::exists(path) ? ConfigLoader::readFile(path, &ignored).value_or(QByteArray())
                                   : QByteArray();
}
} // namespace

ConfigWatcher::ConfigWatcher(ConfigLocation location, QProcessEnvironment environment,
                             QObject *parent)
    : QObject(parent)
    , m_location(std::move(location))
    , m_environment(std::move(environment))
{
    m_lastBytes = contents(m_location.path);
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &ConfigWatcher::reread);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_settle, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_settle,
            qOverload<>(&QTimer::start));
    watch();
}

void ConfigWatcher::watch()
{
    // The nearest folder that exists: on a first run ~/.config/spoon-console may not yet.
    QString folder = QFileInfo(m_location.path).absolutePath();
    while (!QFileInfo(folder).isDir() && QFileInfo(folder).absolutePath() != folder)
        folder = QFileInfo(folder).absolutePath();
    if (QFileInfo(folder).isDir() && !m_watcher.directories().contains(folder))
        m_watcher.addPath(folder);
    if (QFileInfo::exists(m_location.path) && !m_watcher.files().contains(m_location.path))
        m_watcher.addPath(m_location.path);
}

void ConfigWatcher::acknowledge()
{
    m_lastBytes = contents(m_location.path);
    watch(); // a file created by the save is watched from now on
}

void ConfigWatcher::reread()
{
    watch(); // a replaced file is a new file to the watcher
    const QByteArray bytes = contents(m_location.path);
    if (bytes == m_lastBytes)
        return;
    m_lastBytes = bytes;
    Q_EMIT changed(ConfigLoader::load(m_location, m_environment));
}

} // namespace spoon
