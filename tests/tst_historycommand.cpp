// `spoon-console history`: its actions, formats and exit codes are a contract with scripts.
// The store is filled here, then read by the real binary.
#include "storage/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "support/consolerun.h"
#include "support/testdatabase.h"

using namespace spoon;
using namespace spoon::test;
using namespace Qt::StringLiterals;

class TestHistoryCommand : public QObject
{
    Q_OBJECT
    QTemporaryDir m_folder;
    QString m_config;
    qint64 m_weather = -1;
    qint64 m_code = -1;

    ConsoleRun history(const QStringList &args)
    {
        return runConsole(QStringList{u"--config"_s, m_config, u"history"_s} + args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString path = m_folder.filePath(u"store.db"_s);
        m_config = writeFile(
            m_folder, u"config.json"_s,
            u"{\"performance\": {\"database\": {\"url\": \"sqlite://%1\"}}}"_s.arg(path).toUtf8());
        DatabaseTarget target;
        target.sqlitePath = path;
        Store store(target, {1, 2, 60000, 10000});
        QVERIFY(awaitFuture(store.open()).ok());
        ConversationStore &c = store.conversations();
        m_weather = awaitFuture(c.create(u"Weather in Oslo"_s, u"react"_s, 1000)).value;
        m_code = awaitFuture(c.create(u"Code \x1b]0;evil\x07 review"_s, u"coder"_s, 2000)).value;
        auto add = [&c](qint64 id, ChatMessage message, qint64 at) {
            StoredMessage stored;
            stored.message = std::move(message);
            stored.createdMs = at;
            stored.model =
                stored.message.role == ChatMessage::Role::Assistant ? u"gpt-4o"_s : QString();
            return awaitFuture(c.append(id, stored)).ok();
        };
        QVERIFY(add(m_weather, ChatMessage::user(u"Is it warm in Oslo?"_s), 1001));
        QVERIFY(add(m_weather,
                    ChatMessage::assistant({}, {{u"c1"_s, u"http_request"_s, u"{\"u\":1}"_s}}),
                    1002));
        QVERIFY(
            add(m_weather, ChatMessage::toolResult(u"c1"_s, u"http_request"_s, u"14 C"_s), 1003));
        QVERIFY(add(m_weather, ChatMessage::assistant(u"Mild: fourteen degrees."_s), 1004));
        QVERIFY(add(m_code, ChatMessage::user(u"Review this diff"_s), 2001));
    }

    void listIsNewestFirstAsTabSeparatedLines()
    {
        const ConsoleRun r = history({u"list"_s});
        SPOON_COMPARE_EXIT(r, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const QStringList first = lines[0].split(u'\t');
        QCOMPARE(first.size(), 5);
        QCOMPARE(first[0].toLongLong(), m_code);
        QCOMPARE(first[2], u"1"_s);
        QCOMPARE(first[3], u"coder"_s);
        // A title's control characters are shown, never sent to the terminal.
        QVERIFY(!first[4].contains(QChar(0x1b)));
        QVERIFY(first[4].contains(u"\\x1b"_s));
        QCOMPARE(lines[1].split(u'\t').value(4), u"Weather in Oslo"_s);
        QVERIFY(lines[1].split(u'\t').value(1).startsWith(u"1970-01-01T00:00:01"_s));
    }

    void listAsJson()
    {
        const ConsoleRun r = history({u"list"_s, u"--json"_s, u"--limit"_s, u"1"_s});
        SPOON_COMPARE_EXIT(r, 0);
        const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        QCOMPARE(array[0][u"id"_s].toInteger(), m_code);
        QCOMPARE(array[0][u"messages"_s].toInt(), 1);
    }

    void searchFindsWordsOfAnAnswer()
    {
        const ConsoleRun r = history({u"search"_s, u"fourteen degrees"_s});
        SPOON_COMPARE_EXIT(r, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const QStringList fields = lines[0].split(u'\t');
        QCOMPARE(fields[0].toLongLong(), m_weather);
        QCOMPARE(fields[2], u"assistant"_s);
        QCOMPARE(fields[3], u"Weather in Oslo"_s);
        QVERIFY(fields[4].contains(u"fourteen"_s));
        const ConsoleRun none = history({u"search"_s, u"nothing-like-this"_s});
        SPOON_COMPARE_EXIT(none, 0);
        QVERIFY(none.out.isEmpty());
    }

    void exportAsJsonKeepsEveryPart()
    {
        const ConsoleRun r =
            history({u"export"_s, QString::number(m_weather), u"--format"_s, u"json"_s});
        SPOON_COMPARE_EXIT(r, 0);
        const QJsonObject object = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(object[u"title"_s].toString(), u"Weather in Oslo"_s);
        const QJsonArray messages = object[u"messages"_s].toArray();
        QCOMPARE(messages.size(), 4);
        QCOMPARE(messages[1][u"tool_calls"_s][0][u"name"_s].toString(), u"http_request"_s);
        QCOMPARE(messages[2][u"tool_call_id"_s].toString(), u"c1"_s);
        QCOMPARE(messages[3][u"model"_s].toString(), u"gpt-4o"_s);
    }

    void exportAsMarkdownAndShow()
    {
        const ConsoleRun md = history({u"export"_s, QString::number(m_weather)});
        SPOON_COMPARE_EXIT(md, 0);
        QVERIFY(md.out.startsWith(u"# Weather in Oslo\n"_s));
        QVERIFY(md.out.contains(u"## Tool http_request\n\n```\n14 C\n```"_s));
        QVERIFY(md.out.contains(u"Mild: fourteen degrees."_s));
        const ConsoleRun show = history({u"show"_s, QString::number(m_weather)});
        SPOON_COMPARE_EXIT(show, 0);
        QCOMPARE(show.out, md.out);
    }

    void mistakesHaveTheirExitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exit");
        QTest::addColumn<QString>("says");
        QTest::newRow("no action") << QStringList{} << 2 << u"usage"_s;
        QTest::newRow("unknown action") << QStringList{u"drop"_s} << 2 << u"usage"_s;
        QTest::newRow("show without id") << QStringList{u"show"_s} << 2 << u"usage"_s;
        QTest::newRow("bad id") << QStringList{u"show"_s, u"abc"_s} << 2 << u"not a conversation"_s;
        QTest::newRow("no such conversation")
            << QStringList{u"show"_s, u"999"_s} << 1 << u"no conversation 999"_s;
        QTest::newRow("bad format")
            << QStringList{u"export"_s, u"1"_s, u"--format"_s, u"pdf"_s} << 2 << u"md or json"_s;
        QTest::newRow("bad limit")
            << QStringList{u"list"_s, u"--limit"_s, u"0"_s} << 2 << u"positive"_s;
    }
    void mistakesHaveTheirExitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exit);
        QFETCH(QString, says);
        const ConsoleRun r = history(args);
        SPOON_COMPARE_EXIT(r, exit);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
    }

    // A failed turn, then the same question answered: show and both exports say how the
    // first one failed, between the two questions.
    void aFailedTurnShowsWhereItFailed()
    {
        QTemporaryDir folder;
        const QString path = folder.filePath(u"store.db"_s);
        const QString config = writeFile(
            folder, u"config.json"_s,
            u"{\"performance\": {\"database\": {\"url\": \"sqlite://%1\"}}}"_s.arg(path).toUtf8());
        qint64 id = -1;
        {
            DatabaseTarget target;
            target.sqlitePath = path;
            Store store(target, {1, 2, 60000, 10000});
            QVERIFY(awaitFuture(store.open()).ok());
            ConversationStore &c = store.conversations();
            id = awaitFuture(c.create(u"Limited"_s, u"react"_s, 1000)).value;
            StoredMessage asked;
            asked.message = ChatMessage::user(u"Is it warm?"_s);
            asked.createdMs = 1001;
            const qint64 first = awaitFuture(c.append(id, asked)).value;
            QVERIFY(awaitFuture(c.setTurnFailure(first, {u"rate_limited"_s, 429, u"slow down"_s, 3,
                                                         u"local"_s, false}))
                        .value);
            asked.createdMs = 1002;
            QVERIFY(awaitFuture(c.append(id, asked)).ok());
            StoredMessage answer;
            answer.message = ChatMessage::assistant(u"Mild."_s);
            answer.createdMs = 1003;
            QVERIFY(awaitFuture(c.append(id, answer)).ok());
        }
        const QStringList prefix{u"--config"_s, config, u"history"_s};
        const ConsoleRun show = runConsole(prefix + QStringList{u"show"_s, QString::number(id)});
        SPOON_COMPARE_EXIT(show, 0);
        const QString failed = u"## The turn failed\n\nlocal: HTTP 429: slow down (attempts: "
                               u"3)\n"_s;
        const qsizetype at = show.out.indexOf(failed);
        QVERIFY2(at > 0, qPrintable(show.out));
        QVERIFY(show.out.indexOf(u"Is it warm?"_s) < at);
        QVERIFY(show.out.indexOf(u"Is it warm?"_s, at) > at);

        const ConsoleRun json = runConsole(
            prefix + QStringList{u"export"_s, QString::number(id), u"--format"_s, u"json"_s});
        SPOON_COMPARE_EXIT(json, 0);
        const QJsonArray messages =
            QJsonDocument::fromJson(json.out.toUtf8()).object()[u"messages"_s].toArray();
        QCOMPARE(messages.size(), 3);
        const QJsonObject error = messages[0][u"turn_error"_s].toObject();
        QCOMPARE(error[u"kind"_s].toString(), u"rate_limited"_s);
        QCOMPARE(error[u"status"_s].toInt(), 429);
        QCOMPARE(error[u"message"_s].toString(), u"slow down"_s);
        QCOMPARE(error[u"attempts"_s].toInt(), 3);
        QCOMPARE(error[u"provider"_s].toString(), u"local"_s);
        QVERIFY(!messages[1].toObject().contains(u"turn_error"_s));
    }

    void anUnusableStoreIsNamed()
    {
        QTemporaryDir folder;
        const QString path = writeFile(folder, u"damaged.db"_s, QByteArray(4096, 'x'));
        const QString config = writeFile(
            folder, u"config.json"_s,
            u"{\"performance\": {\"database\": {\"url\": \"sqlite://%1\"}}}"_s.arg(path).toUtf8());
        const ConsoleRun r = runConsole({u"--config"_s, config, u"history"_s, u"list"_s});
        SPOON_COMPARE_EXIT(r, 1);
        QVERIFY2(r.err.contains(path), qPrintable(r.err));
    }
};

SPOON_TEST_GUILESS_MAIN(TestHistoryCommand)
#include "tst_historycommand.moc"
