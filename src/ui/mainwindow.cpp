#include "mainwindow.h"

#include "alertsview.h"
#include "alerttoast.h"
#include "cachespanel.h"
#include "chat/chatpane.h"
#include "chat/modelswitcher.h"
#include "dashboardpane.h"
#include "elidedlabel.h"
#include "llmpanel.h"
#include "theme.h"

#include "appinfo.h"
#include "engine.h"
#include "llm/llmusage.h"
#include "metriccard.h"
#include "monitor/alertengine.h"
#include "monitor/memorymanager.h"
#include "storage/store.h"
#include "storage/telemetrystore.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include "config/configdocument.h"
#include "config/configloader.h"
#include "config/configwatcher.h"
#include "monitor/systeminfoformat.h"
#include "settings/settingsdialog.h"
#include "trayicon.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <functional>

namespace spoon {

Q_LOGGING_CATEGORY(lcQuit, "spoon.ui.quit")

namespace {
QSettings uiState()
{
    return QSettings(app::uiStatePath(), QSettings::IniFormat);
}

// Calls refresh() just before its widget shows a tooltip, so the tooltip is current.
class ToolTipRefresher : public QObject
{
public:
    ToolTipRefresher(std::function<void()> refresh, QObject *parent)
        : QObject(parent)
        , m_refresh(std::move(refresh))
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip)
            m_refresh();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_refresh;
};
} // namespace

MainWindow::MainWindow(Engine &engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_dashboard(new DashboardPane(engine.monitor().history(), engine.registry(), this))
    , m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("Spoon Console"));
    setObjectName(QStringLiteral("mainWindow"));
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_chat = new ChatPane(engine.agents(), endpointDescription(), engine.usesDemoEndpoint(), this);
    auto *models = new ModelSwitcher(engine.config(), engine.llm(), engine.httpPool(), m_chat);
    m_chat->setModelSwitcher(models);
    connect(&engine, &Engine::providersChanged, models, &ModelSwitcher::refresh);
    m_tabs->setObjectName(QStringLiteral("healthTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_dashboard, tr("Process"));
    // The machine's CPU and the network are read every second only while their charts show.
    connect(m_dashboard, &DashboardPane::chartsShown, &engine.monitor(),
            &ProcessMonitor::setChartsShown);
    connect(&engine.monitor(), &ProcessMonitor::sampled, m_dashboard,
            &DashboardPane::scheduleFrame);
    m_llmPanel = new LlmPanel(engine.llmUsage(), engine.config(), m_tabs);
    m_tabs->addTab(m_llmPanel, tr("LLM"));
    m_cachesPanel = new CachesPanel(engine.registry(), m_tabs);
    m_cachesPanel->sampleWith(engine.monitor());
    m_tabs->addTab(m_cachesPanel, tr("Caches and pools"));
    m_splitter->addWidget(m_chat);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    // The chat's share first, until the saved state says otherwise (scaled to the width).
    m_splitter->setSizes({int(kChatShare * 1000), int((1 - kChatShare) * 1000)});
    // A plain container, so the toast can float over the splitter without joining it.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_splitter);
    setCentralWidget(central);
    addAlerts();
    addMemoryControls();
    buildMenus();

    const Config &config = engine.config();
    auto *sampling = new ElidedLabel(
        tr("Sampling every %1 ms · history %2 h")
            .arg(config.monitoring.sampleIntervalMs)
            .arg(QLocale().toString(config.monitoring.historySeconds / 3600.0, 'g', 3)),
        this);
    statusBar()->addWidget(sampling);
    m_demoBadge = new QLabel(tr("Demo endpoint"), this);
    m_demoBadge->setObjectName(QStringLiteral("demoBadge"));
    statusBar()->addPermanentWidget(m_demoBadge);
    refreshEndpoint();
    connect(&engine, &Engine::providersChanged, this, &MainWindow::refreshEndpoint);
    statusBar()->addPermanentWidget(
        new ElidedLabel(tr("pid %1").arg(QCoreApplication::applicationPid()), this));
    addStoreStatus();

    resize(1440, 860);
    restoreState();
}

MainWindow::~MainWindow() = default;

// "Free memory" on the memory card; the level beside the RSS while an alert says so; each
// cleanup listed in the Alerts view; the chat pane's documents among what a cleanup frees.
void MainWindow::addMemoryControls()
{
    MemoryManager &memory = m_engine.memory();
    memory.addPart(
        QStringLiteral("chat documents"),
        [this] { return qint64(m_chat->dropRenderedDocuments()); }, m_chat);
    auto *free = new QPushButton(tr("Free memory"), m_dashboard->memoryCard());
    free->setObjectName(QStringLiteral("freeMemoryButton"));
    free->setToolTip(tr("Empty the LLM and tool caches, fold idle conversations into their "
                        "summaries and give free memory back to the system"));
    m_dashboard->memoryCard()->addHeaderWidget(free);
    connect(free, &QPushButton::clicked, this,
            [&memory] { memory.cleanup(QStringLiteral("manual")); });
    connect(&memory, &MemoryManager::cleanedUp, this, [this](const MemoryCleanup &cleanup) {
        m_alertsView->addEvent(cleanup.toAlert());
        statusBar()->showMessage(cleanup.describe(), 15'000);
    });
    auto showLevel = [this] {
        QString level;
        for (const Alert &alert : m_engine.alerts().activeAlerts()) {
            if (alert.rule == QLatin1String("memory_critical"))
                level = tr("critical level");
            else if (alert.rule == QLatin1String("memory_warning") && level.isEmpty())
                level = tr("warning level");
        }
        m_dashboard->setMemoryLevel(level);
    };
    connect(&m_engine.alerts(), &AlertEngine::alertFired, this, showLevel);
    connect(&m_engine.alerts(), &AlertEngine::alertResolved, this, showLevel);
    showLevel();
}

void MainWindow::addAlerts()
{
    m_alertsView = new AlertsView(m_engine.alerts(), m_tabs);
    const int tab = m_tabs->addTab(m_alertsView, tr("Alerts"));
    auto showCount = [this, tab](int active) {
        m_tabs->setTabText(tab, active ? tr("Alerts (%1)").arg(active) : tr("Alerts"));
    };
    showCount(m_alertsView->activeCount());
    connect(m_alertsView, &AlertsView::activeCountChanged, this, showCount);

    m_toast = new AlertToast(centralWidget());
    // An alert the first sample raised, before this window existed, still pops up.
    const QList<Alert> active = m_engine.alerts().activeAlerts();
    if (!active.isEmpty())
        QTimer::singleShot(0, m_toast,
                           [this, alert = active.first()] { m_toast->showAlert(alert); });
    connect(&m_engine.alerts(), &AlertEngine::alertFired, m_toast, &AlertToast::showAlert);
    connect(m_toast, &AlertToast::viewRequested, this, [this] {
        m_showDashboard->setChecked(true); // the person asked to see it
        m_tabs->setCurrentWidget(m_alertsView);
    });
}

// The database pool's figures from the registry, one line each.
QString MainWindow::storeFigures() const
{
    const MetricsRegistry &registry = m_engine.registry();
    double errors = 0;
    for (const MetricFamilySnapshot &family : registry.snapshot()) {
        if (family.is(metric::kDbErrors)) {
            for (const MetricSample &sample : family.samples)
                errors += sample.value;
        }
    }
    const Histogram *latency = registry.findHistogram(metric::kDbQuerySeconds);
    const QLocale locale;
    QString text = tr("Connections: %1 open, %2 in use, %3 idle; %4 jobs waiting")
                       .arg(registry.gaugeValue(metric::kDbConnectionsOpen))
                       .arg(registry.gaugeValue(metric::kDbConnectionsInUse))
                       .arg(registry.gaugeValue(metric::kDbConnectionsIdle))
                       .arg(registry.gaugeValue(metric::kDbWaiters));
    if (latency && latency->count() > 0) {
        text +=
            QLatin1Char('\n') + tr("%1 jobs, p50 %2 ms, p95 %3 ms")
                                    .arg(latency->count())
                                    .arg(locale.toString(latency->quantile(0.5) * 1000, 'f', 1))
                                    .arg(locale.toString(latency->quantile(0.95) * 1000, 'f', 1));
    }
    text += QLatin1Char('\n') + tr("%1 rows written, %2 failed jobs")
                                    .arg(registry.value(metric::kDbRowsWritten).value_or(0))
                                    .arg(errors);
    return text;
}

// Where conversations are saved, or plainly why they are not: the console runs either way.
void MainWindow::addStoreStatus()
{
    auto *label = new ElidedLabel(this);
    label->setObjectName(QStringLiteral("storeStatus"));
    statusBar()->addWidget(label);
    Store *store = m_engine.store();
    auto showFailure = [label](const QString &why) {
        label->setText(tr("Not saving conversations: %1").arg(why));
        label->setToolTip(label->text());
        label->setProperty("error", true);
        repolish(label);
    };
    if (!store) {
        showFailure(m_engine.storeError());
        return;
    }
    m_chat->setStore(store);
    // Earlier runs' alerts, once the store is open (the engine opens its alert table first).
    if (m_engine.alertStore())
        m_alertsView->setStore(m_engine.alertStore());
    connect(store, &Store::opened, m_alertsView, [this](bool ok) {
        if (ok && m_engine.alertStore())
            m_alertsView->setStore(m_engine.alertStore());
    });
    // The dashboard's week comes from the store's minute rollups, once it is open.
    if (m_engine.telemetry())
        m_dashboard->setRollupSource(m_engine.telemetry());
    if (m_engine.telemetry())
        m_llmPanel->setCallSource(m_engine.telemetry());
    connect(store, &Store::opened, m_dashboard, [this](bool ok) {
        if (ok) {
            m_dashboard->setRollupSource(m_engine.telemetry());
            m_llmPanel->setCallSource(m_engine.telemetry());
        }
    });
    auto showState = [this, label, store, showFailure] {
        if (store->isReady()) {
            label->setText(tr("Saved to %1").arg(store->location()));
            label->setToolTip(label->text() + QLatin1Char('\n') + storeFigures());
        } else if (!store->errorString().isEmpty()) {
            showFailure(store->errorString());
        } else {
            label->setText(tr("Opening %1…").arg(store->location()));
        }
    };
    showState();
    connect(store, &Store::opened, label, showState);
    // The pool's figures as of the moment the pointer rests on the label: read then, rather
    // than by a clock that would wake the idle app to refresh a tooltip nobody looks at.
    label->installEventFilter(new ToolTipRefresher(showState, label));
}

QString MainWindow::endpointDescription() const
{
    const Config &config = m_engine.config();
    if (m_engine.usesDemoEndpoint()) {
        // A provider in the file that only lacks its key is named: that is what to fix.
        for (const ProviderConfig &provider : config.providers) {
            if (provider.fromFile && provider.needsKey && provider.apiKey.isEmpty()) {
                return tr("Demo endpoint: %1 is configured but has no API key, so a scripted "
                          "stand-in inside the app answers. Add the key in Settings > "
                          "Providers (Ctrl+,) or set %2.")
                    .arg(provider.name, provider.apiKeyEnv);
            }
        }
        return tr("Demo endpoint: no LLM provider is set up, so a scripted stand-in inside "
                  "the app answers (it streams, and calls tools when asked about the engine). "
                  "Add a provider in Settings > Providers (Ctrl+,), or set OPENAI_API_KEY or "
                  "another provider's key, to talk to a real model.");
    }
    const QString name = m_engine.llm().defaultProvider();
    const ProviderConfig *provider = config.provider(name);
    return provider ? tr("Configured model: %1 via %2.").arg(provider->model, provider->name)
                    : tr("Configured provider: %1.").arg(name);
}

void MainWindow::refreshEndpoint()
{
    const bool demo = m_engine.usesDemoEndpoint();
    m_chat->setEndpointNotice(endpointDescription(), demo);
    m_demoBadge->setVisible(demo);
    m_demoBadge->setToolTip(m_engine.demoEndpointUrl().isEmpty()
                                ? QString()
                                : tr("Answers come from the built-in demo endpoint at %1")
                                      .arg(m_engine.demoEndpointUrl()));
}

void MainWindow::setSettingsSource(const ConfigLocation &location, KeyVault *vault,
                                   const QProcessEnvironment &environment)
{
    m_configPath = location.path;
    m_vault = vault;
    m_environment = environment;
    delete m_configWatcher;
    m_configWatcher = new ConfigWatcher(location, environment, this);
    connect(m_configWatcher, &ConfigWatcher::changed, this, &MainWindow::applyEditedConfig);
}

void MainWindow::applyEditedConfig(const ConfigLoadResult &result)
{
    if (!result.isValid()) {
        for (const ConfigDiagnostic &diagnostic : result.diagnostics) {
            if (diagnostic.isError())
                qWarning().noquote() << diagnostic.toString();
        }
        const auto first = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                        [](const ConfigDiagnostic &d) { return d.isError(); });
        statusBar()->showMessage(
            tr("The config file has errors; the running settings are kept: %1")
                .arg(first != result.diagnostics.end() ? first->toString() : QString()),
            60'000);
        return;
    }
    m_engine.setLlmSettings(result.config.providers, result.config.llm);
    if (m_vault)
        m_engine.readKeychainKeys(*m_vault); // providers new to the file
    statusBar()->showMessage(tr("The config file changed: providers and routing reloaded"), 10'000);
    if (m_settings)
        m_settings->noteOutsideEdit();
}

SettingsDialog *MainWindow::openSettings()
{
    if (m_settings) {
        m_settings->raise();
        m_settings->activateWindow();
        return m_settings;
    }
    ConfigDocument document;
    QString error;
    if (m_configPath.isEmpty() || !m_vault) {
        error = tr("This window was started without a config file to edit.");
    } else if (!document.load(m_configPath, &error)) {
        error = tr("Settings cannot open the config file: %1").arg(error);
    }
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Settings"), error);
        return nullptr;
    }
    m_settings = new SettingsDialog(m_engine, document, *m_vault, m_environment, this);
    m_settings->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_settings, &SettingsDialog::saved, this, [this] {
        m_configWatcher->acknowledge(); // our own write is no outside edit
        statusBar()->showMessage(tr("Settings saved"), 5000);
    });
    m_settings->resize(900, 640);
    m_settings->show();
    return m_settings;
}

void MainWindow::copyReportToClipboard()
{
    statusBar()->showMessage(tr("Collecting system information..."));
    const QProcessEnvironment env =
        m_environment.isEmpty() ? QProcessEnvironment::systemEnvironment() : m_environment;
    const QString path = m_configPath;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        QGuiApplication::clipboard()->setText(watcher->result());
        watcher->deleteLater();
        statusBar()->showMessage(
            tr("System information copied: paste it into the issue you report"), 10'000);
    });
    // Sampling the process takes a quarter second: off the GUI thread.
    watcher->setFuture(QtConcurrent::run([env, path] {
        MetricsRegistry registry;
        ConfigLoadResult loaded = ConfigLoader::load(locateConfig(path, env), env);
        return systemInfoText(collectSystemInfo(std::move(loaded), registry));
    }));
}

QList<std::pair<QString, QString>> MainWindow::shortcutList() const
{
    QList<std::pair<QString, QString>> list;
    for (QAction *action : findChildren<QAction *>()) {
        if (action->shortcut().isEmpty() || action->text().isEmpty())
            continue;
        list.append(
            {action->shortcut().toString(QKeySequence::NativeText), action->text().remove(u'&')});
    }
    list.append({tr("Ctrl+Enter"), tr("Send the message")});
    list.append({tr("Esc"), tr("Stop the agent")});
    return list;
}

void MainWindow::showShortcuts()
{
    QString rows;
    for (const auto &[keys, what] : shortcutList())
        rows += QStringLiteral("<tr><td>%1</td><td>&nbsp;&nbsp;%2</td></tr>")
                    .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard shortcuts"),
                    QStringLiteral("<table>%1</table>").arg(rows), QMessageBox::Close, this);
    box.setObjectName(QStringLiteral("shortcutsBox"));
    box.exec();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *settings = file->addAction(tr("&Settings..."), this, [this] { openSettings(); });
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *chat = menuBar()->addMenu(tr("&Chat"));
    chat->addActions(m_chat->chatActions());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_showDashboard = view->addAction(tr("Show &dashboard"));
    m_showDashboard->setObjectName(QStringLiteral("showDashboardAction"));
    m_showDashboard->setCheckable(true);
    m_showDashboard->setChecked(true);
    m_showDashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_showDashboard, &QAction::toggled, this, [this](bool shown) {
        fitDashboard();
        if (shown && m_tabs->isHidden())
            statusBar()->showMessage(tr("The dashboard shows when the window is wider"), 10'000);
    });
    view->addSeparator();
    // The checked item is the window the dashboard shows, however it was chosen.
    auto *windows = new QActionGroup(this);
    const QStringList labels{tr("Last minute"), tr("Last 5 minutes"), tr("Last hour"),
                             tr("Last 24 hours"), tr("Last 7 days (from the store)")};
    for (int i = 0; i < labels.size(); ++i) {
        QAction *action =
            view->addAction(labels.at(i), this, [this, i] { m_dashboard->setTimeWindowIndex(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setCheckable(true);
        action->setChecked(i == m_dashboard->timeWindowIndex());
        windows->addAction(action);
    }
    connect(m_dashboard, &DashboardPane::timeWindowChanged, windows, [windows](int index) {
        if (index >= 0 && index < windows->actions().size())
            windows->actions().at(index)->setChecked(true);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Keyboard &shortcuts"), this, &MainWindow::showShortcuts)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    help->addAction(tr("Open &data folder"), this,
                    [] { QDesktopServices::openUrl(QUrl::fromLocalFile(app::dataFolder())); });
    help->addAction(tr("Open &config file"), this, [this] {
        if (!m_configPath.isEmpty() && QFileInfo::exists(m_configPath))
            QDesktopServices::openUrl(QUrl::fromLocalFile(m_configPath));
        else
            QMessageBox::information(this, tr("Config file"),
                                     tr("There is no config file yet: the console runs on its "
                                        "defaults. File > Settings creates %1.")
                                         .arg(m_configPath));
    });
    help->addAction(tr("&Report an issue (copies system information)"), this,
                    &MainWindow::copyReportToClipboard);
    help->addSeparator();
    help->addAction(tr("&About Spoon Console"), this, [this] {
        QMessageBox::about(
            this, tr("About Spoon Console"),
            tr("<b>Spoon Console %1</b><p>Chat with AI agents and watch the "
               "engine's health live.</p><p>Qt %2</p>")
                .arg(QString::fromLatin1(app::kVersion), QString::fromLatin1(qVersion())));
    });
}

void MainWindow::restoreState()
{
    QSettings settings = uiState();
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_dashboard->setTimeWindowIndex(settings.value(QStringLiteral("dashboard/window"), 0).toInt());
    m_chat->listSplitter()->restoreState(
        settings.value(QStringLiteral("chat/listSplitter")).toByteArray());
    m_showDashboard->setChecked(
        settings.value(QStringLiteral("window/showDashboard"), true).toBool());
    fitDashboard();
}

void MainWindow::fitDashboard()
{
    if (!m_showDashboard)
        return; // resized before the menus were built
    const int needed = m_tabs->minimumSizeHint().width() + m_splitter->handleWidth();
    const bool fits = needed <= (1 - kChatShare) * width();
    m_tabs->setVisible(m_showDashboard->isChecked() && fits);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitDashboard();
}

void MainWindow::saveState() const
{
    QSettings settings = uiState();
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), QMainWindow::saveState());
    if (!m_tabs->isHidden()) // folded, its share is the one it had when last shown
        settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/showDashboard"), m_showDashboard->isChecked());
    settings.setValue(QStringLiteral("chat/listSplitter"), m_chat->listSplitter()->saveState());
    settings.setValue(QStringLiteral("dashboard/window"), m_dashboard->timeWindowIndex());
}

void MainWindow::enableTray()
{
    if (m_tray)
        return;
    m_tray = new TrayIcon(*this, m_engine.alerts(), this);
    // Hidden in the tray, the window is not "the last one": a dialog closing must not end
    // the console. It ends in closeEvent() or quit().
    QApplication::setQuitOnLastWindowClosed(false);
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quit);
    m_tray->show();
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
    QCoreApplication::quit(); // also when the window was hidden in the tray
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_tray && !m_quitting) {
        QSettings settings = uiState();
        const QString key = QStringLiteral("tray/keepRunning");
        if (!settings.contains(key)) {
            const auto answer = QMessageBox::question(
                this, tr("Keep running in the tray?"),
                tr("Spoon Console can keep its engine running in the tray when you close the "
                   "window: agents finish their turns and alerts still notify you. Quit from "
                   "the tray icon or File > Quit.\n\nKeep it running when the window closes?"),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
            settings.setValue(key, answer == QMessageBox::Yes);
        }
        if (settings.value(key).toBool()) {
            saveState();
            hide();
            event->ignore();
            return;
        }
    }
    saveState();
    // Gone from the screen first: what is left to save is finished out of sight, for at
    // most kQuitSaveMs, and what did not make it is named in the log.
    hide();
    if (const int unsaved = m_chat->finishSaving(kQuitSaveMs); unsaved > 0)
        qCWarning(lcQuit,
                  "quit: %d conversation(s) still saving after %d ms were cut short; their "
                  "last turn may be missing from the store",
                  unsaved, kQuitSaveMs);
    QMainWindow::closeEvent(event);
    if (m_tray)
        QCoreApplication::quit();
}

} // namespace spoon
