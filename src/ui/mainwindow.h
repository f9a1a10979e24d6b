#pragma once

#include <QMainWindow>

class QSplitter;

namespace spoon {

class ChatPane;
class DashboardPane;
class Engine;

// The console's window: the chat pane on the left, the engine's live health on the right.
// Geometry, splitter and the dashboard's time window persist in ui-state.ini.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Engine &engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    DashboardPane *dashboard() const { return m_dashboard; }
    ChatPane *chat() const { return m_chat; }
    void saveState() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addStoreStatus();
    QString storeFigures() const;
    void restoreState();
    void buildMenus();
    QString endpointDescription() const;

    Engine &m_engine;
    QSplitter *m_splitter;
    DashboardPane *m_dashboard;
    ChatPane *m_chat = nullptr;
};

} // namespace spoon
