#pragma once

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;

namespace spoon {

class AgentCatalog;
class ChatConversation;
class ChatMessageDelegate;

// The chat pane: conversations on the left, the open one's messages in a model/view list,
// the agent selector above, the status line and the message box below. Ctrl+Enter sends,
// Esc stops. With the demo endpoint answering it says so at the top.
class ChatPane : public QWidget
{
    Q_OBJECT
public:
    ChatPane(AgentCatalog &catalog, const QString &endpointNotice, bool demoEndpoint,
             QWidget *parent = nullptr);
    ~ChatPane() override;

    ChatConversation *currentConversation() const { return m_current; }
    int conversationCount() const { return int(m_conversations.size()); }
    void newConversation(const QString &agentName = {});
    void send();
    void stop();
    // The code blocks of a message, for "Copy code".
    static QStringList codeBlocks(const QString &markdown);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void show(ChatConversation *conversation);
    void refreshControls();
    void refreshList();
    void refreshEmptyState();
    void onAgentChosen(int index);
    void showContextMenu(const QPoint &position);

    AgentCatalog &m_catalog;
    QList<ChatConversation *> m_conversations;
    ChatConversation *m_current = nullptr;
    QComboBox *m_agentSelector;
    QListWidget *m_conversationList;
    QListView *m_messages;
    QStackedWidget *m_messageStack; // the messages, or a hint while there are none
    QLabel *m_emptyHint;
    ChatMessageDelegate *m_delegate;
    QLabel *m_status;
    QPlainTextEdit *m_input;
    QPushButton *m_sendButton;
    bool m_stickToBottom = true;
};

} // namespace spoon
