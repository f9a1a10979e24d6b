#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QProcessEnvironment>

class QAction;
class QLabel;
namespace spoon {
struct ConfigLoadResult;
struct ConfigLocation;
} // namespace spoon
class QSplitter;
class QTabWidget;

namespace spoon {

class AlertToast;
class AlertsView;
class CachesPanel;
class ChatPane;
class DashboardPane;
class Engine;
class ConfigWatcher;
class KeyVault;
class LlmPanel;
class SettingsDialog;
class TrayIcon;

// The console's window: the chat pane on the left, the engine's live health on the right in
// tabs (Process, LLM, Caches and pools, Alerts), and a toast over both when an alert fires.
// Geometry, splitter and the dashboard's time window persist in ui-state.ini.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Engine &engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    DashboardPane *dashboard() const { return m_dashboard; }
    ChatPane *chat() const { return m_chat; }
    AlertsView *alertsView() const { return m_alertsView; }
    AlertToast *alertToast() const { return m_toast; }
    QTabWidget *healthTabs() const { return m_tabs; }
    LlmPanel *llmPanel() const { return m_llmPanel; }
    CachesPanel *cachesPanel() const { return m_cachesPanel; }
    void saveState() const;

    // View > Show dashboard: the person's choice, kept in ui-state.ini. Whatever it is, a
    // window too narrow to leave the chat kChatShare of its width beside the dashboard at
    // its minimum folds the dashboard away until it is widened: a narrow window is for
    // chatting.
    QAction *showDashboardAction() const { return m_showDashboard; }
    static constexpr double kChatShare = 0.55;
    // At quit, how long the hidden window waits for the last turns to reach the store.
    static constexpr int kQuitSaveMs = 3000;

    // The tray icon, where the desktop has a tray (main() asks); null otherwise. With it,
    // closing the window can leave the engine running, once the user has agreed.
    void enableTray();
    TrayIcon *tray() const { return m_tray; }
    // File > Quit and the tray's Quit: the window closes and the console ends.
    void quit();

    // Where File > Settings reads and writes, and the keychain it stores keys in. Without
    // this, Settings says there is no config file to edit.
    // The file is watched from then on: see applyEditedConfig().
    void setSettingsSource(const ConfigLocation &location, KeyVault *vault,
                           const QProcessEnvironment &environment);
    // The config file changed outside the console (ConfigWatcher): a valid one takes effect
    // for providers and the LLM route; an invalid one is reported and changes nothing.
    void applyEditedConfig(const ConfigLoadResult &result);
    // File > Settings (Ctrl+,); the open dialog if there is one. Null when the file cannot
    // be edited (a message box says why).
    SettingsDialog *openSettings();

    // What Help > Keyboard shortcuts lists: every action's keys and name, then the chat
    // input's own keys (Ctrl+Enter, Esc).
    QList<std::pair<QString, QString>> shortcutList() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void addStoreStatus();
    QString storeFigures() const;
    void restoreState();
    void fitDashboard();
    void buildMenus();
    void addAlerts();
    void addMemoryControls();
    QString endpointDescription() const;
    void refreshEndpoint();
    void copyReportToClipboard();
    void showShortcuts();

    Engine &m_engine;
    QSplitter *m_splitter;
    DashboardPane *m_dashboard;
    QTabWidget *m_tabs;
    ChatPane *m_chat = nullptr;
    AlertsView *m_alertsView = nullptr;
    LlmPanel *m_llmPanel = nullptr;
    CachesPanel *m_cachesPanel = nullptr;
    AlertToast *m_toast = nullptr;
    QLabel *m_demoBadge = nullptr;
    QAction *m_showDashboard = nullptr;
    QString m_configPath;
    KeyVault *m_vault = nullptr;
    QProcessEnvironment m_environment;
    QPointer<SettingsDialog> m_settings;
    ConfigWatcher *m_configWatcher = nullptr;
    TrayIcon *m_tray = nullptr;
    bool m_quitting = false;
};

} // namespace spoon
