// The store's figures, printed as one JSON object per mode, for bench/run.py:
//   bench_storage sqlite-insert DIR         metric rows into SQLite in batched transactions
//   bench_storage pg-points URL QUERIES     point queries by primary key, 8 at a time
//   bench_storage codec TOOL_RESULTS.json   encode + decode of typical tool results
//   bench_storage open-list DIR             the chat pane listing 1,000 stored conversations
//                                           of 100 messages, and a search among them
//   bench_storage search-1m DIR             searches among 1,000,000 stored messages (the file
//                                           DIR/search-1m.db is made once, then reused)
#include "chat/chatpane.h"
#include "engine.h"
#include "futurewait.h"
#include "storage/codec.h"
#include "storage/sqlconnection.h"
#include "storage/store.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <algorithm>
#include <cstdio>

using namespace spoon;
using namespace Qt::StringLiterals;

namespace {

void print(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
}

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_storage: %s\n", qPrintable(why));
    std::exit(1);
}

DatabaseTarget sqliteAt(const QString &path)
{
    DatabaseTarget target;
    target.sqlitePath = path;
    return target;
}

// 200,000 rows in transactions of 10,000, the way the telemetry store writes them.
int sqliteInsert(const QString &dir)
{
    QFile::remove(dir + u"/insert.db"_s);
    Store store(sqliteAt(dir + u"/insert.db"_s), {1, 1, 60000, 10000});
    if (!waitForResult(store.open()).ok())
        fail(store.errorString());
    constexpr int kRows = 200'000;
    constexpr int kBatch = 10'000;
    QList<QList<QVariantList>> batches;
    for (int b = 0; b < kRows / kBatch; ++b) {
        QList<QVariantList> rows;
        rows.reserve(kBatch);
        for (int i = 0; i < kBatch; ++i) {
            const int n = b * kBatch + i;
            rows.append({u"metric_%1"_s.arg(n % 8), qint64(n) * 60000, n * 0.5, n * 0.25, n * 1.0});
        }
        batches.append(rows);
    }
    QElapsedTimer timer;
    timer.start();
    for (const QList<QVariantList> &rows : std::as_const(batches)) {
        const SqlOutcome outcome = waitForResult(store.pool().run(
            [rows](SqlConnection &connection) {
                SqlOutcome o;
                connection.execMany(u"INSERT INTO metric_rollups (name, minute_ms, avg_value,"
                                    u" min_value, max_value) VALUES (?, ?, ?, ?, ?)"_s,
                                    rows, &o.error);
                return o;
            },
            true, DatabasePool::Retry::Never));
        if (!outcome.ok())
            fail(outcome.error.message);
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    print({{u"rows"_s, kRows}, {u"rows_per_second"_s, kRows / seconds}});
    return 0;
}

// 8 queries in flight through a pool of 8: as each answers, the next is sent.
int pgPoints(const QString &url, int total)
{
    QString error;
    const std::optional<DatabaseTarget> target = parseDatabaseUrl(url, {}, &error);
    if (!target)
        fail(error);
    DatabasePool pool(*target, {8, 8, 60000, 10000});
    constexpr int kRows = 10'000;
    const SqlOutcome made = waitForResult(pool.run(
        [](SqlConnection &connection) {
            SqlOutcome o;
            connection.execDirect(u"DROP TABLE IF EXISTS bench_points"_s, &o.error);
            if (o.ok())
                connection.execDirect(u"CREATE TABLE bench_points (id BIGINT PRIMARY KEY,"
                                      u" payload TEXT NOT NULL)"_s,
                                      &o.error);
            if (o.ok())
                connection.execDirect(u"INSERT INTO bench_points SELECT g, md5(g::text)"
                                      u" FROM generate_series(1, 10000) g"_s,
                                      &o.error);
            return o;
        },
        true, DatabasePool::Retry::Never));
    if (!made.ok())
        fail(made.error.message);
    // Every connection opened and warmed, as asyncpg's pool is after create_pool.
    for (int i = 0; i < 8; ++i)
        waitForResult(pool.query(u"SELECT id, payload FROM bench_points WHERE id = ?"_s, {i + 1}));

    int sent = 0;
    int done = 0;
    int failed = 0;
    QEventLoop loop;
    QObject context;
    std::function<void()> sendNext = [&] {
        const qint64 key = sent % kRows + 1;
        ++sent;
        pool.query(u"SELECT id, payload FROM bench_points WHERE id = ?"_s, {key})
            .then(&context, [&](const SqlOutcome &outcome) {
                ++done;
                failed += outcome.ok() && outcome.results.first().rows.size() == 1 ? 0 : 1;
                if (sent < total)
                    sendNext();
                else if (done == total)
                    loop.quit();
            });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 8; ++i)
        sendNext();
    loop.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (failed)
        fail(u"%1 queries failed"_s.arg(failed));
    print({{u"queries_per_second"_s, total / seconds}});
    return 0;
}

int codecRoundTrips(const QString &file)
{
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly))
        fail(u"cannot read "_s + file);
    const QJsonObject values = QJsonDocument::fromJson(input.readAll()).object();
    QJsonObject out;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const QJsonValue value = it.value();
        qint64 rounds = 0;
        codec::Encoded encoded;
        QElapsedTimer timer;
        timer.start();
        do {
            encoded = codec::encode(value);
            if (*codec::decode(encoded.bytes) != value)
                fail(u"round trip differs"_s);
            ++rounds;
        } while (timer.elapsed() < 1000);
        out[it.key()] = QJsonObject{
            {u"ns_per_round_trip"_s, double(timer.nsecsElapsed()) / double(rounds)},
            {u"form"_s, encoded.form == codec::Form::Json ? u"json"_s : u"compressed"_s},
            {u"bytes"_s, encoded.bytes.size()}};
    }
    print(out);
    return 0;
}

// Fills `path` once with `count` conversations of 100 messages, each of 40 words drawn from
// eight, so that every word is in most messages; one message in the middle conversation holds
// the one rare word. Written 500 conversations to a transaction.
void fillConversations(const QString &path, int count)
{
    if (QFile::exists(path))
        return;
    Store store(sqliteAt(path), {1, 1, 60000, 10000});
    if (!waitForResult(store.open()).ok())
        fail(store.errorString());
    constexpr int kChunk = 500;
    for (int first = 1; first <= count; first += kChunk) {
        const int last = qMin(count, first + kChunk - 1);
        const SqlOutcome filled = waitForResult(store.pool().run(
            [first, last, rare = count / 2](SqlConnection &connection) {
                SqlOutcome o;
                QList<QVariantList> conversations;
                QList<QVariantList> messages;
                const QStringList words{u"agent"_s, u"latency"_s, u"stream"_s, u"memory"_s,
                                        u"cache"_s, u"pool"_s,    u"token"_s,  u"window"_s};
                for (int c = first; c <= last; ++c) {
                    conversations.append({c, u"Conversation %1 about %2"_s.arg(c).arg(words[c % 8]),
                                          u"react"_s, qint64(c) * 1000, qint64(c) * 1000});
                    for (int m = 1; m <= 100; ++m) {
                        QString text = u"Message %1 of conversation %2: "_s.arg(m).arg(c);
                        for (int w = 0; w < 40; ++w)
                            text += words[(c * 7 + m * 3 + w) % 8] + u' ';
                        if (c == rare && m == 50)
                            text += u"photosynthesis"_s; // the one rare word
                        messages.append(
                            {c, m, m % 2 ? u"user"_s : u"assistant"_s, text, qint64(c) * 1000 + m});
                    }
                }
                connection.execMany(u"INSERT INTO conversations (id, title, agent, created_ms,"
                                    u" updated_ms) VALUES (?, ?, ?, ?, ?)"_s,
                                    conversations, &o.error);
                if (o.ok())
                    connection.execMany(u"INSERT INTO messages (conversation_id, seq, role,"
                                        u" content, created_ms) VALUES (?, ?, ?, ?, ?)"_s,
                                        messages, &o.error);
                return o;
            },
            true, DatabasePool::Retry::Never));
        if (!filled.ok())
            fail(filled.error.message);
    }
}

// The median of five searches, in ms; fails unless each finds `expected` hits (-1: any).
double searchMs(ConversationStore &conversations, const QString &text, int expected)
{
    QList<double> times;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer clock;
        clock.start();
        const auto hits = waitForResult(conversations.search(text));
        times.append(clock.nsecsElapsed() / 1e6);
        if (!hits.ok() || (expected >= 0 && hits.value.size() != expected))
            fail(u"search for %1 found %2"_s.arg(text).arg(hits.value.size()));
    }
    std::sort(times.begin(), times.end());
    return times.at(2);
}

// Searches among 1,000,000 messages (10,000 conversations of 100): the words the chat pane's
// search box sends as the user types. DIR/search-1m.db is made once and kept for the run.
int searchMillion(const QString &dir)
{
    const QString path = dir + u"/search-1m.db"_s;
    QElapsedTimer made;
    made.start();
    fillConversations(path, 10'000);
    const double fillSeconds = made.nsecsElapsed() / 1e9;
    Store store(sqliteAt(path), {1, 1, 60000, 10000});
    if (!waitForResult(store.open()).ok())
        fail(store.errorString());
    ConversationStore &conversations = store.conversations();
    searchMs(conversations, u"photosynthesis"_s, 1); // warm: the file in the page cache
    searchMs(conversations, u"latency stream"_s, 50);
    print({{u"messages"_s, 1'000'000},
           {u"fill_seconds"_s, fillSeconds},
           {u"search_rare_ms"_s, searchMs(conversations, u"photosynthesis"_s, 1)},
           {u"search_rare_typed_ms"_s, searchMs(conversations, u"photosynth"_s, 1)},
           {u"search_common_ms"_s, searchMs(conversations, u"latency stream"_s, 50)},
           {u"search_common_typed_ms"_s, searchMs(conversations, u"latency strea"_s, 50)},
           {u"search_common_one_typed_ms"_s, searchMs(conversations, u"laten"_s, 50)}});
    return 0;
}

int openList(const QString &dir)
{
    const QString path = dir + u"/list.db"_s;
    fillConversations(path, 1000);
    Config config = Config::defaults();
    config.performance.database.url = u"sqlite://"_s + path;
    Engine engine(config);
    ChatPane pane(engine.agents(), QString(), true);
    pane.resize(900, 700);
    pane.QWidget::show();
    QSignalSpy listed(&pane, &ChatPane::storedListLoaded);
    QElapsedTimer timer;
    timer.start();
    pane.setStore(engine.store()); // as the window does at start
    engine.openStore();
    if (listed.isEmpty() && !listed.wait(30000))
        fail(u"the list did not load"_s);
    QCoreApplication::processEvents(); // the list painted
    const double listMs = timer.nsecsElapsed() / 1e6;
    if (pane.storedConversations().size() != 1000)
        fail(u"listed %1 conversations"_s.arg(pane.storedConversations().size()));

    auto searchMs = [&engine](const QString &text, int expected) {
        QElapsedTimer clock;
        clock.start();
        const auto hits = waitForResult(engine.store()->conversations().search(text));
        const double ms = clock.nsecsElapsed() / 1e6;
        if (!hits.ok() || (expected >= 0 && hits.value.size() != expected))
            fail(u"search for %1 found %2"_s.arg(text).arg(hits.value.size()));
        return ms;
    };
    searchMs(u"photosynthesis"_s, 1); // warm
    print({{u"list_ms"_s, listMs},
           {u"search_rare_ms"_s, searchMs(u"photosynthesis"_s, 1)},
           {u"search_common_ms"_s, searchMs(u"latency stream"_s, 50)}});
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == "sqlite-insert"_L1 && args.size() == 3)
        return sqliteInsert(args[2]);
    if (mode == "pg-points"_L1 && args.size() == 4)
        return pgPoints(args[2], args[3].toInt());
    if (mode == "codec"_L1 && args.size() == 3)
        return codecRoundTrips(args[2]);
    if (mode == "open-list"_L1 && args.size() == 3)
        return openList(args[2]);
    if (mode == "search-1m"_L1 && args.size() == 3)
        return searchMillion(args[2]);
    std::fprintf(stderr, "usage: bench_storage sqlite-insert DIR | pg-points URL QUERIES | "
                         "codec FILE | open-list DIR | search-1m DIR\n");
    return 2;
}
