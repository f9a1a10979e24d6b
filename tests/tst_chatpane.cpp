// The chat pane as a person uses it, offscreen: type, send, watch the answer stream in beside
// a tool step; stop; switch agents; read errors in the status line.
#include "appinfo.h"
#include "chat/answerdocument.h"
#include "chat/chatmessagedelegate.h"
#include "chat/chatpane.h"
#include "chat/conversationsearch.h"
#include "chat/modelswitcher.h"
#include "chat/searchhitdelegate.h"
#include "elidedlabel.h"
#include "engine.h"
#include "mainwindow.h"
#include "session/chatconversation.h"
#include "session/chattranscriptmodel.h"

#include "config/configloader.h"
#include "llm/demoserver.h"
#include "monitor/processmonitor.h"
#include "net/httpserver.h"
#include "storage/conversationexport.h"
#include "storage/store.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QtTest>

#include "support/testdatabase.h"
#include "support/testenvironment.h"

using namespace spoon;

namespace {

ConfigLoadResult configWith(const QString &json, const QString &key = {})
{
    QProcessEnvironment env;
    if (!key.isEmpty())
        env.insert(QStringLiteral("LOCAL_API_KEY"), key);
    return ConfigLoader::parse(json.toUtf8(), QStringLiteral("test.json"), env);
}

// Provider "local", the default, on a server of the test's own, with a key and `retries`.
ConfigLoadResult localProvider(const QString &baseUrl, int retries)
{
    return configWith(
        QStringLiteral(R"({"providers": {"local": {"base_url": "%1/v1", "model": "spoon-demo",
                          "retry_attempts": %2}},
                          "llm_settings": {"default_provider": "local"}})")
            .arg(baseUrl)
            .arg(retries),
        QStringLiteral("sk-local-0123456789abcdef"));
}

struct Window
{
    // The demo endpoint streams as fast as it can unless a test wants it slow: the pane sees
    // the same token-by-token stream either way.
    explicit Window(const Config &config, double demoTokensPerSecond = 0)
        : engine(withOwnStore(config, folder))
    {
        engine.setDemoTokensPerSecond(demoTokensPerSecond);
        engine.start();
        window = std::make_unique<MainWindow>(engine);
        window->show();
        chat = window->chat();
        input = chat->findChild<QPlainTextEdit *>(QStringLiteral("messageInput"));
        send = chat->findChild<QPushButton *>(QStringLiteral("sendButton"));
        status = chat->findChild<ElidedLabel *>(QStringLiteral("chatStatus"));
        view = chat->findChild<QListView *>(QStringLiteral("messageView"));
        if (!input || !send || !status || !view)
            qFatal("the chat pane lacks one of its named widgets");
    }
    ~Window() { window.reset(); } // the window's agents go before the engine they use

    void type(const QString &text)
    {
        input->setFocus();
        QTest::keyClicks(input, text);
        QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
    }
    ChatTranscriptModel &transcript() { return chat->currentConversation()->transcript(); }

    // Each window saves to a file of its own unless the test names one: what one test
    // saved never shows in another's list.
    static Config withOwnStore(Config config, const QTemporaryDir &folder)
    {
        if (config.performance.database.url.isEmpty())
            config.performance.database.url =
                QStringLiteral("sqlite://") + folder.filePath(QStringLiteral("own.db"));
        return config;
    }

    QTemporaryDir folder;
    Engine engine;
    std::unique_ptr<MainWindow> window;
    ChatPane *chat = nullptr;
    QPlainTextEdit *input = nullptr;
    QPushButton *send = nullptr;
    ElidedLabel *status = nullptr;
    QListView *view = nullptr;
};

// A config whose store is a SQLite file of the test's own.
Config storedAt(const QString &path)
{
    const ConfigLoadResult loaded = configWith(
        QStringLiteral("{\"performance\": {\"database\": {\"url\": \"sqlite://%1\"}}}").arg(path));
    if (!loaded.isValid())
        qFatal("the store config does not load");
    return loaded.config;
}

// The list may have come before the test looks (a fast store answers within the window's
// constructor).
// The store label's tooltip as the user would see it: it is filled in when it is about to show
// (a ToolTip event), not kept current by a clock.
QString shownToolTip(QWidget *widget)
{
    QHelpEvent event(QEvent::ToolTip, QPoint(1, 1), widget->mapToGlobal(QPoint(1, 1)));
    QCoreApplication::sendEvent(widget, &event);
    return widget->toolTip();
}

bool waitForStoredList(Window &w)
{
    QSignalSpy loaded(w.chat, &ChatPane::storedListLoaded);
    if (!w.chat->storedListLoadedYet() && !loaded.wait(30000))
        return false;
    // A store that failed to open lists nothing: say why, rather than fail later on a count.
    if (!w.engine.store()->isReady()) {
        qWarning("the store did not open: %s", qPrintable(w.engine.store()->errorString()));
        return false;
    }
    return true;
}

// The turn has ended and every write it queued reached the store.
#define WAIT_UNTIL_SAVED(conversation)                                                             \
    QTRY_VERIFY_WITH_TIMEOUT(!(conversation)->isBusy() && !(conversation)->isSaving(), 30000)

QList<ChatItem::Kind> kinds(const QList<ChatItem> &items)
{
    QList<ChatItem::Kind> list;
    for (const ChatItem &item : items)
        list.append(item.kind);
    return list;
}

QList<ChatItem::Kind> kinds(const ChatTranscriptModel &model)
{
    return kinds(model.items());
}

} // namespace

class TestChatPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void typeSendAndWatchAToolStepAndAStreamedAnswer()
    {
        Window w(Config::defaults()); // no provider: the demo endpoint answers
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        QCOMPARE(w.send->text(), QStringLiteral("Send"));
        // Before the first message the pane shows a hint, not an empty list.
        auto *hint = w.chat->findChild<QLabel *>(QStringLiteral("emptyChatHint"));
        QVERIFY(hint);
        QVERIFY(hint->isVisible());
        QVERIFY(!w.view->isVisible());
        ChatTranscriptModel &model = w.transcript();
        QSignalSpy changed(&model, &ChatTranscriptModel::dataChanged);

        w.type(QStringLiteral("How much memory does the engine use?"));
        QVERIFY(w.input->toPlainText().isEmpty());
        QCOMPARE(w.send->text(), QStringLiteral("Stop"));
        QVERIFY(w.view->isVisible() && !hint->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 30000);

        using K = ChatItem::Kind;
        QCOMPARE(kinds(model), (QList<K>{K::User, K::ToolStep, K::Assistant}));
        const ChatItem &tool = model.item(1);
        QCOMPARE(tool.toolName, QStringLiteral("system_info"));
        QVERIFY(!tool.isError && !tool.running && tool.durationMs >= 0);
        QVERIFY(tool.result.contains(QStringLiteral("rss")));
        const ChatItem &answer = model.item(2);
        QVERIFY(answer.text.contains(QStringLiteral("**Memory:**")));
        QVERIFY(!answer.streaming);

        // Streaming touched one row at a time, and while it streamed only the text role.
        int textOnly = 0;
        for (const QList<QVariant> &signal : changed) {
            const QModelIndex first = signal.at(0).value<QModelIndex>();
            QCOMPARE(first, signal.at(1).value<QModelIndex>());
            if (signal.at(2).value<QList<int>>() == QList<int>{Qt::DisplayRole}) {
                QCOMPARE(first.row(), 2);
                ++textOnly;
            }
        }
        // At most one text update per frame, and at least one while it streamed.
        QVERIFY2(textOnly >= 1, qPrintable(QString::number(textOnly)));
        QVERIFY2(w.status->text().startsWith(QStringLiteral("Answered in 2 step")),
                 qPrintable(w.status->text()));

        // The tool step opens to its arguments and result, and grows.
        auto *delegate = qobject_cast<ChatMessageDelegate *>(w.view->itemDelegate());
        const QModelIndex toolIndex = model.index(1);
        const int closed = delegate->sizeHint({}, toolIndex).height();
        QTest::mouseClick(w.view->viewport(), Qt::LeftButton, {},
                          w.view->visualRect(toolIndex).center());
        QVERIFY(model.item(1).expanded);
        QVERIFY(delegate->sizeHint({}, toolIndex).height() > closed);
        // The conversation is named after its first message.
        auto *list = w.chat->findChild<QListWidget *>(QStringLiteral("conversationList"));
        QVERIFY(list && list->count() == 1);
        QCOMPARE(list->item(0)->text().section(u'\n', 0, 0),
                 QStringLiteral("How much memory does the engine use?"));
    }

    void escapeStopsAndTheConversationGoesOn()
    {
        Window w(Config::defaults(), 5); // slow enough to stop mid-answer
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        ChatTranscriptModel &model = w.transcript();
        w.type(QStringLiteral("Tell me about yourself"));
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() == 2 && model.item(1).streaming, 20000);
        QTest::keyClick(w.input, Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 10000);
        QCOMPARE(model.items().last().kind, ChatItem::Kind::Notice);
        QVERIFY(model.items().last().text.startsWith(QStringLiteral("Stopped.")));
        QCOMPARE(w.status->text(), QStringLiteral("Stopped"));
        for (const ChatItem &item : model.items())
            QVERIFY(!item.streaming && !item.running);
        // The next message is answered in the same conversation.
        w.engine.setDemoTokensPerSecond(0);
        w.type(QStringLiteral("Hello again"));
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 60000);
        QCOMPARE(model.items().last().kind, ChatItem::Kind::Assistant);
        QCOMPARE(w.chat->conversationCount(), 1);
    }

    void agentSelectorStartsAConversationWithTheChosenAgent()
    {
        const ConfigLoadResult loaded = configWith(QStringLiteral(
            R"({"agents": {"analyst": {"aliases": ["a"], "description": "Reads figures"}},
                "default_agent": "react"})"));
        QVERIFY(loaded.isValid());
        Window w(loaded.config);
        auto *selector = w.chat->findChild<QComboBox *>(QStringLiteral("agentSelector"));
        QVERIFY(selector);
        QCOMPARE(selector->count(), 2);
        QCOMPARE(w.chat->currentConversation()->agentName(), QStringLiteral("react"));
        // Nothing said yet: choosing another agent swaps the empty conversation.
        const int analyst = selector->findData(QStringLiteral("analyst"));
        selector->setCurrentIndex(analyst);
        Q_EMIT selector->activated(analyst);
        QCOMPARE(w.chat->conversationCount(), 1);
        QCOMPARE(w.chat->currentConversation()->agentName(), QStringLiteral("analyst"));
        // After a message, choosing an agent opens a new conversation and keeps the old one.
        w.type(QStringLiteral("hi"));
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 60000);
        const int react = selector->findData(QStringLiteral("react"));
        selector->setCurrentIndex(react);
        Q_EMIT selector->activated(react);
        QCOMPARE(w.chat->conversationCount(), 2);
        QCOMPARE(w.chat->currentConversation()->agentName(), QStringLiteral("react"));
        auto *list = w.chat->findChild<QListWidget *>(QStringLiteral("conversationList"));
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        list->setCurrentRow(1); // back to the first one, with its messages
        QCOMPARE(w.chat->currentConversation()->agentName(), QStringLiteral("analyst"));
        QCOMPARE(w.transcript().rowCount(), 2);
        QCOMPARE(selector->currentData().toString(), QStringLiteral("analyst"));
    }

    // Ctrl+N starts a chat wherever the focus is in the window, and Help > Keyboard shortcuts
    // lists it (it was a button's shortcut, which the list did not see).
    void ctrlNStartsANewChatAndIsListed()
    {
        Window w(Config::defaults());
        const QString newKeys = QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText);
        QVERIFY(w.window->shortcutList().contains(std::pair(newKeys, QStringLiteral("New chat"))));
        w.type(QStringLiteral("hi"));
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 60000);
        ChatConversation *first = w.chat->currentConversation();
        w.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
        w.view->setFocus(); // not the input: the shortcut works from anywhere in the window
        QTest::keySequence(w.view, QKeySequence::New);
        QCOMPARE(w.chat->conversationCount(), 2);
        QVERIFY(w.chat->currentConversation() != first);
    }

    // A conversation thrown away waits for the event loop to delete it; closing the window
    // first must still delete it, while the engine its agent uses is alive.
    void closingTheWindowDeletesAConversationBeingThrownAway()
    {
        const ConfigLoadResult loaded = configWith(QStringLiteral(
            R"({"agents": {"analyst": {"description": "Reads figures"}},
                "default_agent": "react"})"));
        QVERIFY(loaded.isValid());
        Window w(loaded.config);
        QPointer<ChatConversation> empty = w.chat->currentConversation();
        auto *selector = w.chat->findChild<QComboBox *>(QStringLiteral("agentSelector"));
        QVERIFY(selector);
        const int analyst = selector->findData(QStringLiteral("analyst"));
        selector->setCurrentIndex(analyst);
        Q_EMIT selector->activated(analyst);
        QVERIFY(w.chat->currentConversation() != empty.data());
        QVERIFY(empty); // still waiting for the event loop
        w.window.reset();
        QVERIFY(empty.isNull());
    }

    void aFailingProviderShowsItsReasonInTheStatusLine()
    {
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        demo.addFault(*DemoFault::parse(QStringLiteral("status=500")));
        const ConfigLoadResult loaded = localProvider(demo.baseUrl(), 0);
        QVERIFY(loaded.isValid());
        Window w(loaded.config);
        QVERIFY(!w.engine.usesDemoEndpoint());
        QVERIFY(w.chat->findChild<QLabel *>(QStringLiteral("demoNotice")) == nullptr);
        w.type(QStringLiteral("hi"));
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 30000);
        QVERIFY2(w.status->text().startsWith(
                     QStringLiteral("Error: local: HTTP 500: demo fault: HTTP 500 as asked")),
                 qPrintable(w.status->text()));
        QCOMPARE(w.status->property("error").toBool(), true);
        QCOMPARE(w.transcript().items().last().kind, ChatItem::Kind::Error);
    }

    // A server's message that ends its own sentence gets no second period before the advice.
    void anErrorThatEndsASentenceIsNotGivenASecondPeriod()
    {
        HttpServer server([](HttpServerExchange *exchange) {
            exchange->respond(429, "application/json",
                              R"({"error":{"message":"Rate limit reached. Try again in 20s."}})");
        });
        QVERIFY(server.listen());
        const ConfigLoadResult loaded = localProvider(QString::fromLatin1(server.baseUrl()), 0);
        QVERIFY(loaded.isValid());
        Window w(loaded.config);
        w.type(QStringLiteral("hi"));
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 30000);
        const QString status = w.status->text();
        QVERIFY2(status.contains(QStringLiteral("Try again in 20s. ")), qPrintable(status));
        QVERIFY2(!status.contains(QStringLiteral("..")), qPrintable(status));
    }

    // A 429 is retried after the server's Retry-After, and the status line says so while it
    // waits; the answer then names the provider that gave it.
    void aRetryIsVisibleWhileItWaits()
    {
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        demo.addFault(*DemoFault::parse(QStringLiteral("status=429,retry_after=1,times=1")));
        const ConfigLoadResult loaded = localProvider(demo.baseUrl(), 2);
        QVERIFY(loaded.isValid());
        Window w(loaded.config);
        w.type(QStringLiteral("hi"));
        QTRY_VERIFY2_WITH_TIMEOUT(w.status->text().startsWith(QStringLiteral("Retrying in ")),
                                  qPrintable(w.status->text()), 30000);
        QVERIFY2(w.status->text().endsWith(QStringLiteral("(429 from local, attempt 2 of 3)")),
                 qPrintable(w.status->text()));
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 30000);
        QVERIFY2(w.status->text().startsWith(QStringLiteral("Answered in ")) &&
                     w.status->text().endsWith(QStringLiteral("by local · spoon-demo")),
                 qPrintable(w.status->text()));
        auto *answeredBy = w.chat->findChild<ElidedLabel *>(QStringLiteral("answeredBy"));
        QVERIFY(answeredBy);
        QCOMPARE(answeredBy->text(), QStringLiteral("Answered by local · spoon-demo"));
    }

    // A server's error can be longer than any screen (here a 404 naming a 2,000-character
    // path): the status line elides it, the tooltip holds it whole, and the window neither
    // widens nor stays wide after it.
    void aLongErrorNeverWidensTheWindow_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("one token") << QString(2000, u'x');
        QTest::newRow("segments") << QStringLiteral("retry/later/").repeated(170);
    }
    void aLongErrorNeverWidensTheWindow()
    {
        QFETCH(QString, path);
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        const ConfigLoadResult loaded = configWith(
            QStringLiteral(
                R"({"providers": {"local": {"base_url": "%1/v1/%2", "model": "spoon-demo",
                              "retry_attempts": 0}},
                              "llm_settings": {"default_provider": "local"}})")
                .arg(demo.baseUrl(), path),
            QStringLiteral("sk-local-0123456789abcdef"));
        QVERIFY(loaded.isValid());
        Window w(loaded.config);
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        QCoreApplication::sendPostedEvents(); // the first layout
        const int minimum = w.window->minimumSizeHint().width();
        const QSize size = w.window->size();
        w.type(QStringLiteral("hi"));
        QTRY_VERIFY_WITH_TIMEOUT(w.status->property("error").toBool(), 30000);
        QVERIFY2(w.status->text().contains(path), qPrintable(w.status->text().left(200)));
        QCoreApplication::sendPostedEvents(); // a layout request would resize the window
        QVERIFY2(
            w.window->minimumSizeHint().width() <= minimum,
            qPrintable(
                QStringLiteral("%1 > %2").arg(w.window->minimumSizeHint().width()).arg(minimum)));
        QCOMPARE(w.window->size(), size);
        QVERIFY(w.status->isElided());
        QVERIFY(w.status->toolTip().contains(path));
        // The next turn's status replaces the error; the window is as it was.
        w.chat->newConversation(QStringLiteral("react"));
        QVERIFY(!w.status->property("error").toBool());
        QCoreApplication::sendPostedEvents();
        QCOMPARE(w.window->size(), size);
    }

    // The model picked is this conversation's: a new one starts on the default, as the notice
    // says. Models a server lists later join their provider's entries.
    void theModelPickedBelongsToItsConversation()
    {
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        const ConfigLoadResult loaded = configWith(QStringLiteral(R"({"providers": {
                                 "a": {"base_url": "%1/v1", "model": "configured-a"},
                                 "b": {"base_url": "%1/v1", "model": "configured-b"}},
                              "llm_settings": {"default_provider": "a"}})")
                                                       .arg(demo.baseUrl()));
        QVERIFY2(loaded.isValid(), qPrintable(loaded.diagnostics.value(0).toString()));
        Window w(loaded.config);
        auto *switcher = w.chat->findChild<ModelSwitcher *>(QStringLiteral("modelSwitcher"));
        QVERIFY(switcher);
        QSignalSpy listed(switcher, &ModelSwitcher::modelsListed);
        switcher->showPopup();
        QVERIFY(listed.wait(30000));
        switcher->hidePopup();
        QStringList providers;
        for (int i = 1; i < switcher->count(); ++i)
            providers.append(switcher->itemData(i).toStringList().value(0));
        QCOMPARE(providers, (QStringList{QStringLiteral("a"), QStringLiteral("a"),
                                         QStringLiteral("b"), QStringLiteral("b")}));

        const int chosen = switcher->findData(
            QStringList{QStringLiteral("b"), QString::fromLatin1(DemoServer::kModel)});
        QVERIFY(chosen > 0);
        switcher->setCurrentIndex(chosen);
        Q_EMIT switcher->activated(chosen);
        ChatConversation *first = w.chat->currentConversation();
        QCOMPARE(first->routeProvider(), QStringLiteral("b"));
        w.type(QStringLiteral("hi")); // an empty conversation would be reused
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 30000);
        w.chat->newConversation(QStringLiteral("react"));
        QVERIFY(w.chat->currentConversation() != first);
        QVERIFY(w.chat->currentConversation()->routeProvider().isEmpty());
        QCOMPARE(switcher->currentIndex(), 0); // "Default model"
    }

    // performance.agents.max_concurrent 1: a second conversation's turn waits, says so in its
    // status line, and runs when the first ends.
    void aTurnBeyondTheLimitSaysItWaits()
    {
        Config config = Config::defaults();
        config.performance.agents.maxConcurrent = 1;
        Window w(config, 100); // the first answer streams for a while
        w.type(QStringLiteral("Show me an example"));
        QTRY_VERIFY(w.status->text().startsWith(QStringLiteral("Streaming")) ||
                    w.status->text().startsWith(QStringLiteral("Thinking")));
        w.chat->newConversation(QStringLiteral("react"));
        w.type(QStringLiteral("How much memory does the engine use?"));
        QTRY_VERIFY2(w.status->text().startsWith(QStringLiteral("Waiting for a free agent slot")),
                     qPrintable(w.status->text()));
        QTRY_VERIFY2_WITH_TIMEOUT(w.status->text().startsWith(QStringLiteral("Answered in")),
                                  qPrintable(w.status->text()), 60000);
    }

    // The same question in a new conversation comes from the cache, and says so.
    void aCachedAnswerIsMarked()
    {
        Window w(Config::defaults());
        w.type(QStringLiteral("Show me an example"));
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 30000);
        QVERIFY(!w.status->text().contains(QStringLiteral("(cached)")));
        w.chat->newConversation(QStringLiteral("react"));
        w.type(QStringLiteral("Show me an example"));
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 30000);
        QVERIFY2(w.status->text().endsWith(QStringLiteral("(cached)")),
                 qPrintable(w.status->text()));
    }

    // Chat, quit, start again: the conversation is listed, opens with every row, and goes on.
    void conversationsSurviveARestart()
    {
        QTemporaryDir folder;
        const Config config = storedAt(folder.filePath(QStringLiteral("store.db")));
        QList<ChatItem> before;
        qsizetype historyBefore = 0;
        {
            Window w(config);
            QVERIFY(waitForStoredList(w));
            QVERIFY(w.chat->storedConversations().isEmpty());
            w.type(QStringLiteral("How much memory does the engine use?"));
            WAIT_UNTIL_SAVED(w.chat->currentConversation());
            before = w.transcript().items();
            historyBefore = w.chat->currentConversation()->agent().history().messages().size();
            QVERIFY(before.size() >= 3);
            auto *status = w.window->findChild<ElidedLabel *>(QStringLiteral("storeStatus"));
            QVERIFY(status);
            QVERIFY2(status->text().contains(folder.filePath(QStringLiteral("store.db"))),
                     qPrintable(status->text()));
            // The pool's figures: rows went in, connections are open, nothing failed.
            QTRY_VERIFY_WITH_TIMEOUT(shownToolTip(status).contains(QStringLiteral("rows written")),
                                     30000);
            const QRegularExpression written(QStringLiteral("(\\d+) rows written, 0 failed"));
            QTRY_VERIFY_WITH_TIMEOUT(written.match(shownToolTip(status)).captured(1).toInt() >= 3,
                                     30000);
            QVERIFY(shownToolTip(status).contains(QStringLiteral("Connections: ")));
        }
        Window w(config);
        QVERIFY(waitForStoredList(w));
        QCOMPARE(w.chat->storedConversations().size(), 1);
        const ConversationSummary stored = w.chat->storedConversations().first();
        QCOMPARE(stored.title, QStringLiteral("How much memory does the engine use?"));
        auto *list = w.chat->findChild<QListWidget *>(QStringLiteral("conversationList"));
        QCOMPARE(list->count(), 2); // the new empty one, then the stored one
        QVERIFY(list->item(1)->text().startsWith(stored.title));

        QSignalSpy opened(w.chat, &ChatPane::conversationOpened);
        list->setCurrentRow(1);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 30000);
        ChatConversation *conversation = w.chat->currentConversation();
        QCOMPARE(conversation->storedId(), stored.id);
        const QList<ChatItem> after = conversation->transcript().items();
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].kind, before[i].kind);
            QCOMPARE(after[i].text, before[i].text);
            QCOMPARE(after[i].result, before[i].result);
            QCOMPARE(after[i].toolName, before[i].toolName);
        }
        QCOMPARE(conversation->agent().history().messages().size(), historyBefore);

        // The restored history is a valid context: the conversation goes on, and is saved.
        w.type(QStringLiteral("Thanks, and the CPU?"));
        WAIT_UNTIL_SAVED(conversation);
        QVERIFY(!conversation->statusIsError());
        const StoreResult<ConversationSummary> found =
            test::awaitFuture(w.engine.store()->conversations().find(stored.id));
        QVERIFY(found.value.messageCount > stored.messageCount);
    }

    // A turn that failed reads the same after a restart: the question, then its error.
    void aFailedTurnShowsAfterARestartAsItDidLive()
    {
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        demo.addFault(*DemoFault::parse(QStringLiteral("status=429,retry_after=0")));
        QTemporaryDir folder;
        ConfigLoadResult loaded = localProvider(demo.baseUrl(), 0);
        QVERIFY(loaded.isValid());
        // Both windows use this store (moc reads a raw string's "//" as a comment: not there).
        loaded.config.performance.database.url =
            storedAt(folder.filePath(QStringLiteral("store.db"))).performance.database.url;
        QList<ChatItem> live;
        QString liveStatus;
        {
            Window w(loaded.config);
            QVERIFY(waitForStoredList(w));
            w.type(QStringLiteral("hi"));
            WAIT_UNTIL_SAVED(w.chat->currentConversation());
            live = w.transcript().items();
            liveStatus = w.status->text();
            QVERIFY(w.chat->findChild<QPushButton *>(QStringLiteral("retryButton"))->isVisible());
        }
        QCOMPARE(live.size(), 2);
        QCOMPARE(live.last().kind, ChatItem::Kind::Error);
        QVERIFY2(live.last().text.startsWith(QStringLiteral("local: HTTP 429")),
                 qPrintable(live.last().text));

        Window w(loaded.config);
        QVERIFY(waitForStoredList(w));
        QSignalSpy opened(w.chat, &ChatPane::conversationOpened);
        w.chat->openStored(w.chat->storedConversations().first().id);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 30000);
        const QList<ChatItem> restored = w.transcript().items();
        QCOMPARE(kinds(w.transcript()), kinds(live));
        QCOMPARE(restored.last().text, live.last().text);
        // The status line and Retry too: Retry asks again, and the server now answers.
        QCOMPARE(w.status->text(), liveStatus);
        auto *retry = w.chat->findChild<QPushButton *>(QStringLiteral("retryButton"));
        QVERIFY(retry->isVisible());
        demo.clearFaults();
        retry->click();
        QTRY_COMPARE_WITH_TIMEOUT(w.transcript().items().last().kind, ChatItem::Kind::Assistant,
                                  30000);
    }

    void searchFindsAWordFromAnOldAnswerAndOpensIt()
    {
        QTemporaryDir folder;
        const Config config = storedAt(folder.filePath(QStringLiteral("store.db")));
        QString answer;
        {
            Window w(config);
            QVERIFY(waitForStoredList(w));
            w.type(QStringLiteral("Hello there"));
            WAIT_UNTIL_SAVED(w.chat->currentConversation());
            answer = w.transcript().items().last().text;
        }
        // A word of the answer, not of the question.
        QVERIFY(answer.contains(QStringLiteral("endpoint")));
        Window w(config);
        QVERIFY(waitForStoredList(w));
        ConversationSearch *search = w.chat->search();
        QVERIFY(search->box()->isEnabled());
        auto *list = w.chat->findChild<QListWidget *>(QStringLiteral("conversationList"));
        QTest::keyClicks(search->box(), QStringLiteral("endpo"));
        // Searches may have started during the typing; this one, for the whole text, is the
        // one whose hits are shown (older answers are dropped).
        QSignalSpy answered(search, &ConversationSearch::answered);
        search->searchNow();
        // A store that answers at once calls back before searchNow() returns.
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 30000);
        QVERIFY(search->hits()->isVisible());
        QVERIFY(!list->isVisible());
        QCOMPARE(search->hits()->count(), 1);
        QVERIFY(search->hits()->item(0)->text().startsWith(QStringLiteral("Hello there")));
        QTRY_VERIFY(!search->hits()->visualItemRect(search->hits()->item(0)).isEmpty());
        // The matched word is in the snippet, marked, and drawn inside its row.
        const QListWidgetItem *first = search->hits()->item(0);
        const QString snippet = first->data(SearchHitDelegate::SnippetRole).toString();
        const auto matches = first->data(SearchHitDelegate::MatchesRole).value<QList<TextSpan>>();
        QVERIFY(!matches.isEmpty());
        QVERIFY2(snippet.mid(matches.first().start, matches.first().length)
                     .startsWith(QStringLiteral("endpo"), Qt::CaseInsensitive),
                 qPrintable(snippet));
        auto *delegate = qobject_cast<SearchHitDelegate *>(search->hits()->itemDelegate());
        QVERIFY(delegate);
        QStyleOptionViewItem option;
        option.initFrom(search->hits()->viewport());
        option.rect = search->hits()->visualItemRect(first);
        option.font = search->hits()->font();
        const QList<QRectF> marks =
            delegate->matchRects(option, search->hits()->model()->index(0, 0));
        QVERIFY(!marks.isEmpty());
        for (const QRectF &mark : marks)
            QVERIFY(QRectF(option.rect).contains(mark));
        const int hitHeight = option.rect.height();

        QSignalSpy opened(w.chat, &ChatPane::conversationOpened);
        const QRect hit = search->hits()->visualItemRect(search->hits()->item(0));
        QTest::mouseClick(search->hits()->viewport(), Qt::LeftButton, {}, hit.center());
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 30000);
        QCOMPARE(w.chat->currentConversation()->title(), QStringLiteral("Hello there"));

        // No hit: one plain line says so, not a hit's title and snippet.
        search->box()->setText(QStringLiteral("zzqqxx"));
        QSignalSpy none(search, &ConversationSearch::answered);
        search->searchNow();
        QTRY_VERIFY_WITH_TIMEOUT(!none.isEmpty(), 30000);
        QCOMPARE(search->hits()->count(), 1);
        QTRY_VERIFY(!search->hits()->visualItemRect(search->hits()->item(0)).isEmpty());
        QVERIFY(search->hits()->visualItemRect(search->hits()->item(0)).height() < hitHeight);

        search->box()->clear();
        QVERIFY(!search->hits()->isVisible());
        QVERIFY(list->isVisible());
    }

    // A snippet fits the list's narrow lines: one space for any whitespace, and the first
    // match close to its start.
    void aSnippetShowsItsMatch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word");
        QTest::newRow("near the start")
            << QStringLiteral("a needle in a haystack") << QStringLiteral("needle");
        QTest::newRow("far in") << QStringLiteral("lorem ipsum ").repeated(10) +
                                       QStringLiteral("needle and more")
                                << QStringLiteral("needle");
        QTest::newRow("line breaks")
            << QStringLiteral("first line\n\n  second\tline, and then the needle")
            << QStringLiteral("needle");
        QTest::newRow("one long word")
            << QString(80, u'x') + QStringLiteral("needle") << QStringLiteral("needle");
    }
    void aSnippetShowsItsMatch()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        const qsizetype at = text.indexOf(word);
        const ConversationSearch::Snippet snippet =
            ConversationSearch::readableSnippet(text, {{at, word.size()}});
        QCOMPARE(snippet.matches.size(), 1);
        const TextSpan match = snippet.matches.first();
        QCOMPARE(snippet.text.mid(match.start, match.length), word);
        QVERIFY2(match.start <= ConversationSearch::kContextChars + 1, qPrintable(snippet.text));
        QVERIFY(!snippet.text.contains(u'\n') && !snippet.text.contains(u'\t'));
        QVERIFY(!snippet.text.contains(QStringLiteral("  ")));
    }

    // The conversation list is as wide as it was left, in the next window.
    void theListKeepsItsWidth()
    {
        int width = 0;
        {
            Window w(Config::defaults());
            QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
            QSplitter *split = w.chat->listSplitter();
            QWidget *list = split->widget(0);
            QTRY_VERIFY(list->width() > 0);
            const int wider = list->width() + 57;
            split->setSizes({wider, split->width() - wider});
            QTRY_COMPARE(list->width(), wider);
            width = list->width();
            w.window->close(); // saves
        }
        Window w(Config::defaults());
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        QTRY_COMPARE(w.chat->listSplitter()->widget(0)->width(), width);
        QFile::remove(app::uiStatePath()); // the next test starts as a first run
    }

    // Clicking a conversation opens it in its row: the list is ordered by each one's last
    // message, not by when it was opened. A new message makes it the first.
    void aClickedConversationStaysInItsRow()
    {
        QTemporaryDir folder;
        const Config config = storedAt(folder.filePath(QStringLiteral("store.db")));
        const QStringList titles{QStringLiteral("first"), QStringLiteral("second"),
                                 QStringLiteral("third")};
        {
            Window w(config);
            QVERIFY(waitForStoredList(w));
            ConversationStore &store = w.engine.store()->conversations();
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            for (qsizetype i = 0; i < titles.size(); ++i) {
                const qint64 at = now - (titles.size() - i) * 60'000;
                const qint64 id =
                    test::awaitFuture(store.create(titles[i], QStringLiteral("react"), at)).value;
                StoredMessage said;
                said.message = ChatMessage::user(titles[i]);
                said.createdMs = at;
                QVERIFY(test::awaitFuture(store.append(id, said)).ok());
            }
        }
        Window w(config);
        QVERIFY(waitForStoredList(w));
        auto *list = w.chat->findChild<QListWidget *>(QStringLiteral("conversationList"));
        QCOMPARE(list->count(), 4); // the new empty one, then the newest stored first
        QVERIFY(list->item(1)->text().startsWith(QStringLiteral("third")));
        for (const int row : {2, 3, 1}) {
            const QString title = list->item(row)->text().section(u'\n', 0, 0);
            QSignalSpy opened(w.chat, &ChatPane::conversationOpened);
            list->setCurrentRow(row);
            QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 30000);
            QCOMPARE(w.chat->currentConversation()->title(), title);
            QCOMPARE(list->currentRow(), row);
            QVERIFY(list->item(row)->text().startsWith(title));
        }
        // Said something: now it is the newest.
        list->setCurrentRow(3);
        QCOMPARE(w.chat->currentConversation()->title(), QStringLiteral("first"));
        w.type(QStringLiteral("Hello again"));
        WAIT_UNTIL_SAVED(w.chat->currentConversation());
        QVERIFY2(list->item(0)->text().startsWith(QStringLiteral("first")),
                 qPrintable(list->item(0)->text()));
        QCOMPARE(list->currentRow(), 0);
    }

    void renameAndDeleteReachTheStore()
    {
        QTemporaryDir folder;
        const Config config = storedAt(folder.filePath(QStringLiteral("store.db")));
        {
            Window w(config);
            QVERIFY(waitForStoredList(w));
            w.type(QStringLiteral("first"));
            WAIT_UNTIL_SAVED(w.chat->currentConversation());
            w.chat->newConversation();
            w.type(QStringLiteral("second"));
            WAIT_UNTIL_SAVED(w.chat->currentConversation());
        }
        Window w(config);
        QVERIFY(waitForStoredList(w));
        QCOMPARE(w.chat->storedConversations().size(), 2);
        const qint64 second = w.chat->storedConversations().at(0).id; // newest first
        const qint64 first = w.chat->storedConversations().at(1).id;
        ConversationStore &store = w.engine.store()->conversations();

        w.chat->renameConversation(first, nullptr, QStringLiteral("  Renamed\n first "));
        QTRY_COMPARE_WITH_TIMEOUT(test::awaitFuture(store.find(first)).value.title,
                                  QStringLiteral("Renamed first"), 30000);
        QCOMPARE(w.chat->storedConversations().at(1).title, QStringLiteral("Renamed first"));

        // An open one is deleted too, with its messages, once Undo is no longer offered.
        w.chat->openStored(second);
        QTRY_VERIFY_WITH_TIMEOUT(w.chat->currentConversation()->storedId() == second, 30000);
        w.chat->deleteConversation(-1, w.chat->currentConversation());
        QVERIFY(w.chat->hasPendingDelete());
        QCOMPARE(test::awaitFuture(store.find(second)).value.id, second); // Undo still can
        w.chat->finishPendingDelete();
        QTRY_COMPARE_WITH_TIMEOUT(test::awaitFuture(store.find(second)).value.id, qint64(-1),
                                  30000);
        QVERIFY(test::awaitFuture(store.messages(second)).value.isEmpty());
        // A second delete makes the first final: one Undo at a time.
        w.chat->deleteConversation(first, nullptr);
        w.chat->finishPendingDelete();
        QTRY_VERIFY_WITH_TIMEOUT(test::awaitFuture(store.list()).value.isEmpty(), 30000);
        QVERIFY(w.chat->storedConversations().isEmpty());
        QVERIFY(w.chat->currentConversation()); // always one to type into
    }

    // Undo brings a deleted conversation back, open with its messages or listed, and the
    // store never lost it; closing the window makes a pending delete final.
    void undoBringsADeletedConversationBack()
    {
        QTemporaryDir folder;
        const Config config = storedAt(folder.filePath(QStringLiteral("store.db")));
        qint64 id = -1;
        {
            Window w(config);
            QVERIFY(waitForStoredList(w));
            w.type(QStringLiteral("keep me"));
            ChatConversation *open = w.chat->currentConversation();
            WAIT_UNTIL_SAVED(open);
            id = open->storedId();
            const qsizetype rows = open->transcript().rowCount();
            auto *bar = w.chat->findChild<QWidget *>(QStringLiteral("undoBar"));
            auto *undo = w.chat->findChild<QPushButton *>(QStringLiteral("undoDeleteButton"));
            QVERIFY(bar && undo);
            QVERIFY(bar->isHidden());

            w.chat->deleteConversation(-1, open);
            QVERIFY(bar->isVisible());
            QVERIFY(w.chat->currentConversation() != open);
            QTest::mouseClick(undo, Qt::LeftButton);
            QVERIFY(bar->isHidden());
            QCOMPARE(w.chat->currentConversation(), open);
            QCOMPARE(open->transcript().rowCount(), rows);
            QVERIFY(!w.chat->hasPendingDelete());
            ConversationStore &store = w.engine.store()->conversations();
            QCOMPARE(test::awaitFuture(store.find(id)).value.id, id);

            // Deleted again, and the window closes before Undo ran out.
            w.chat->deleteConversation(-1, open);
            w.window->close();
            QTRY_COMPARE_WITH_TIMEOUT(test::awaitFuture(store.find(id)).value.id, qint64(-1),
                                      30000);
        }
        // A stored conversation not opened here comes back into the list.
        Window w(config);
        QVERIFY(waitForStoredList(w));
        QVERIFY(w.chat->storedConversations().isEmpty());
        w.type(QStringLiteral("listed"));
        WAIT_UNTIL_SAVED(w.chat->currentConversation());
        const qint64 listed = w.chat->currentConversation()->storedId();
        w.chat->deleteConversation(-1, w.chat->currentConversation());
        w.chat->undoDelete();
        QCOMPARE(w.chat->currentConversation()->storedId(), listed);
        // Ctrl+Z right after a delete undoes it.
        w.chat->deleteConversation(-1, w.chat->currentConversation());
        auto *list = w.chat->findChild<QListWidget *>(QStringLiteral("conversationList"));
        QVERIFY(list);
        QTest::keyClick(list, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!w.chat->hasPendingDelete());
        QCOMPARE(w.chat->currentConversation()->storedId(), listed);
        // Opening one being deleted (a search hit) brings it back rather than a second copy.
        w.chat->deleteConversation(-1, w.chat->currentConversation());
        QCOMPARE(w.chat->pendingDeleteId(), listed);
        w.chat->openStored(listed);
        QVERIFY(!w.chat->hasPendingDelete());
        QCOMPARE(w.chat->currentConversation()->storedId(), listed);
        int copies = 0;
        for (int i = 0; i < w.chat->conversationCount(); ++i)
            copies += w.chat->conversation(i)->storedId() == listed;
        QCOMPARE(copies, 1);
    }

    // A damaged file: the console starts, names the file, saves nothing, overwrites nothing,
    // and chats all the same.
    void aDamagedStoreIsNamedAndTheConsoleRuns()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("store.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray garbage(8192, 'g');
        file.write(garbage);
        file.close();
        Window w(storedAt(path));
        auto *status = w.window->findChild<ElidedLabel *>(QStringLiteral("storeStatus"));
        QVERIFY(status);
        QTRY_VERIFY_WITH_TIMEOUT(status->property("error").toBool(), 30000);
        QVERIFY2(status->text().contains(path), qPrintable(status->text()));
        QVERIFY(status->text().contains(QStringLiteral("Not saving")));
        QVERIFY(!w.chat->search()->box()->isEnabled());
        w.type(QStringLiteral("Hello"));
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 30000);
        QCOMPARE(w.transcript().items().last().kind, ChatItem::Kind::Assistant);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }

    // Each code block of an answer has a Copy button; a click copies that block only.
    void aCodeBlocksCopyButtonCopiesIt()
    {
        Window w(Config::defaults());
        w.transcript().finishAnswer(QStringLiteral(
            "Two ways:\n\n```python\nprint(1)\n```\n\nor\n\n```sh\necho 1\necho 2\n```\n"));
        const QModelIndex answer = w.view->model()->index(w.view->model()->rowCount() - 1, 0);
        w.view->doItemsLayout();
        w.view->scrollTo(answer);
        auto *delegate = qobject_cast<ChatMessageDelegate *>(w.view->itemDelegate());
        QVERIFY(delegate);
        const auto blocks = delegate->codeBlocks(answer, w.view->visualRect(answer));
        QCOMPARE(blocks.size(), 2);
        QCOMPARE(blocks[0].code, QStringLiteral("print(1)\n"));
        QCOMPARE(blocks[1].code, QStringLiteral("echo 1\necho 2\n"));
        QVERIFY(blocks[0].copyButton.bottom() < blocks[1].copyButton.top());
        QVERIFY(w.view->visualRect(answer).contains(blocks[1].copyButton));
        QApplication::clipboard()->clear();
        QTest::mouseClick(w.view->viewport(), Qt::LeftButton, {}, blocks[1].copyButton.center());
        QCOMPARE(QApplication::clipboard()->text(), blocks[1].code);
        // A click beside the button copies nothing.
        QApplication::clipboard()->clear();
        QTest::mouseClick(w.view->viewport(), Qt::LeftButton, {},
                          blocks[1].copyButton.topLeft() - QPoint(4, 0));
        QVERIFY(QApplication::clipboard()->text().isEmpty());
    }

    // A long answer's box is drawn only where it shows, and looks there as the whole box
    // drawn at once would: the same pixels, corners included.
    void aLongBubbleLooksWholeWhereItShows_data()
    {
        QTest::addColumn<QRect>("box");
        QTest::addColumn<QRect>("shown");
        const QRect tall(10, 10, 100, 980);
        QTest::newRow("all of it") << tall << QRect(0, 0, 120, 1000);
        QTest::newRow("the top corners") << tall << QRect(0, 0, 120, 30);
        QTest::newRow("the middle only") << tall << QRect(0, 400, 120, 200);
        QTest::newRow("the bottom corners") << tall << QRect(0, 950, 120, 50);
        QTest::newRow("a short box") << QRect(10, 10, 100, 40) << QRect(0, 0, 120, 1000);
    }
    void aLongBubbleLooksWholeWhereItShows()
    {
        QFETCH(QRect, box);
        QFETCH(QRect, shown);
        const auto draw = [&](bool whole) {
            QImage image(120, 1000, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QColor(0xe5, 0xe7, 0xeb));
            painter.setBrush(Qt::white);
            const int r = ChatMessageDelegate::kBubbleRadius;
            if (whole)
                painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), r, r);
            else
                ChatMessageDelegate::paintBubble(painter, box, shown);
            return image;
        };
        const QImage whole = draw(true);
        const QImage parts = draw(false);
        int drawnOutside = 0;
        for (int y = 0; y < whole.height(); ++y) {
            for (int x = 0; x < whole.width(); ++x) {
                const QRgb got = parts.pixel(x, y);
                if (shown.contains(x, y))
                    QVERIFY2(got == whole.pixel(x, y),
                             qPrintable(QStringLiteral("at %1,%2: %3, whole %4")
                                            .arg(x)
                                            .arg(y)
                                            .arg(got, 0, 16)
                                            .arg(whole.pixel(x, y), 0, 16)));
                else
                    drawnOutside += qAlpha(got) != 0;
            }
        }
        // Beyond what shows, at most the margin that hides a cut-off corner is drawn.
        QVERIFY(drawnOutside <= 2 * 2 * ChatMessageDelegate::kBubbleRadius * box.width());
    }

    // The copy buttons drawn with a long answer are found from the first block shown: the same
    // buttons as a walk from the start finds, for the code blocks on screen.
    void copyButtonsAreFoundFromTheFirstBlockShown()
    {
        QString markdown;
        for (int i = 0; i < 30; ++i)
            markdown += QStringLiteral("Step %1.\n\n```sh\necho %1\necho again\n```\n\n").arg(i);
        const auto doc = renderAnswer(markdown, QFont());
        doc->setTextWidth(400);
        const QPoint origin(20, 30);
        const auto all = ChatMessageDelegate::codeBlocksIn(doc.get(), origin, 0, 1e9);
        QCOMPARE(all.size(), 30);
        const qreal height = doc->size().height();
        const qreal top = height / 2;
        const qreal bottom = top + height / 6;
        const auto shown = ChatMessageDelegate::codeBlocksIn(doc.get(), origin, top, bottom);
        QVERIFY(shown.size() >= 3);
        QVERIFY(shown.size() < all.size() / 2);
        qsizetype first = -1;
        for (qsizetype i = 0; i < all.size(); ++i)
            if (all[i].copyButton == shown.first().copyButton)
                first = i;
        QVERIFY(first > 0);
        for (qsizetype i = 0; i < shown.size(); ++i) {
            QCOMPARE(shown[i].copyButton, all[first + i].copyButton);
            QCOMPARE(shown[i].code, all[first + i].code);
        }
        // Nothing on screen is left out: the block before the first lies above, the one after
        // the last below.
        QVERIFY(all[first - 1].copyButton.bottom() - origin.y() < top);
        QVERIFY(all[first + shown.size()].copyButton.top() - origin.y() > bottom);
    }

    // Regenerate and edit take the last turn back everywhere it lives: the transcript, the
    // agent's history and the store; the answer that replaces it is saved in its place.
    void regenerateAndEditReplaceTheLastTurn()
    {
        QTemporaryDir folder;
        Window w(storedAt(folder.filePath(QStringLiteral("store.db"))));
        QVERIFY(waitForStoredList(w));
        QAction *regenerate = w.chat->findChild<QAction *>(QStringLiteral("regenerateAction"));
        QAction *edit = w.chat->findChild<QAction *>(QStringLiteral("editLastAction"));
        QVERIFY(regenerate && edit);
        QVERIFY(!regenerate->isEnabled()); // nothing said yet
        w.type(QStringLiteral("Hello"));
        ChatConversation *conversation = w.chat->currentConversation();
        WAIT_UNTIL_SAVED(conversation);
        w.type(QStringLiteral("Tell me a story"));
        WAIT_UNTIL_SAVED(conversation);
        const qsizetype rows = w.transcript().rowCount();
        const qsizetype history = conversation->agent().history().messages().size();
        QVERIFY(regenerate->isEnabled());

        regenerate->trigger();
        QVERIFY(conversation->isBusy());
        WAIT_UNTIL_SAVED(conversation);
        QCOMPARE(w.transcript().rowCount(), rows);
        QCOMPARE(w.transcript().items().last().kind, ChatItem::Kind::Assistant);
        QCOMPARE(conversation->agent().history().messages().size(), history);

        // Edit: the last message comes back into the box; what is sent replaces it.
        QTest::keyClick(w.input, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(w.chat->isEditing());
        QCOMPARE(w.input->toPlainText(), QStringLiteral("Tell me a story"));
        QTest::keyClick(w.input, Qt::Key_Escape); // cancel: nothing changes
        QVERIFY(!w.chat->isEditing());
        QVERIFY(w.input->toPlainText().isEmpty());
        edit->trigger();
        w.input->clear();
        w.type(QStringLiteral("Tell me a joke"));
        WAIT_UNTIL_SAVED(conversation);
        QVERIFY(!w.chat->isEditing());
        QStringList userRows;
        for (const ChatItem &item : w.transcript().items()) {
            if (item.kind == ChatItem::Kind::User)
                userRows.append(item.text);
        }
        QCOMPARE(userRows,
                 (QStringList{QStringLiteral("Hello"), QStringLiteral("Tell me a joke")}));

        const QList<StoredMessage> stored =
            test::awaitFuture(w.engine.store()->conversations().messages(conversation->storedId()))
                .value;
        QStringList storedUsers;
        for (const StoredMessage &m : stored) {
            if (m.message.role == ChatMessage::Role::User)
                storedUsers.append(m.message.content);
        }
        QCOMPARE(storedUsers, userRows);
        QCOMPARE(stored.last().message.role, ChatMessage::Role::Assistant);
        QCOMPARE(stored.last().message.content, w.transcript().items().last().text);

        // An edit belongs to its conversation: showing another one ends it.
        edit->trigger();
        QVERIFY(w.chat->isEditing());
        w.chat->newConversation();
        QVERIFY(w.chat->currentConversation() != conversation);
        QVERIFY(!w.chat->isEditing());
    }

    // A conversation's own instructions: given before its first message, they lead its
    // requests, are saved with it (it is still named by that message) and come back when it
    // is opened again; export shows them first.
    void aConversationsInstructionsAreKeptWithIt()
    {
        QTemporaryDir folder;
        const Config config = storedAt(folder.filePath(QStringLiteral("store.db")));
        const QString instructions = QStringLiteral("Answer like a ship's captain.");
        {
            Window w(config);
            QVERIFY(waitForStoredList(w));
            ChatConversation *conversation = w.chat->currentConversation();
            conversation->agent().setConversationPrompt(instructions);
            QVERIFY(conversation->agent().systemPrompt().startsWith(instructions));
            QCOMPARE(w.transcript().items().last().kind, ChatItem::Kind::Notice);
            w.type(QStringLiteral("Ahoy"));
            WAIT_UNTIL_SAVED(conversation);
            const QList<StoredMessage> exported = conversation->exportMessages();
            QCOMPARE(exported.first().message.role, ChatMessage::Role::System);
            QCOMPARE(exported.first().message.content, instructions);
        }
        Window w(config);
        QVERIFY(waitForStoredList(w));
        QCOMPARE(w.chat->storedConversations().size(), 1);
        QCOMPARE(w.chat->storedConversations().first().title, QStringLiteral("Ahoy"));
        QSignalSpy opened(w.chat, &ChatPane::conversationOpened);
        w.chat->openStored(w.chat->storedConversations().first().id);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 30000);
        ChatConversation *conversation = w.chat->currentConversation();
        QCOMPARE(conversation->agent().conversationPrompt(), instructions);
        QVERIFY(conversation->agent().systemPrompt().startsWith(instructions));
        QCOMPARE(conversation->agent().history().messages().first().role, ChatMessage::Role::User);

        // Its last turn, taken back after a restart: the store holds one turn, not two, and
        // the instructions stay.
        auto *regenerate = w.chat->findChild<QAction *>(QStringLiteral("regenerateAction"));
        QVERIFY(regenerate);
        QVERIFY(regenerate->isEnabled()); // enabled once the messages arrived
        regenerate->trigger();
        WAIT_UNTIL_SAVED(conversation);
        const QList<StoredMessage> stored =
            test::awaitFuture(w.engine.store()->conversations().messages(conversation->storedId()))
                .value;
        int users = 0;
        int systems = 0;
        for (const StoredMessage &m : stored) {
            users += m.message.role == ChatMessage::Role::User;
            systems += m.message.role == ChatMessage::Role::System;
        }
        QCOMPARE(users, 1);
        QCOMPARE(systems, 1);
        QCOMPARE(stored.last().message.role, ChatMessage::Role::Assistant);
    }

    // Export writes the file `history export` writes: the same function of the same stored
    // conversation, with who answered, the model and how long it took.
    void exportWritesMarkdownAndJson()
    {
        Window w(Config::defaults());
        QVERIFY(waitForStoredList(w));
        w.type(QStringLiteral("How much memory does the engine use?"));
        // Not waiting for the store: the export itself waits for the last write.
        QTRY_COMPARE_WITH_TIMEOUT(w.send->text(), QStringLiteral("Send"), 60000);
        QTemporaryDir folder;
        const QString md = folder.filePath(QStringLiteral("chat.md"));
        QString error = test::awaitFuture(w.chat->exportConversation(md));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile mdFile(md);
        QVERIFY(mdFile.open(QIODevice::ReadOnly));
        const QByteArray mdBytes = mdFile.readAll();
        const QString text = QString::fromUtf8(mdBytes);
        QVERIFY(text.startsWith(QStringLiteral("# How much memory does the engine use?")));
        QVERIFY(text.contains(QStringLiteral("## Tool system_info")));
        QVERIFY(text.contains(w.transcript().items().last().text));
        QVERIFY2(text.contains(QStringLiteral("## Assistant (demo \u00b7 spoon-demo, ")),
                 qPrintable(text));

        const QString json = folder.filePath(QStringLiteral("chat.JSON"));
        error = test::awaitFuture(w.chat->exportConversation(json));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QByteArray jsonBytes = jsonFile.readAll();

        ConversationStore &store = w.engine.store()->conversations();
        const qint64 id = w.chat->currentConversation()->storedId();
        const ConversationSummary summary = test::awaitFuture(store.find(id)).value;
        const QList<StoredMessage> stored = test::awaitFuture(store.messages(id)).value;
        QCOMPARE(mdBytes, conversationexport::document(summary, stored,
                                                       conversationexport::Format::Markdown));
        QCOMPARE(jsonBytes,
                 conversationexport::document(summary, stored, conversationexport::Format::Json));

        const QJsonObject object = QJsonDocument::fromJson(jsonBytes).object();
        QCOMPARE(object[u"agent"].toString(), QStringLiteral("react"));
        const QJsonArray messages = object[u"messages"].toArray();
        QCOMPARE(object[u"messages"].toArray().size(), messages.size());
        QCOMPARE(messages.first()[u"role"].toString(), QStringLiteral("user"));
        QCOMPARE(messages.last()[u"role"].toString(), QStringLiteral("assistant"));
        bool toolResult = false;
        for (const QJsonValue &m : messages)
            toolResult |= m[u"role"].toString() == QStringLiteral("tool") &&
                          m[u"tool_name"].toString() == QStringLiteral("system_info");
        QVERIFY(toolResult);
        const QJsonObject answer = messages.last().toObject();
        QCOMPARE(answer[u"provider"].toString(), QStringLiteral("demo"));
        QCOMPARE(answer[u"model"].toString(), QStringLiteral("spoon-demo"));
        QVERIFY(answer.contains(u"duration_ms"));

        // A folder that does not exist: a clear error, nothing written.
        const QString nowhere = folder.filePath(QStringLiteral("missing/chat.md"));
        error = test::awaitFuture(w.chat->exportConversation(nowhere));
        QVERIFY2(error.contains(nowhere), qPrintable(error));
        QVERIFY(!QFile::exists(nowhere));
    }

    void codeBlocksCanBeCopied_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QStringList>("blocks");
        QTest::newRow("none") << QStringLiteral("plain *text*") << QStringList{};
        QTest::newRow("one") << QStringLiteral("Run:\n```sh\nls -l\necho hi\n```\nDone.")
                             << QStringList{QStringLiteral("ls -l\necho hi\n")};
        QTest::newRow("two, tilde fence")
            << QStringLiteral("```\na\n```\ntext\n~~~python\nb = 1\n~~~\n")
            << QStringList{QStringLiteral("a\n"), QStringLiteral("b = 1\n")};
        QTest::newRow("unclosed") << QStringLiteral("```\nnever closed") << QStringList{};
        // CommonMark: a fence may be indented up to three spaces (its code loses as many),
        // and a longer fence holds a shorter one.
        QTest::newRow("indented fence")
            << QStringLiteral("1. Install:\n\n   ```sh\n   make\n     install\n   ```\n")
            << QStringList{QStringLiteral("make\n  install\n")};
        QTest::newRow("four backticks around three")
            << QStringLiteral("````md\n```\ninner\n```\n````\n")
            << QStringList{QStringLiteral("```\ninner\n```\n")};
        QTest::newRow("closed by a longer fence, not by a shorter or another marker")
            << QStringLiteral("~~~~\na\n~~~\n```\n~~~~~  \n")
            << QStringList{QStringLiteral("a\n~~~\n```\n")};
        QTest::newRow("four spaces: indented code, not a fence")
            << QStringLiteral("    ```\n    x\n    ```\n") << QStringList{};
    }
    void codeBlocksCanBeCopied()
    {
        QFETCH(QString, markdown);
        QTEST(ChatPane::codeBlocks(markdown), "blocks");
    }
};

SPOON_TEST_MAIN(TestChatPane)
#include "tst_chatpane.moc"
