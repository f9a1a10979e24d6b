// Quitting while the store is slow: the window leaves the screen at once, the wait for the
// last turn's save is bounded and what it cut short is named in the log. The store is a real
// SQLite file that another connection holds locked, so the save waits on SQLite's busy
// timeout (command_timeout, 60 s), far past the quit's bound.
#include "chat/chatpane.h"
#include "engine.h"
#include "mainwindow.h"
#include "session/chatconversation.h"

#include "config/configloader.h"
#include "storage/store.h"

#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

class TestQuit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theWindowLeavesBeforeASlowSaveEnds()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("store.db"));
        const ConfigLoadResult loaded = ConfigLoader::parse(
            QStringLiteral("{\"performance\": {\"database\": {\"url\": \"sqlite://%1\"}}}")
                .arg(path)
                .toUtf8(),
            QStringLiteral("test.json"), QProcessEnvironment());
        QVERIFY(loaded.isValid());
        Engine engine(loaded.config);
        QVERIFY(engine.start());
        auto window = std::make_unique<MainWindow>(engine);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(engine.store()->isReady(), 30000);

        // Another connection takes the write lock: every write of the store now waits.
        const QString name = QStringLiteral("tst_quit_lock");
        {
            QSqlDatabase lock = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            lock.setDatabaseName(path);
            QVERIFY(lock.open());
            QSqlQuery begin(lock);
            QVERIFY2(begin.exec(QStringLiteral("BEGIN EXCLUSIVE")),
                     qPrintable(begin.lastError().text()));

            ChatPane *chat = window->chat();
            auto *input = chat->findChild<QPlainTextEdit *>(QStringLiteral("messageInput"));
            QVERIFY(input);
            input->setFocus();
            QTest::keyClicks(input, QStringLiteral("How much memory does the engine use?"));
            QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
            ChatConversation *conversation = chat->currentConversation();
            QVERIFY(conversation);
            // The answer is in; its save waits for the lock.
            QTRY_VERIFY_WITH_TIMEOUT(!conversation->isBusy(), 30000);
            QVERIFY(conversation->isSaving());

            // Looked at while the quit waits for the save (the wait runs the event loop).
            bool looked = false;
            bool shownDuringTheWait = true;
            bool savingDuringTheWait = false;
            QTimer::singleShot(200, this, [&] {
                looked = true;
                shownDuringTheWait = window->isVisible();
                savingDuringTheWait = conversation->isSaving();
            });
            QTest::ignoreMessage(
                QtWarningMsg,
                QRegularExpression(QStringLiteral("^quit: 1 conversation\\(s\\) still saving after "
                                                  "\\d+ ms were cut short")));
            window->close();
            QVERIFY(looked);
            QVERIFY(savingDuringTheWait); // the job was still running...
            QVERIFY(!shownDuringTheWait); // ...and the window was already gone
            QVERIFY(!window->isVisible());

            QVERIFY(QSqlQuery(lock).exec(QStringLiteral("ROLLBACK")));
            lock.close();
        }
        QSqlDatabase::removeDatabase(name);
        window.reset();
    }
};

SPOON_TEST_MAIN(TestQuit)
#include "tst_quit.moc"
