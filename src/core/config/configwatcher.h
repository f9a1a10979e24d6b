#pragma once

#include "configloader.h"

#include <QByteArray>
#include <QFileSystemWatcher>
#include <QObject>
#include <QProcessEnvironment>
#include <QTimer>

namespace spoon {

// Watches the config file for edits made outside the console (an editor, a script) and reads
// it again, with the same loader as at start. Editors and QSaveFile replace the file rather
// than write into it, so the folder is watched too and the file is found again. A burst of
// events becomes one read; a read that finds the bytes unchanged says nothing.
class ConfigWatcher : public QObject
{
    Q_OBJECT
public:
    ConfigWatcher(ConfigLocation location, QProcessEnvironment environment,
                  QObject *parent = nullptr);

    // The file as it is now is known (the console wrote it): no changed() for it.
    void acknowledge();

    static constexpr int kSettleMs = 200; // editors write in several steps

Q_SIGNALS:
    // The file changed: its config and diagnostics (isValid() false: the errors, and the
    // running settings should stay as they are).
    void changed(const spoon::ConfigLoadResult &result);

private:
    void watch();
    void reread();

    ConfigLocation m_location;
    QProcessEnvironment m_environment;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QByteArray m_lastBytes;
};

} // namespace spoon
