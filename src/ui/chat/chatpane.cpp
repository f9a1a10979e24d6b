#include "chatpane.h"

#include "answerdocument.h"

#include "chatmessagedelegate.h"
#include "conversationsearch.h"
#include "elidedlabel.h"
#include "modelswitcher.h"
#include "plaintooltip.h"
#include "session/chatconversation.h"
#include "theme.h"
#include "transcriptview.h"

#include "agent/agentcatalog.h"
#include "storage/conversationexport.h"
#include "storage/store.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

namespace spoon {

ChatPane::ChatPane(AgentCatalog &catalog, const QString &endpointNotice, bool demoEndpoint,
                   QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_agentSelector(new QComboBox(this))
    , m_conversationList(new QListWidget(this))
    , m_search(new ConversationSearch(this))
    , m_messages(new TranscriptView(this))
    , m_messageStack(new QStackedWidget(this))
    , m_emptyHint(new QLabel(this))
    , m_delegate(new ChatMessageDelegate(this))
    , m_status(new ElidedLabel(this))
    , m_input(new QPlainTextEdit(this))
    , m_sendButton(new QPushButton(this))
    , m_editBanner(new QLabel(this))
    , m_undoBar(new QWidget(this))
    , m_undoLabel(new ElidedLabel(this))
{
    setObjectName(QStringLiteral("chatPane"));
    // Built top to bottom: the order widgets are made in is the order Tab visits them.
    QHBoxLayout *header = buildHeader();
    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);
    setEndpointNotice(endpointNotice, demoEndpoint);
    setUpConversationList();
    setUpMessageView();
    QSplitter *split = buildSplitter();
    QHBoxLayout *inputRow = buildInputRow();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addLayout(m_header);
    layout->addWidget(m_notice);
    layout->addWidget(split, 1);
    QHBoxLayout *statusRow = buildStatusRow();
    setUpUndoBar();
    layout->addWidget(m_undoBar);
    layout->addLayout(statusRow);
    layout->addWidget(m_editBanner);
    layout->addLayout(inputRow);

    connect(m_agentSelector, &QComboBox::activated, this, &ChatPane::onAgentChosen);
    buildActions();
    newConversation(catalog.defaultAgent());
}

// The pane's title, who answered and New chat; the agent row below it (m_header), which the
// model switcher joins later.
QHBoxLayout *ChatPane::buildHeader()
{
    auto *title = new QLabel(tr("Chat"), this);
    title->setObjectName(QStringLiteral("paneTitle"));

    m_agentSelector->setObjectName(QStringLiteral("agentSelector"));
    m_agentSelector->setToolTip(tr("The agent that answers in this conversation"));
    for (const AgentConfig *agent : m_catalog.agents()) {
        QString tip = agent->description;
        if (!agent->aliases.isEmpty())
            tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
                   tr("Also called: %1").arg(agent->aliases.join(QStringLiteral(", ")));
        m_agentSelector->addItem(agent->name, agent->name);
        m_agentSelector->setItemData(m_agentSelector->count() - 1, tip, Qt::ToolTipRole);
    }
    auto *newButton = new QPushButton(tr("New chat"), this);
    newButton->setObjectName(QStringLiteral("newChatButton"));
    newButton->setToolTip(tr("Start a new conversation (Ctrl+N)"));
    // The action (and its shortcut) is made later, by buildActions().
    connect(newButton, &QPushButton::clicked, this, [this] { m_newChatAction->trigger(); });

    // The provider that really answered (a fallback, the cache), not the one configured.
    m_answeredBy = new ElidedLabel(this);
    m_answeredBy->setObjectName(QStringLiteral("answeredBy"));
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addWidget(m_answeredBy, 1);
    header->addWidget(newButton);
    // Who answers, on a row of its own so that a long model name never widens the window.
    m_header = new QHBoxLayout;
    m_header->addWidget(new QLabel(tr("Agent"), this));
    m_header->addWidget(m_agentSelector);
    m_header->addStretch(1);
    return header;
}

// The conversations, open and stored; a click opens one, and search hits take its place.
void ChatPane::setUpConversationList()
{
    m_conversationList->setObjectName(QStringLiteral("conversationList"));
    m_conversationList->setMinimumWidth(110);
    m_conversationList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_conversationList->setTextElideMode(Qt::ElideRight);
    m_conversationList->setWordWrap(false);
    m_conversationList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_conversationList, &QListWidget::customContextMenuRequested, this,
            &ChatPane::showListMenu);
    connect(m_conversationList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_rows.size())
            return;
        const ListRow chosen = m_rows.at(row);
        if (chosen.open && chosen.open != m_current)
            show(chosen.open);
        else if (!chosen.open)
            openStored(chosen.storedId);
    });
    // While the search box holds text its hits take the list's place.
    connect(m_search, &ConversationSearch::searchingChanged, m_conversationList,
            &QWidget::setHidden);
    connect(m_search, &ConversationSearch::openRequested, this, &ChatPane::openStored);
}

// The messages: a click opens a tool step, the view follows the answer while it is at the
// bottom, and a hint takes its place while there are none.
void ChatPane::setUpMessageView()
{
    m_messages->setObjectName(QStringLiteral("messageView"));
    m_messages->setItemDelegate(m_delegate);
    m_messages->setSelectionMode(QAbstractItemView::SingleSelection);
    m_messages->setContextMenuPolicy(Qt::CustomContextMenu);
    m_messages->viewport()->installEventFilter(this);
    connect(m_messages, &QListView::customContextMenuRequested, this, &ChatPane::showContextMenu);
    connect(m_messages, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (ChatItem::Kind(index.data(ChatTranscriptModel::KindRole).toInt()) ==
            ChatItem::Kind::ToolStep)
            m_messages->model()->setData(index,
                                         !index.data(ChatTranscriptModel::ExpandedRole).toBool(),
                                         ChatTranscriptModel::ExpandedRole);
    });
    QScrollBar *scroll = m_messages->verticalScrollBar();
    connect(scroll, &QScrollBar::valueChanged, this,
            [this, scroll](int value) { m_stickToBottom = value >= scroll->maximum() - 4; });
    connect(scroll, &QScrollBar::rangeChanged, this, [this, scroll](int, int maximum) {
        if (m_stickToBottom)
            scroll->setValue(maximum);
    });

    m_emptyHint->setObjectName(QStringLiteral("emptyChatHint"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setText(
        tr("<p><b>Ask the agent anything.</b></p><p>It answers with its tools when they help: "
           "try <i>How much memory does the engine use?</i>, or give it a URL to fetch.</p>"
           "<p>Ctrl+Enter sends, Esc stops, Ctrl+N starts a new chat.</p>"));
    m_messageStack->addWidget(m_emptyHint);
    m_messageStack->addWidget(m_messages);
}

// The search box and the list on the left, the messages on the right (m_listSplitter).
QSplitter *ChatPane::buildSplitter()
{
    auto *split = m_listSplitter = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("chatSplitter"));
    auto *listColumn = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listColumn);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(4);
    listLayout->addWidget(m_search);
    listLayout->addWidget(m_conversationList, 1);
    split->addWidget(listColumn);
    split->addWidget(m_messageStack);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    // Room for a title's first words and a date, until the saved state says otherwise.
    const int listWidth = 32 * fontMetrics().averageCharWidth();
    split->setSizes({listWidth, 3 * listWidth});
    split->setChildrenCollapsible(false);
    return split;
}

// The message box and Send (Stop while a turn runs); Esc stops, or cancels an edit, whose
// banner shows above the box.
QHBoxLayout *ChatPane::buildInputRow()
{
    m_status->setObjectName(QStringLiteral("chatStatus"));
    m_input->setObjectName(QStringLiteral("messageInput"));
    m_input->setPlaceholderText(tr("Message the agent… (Ctrl+Enter sends, Esc stops)"));
    m_input->setFixedHeight(72);
    m_input->installEventFilter(this);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setMinimumHeight(36);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        if (m_current && m_current->isBusy())
            stop();
        else
            send();
    });
    auto *stopShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    stopShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(stopShortcut, &QShortcut::activated, this, [this] {
        if (m_editing)
            cancelEdit();
        else
            stop();
    });
    m_editBanner->setObjectName(QStringLiteral("editBanner"));
    m_editBanner->setWordWrap(true);
    m_editBanner->setText(tr("Editing your last message: Ctrl+Enter sends it in place of the "
                             "old one and its answer; Esc cancels."));
    m_editBanner->hide();

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_sendButton, 0, Qt::AlignBottom);
    return inputRow;
}

// The status line, with Retry after a failed turn.
QHBoxLayout *ChatPane::buildStatusRow()
{
    m_retry = new QPushButton(tr("Retry"), this);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setToolTip(tr("Send the last message again"));
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_current)
            m_current->retry();
    });
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_retry);
    return statusRow;
}

// The bar that offers Undo after a delete, for kUndoMs.
void ChatPane::setUpUndoBar()
{
    m_undoBar->setObjectName(QStringLiteral("undoBar"));
    m_undoBar->setAttribute(Qt::WA_StyledBackground); // the style sheet paints it
    auto *undoRow = new QHBoxLayout(m_undoBar);
    undoRow->setContentsMargins(8, 2, 8, 2);
    undoRow->addWidget(m_undoLabel, 1);
    auto *undoButton = new QPushButton(tr("Undo"), m_undoBar);
    undoButton->setObjectName(QStringLiteral("undoDeleteButton"));
    connect(undoButton, &QPushButton::clicked, this, &ChatPane::undoDelete);
    undoRow->addWidget(undoButton);
    m_undoBar->hide();
    m_undoTimer.setSingleShot(true);
    m_undoTimer.setInterval(kUndoMs);
    connect(&m_undoTimer, &QTimer::timeout, this, &ChatPane::finishPendingDelete);
}

void ChatPane::buildActions()
{
    const auto make = [this](const QString &text, const QString &name, const QKeySequence &keys,
                             auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action); // its shortcut works wherever the pane has focus
        return action;
    };
    m_newChatAction = make(tr("&New chat"), QStringLiteral("newChatAction"), QKeySequence::New,
                           [this] { newConversation(m_agentSelector->currentData().toString()); });
    // Ctrl+N starts a chat wherever the focus is in the window, as the button's own shortcut
    // did; the action lists it in the Chat menu and the shortcuts list.
    m_newChatAction->setShortcutContext(Qt::WindowShortcut);
    m_regenerateAction =
        make(tr("&Regenerate answer"), QStringLiteral("regenerateAction"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), [this] { regenerate(); });
    m_editAction =
        make(tr("&Edit last message"), QStringLiteral("editLastAction"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] { editLastMessage(); });
    m_copyAnswerAction = make(tr("&Copy last answer"), QStringLiteral("copyAnswerAction"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), [this] {
                                  if (!m_current)
                                      return;
                                  const auto &items = m_current->transcript().items();
                                  for (qsizetype i = items.size() - 1; i >= 0; --i) {
                                      if (items[i].kind == ChatItem::Kind::Assistant) {
                                          QApplication::clipboard()->setText(items[i].text);
                                          return;
                                      }
                                  }
                              });
    m_exportAction =
        make(tr("E&xport conversation..."), QStringLiteral("exportAction"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] { chooseExportFile(); });
    m_undoDeleteAction = make(tr("&Undo delete"), QStringLiteral("undoDeleteAction"),
                              QKeySequence::Undo, [this] { undoDelete(); });
    m_undoDeleteAction->setEnabled(false);
    m_instructionsAction =
        make(tr("Conversation &instructions..."), QStringLiteral("instructionsAction"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), [this] { editInstructions(); });
}

QList<QAction *> ChatPane::chatActions() const
{
    return {m_newChatAction, m_regenerateAction, m_editAction,        m_copyAnswerAction,
            m_exportAction,  m_undoDeleteAction, m_instructionsAction};
}

void ChatPane::editInstructions()
{
    if (!m_current || m_current->isBusy())
        return;
    ReactAgent &agent = m_current->agent();
    bool ok = false;
    const QString prompt = QInputDialog::getMultiLineText(
        this, tr("Conversation instructions"),
        tr("Instructions for this conversation only, in place of the agent's system prompt. "
           "Empty: the agent's own."),
        agent.conversationPrompt(), &ok);
    if (ok)
        agent.setConversationPrompt(prompt.trimmed());
}

void ChatPane::regenerate()
{
    if (!m_current || !m_current->canRewind())
        return;
    cancelEdit();
    m_stickToBottom = true;
    m_current->regenerate();
    refreshControls();
}

void ChatPane::editLastMessage()
{
    if (!m_current || !m_current->canRewind())
        return;
    m_editing = true;
    m_editBanner->show();
    m_input->setPlainText(m_current->lastUserMessage());
    m_input->moveCursor(QTextCursor::End);
    m_input->setFocus();
}

void ChatPane::cancelEdit()
{
    if (!m_editing)
        return;
    m_editing = false;
    m_editBanner->hide();
    m_input->clear();
}

void ChatPane::chooseExportFile()
{
    if (!m_current || m_current->transcript().isEmpty())
        return;
    QString name = m_current->title().simplified();
    name.replace(QRegularExpression(QStringLiteral("[^\\w .-]")), QStringLiteral("_"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export conversation"),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(name.left(60) + QStringLiteral(".md")),
        tr("Markdown (*.md);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    exportConversation(path).then(this, [this](const QString &error) {
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Export conversation"), error);
    });
}

QFuture<QString> ChatPane::exportConversation(const QString &path)
{
    if (!m_current)
        return QtFuture::makeReadyFuture(tr("There is no conversation to export."));
    const auto format = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
                            ? conversationexport::Format::Json
                            : conversationexport::Format::Markdown;
    return m_current->exportDocument(format).then(
        this, [this, path](const StoreResult<QByteArray> &content) {
            if (!content.ok())
                return tr("The stored conversation cannot be read: %1").arg(content.error.message);
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) ||
                file.write(content.value) != content.value.size() || !file.commit())
                return tr("Could not write %1: %2").arg(path, file.errorString());
            return QString();
        });
}

void ChatPane::setEndpointNotice(const QString &text, bool demoEndpoint)
{
    m_notice->setText(text);
    m_notice->setObjectName(demoEndpoint ? QStringLiteral("demoNotice")
                                         : QStringLiteral("endpointNotice"));
    repolish(m_notice); // the style sheet picks the look by name
}

ChatPane::~ChatPane()
{
    m_messages->setModel(nullptr);
    qDeleteAll(m_conversations);
}

void ChatPane::newConversation(const QString &agentName)
{
    // An untouched conversation is reused rather than piling up empty ones.
    if (m_current && m_current->transcript().isEmpty() && !m_current->isBusy() &&
        (agentName.isEmpty() || m_current->agentName() == agentName)) {
        m_input->setFocus();
        return;
    }
    ReactAgent *agent =
        m_catalog.create(agentName.isEmpty() ? m_catalog.defaultAgent() : agentName);
    if (!agent)
        return;
    auto *conversation = new ChatConversation(std::unique_ptr<ReactAgent>(agent), this);
    m_startedMs.insert(conversation, QDateTime::currentMSecsSinceEpoch());
    adopt(conversation);
    show(conversation);
}

void ChatPane::adopt(ChatConversation *conversation)
{
    connect(conversation, &ChatConversation::titleChanged, this, &ChatPane::refreshList);
    connect(conversation, &ChatConversation::statusChanged, this, [this, conversation] {
        if (conversation == m_current)
            refreshControls();
    });
    connect(conversation, &ChatConversation::busyChanged, this, [this, conversation] {
        refreshList(); // a turn's messages make it the newest
        if (conversation == m_current)
            refreshControls();
    });
    if (m_store && m_store->isReady() && conversation->storedId() < 0)
        conversation->attachStore(m_store->conversations());
    m_conversations.prepend(conversation);
}

void ChatPane::setStore(Store *store)
{
    m_store = store;
    if (!store)
        return;
    if (store->isReady())
        loadStoredList();
    else
        connect(store, &Store::opened, this, [this](bool ok) {
            if (ok) {
                loadStoredList();
            } else {
                m_storedListLoaded = true;
                Q_EMIT storedListLoaded();
            }
        });
}

void ChatPane::loadStoredList()
{
    m_search->setStore(&m_store->conversations());
    // What is already open here starts being saved now.
    for (ChatConversation *conversation : std::as_const(m_conversations)) {
        if (conversation->storedId() < 0)
            conversation->attachStore(m_store->conversations());
    }
    m_store->conversations().list().then(
        this, [this](const StoreResult<QList<ConversationSummary>> &result) {
            m_stored.clear();
            for (const ConversationSummary &summary : result.value) {
                if (!openConversation(summary.id))
                    m_stored.append(summary);
            }
            if (!result.ok())
                m_status->setText(
                    tr("Stored conversations cannot be listed: %1").arg(result.error.message));
            refreshList();
            m_storedListLoaded = true;
            Q_EMIT storedListLoaded();
        });
}

ChatConversation *ChatPane::openConversation(qint64 storedId) const
{
    for (ChatConversation *conversation : m_conversations) {
        if (conversation->storedId() == storedId)
            return conversation;
    }
    return nullptr;
}

void ChatPane::openStored(qint64 id)
{
    // One being deleted comes back (Undo) rather than opening a second copy of it.
    if (m_pendingDelete && id >= 0 && pendingDeleteId() == id)
        undoDelete();
    if (ChatConversation *open = openConversation(id)) {
        show(open);
        return;
    }
    if (!m_store || !m_store->isReady())
        return;
    ConversationStore &store = m_store->conversations();
    store.find(id).then(this, [this, id](const StoreResult<ConversationSummary> &found) {
        if (!found.ok() || found.value.id < 0)
            return;
        if (openConversation(id) || (m_pendingDelete && pendingDeleteId() == id))
            return; // opened or deleted meanwhile
        const ConversationSummary summary = found.value;
        ReactAgent *agent = m_catalog.create(summary.agent);
        if (!agent)
            agent = m_catalog.create(m_catalog.defaultAgent()); // that agent is gone
        if (!agent)
            return;
        auto *conversation = new ChatConversation(std::unique_ptr<ReactAgent>(agent), this);
        conversation->setTitle(summary.title);
        m_startedMs.insert(conversation, summary.updatedMs); // its row stays where it was
        conversation->attachStore(m_store->conversations(), id);
        m_stored.removeIf([id](const ConversationSummary &s) { return s.id == id; });
        adopt(conversation);
        show(conversation);
        QPointer<ChatConversation> guard(conversation);
        m_store->conversations().messages(id).then(
            this, [this, guard, summary](const StoreResult<QList<StoredMessage>> &messages) {
                if (!guard)
                    return;
                if (!messages.ok()) {
                    guard->transcript().addError(
                        tr("The stored messages cannot be read: %1").arg(messages.error.message));
                } else {
                    guard->restore(summary, messages.value);
                }
                if (guard == m_current) {
                    refreshEmptyState();
                    refreshControls(); // Regenerate and the rest now have a turn to act on
                }
                Q_EMIT conversationOpened(guard);
            });
    });
}

void ChatPane::renameConversation(qint64 storedId, ChatConversation *open, const QString &title)
{
    const QString clean = title.simplified();
    if (clean.isEmpty())
        return;
    if (open) {
        open->setTitle(clean);
        storedId = open->storedId();
    }
    for (ConversationSummary &summary : m_stored) {
        if (summary.id == storedId)
            summary.title = clean;
    }
    if (storedId >= 0 && m_store)
        m_store->conversations().rename(storedId, clean);
    refreshList();
}

void ChatPane::deleteConversation(qint64 storedId, ChatConversation *open)
{
    if (open && open->isBusy())
        return;            // stop it first; the menu says so
    finishPendingDelete(); // one undo at a time
    PendingDelete pending;
    QString title;
    if (open) {
        storedId = open->storedId();
        title = open->title();
        m_conversations.removeOne(open);
        if (m_current == open) {
            m_current = nullptr;
            m_messages->setModel(nullptr);
        }
        pending.open = open;
    }
    pending.storedId = storedId;
    for (const ConversationSummary &summary : std::as_const(m_stored)) {
        if (summary.id == storedId && storedId >= 0) {
            pending.listed = summary;
            title = summary.title;
        }
    }
    m_stored.removeIf([storedId](const ConversationSummary &s) { return s.id == storedId; });
    m_pendingDelete = pending;
    m_undoLabel->setText(tr("Deleted \"%1\".").arg(title));
    m_undoBar->show();
    m_undoDeleteAction->setEnabled(true);
    m_undoTimer.start();
    if (!m_current) {
        if (m_conversations.isEmpty())
            newConversation(m_catalog.defaultAgent());
        else
            show(m_conversations.first());
    }
    refreshList();
    // Ctrl+Z undoes the delete from here; the message box would take it as its own undo.
    m_conversationList->setFocus();
}

qint64 ChatPane::pendingDeleteId() const
{
    if (!m_pendingDelete)
        return -1;
    return m_pendingDelete->open ? m_pendingDelete->open->storedId() : m_pendingDelete->storedId;
}

std::optional<ChatPane::PendingDelete> ChatPane::takePendingDelete()
{
    m_undoTimer.stop();
    m_undoBar->hide();
    m_undoDeleteAction->setEnabled(false);
    return std::exchange(m_pendingDelete, std::nullopt);
}

void ChatPane::undoDelete()
{
    if (!m_pendingDelete)
        return;
    const PendingDelete pending = *takePendingDelete();
    if (pending.listed) {
        m_stored.append(*pending.listed);
        std::stable_sort(m_stored.begin(), m_stored.end(),
                         [](const ConversationSummary &a, const ConversationSummary &b) {
                             return a.updatedMs > b.updatedMs;
                         });
    }
    if (pending.open) {
        m_conversations.prepend(pending.open);
        show(pending.open);
    }
    refreshList();
}

void ChatPane::finishPendingDelete()
{
    if (!m_pendingDelete)
        return;
    // An open one's storedId may have arrived after the delete (its first save was queued).
    const qint64 storedId = pendingDeleteId();
    const PendingDelete pending = *takePendingDelete();
    if (storedId >= 0 && m_store)
        m_store->conversations().remove(storedId);
    if (pending.open)
        pending.open->deleteLater();
}

int ChatPane::finishSaving(int timeoutMs)
{
    finishPendingDelete();
    for (ChatConversation *conversation : std::as_const(m_conversations))
        conversation->stop();
    QDeadlineTimer deadline(timeoutMs);
    auto saving = [this] {
        return std::any_of(m_conversations.cbegin(), m_conversations.cend(),
                           [](const ChatConversation *c) { return c->isBusy() || c->isSaving(); });
    };
    while (saving() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return int(
        std::count_if(m_conversations.cbegin(), m_conversations.cend(),
                      [](const ChatConversation *c) { return c->isBusy() || c->isSaving(); }));
}

void ChatPane::showListMenu(const QPoint &position)
{
    QListWidgetItem *item = m_conversationList->itemAt(position);
    if (!item || m_conversationList->row(item) >= m_rows.size())
        return;
    const ListRow row = m_rows.at(m_conversationList->row(item));
    ChatConversation *open = row.open;
    const qint64 storedId = open ? open->storedId() : row.storedId;
    const QString title = open ? open->title() : m_stored.value(row.stored).title;
    QMenu menu(this);
    menu.addAction(tr("Rename…"), this, [this, storedId, open, title] {
        bool ok = false;
        const QString renamed = QInputDialog::getText(this, tr("Rename conversation"), tr("Title:"),
                                                      QLineEdit::Normal, title, &ok);
        if (ok)
            renameConversation(storedId, open, renamed);
    });
    QAction *remove = menu.addAction(tr("Delete"), this, [this, storedId, open] {
        deleteConversation(storedId, open); // with Undo: no question first
    });
    if (open && open->isBusy()) {
        remove->setEnabled(false);
        remove->setToolTip(tr("Stop the agent first"));
    }
    menu.exec(m_conversationList->viewport()->mapToGlobal(position));
}

void ChatPane::show(ChatConversation *conversation)
{
    if (conversation != m_current)
        cancelEdit(); // an edit belongs to the conversation it was started in
    m_current = conversation;
    ChatTranscriptModel *model = &conversation->transcript();
    if (m_messages->model())
        m_messages->model()->disconnect(this);
    m_messages->setModel(model);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ChatPane::refreshEmptyState);
    refreshEmptyState();
    m_stickToBottom = true;
    m_messages->scrollToBottom();
    const int agentIndex = m_agentSelector->findData(conversation->agentName());
    if (agentIndex >= 0)
        m_agentSelector->setCurrentIndex(agentIndex);
    refreshList();
    refreshControls();
    m_input->setFocus();
}

void ChatPane::refreshEmptyState()
{
    const bool empty = !m_current || m_current->transcript().isEmpty();
    m_messageStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyHint) : m_messages);
}

qint64 ChatPane::lastMessageMs(ChatConversation *conversation) const
{
    const ChatTranscriptModel &transcript = conversation->transcript();
    return transcript.isEmpty() ? m_startedMs.value(conversation)
                                : transcript.items().last().createdMs;
}

void ChatPane::refreshList()
{
    // Forget the ones deleted since (the one Undo may bring back stays).
    m_startedMs.removeIf([this](const QHash<ChatConversation *, qint64>::iterator &it) {
        return !m_conversations.contains(it.key()) &&
               !(m_pendingDelete && m_pendingDelete->open == it.key());
    });
    m_rows.clear();
    for (ChatConversation *conversation : std::as_const(m_conversations))
        m_rows.append({conversation, conversation->storedId(), lastMessageMs(conversation)});
    for (qsizetype i = 0; i < m_stored.size(); ++i)
        m_rows.append({nullptr, m_stored.at(i).id, m_stored.at(i).updatedMs, i});
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const ListRow &a, const ListRow &b) {
        return a.lastMessageMs > b.lastMessageMs;
    });

    const QSignalBlocker blocker(m_conversationList);
    m_conversationList->clear();
    const QLocale locale;
    for (const ListRow &row : std::as_const(m_rows)) {
        if (row.open) {
            auto *item = new QListWidgetItem(
                row.open->title() + QLatin1Char('\n') + row.open->agentName(), m_conversationList);
            item->setToolTip(plainToolTip(row.open->title()));
            if (row.open == m_current)
                m_conversationList->setCurrentItem(item);
            continue;
        }
        const ConversationSummary *summary = &m_stored.at(row.stored);
        const QString title =
            summary->title.isEmpty() ? tr("Untitled conversation") : summary->title;
        const QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(summary->updatedMs),
                                             QLocale::ShortFormat);
        auto *item = new QListWidgetItem(title + QLatin1Char('\n') + when, m_conversationList);
        item->setToolTip(
            plainToolTip(tr("%1\n%n message(s), agent %2", nullptr, summary->messageCount)
                             .arg(title, summary->agent)));
    }
}

void ChatPane::refreshControls()
{
    const bool busy = m_current && m_current->isBusy();
    m_sendButton->setText(busy ? tr("Stop") : tr("Send"));
    m_sendButton->setToolTip(busy ? tr("Stop the agent (Esc)") : tr("Send (Ctrl+Enter)"));
    m_sendButton->setProperty("busy", busy);
    repolish(m_sendButton);
    m_agentSelector->setEnabled(!busy);
    m_answeredBy->setText(m_current && !m_current->answeredBy().isEmpty()
                              ? tr("Answered by %1").arg(m_current->answeredBy())
                              : QString());
    if (m_current) {
        m_status->setText(m_current->status());
        m_status->setProperty("error", m_current->statusIsError());
        repolish(m_status);
    }
    m_retry->setVisible(m_current && m_current->canRetry());
    const bool canRewind = m_current && m_current->canRewind();
    if (m_regenerateAction) {
        m_instructionsAction->setEnabled(m_current && !busy);
        m_regenerateAction->setEnabled(canRewind);
        m_editAction->setEnabled(canRewind);
        m_exportAction->setEnabled(m_current && !m_current->transcript().isEmpty());
    }
    if (m_editing && !canRewind)
        cancelEdit();
    if (m_modelSwitcher && m_current)
        m_modelSwitcher->showRoute(m_current->routeProvider(), m_current->routeModel());
}

void ChatPane::setModelSwitcher(ModelSwitcher *switcher)
{
    m_modelSwitcher = switcher;
    m_header->insertWidget(2, new QLabel(tr("Model"), this));
    m_header->insertWidget(3, switcher, 1);
    connect(switcher, &ModelSwitcher::routeChosen, this,
            [this](const QString &provider, const QString &model) {
                // This conversation's choice: a new one starts on the default model, as the
                // notice above says.
                if (m_current)
                    m_current->setRoute(provider, model);
            });
}

void ChatPane::send()
{
    if (!m_current || m_current->isBusy())
        return;
    const QString text = m_input->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    const bool replacing = m_editing;
    cancelEdit();
    m_input->clear();
    m_stickToBottom = true;
    if (replacing && m_current->canRewind())
        m_current->resend(text);
    else
        m_current->send(text);
    refreshControls();
}

void ChatPane::stop()
{
    if (m_current)
        m_current->stop();
}

void ChatPane::onAgentChosen(int index)
{
    const QString agent = m_agentSelector->itemData(index).toString();
    if (!m_current || m_current->agentName() == agent)
        return;
    if (m_current->transcript().isEmpty() && !m_current->isBusy()) {
        // Nothing said yet: the empty conversation changes hands.
        ChatConversation *empty = m_current;
        m_conversations.removeOne(empty);
        m_current = nullptr;
        m_messages->setModel(nullptr);
        empty->deleteLater();
    }
    newConversation(agent);
}

QStringList ChatPane::codeBlocks(const QString &markdown)
{
    return fencedCodeBlocks(markdown);
}

bool ChatPane::copyCodeAt(const QPoint &position)
{
    const QModelIndex index = m_messages->indexAt(position);
    if (!index.isValid())
        return false;
    for (const ChatMessageDelegate::CodeBlock &block :
         m_delegate->codeBlocks(index, m_messages->visualRect(index))) {
        if (block.copyButton.contains(position)) {
            QApplication::clipboard()->setText(block.code);
            QToolTip::showText(m_messages->viewport()->mapToGlobal(position), tr("Copied"),
                               m_messages->viewport());
            return true;
        }
    }
    return false;
}

void ChatPane::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_messages->indexAt(position);
    if (!index.isValid())
        return;
    const auto kind = ChatItem::Kind(index.data(ChatTranscriptModel::KindRole).toInt());
    const QString text = kind == ChatItem::Kind::ToolStep
                             ? index.data(ChatTranscriptModel::ResultRole).toString()
                             : index.data().toString();
    QMenu menu(this);
    menu.addAction(kind == ChatItem::Kind::ToolStep ? tr("Copy result") : tr("Copy message"), this,
                   [text] { QApplication::clipboard()->setText(text); });
    const int lastUser = m_current ? m_current->transcript().lastUserRow() : -1;
    if (m_current && m_current->canRewind() && index.row() >= lastUser) {
        menu.addSeparator();
        if (kind == ChatItem::Kind::User)
            menu.addAction(m_editAction);
        else
            menu.addAction(m_regenerateAction);
    }
    const QStringList blocks = codeBlocks(text);
    if (!blocks.isEmpty())
        menu.addSeparator();
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        const QString firstLine = blocks[i].section(QLatin1Char('\n'), 0, 0).left(40);
        menu.addAction(tr("Copy code block %1: %2").arg(i + 1).arg(firstLine), this,
                       [block = blocks[i]] { QApplication::clipboard()->setText(block); });
    }
    menu.exec(m_messages->viewport()->mapToGlobal(position));
}

bool ChatPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    if (watched == m_messages->viewport() && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && copyCodeAt(mouse->position().toPoint()))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPane::changeEvent(QEvent *event)
{
    // A new theme: answers are laid out again with its colours.
    if (event->type() == QEvent::PaletteChange) {
        m_delegate->restyle();
        m_messages->invalidateLayout(); // a theme change sends several: one layout for all
    }
    QWidget::changeEvent(event);
}

qsizetype ChatPane::dropRenderedDocuments()
{
    return m_delegate->dropDocuments();
}

} // namespace spoon
