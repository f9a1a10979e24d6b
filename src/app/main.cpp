// spoon-console: the desktop console, or one headless command. Kept thin: it parses the
// command line, builds the application object the command needs and hands over.
#include "appinfo.h"
#include "cli/commandline.h"
#include "cli/commands.h"
#include "config/configloader.h"
#include "config/keyvault.h"
#include "engine.h"
#include "mainwindow.h"
#include "telemetry/logging.h"
#include "theme.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QIcon>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QSystemTrayIcon>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace spoon;

namespace {

Q_LOGGING_CATEGORY(lcStartup, "spoon.startup")

// The console speaks `locale` (the desktop's unless appearance.language says otherwise);
// translators installed before are replaced.
void installTranslations(QCoreApplication &app, const QLocale &locale = QLocale())
{
    for (QTranslator *old : app.findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    // English is a translation too: it supplies the plural forms ("1 error", "2 errors").
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("spoon_console"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")) ||
        own->load(QStringLiteral(":/i18n/spoon_console_en.qm")))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

int runCommand(int argc, char **argv, const cli::CommandLine &line)
{
    QCoreApplication app(argc, argv);
    app::setApplicationIdentity();
    installTranslations(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (line.command == QLatin1String("check-config"))
        return cli::runCheckConfig(line, out, err);
    if (line.command == QLatin1String("system-info"))
        return cli::runSystemInfo(line, out, err);
    if (line.command == QLatin1String("ask"))
        return cli::runAsk(line, out, err);
    if (line.command == QLatin1String("chat"))
        return cli::runChat(line, out, err);
    if (line.command == QLatin1String("history"))
        return cli::runHistory(line, out, err);
    if (line.command == QLatin1String("demo-server"))
        return cli::runDemoServer(line, out, err);
    return cli::runConfigReference(line, out, err);
}

// Prints, once, the wall-clock time of the first paint of the main window and the time
// since main() began; bench/run.py compares the former with when it launched the process.
class FirstPaintReporter : public QObject
{
public:
    explicit FirstPaintReporter(const QElapsedTimer &sinceMain)
        : m_sinceMain(sinceMain)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_reported) {
            m_reported = true;
            // Report after this paint has been delivered and flushed.
            QTimer::singleShot(0, this, [this] {
                qCInfo(lcStartup, "first-paint epoch-ms %lld since-main-ms %lld",
                       static_cast<long long>(QDateTime::currentMSecsSinceEpoch()),
                       static_cast<long long>(m_sinceMain.elapsed()));
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_sinceMain;
    bool m_reported = false;
};

bool canShowDialogs()
{
    const QString platform = QGuiApplication::platformName();
    return platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}

int runConsole(int argc, char **argv, const cli::CommandLine &line, const QElapsedTimer &sinceStart)
{
    QApplication app(argc, argv);
    app::setApplicationIdentity();
    QGuiApplication::setApplicationDisplayName(QString::fromLatin1(app::kDisplayName));
    QGuiApplication::setDesktopFileName(QString::fromLatin1(app::kName));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/spoon/spoon-console.svg")));
    installTranslations(app);

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const ConfigLoadResult loaded = ConfigLoader::load(locateConfig(line.configPath, env), env);
    // Through the logger, so that with LOG_FORMAT=json these are JSON lines too; as text they
    // read exactly as check-config prints them.
    for (const ConfigDiagnostic &diagnostic : loaded.diagnostics) {
        if (diagnostic.isError())
            qCritical().noquote() << diagnostic.toString();
        else
            qWarning().noquote() << diagnostic.toString();
    }
    if (!loaded.isValid()) {
        const QString summary =
            QCoreApplication::translate("main", "spoon-console: the config is invalid; fix it "
                                                "and start again (spoon-console check-config)");
        qCritical().noquote() << summary;
        if (canShowDialogs()) {
            QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Invalid config"),
                                  summary + QStringLiteral("\n\n") +
                                      describeAll(loaded.diagnostics));
        }
        return cli::kExitFailure;
    }
    logging::configure(loaded.config.logging);
    if (loaded.config.appearance.language != QLatin1String("system")) {
        QLocale::setDefault(loaded.config.appearance.locale());
        installTranslations(app, loaded.config.appearance.locale());
    }
    applyTheme(app, themeFor(loaded.config.appearance.theme, app.palette(), env));

    Engine engine(loaded.config);
    if (!engine.start())
        qCritical().noquote()
            << QCoreApplication::translate("main", "spoon-console: %1").arg(engine.errorString());
    // Keys in the keychain arrive after the window shows: a locked keyring may ask its owner.
    KeyVault vault;
    engine.readKeychainKeys(vault);
    MainWindow window(engine);
    window.setSettingsSource(loaded.location, &vault, env);
    if (QSystemTrayIcon::isSystemTrayAvailable())
        window.enableTray();
    window.show();

    // SPOON_STARTUP_REPORT=1 prints when the first frame was painted, for bench/run.py.
    FirstPaintReporter reporter(sinceStart);
    if (env.value(QStringLiteral("SPOON_STARTUP_REPORT")) == QLatin1String("1"))
        window.installEventFilter(&reporter);
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    logging::install(); // before anything can log: every line is masked and in LOG_FORMAT
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const cli::CommandLine line = cli::CommandLine::parse(arguments);
    if (!line.error.isEmpty()) {
        std::fprintf(stderr, "spoon-console: %s\nTry 'spoon-console --help'.\n",
                     qPrintable(line.error));
        return cli::kExitUsage;
    }
    if (line.help) {
        std::fputs(qPrintable(cli::CommandLine::usage()), stdout);
        return cli::kExitOk;
    }
    if (line.version) {
        std::printf("spoon-console %s (Qt %s)\n", app::kVersion, qVersion());
        return cli::kExitOk;
    }
    if (!line.command.isEmpty())
        return runCommand(argc, argv, line);
    return runConsole(argc, argv, line, sinceStart);
}
