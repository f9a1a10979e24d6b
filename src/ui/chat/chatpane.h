#pragma once

#include "storage/conversationstore.h"

#include <QHash>
#include <QList>
#include <QTimer>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace spoon {

class AgentCatalog;
class ChatConversation;
class ChatMessageDelegate;
class ElidedLabel;
class ModelSwitcher;
class ConversationSearch;
class TranscriptView;
class Store;

// The chat pane: conversations on the left, the open one's messages in a model/view list,
// the agent selector above, the status line and the message box below. Ctrl+Enter sends,
// Esc stops. With the demo endpoint answering it says so at the top.
class ChatPane : public QWidget
{
    Q_OBJECT
public:
    // The memory manager's part: the laid-out message documents, rebuilt when next drawn.
    qsizetype dropRenderedDocuments();
    ChatPane(AgentCatalog &catalog, const QString &endpointNotice, bool demoEndpoint,
             QWidget *parent = nullptr);
    ~ChatPane() override;

    ChatConversation *currentConversation() const { return m_current; }
    int conversationCount() const { return int(m_conversations.size()); }
    void newConversation(const QString &agentName = {});
    // The provider and model picker in the header; the pane applies what it chooses to the
    // shown conversation. A new one starts on the default model.
    void setModelSwitcher(ModelSwitcher *switcher);
    // The line at the top that says who answers (the demo endpoint stands out).
    void setEndpointNotice(const QString &text, bool demoEndpoint);
    void send();
    void stop();
    // The last answer again, asked afresh.
    void regenerate();
    // Puts the last message in the box; the next send replaces it and what followed it.
    void editLastMessage();
    void cancelEdit();
    bool isEditing() const { return m_editing; }
    // Writes the shown conversation as `spoon-console history export` does: JSON when the
    // name ends in .json, Markdown otherwise. Gives why it could not, or an empty string.
    QFuture<QString> exportConversation(const QString &path);
    // The chat's actions with their shortcuts, for the window's Chat menu.
    QList<QAction *> chatActions() const;
    // The code blocks of a message, for "Copy code".
    static QStringList codeBlocks(const QString &markdown);

    // From here on conversations are saved to `store`, and the stored ones are listed (below
    // those open in this session) once it is open. Null or failed: nothing is saved.
    void setStore(Store *store);
    // The store's list has arrived (or the store failed): storedListLoaded() was sent.
    bool storedListLoadedYet() const { return m_storedListLoaded; }
    // Stored conversations listed but not opened in this session.
    const QList<ConversationSummary> &storedConversations() const { return m_stored; }
    // Opens a stored conversation (already open: shows it).
    void openStored(qint64 id);
    ChatConversation *conversation(int index) const { return m_conversations.value(index); }
    // Rename and delete, for the list's menu: an open conversation, or a stored one by id.
    void renameConversation(qint64 storedId, ChatConversation *open, const QString &title);
    // Deleting hides the conversation at once and offers Undo; it leaves the store when the
    // offer ends (kUndoMs, the next delete, or quit: finishPendingDelete()).
    void deleteConversation(qint64 storedId, ChatConversation *open);
    void undoDelete();
    void finishPendingDelete();
    bool hasPendingDelete() const { return m_pendingDelete.has_value(); }
    qint64 pendingDeleteId() const; // its stored id, -1 when none or not saved
    static constexpr int kUndoMs = 10'000;
    ConversationSearch *search() const { return m_search; }
    // The conversation list beside the messages; the window keeps its state.
    QSplitter *listSplitter() const { return m_listSplitter; }
    // At quit: stops running turns (their text so far is saved, marked incomplete) and lets
    // the writes already queued reach the store, for at most `timeoutMs`. Returns how many
    // conversations were still saving when it gave up (0: everything reached the store).
    int finishSaving(int timeoutMs);

Q_SIGNALS:
    // The store's list arrived (or failed): storedConversations() holds it.
    void storedListLoaded();
    // A stored conversation's messages are in its transcript.
    void conversationOpened(spoon::ChatConversation *conversation);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // The constructor's parts, top to bottom.
    QHBoxLayout *buildHeader();
    void setUpConversationList();
    void setUpMessageView();
    QSplitter *buildSplitter();
    QHBoxLayout *buildInputRow();
    QHBoxLayout *buildStatusRow();
    void setUpUndoBar();
    void show(ChatConversation *conversation);
    void refreshControls();
    void buildActions();
    void chooseExportFile();
    void editInstructions();
    void refreshList();
    void refreshEmptyState();
    void onAgentChosen(int index);
    void showContextMenu(const QPoint &position);
    // A click on a code block's Copy button (viewport coordinates) copies the block.
    bool copyCodeAt(const QPoint &position);
    void showListMenu(const QPoint &position);
    void loadStoredList();
    void adopt(ChatConversation *conversation);
    // The conversation open here that is stored as `storedId`, if any.
    ChatConversation *openConversation(qint64 storedId) const;
    // When its last message was said; before it has one, when it was started or (stored,
    // its messages not read yet) what the store said.
    qint64 lastMessageMs(ChatConversation *conversation) const;

    AgentCatalog &m_catalog;
    QList<ChatConversation *> m_conversations;
    ChatConversation *m_current = nullptr;
    QComboBox *m_agentSelector;
    QListWidget *m_conversationList;
    ConversationSearch *m_search;
    Store *m_store = nullptr;
    QList<ConversationSummary> m_stored;
    // A row of the list: a conversation open here, or a stored one. Newest message first,
    // whichever was opened last, so a click never moves the row clicked.
    struct ListRow
    {
        ChatConversation *open = nullptr;
        qint64 storedId = -1;
        qint64 lastMessageMs = 0;
        qsizetype stored = -1; // in m_stored, when not open
    };
    QList<ListRow> m_rows;
    QHash<ChatConversation *, qint64> m_startedMs; // see lastMessageMs()
    bool m_storedListLoaded = false;
    TranscriptView *m_messages;
    QStackedWidget *m_messageStack; // the messages, or a hint while there are none
    QSplitter *m_listSplitter = nullptr;
    QLabel *m_emptyHint;
    ChatMessageDelegate *m_delegate;
    ElidedLabel *m_status; // one line: a long error elides, whole in its tooltip
    ElidedLabel *m_answeredBy = nullptr;
    QLabel *m_notice = nullptr;
    QPushButton *m_retry = nullptr;
    QHBoxLayout *m_header = nullptr; // the agent and model row
    ModelSwitcher *m_modelSwitcher = nullptr;
    QPlainTextEdit *m_input;
    QPushButton *m_sendButton;
    bool m_stickToBottom = true;
    bool m_editing = false;
    QLabel *m_editBanner;
    QAction *m_newChatAction = nullptr;
    QAction *m_regenerateAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_copyAnswerAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_undoDeleteAction = nullptr;
    QAction *m_instructionsAction = nullptr;
    struct PendingDelete
    {
        qint64 storedId = -1;
        ChatConversation *open = nullptr; // kept, hidden, until the delete is final
        std::optional<ConversationSummary> listed;
    };
    std::optional<PendingDelete> m_pendingDelete;
    // Ends the Undo offer: the bar, its timer and its action go; the delete is returned.
    std::optional<PendingDelete> takePendingDelete();
    QTimer m_undoTimer;
    QWidget *m_undoBar;
    ElidedLabel *m_undoLabel;
};

} // namespace spoon
