#include "testenvironment.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>
#include <memory>

extern char **environ;

namespace spoon::test {

namespace {

std::unique_ptr<QTemporaryDir> &home()
{
    static std::unique_ptr<QTemporaryDir> dir;
    return dir;
}

const char *const kXdgFolders[][2] = {
    {"XDG_CONFIG_HOME", "config"}, {"XDG_DATA_HOME", "data"},      {"XDG_CACHE_HOME", "cache"},
    {"XDG_STATE_HOME", "state"},   {"XDG_RUNTIME_DIR", "runtime"},
};

} // namespace

bool isEngineVariable(const QString &name)
{
    static const QStringList exact{
        QStringLiteral("SPOON_CONFIG"),    QStringLiteral("LOG_LEVEL"),
        QStringLiteral("LOG_FORMAT"),      QStringLiteral("QT_LOGGING_RULES"),
        QStringLiteral("QT_LOGGING_CONF"),
    };
    return exact.contains(name) || name.endsWith(QLatin1String("_API_KEY")) ||
           name.endsWith(QLatin1String("_BASE_URL")) || name.endsWith(QLatin1String("_MODEL"));
}

void isolateEnvironment()
{
    home() =
        std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/spoon-test-XXXXXX"));
    if (!home()->isValid())
        qFatal("cannot create a temporary home: %s", qPrintable(home()->errorString()));
    const QString root = home()->path();
    qputenv("HOME", QFile::encodeName(root));
    for (const auto &folder : kXdgFolders) {
        const QString path = root + u'/' + QLatin1String(folder[1]);
        QDir().mkpath(path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv(folder[0], QFile::encodeName(path));
    }
    QStringList drop;
    for (char **entry = environ; *entry; ++entry) {
        const QString name = QString::fromLocal8Bit(*entry).section(u'=', 0, 0);
        if (isEngineVariable(name))
            drop.append(name);
    }
    for (const QString &name : std::as_const(drop))
        qunsetenv(name.toLocal8Bit().constData());
    // No test talks to the desktop's session bus (an alert would pop up on the developer's
    // screen); the D-Bus tests run under dbus-run-session, which ctest marks for them.
    if (qEnvironmentVariable("SPOON_TEST_PRIVATE_BUS") != QLatin1String("1"))
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/spoon-test-no-session-bus");
}

QString isolatedHome()
{
    return home() ? home()->path() : QString();
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env;
    const QProcessEnvironment parent = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"PATH", "HOME", "TMPDIR", "ASAN_OPTIONS", "LSAN_OPTIONS",
                             "UBSAN_OPTIONS", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME",
                             "XDG_STATE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString key = QString::fromLatin1(name);
        if (parent.contains(key))
            env.insert(key, parent.value(key));
    }
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    return env;
}

} // namespace spoon::test
