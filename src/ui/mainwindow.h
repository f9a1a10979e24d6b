#pragma once

#include <QMainWindow>

class QSplitter;
class QTabWidget;

namespace spoon {

class AlertToast;
class AlertsView;
class CachesPanel;
class ChatPane;
class DashboardPane;
class Engine;
class LlmPanel;

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

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addStoreStatus();
    QString storeFigures() const;
    void restoreState();
    void buildMenus();
    void addAlerts();
    void addMemoryControls();
    QString endpointDescription() const;

    Engine &m_engine;
    QSplitter *m_splitter;
    DashboardPane *m_dashboard;
    QTabWidget *m_tabs;
    ChatPane *m_chat = nullptr;
    AlertsView *m_alertsView = nullptr;
    LlmPanel *m_llmPanel = nullptr;
    CachesPanel *m_cachesPanel = nullptr;
    AlertToast *m_toast = nullptr;
};

} // namespace spoon
