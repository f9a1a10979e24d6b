#include "storage/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtTest>

#include "support/testdatabase.h"
#include "support/testenvironment.h"

using namespace spoon;
using namespace spoon::test;
using namespace Qt::StringLiterals;

namespace {
DatabasePoolLimits limits()
{
    return {1, 4, 60000, 10000};
}

StoredMessage message(ChatMessage chat, qint64 at)
{
    StoredMessage stored;
    stored.message = std::move(chat);
    stored.createdMs = at;
    return stored;
}

qint64 newConversation(Store &store, const QString &title, qint64 at)
{
    const StoreResult<qint64> created =
        awaitFuture(store.conversations().create(title, u"react"_s, at));
    if (!created.ok())
        QTest::qFail(qPrintable(created.error.message), __FILE__, __LINE__);
    return created.value;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestConversationStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void init()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        SPOON_REQUIRE_BACKEND(backend);
    }

    void storesEveryPartOfAMessage()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), limits());
        const SqlOutcome opened = awaitFuture(store.open());
        QVERIFY2(opened.ok(), qPrintable(opened.error.message));
        QVERIFY(store.isReady());

        const qint64 id = newConversation(store, u"Weather"_s, 1000);
        ConversationStore &conversations = store.conversations();
        QVERIFY(awaitFuture(conversations.append(
                                id, message(ChatMessage::user(u"Is it warm in Oslo?"_s), 1001)))
                    .ok());
        StoredMessage calling = message(
            ChatMessage::assistant(QString(), {{u"call_1"_s, u"http_request"_s,
                                                u"{\"url\":\"https://example.com/\u00f8\"}"_s}}),
            1002);
        calling.provider = u"openai"_s;
        calling.model = u"gpt-4o-mini"_s;
        calling.durationMs = 321;
        const StoreResult<qint64> callingId = awaitFuture(conversations.append(id, calling));
        QVERIFY2(callingId.ok(), qPrintable(callingId.error.message));
        StoredMessage result = message(
            ChatMessage::toolResult(u"call_1"_s, u"http_request"_s, u"HTTP 503: busy"_s), 1003);
        result.isError = true;
        result.durationMs = 45;
        QVERIFY(awaitFuture(conversations.append(id, result)).ok());
        StoredMessage answer = message(ChatMessage::assistant(u"Partly"_s), 1004);
        answer.incomplete = true;
        const StoreResult<qint64> answerId = awaitFuture(conversations.append(id, answer));
        QVERIFY(answerId.ok());
        // The streamed answer's end replaces its checkpoint.
        answer.message.content = u"Partly cloudy, 14 °C."_s;
        answer.incomplete = false;
        answer.durationMs = 900;
        const StoreResult<bool> updated =
            awaitFuture(conversations.updateMessage(answerId.value, answer));
        QVERIFY(updated.ok() && updated.value);

        const StoreResult<QList<StoredMessage>> loaded = awaitFuture(conversations.messages(id));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.message));
        QCOMPARE(loaded.value.size(), 4);
        const QList<StoredMessage> &m = loaded.value;
        QCOMPARE(m[0].message.role, ChatMessage::Role::User);
        QCOMPARE(m[0].message.content, u"Is it warm in Oslo?"_s);
        QCOMPARE(m[0].seq, 1);
        QCOMPARE(m[1].message.toolCalls, calling.message.toolCalls);
        QCOMPARE(m[1].provider, u"openai"_s);
        QCOMPARE(m[1].model, u"gpt-4o-mini"_s);
        QCOMPARE(m[1].durationMs, 321);
        QCOMPARE(m[2].message.role, ChatMessage::Role::Tool);
        QCOMPARE(m[2].message.toolCallId, u"call_1"_s);
        QCOMPARE(m[2].message.name, u"http_request"_s);
        QVERIFY(m[2].isError);
        QCOMPARE(m[3].message.content, u"Partly cloudy, 14 °C."_s);
        QVERIFY(!m[3].incomplete);
        QCOMPARE(m[3].durationMs, 900);
        QCOMPARE(m[0].durationMs, -1);

        const StoreResult<ConversationSummary> found = awaitFuture(conversations.find(id));
        QCOMPARE(found.value.messageCount, 4);
        QCOMPARE(found.value.updatedMs, 1004);
    }

    // A large tool result is kept whole (through the serializer, smaller than its text) and
    // found by the words of its head.
    void aLargeResultIsKeptWholeAndCompressed()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), limits());
        QVERIFY(awaitFuture(store.open()).ok());
        const qint64 id = newConversation(store, u"big"_s, 1);
        QString big = u"zanzibar "_s;
        for (int i = 0; i < 4000; ++i)
            big += u"{\"row\": %1, \"name\": \"item %1\", \"ok\": true} 🥄 "_s.arg(i);
        QVERIFY(big.size() > 20 * ConversationStore::kSearchableChars);
        StoredMessage result = message(ChatMessage::toolResult(u"c"_s, u"t"_s, big), 2);
        QVERIFY(awaitFuture(store.conversations().append(id, result)).ok());
        const QList<StoredMessage> read = awaitFuture(store.conversations().messages(id)).value;
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().message.content, big);
        const SqlOutcome sizes = awaitFuture(store.pool().query(
            u"SELECT length(content), length(payload) FROM messages WHERE conversation_id = ?"_s,
            {id}));
        QVERIFY(sizes.ok());
        // length() counts characters; the spoons are two UTF-16 units each.
        QCOMPARE(sizes.results.first().rows.first().at(0).toLongLong(),
                 big.left(ConversationStore::kSearchableChars).toUcs4().size());
        QVERIFY(sizes.results.first().rows.first().at(1).toLongLong() * 5 < big.size());
        QCOMPARE(awaitFuture(store.conversations().search(u"zanzibar"_s)).value.size(), 1);
        // A small message has no payload.
        QVERIFY(
            awaitFuture(store.conversations().append(id, message(ChatMessage::user(u"hi"_s), 3)))
                .ok());
        const SqlOutcome small = awaitFuture(store.pool().query(
            u"SELECT COUNT(*) FROM messages WHERE payload IS NULL AND conversation_id = ?"_s,
            {id}));
        QCOMPARE(small.results.first().rows.first().first().toInt(), 1);
    }

    void listsNewestFirstRenamesAndDeletes()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), limits());
        QVERIFY(awaitFuture(store.open()).ok());
        ConversationStore &conversations = store.conversations();
        const qint64 older = newConversation(store, u"older"_s, 100);
        const qint64 newer = newConversation(store, u"newer"_s, 200);
        // A message makes a conversation the newest.
        QVERIFY(awaitFuture(conversations.append(older, message(ChatMessage::user(u"hi"_s), 300)))
                    .ok());
        QList<ConversationSummary> list = awaitFuture(conversations.list()).value;
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0].id, older);
        QCOMPARE(list[1].id, newer);

        QVERIFY(awaitFuture(conversations.rename(newer, u"renamed"_s)).value);
        QCOMPARE(awaitFuture(conversations.find(newer)).value.title, u"renamed"_s);

        QVERIFY(awaitFuture(conversations.remove(older)).value);
        list = awaitFuture(conversations.list()).value;
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].id, newer);
        QVERIFY(awaitFuture(conversations.messages(older)).value.isEmpty());
        QVERIFY(awaitFuture(conversations.search(u"hi"_s)).value.isEmpty());
        QVERIFY(!awaitFuture(conversations.remove(older)).value); // already gone
    }

    // Regenerate and edit take the last turn back: its user message and all after it go,
    // from the messages and from search; earlier turns, the conversation's instructions and
    // other conversations stay. Another conversation's message bounds nothing.
    void removesATurn()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), limits());
        QVERIFY(awaitFuture(store.open()).ok());
        ConversationStore &conversations = store.conversations();
        const qint64 id = newConversation(store, u"turns"_s, 100);
        const qint64 other = newConversation(store, u"other"_s, 100);
        const QList<ChatMessage> said{
            ChatMessage::user(u"first question"_s),
            ChatMessage::assistant(u"first answer"_s),
            ChatMessage::user(u"second question"_s),
            ChatMessage::assistant(QString(), {{u"c1"_s, u"system_info"_s, u"{}"_s}}),
            ChatMessage::toolResult(u"c1"_s, u"system_info"_s, u"cpu 3"_s),
            ChatMessage::system(u"be brief"_s), // the conversation's instructions: they stay
            ChatMessage::assistant(u"zebra answer"_s),
        };
        qint64 at = 200;
        qint64 secondQuestion = -1;
        qint64 othersQuestion = -1;
        for (const ChatMessage &m : said) {
            const StoreResult<qint64> mine =
                awaitFuture(conversations.append(id, message(m, at++)));
            const StoreResult<qint64> theirs =
                awaitFuture(conversations.append(other, message(m, at++)));
            QVERIFY(mine.ok() && theirs.ok());
            if (m.content == u"second question"_s) {
                secondQuestion = mine.value;
                othersQuestion = theirs.value;
            }
        }
        const StoreResult<int> foreign = awaitFuture(conversations.removeTurn(id, othersQuestion));
        QVERIFY(foreign.ok());
        QCOMPARE(foreign.value, 0);
        const StoreResult<int> removed = awaitFuture(conversations.removeTurn(id, secondQuestion));
        QVERIFY(removed.ok());
        QCOMPARE(removed.value, 4);
        const QList<StoredMessage> left = awaitFuture(conversations.messages(id)).value;
        QCOMPARE(left.size(), 3);
        QCOMPARE(left.at(1).message.content, u"first answer"_s);
        QCOMPARE(left.last().message.role, ChatMessage::Role::System);
        QCOMPARE(awaitFuture(conversations.messages(other)).value.size(), said.size());
        const QList<SearchHit> hits = awaitFuture(conversations.search(u"zebra"_s)).value;
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().conversationId, other);
        // The next turn follows on in order.
        QVERIFY(
            awaitFuture(conversations.append(id, message(ChatMessage::user(u"again"_s), at))).ok());
        const QList<StoredMessage> after = awaitFuture(conversations.messages(id)).value;
        QCOMPARE(after.size(), 4);
        QCOMPARE(after.last().message.content, u"again"_s);
        QVERIFY(after.last().seq > after.at(2).seq);
    }

    // Titles and messages made of SQL and FTS syntax are stored and found as text.
    void searchTreatsSyntaxAsText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::newRow("sql") << u"'; DROP TABLE messages; -- robert"_s << u"DROP TABLE"_s;
        QTest::newRow("fts operators")
            << u"alpha NEAR(beta) OR gamma NOT delta"_s << u"NEAR( OR NOT"_s;
        QTest::newRow("quotes and stars") << u"say \"hello\"* to 'them'"_s << u"\"hello\"*"_s;
        QTest::newRow("column filter") << u"content: secret"_s << u"content:secret"_s;
        QTest::newRow("tsquery syntax") << u"a & b | !c <-> d:*"_s << u"a & b | !c"_s;
        QTest::newRow("unicode") << u"Grüße aus Zürich 東京"_s << u"zürich"_s;
        QTest::newRow("prefix") << u"photosynthesis explained"_s << u"photosynth"_s;
    }
    void searchTreatsSyntaxAsText()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        QFETCH(QString, text);
        QFETCH(QString, query);
        ScratchDatabase database(backend);
        Store store(database.target(), limits());
        QVERIFY(awaitFuture(store.open()).ok());
        ConversationStore &conversations = store.conversations();
        const qint64 id = newConversation(store, text, 1);
        QVERIFY(awaitFuture(conversations.append(id, message(ChatMessage::user(text), 2))).ok());
        const qint64 other = newConversation(store, u"other"_s, 3);
        QVERIFY(awaitFuture(conversations.append(
                                other, message(ChatMessage::user(u"unrelated words"_s), 4)))
                    .ok());

        const StoreResult<QList<SearchHit>> hits = awaitFuture(conversations.search(query));
        QVERIFY2(hits.ok(), qPrintable(hits.error.message));
        QCOMPARE(hits.value.size(), 1);
        QCOMPARE(hits.value.first().conversationId, id);
        QCOMPARE(hits.value.first().title, text);
        QVERIFY(!hits.value.first().text.isEmpty());
        // Every table is still there.
        QCOMPARE(awaitFuture(conversations.list()).value.size(), 2);
        QVERIFY(awaitFuture(conversations.search(u"nomatchanywhere"_s)).value.isEmpty());
        QVERIFY(awaitFuture(conversations.search(u"*** ::: \"\""_s)).value.isEmpty());
    }

    // A hit says where its words matched, so the list can mark them; the snippet is plain
    // text, with no mark of the database's in it.
    void searchMarksTheMatchedWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("matched");
        QTest::newRow("one word") << u"The quick brown fox jumps over the lazy dog by the river"_s
                                  << u"lazy"_s << QStringList{u"lazy"_s};
        QTest::newRow("prefix") << u"Photosynthesis explained simply"_s << u"photosynth"_s
                                << QStringList{u"Photosynthesis"_s};
        QTest::newRow("two words") << u"alpha beta gamma delta epsilon"_s << u"delta beta"_s
                                   << QStringList{u"beta"_s, u"delta"_s};
        QTest::newRow("far into a long message")
            << (u"filler "_s.repeated(200) + u"needle "_s + u"tail "_s.repeated(50)) << u"needle"_s
            << QStringList{u"needle"_s};
    }
    void searchMarksTheMatchedWords()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        QFETCH(QString, text);
        QFETCH(QString, query);
        QFETCH(QStringList, matched);
        ScratchDatabase database(backend);
        Store store(database.target(), limits());
        QVERIFY(awaitFuture(store.open()).ok());
        const qint64 id = newConversation(store, u"marks"_s, 1);
        QVERIFY(awaitFuture(store.conversations().append(id, message(ChatMessage::user(text), 2)))
                    .ok());
        const StoreResult<QList<SearchHit>> hits = awaitFuture(store.conversations().search(query));
        QVERIFY2(hits.ok(), qPrintable(hits.error.message));
        QCOMPARE(hits.value.size(), 1);
        const SearchHit &hit = hits.value.first();
        QVERIFY(!hit.text.contains(ConversationStore::kMatchStart));
        QVERIFY(!hit.text.contains(ConversationStore::kMatchEnd));
        QStringList words;
        for (const TextSpan &span : hit.matches) {
            QVERIFY(span.start >= 0 && span.length > 0);
            QVERIFY(span.start + span.length <= hit.text.size());
            words.append(hit.text.mid(span.start, span.length));
        }
        QCOMPARE(words, matched);
    }

    // What a query matches: each word as a whole word, and the last as typed so far, the start
    // of a longer word; a word before the last, or a lone letter, only in full.
    void searchMatchesWholeWordsAndTheLastAsTyped_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("found");
        QTest::newRow("a word in full") << u"explained"_s << true;
        QTest::newRow("every word in full") << u"simply photosynthesis"_s << true;
        QTest::newRow("the last word as typed") << u"photosynthesis expl"_s << true;
        QTest::newRow("the only word as typed") << u"chloro"_s << true;
        QTest::newRow("two letters as typed") << u"ch"_s << true;
        QTest::newRow("a partial word before the last") << u"photosynth explained"_s << false;
        QTest::newRow("one letter") << u"c"_s << false;
        QTest::newRow("a word not there") << u"photosynthesis starch"_s << false;
    }
    void searchMatchesWholeWordsAndTheLastAsTyped()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        QFETCH(QString, query);
        QFETCH(bool, found);
        ScratchDatabase database(backend);
        Store store(database.target(), limits());
        QVERIFY(awaitFuture(store.open()).ok());
        const qint64 id = newConversation(store, u"leaves"_s, 1);
        QVERIFY(
            awaitFuture(store.conversations().append(
                            id, message(ChatMessage::user(
                                            u"Photosynthesis explained simply, with chlorophyll"_s),
                                        2)))
                .ok());
        const StoreResult<QList<SearchHit>> hits = awaitFuture(store.conversations().search(query));
        QVERIFY2(hits.ok(), qPrintable(hits.error.message));
        QCOMPARE(hits.value.size(), found ? 1 : 0);
    }

    // Whole words come first: when they fill the limit, a longer word that merely begins with
    // the last one (older or newer) does not push them out.
    void searchPrefersWholeWords()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), limits());
        QVERIFY(awaitFuture(store.open()).ok());
        ConversationStore &conversations = store.conversations();
        const qint64 id = newConversation(store, u"streams"_s, 1);
        const StoreResult<qint64> whole =
            awaitFuture(conversations.append(id, message(ChatMessage::user(u"one stream"_s), 2)));
        QVERIFY(whole.ok());
        QVERIFY(
            awaitFuture(conversations.append(id, message(ChatMessage::user(u"streaming now"_s), 3)))
                .ok());
        const StoreResult<QList<SearchHit>> first =
            awaitFuture(conversations.search(u"stream"_s, 1));
        QVERIFY2(first.ok(), qPrintable(first.error.message));
        QCOMPARE(first.value.size(), 1);
        QCOMPARE(first.value.first().messageId, whole.value);
        // With room for more, the word as typed finds the longer one too, newest first.
        const StoreResult<QList<SearchHit>> both =
            awaitFuture(conversations.search(u"stream"_s, 5));
        QCOMPARE(both.value.size(), 2);
        QVERIFY(both.value.first().messageId > whole.value);
    }

    void upgradesAnOlderSchemaKeepingItsData()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        qint64 id;
        {
            Store old(database.target(), limits());
            QVERIFY(awaitFuture(old.open(1)).ok());
            id = newConversation(old, u"from version 1"_s, 5);
        }
        Store store(database.target(), limits());
        const SqlOutcome opened = awaitFuture(store.open());
        QVERIFY2(opened.ok(), qPrintable(opened.error.message));
        QCOMPARE(opened.results.first().rows.first().first().toInt(), 1); // found version 1
        QCOMPARE(awaitFuture(store.conversations().find(id)).value.title, u"from version 1"_s);
        const SqlOutcome version =
            awaitFuture(store.pool().query(u"SELECT version FROM schema_version"_s));
        QCOMPARE(version.results.first().rows.first().first().toInt(), schema::latestVersion());
        QVERIFY(awaitFuture(store.pool().query(u"SELECT COUNT(*) FROM llm_calls"_s)).ok());
    }

    // A turn that failed keeps how, on its user message; other messages take no failure.
    void keepsHowATurnFailed()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        Store store(database.target(), limits());
        QVERIFY(awaitFuture(store.open()).ok());
        ConversationStore &conversations = store.conversations();
        const qint64 id = newConversation(store, u"Rate limited"_s, 10);
        const qint64 asked =
            awaitFuture(conversations.append(id, message(ChatMessage::user(u"hi"_s), 11))).value;
        const qint64 answered =
            awaitFuture(conversations.append(id, message(ChatMessage::assistant(u"Hel"_s), 12)))
                .value;
        const TurnFailure failure{u"rate_limited"_s, 429, u"slow down"_s, 3, u"local"_s, true};
        const StoreResult<bool> set = awaitFuture(conversations.setTurnFailure(asked, failure));
        QVERIFY2(set.ok() && set.value, qPrintable(set.error.message));
        QVERIFY(!awaitFuture(conversations.setTurnFailure(answered, failure)).value);

        const QList<StoredMessage> m = awaitFuture(conversations.messages(id)).value;
        QCOMPARE(m.size(), 2);
        const TurnFailure &kept = m[0].turnFailure;
        QVERIFY(kept.isFailure());
        QCOMPARE(kept.kind, failure.kind);
        QCOMPARE(kept.httpStatus, 429);
        QCOMPARE(kept.message, failure.message);
        QCOMPARE(kept.attempts, 3);
        QCOMPARE(kept.provider, failure.provider);
        QVERIFY(kept.incomplete);
        QCOMPARE(kept.error().kind, LlmError::Kind::RateLimited);
        QVERIFY(!m[1].turnFailure.isFailure());
    }

    // Version 4 to 5 in one step: its messages stay, and their turns can be marked failed.
    void upgradesVersion4KeepingItsMessages()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        qint64 id;
        {
            Store old(database.target(), limits());
            QVERIFY(awaitFuture(old.open(4)).ok());
            id = newConversation(old, u"from version 4"_s, 5);
            QVERIFY(awaitFuture(old.pool().query(
                                    u"INSERT INTO messages (conversation_id, seq, role, content,"
                                    u" created_ms) VALUES (?, 1, 'user', 'still here', 6)"_s,
                                    {id}))
                        .ok());
        }
        Store store(database.target(), limits());
        const SqlOutcome opened = awaitFuture(store.open());
        QVERIFY2(opened.ok(), qPrintable(opened.error.message));
        QCOMPARE(opened.results.first().rows.first().first().toInt(), 4);
        const QList<StoredMessage> m = awaitFuture(store.conversations().messages(id)).value;
        QCOMPARE(m.size(), 1);
        QCOMPARE(m[0].message.content, u"still here"_s);
        QVERIFY(!m[0].turnFailure.isFailure());
        QVERIFY(awaitFuture(store.conversations().setTurnFailure(
                                m[0].id, {u"timeout"_s, 0, u"no answer"_s, 1, u"local"_s, false}))
                    .value);
        QCOMPARE(awaitFuture(store.conversations().messages(id)).value[0].turnFailure.kind,
                 u"timeout"_s);
    }

    void refusesANewerSchemaAndChangesNothing()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        ScratchDatabase database(backend);
        {
            Store store(database.target(), limits());
            QVERIFY(awaitFuture(store.open()).ok());
            QVERIFY(awaitFuture(store.pool().query(u"UPDATE schema_version SET version = ?"_s,
                                                   {schema::latestVersion() + 5}))
                        .ok());
        }
        Store store(database.target(), limits());
        const SqlOutcome opened = awaitFuture(store.open());
        QVERIFY(!opened.ok());
        QVERIFY(!store.isReady());
        QVERIFY2(store.errorString().contains(u"newer"_s), qPrintable(store.errorString()));
        QVERIFY(store.errorString().contains(u"Nothing was changed"_s));
        const SqlOutcome version =
            awaitFuture(store.pool().query(u"SELECT version FROM schema_version"_s));
        QCOMPARE(version.results.first().rows.first().first().toInt(), schema::latestVersion() + 5);
    }

    void aDamagedFileIsNamedAndLeftAlone()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        if (backend != DatabaseBackend::Sqlite)
            QSKIP("a file only SQLite has");
        ScratchDatabase database(backend);
        const QString path = database.target().sqlitePath;
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray garbage(64 * 1024, '\x5a');
            garbage.replace(0, 16, "not a database!!");
            file.write(garbage);
        }
        const QByteArray before = fileHash(path);
        Store store(database.target(), limits());
        const SqlOutcome opened = awaitFuture(store.open());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error.kind, SqlError::Kind::Unavailable);
        QVERIFY2(store.errorString().contains(path), qPrintable(store.errorString()));
        QVERIFY(store.errorString().contains(u"not a database"_s));
        QCOMPARE(fileHash(path), before);
    }

    void parsesDatabaseUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("described");
        QTest::newRow("empty") << QString() << true << u"/data/spoon.db"_s;
        QTest::newRow("sqlite") << u"sqlite:///srv/spoon.db"_s << true << u"/srv/spoon.db"_s;
        QTest::newRow("relative sqlite") << u"sqlite://spoon.db"_s << false << u"absolute"_s;
        QTest::newRow("postgres") << u"postgresql://team@db.example:6543/spoon"_s << true
                                  << u"postgresql://team@db.example:6543/spoon"_s;
        QTest::newRow("default port")
            << u"postgres://db/spoon"_s << true << u"postgresql://db:5432/spoon"_s;
        QTest::newRow("password") << u"postgresql://team:hunter2@db/spoon"_s << false
                                  << u"PGPASSWORD"_s;
        QTest::newRow("no database") << u"postgresql://team@db"_s << false << u"names no"_s;
        QTest::newRow("unknown option")
            << u"postgresql://db/spoon?host=evil"_s << false << u"unknown URL option"_s;
        QTest::newRow("other scheme") << u"mysql://db/spoon"_s << false << u"expected"_s;
    }
    void parsesDatabaseUrls()
    {
        QFETCH_GLOBAL(DatabaseBackend, backend);
        if (backend != DatabaseBackend::Sqlite)
            QSKIP("parsing needs no server; once is enough");
        QFETCH(QString, url);
        QFETCH(bool, ok);
        QFETCH(QString, described);
        QString error;
        const std::optional<DatabaseTarget> target =
            parseDatabaseUrl(url, u"/data/spoon.db"_s, &error);
        QCOMPARE(bool(target), ok);
        if (ok) {
            QCOMPARE(target->describe(), described);
        } else {
            QVERIFY2(error.contains(described), qPrintable(error));
            QVERIFY(!error.contains(u"hunter2"_s));
        }
    }
};

SPOON_TEST_GUILESS_MAIN(TestConversationStore)
#include "tst_conversationstore.moc"
