// The chat pane as a person uses it, offscreen: type, send, watch the answer stream in beside
// a tool step; stop; switch agents; read errors in the status line.
#include "chat/chatconversation.h"
#include "chat/chatmessagedelegate.h"
#include "chat/chatpane.h"
#include "chat/chattranscriptmodel.h"
#include "engine.h"
#include "mainwindow.h"

#include "config/configloader.h"
#include "llm/demoserver.h"
#include "monitor/processmonitor.h"

#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

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

struct Window
{
    // The demo endpoint streams as fast as it can unless a test wants it slow: the pane sees
    // the same token-by-token stream either way.
    explicit Window(const Config &config, double demoTokensPerSecond = 0)
        : engine(config)
    {
        engine.setDemoTokensPerSecond(demoTokensPerSecond);
        engine.start();
        window = std::make_unique<MainWindow>(engine);
        window->show();
        chat = window->chat();
        input = chat->findChild<QPlainTextEdit *>(QStringLiteral("messageInput"));
        send = chat->findChild<QPushButton *>(QStringLiteral("sendButton"));
        status = chat->findChild<QLabel *>(QStringLiteral("chatStatus"));
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

    Engine engine;
    std::unique_ptr<MainWindow> window;
    ChatPane *chat = nullptr;
    QPlainTextEdit *input = nullptr;
    QPushButton *send = nullptr;
    QLabel *status = nullptr;
    QListView *view = nullptr;
};

QList<ChatItem::Kind> kinds(const ChatTranscriptModel &model)
{
    QList<ChatItem::Kind> list;
    for (const ChatItem &item : model.items())
        list.append(item.kind);
    return list;
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
        QVERIFY2(textOnly > 10, qPrintable(QString::number(textOnly)));
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

    void aFailingProviderShowsItsReasonInTheStatusLine()
    {
        DemoServer demo;
        demo.setTokensPerSecond(0);
        QVERIFY(demo.listen());
        demo.addFault(*DemoFault::parse(QStringLiteral("status=500")));
        const ConfigLoadResult loaded = configWith(
            QStringLiteral(R"({"providers": {"local": {"base_url": "%1/v1", "model": "spoon-demo",
                              "retry_attempts": 0}},
                              "llm_settings": {"default_provider": "local"}})")
                .arg(demo.baseUrl()),
            QStringLiteral("sk-local-0123456789abcdef"));
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
    }
    void codeBlocksCanBeCopied()
    {
        QFETCH(QString, markdown);
        QTEST(ChatPane::codeBlocks(markdown), "blocks");
    }
};

SPOON_TEST_MAIN(TestChatPane)
#include "tst_chatpane.moc"
