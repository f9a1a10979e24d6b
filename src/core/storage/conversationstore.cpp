#include "conversationstore.h"

#include "codec.h"
#include "sqlconnection.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace spoon {

namespace {

ChatMessage::Role roleFromName(const QString &name)
{
    if (name == "system"_L1)
        return ChatMessage::Role::System;
    if (name == "assistant"_L1)
        return ChatMessage::Role::Assistant;
    if (name == "tool"_L1)
        return ChatMessage::Role::Tool;
    return ChatMessage::Role::User;
}

// The searchable head of a text, and the whole of it in the serializer's form when the head
// is not all of it.
QVariant searchableText(const QString &text)
{
    qsizetype cut = ConversationStore::kSearchableChars;
    if (cut < text.size() && text.at(cut - 1).isHighSurrogate())
        --cut; // never half a character
    return sqlvalue::emptyIfNull(text.left(cut));
}

QVariant payloadOf(const QString &text)
{
    if (text.size() <= ConversationStore::kSearchableChars)
        return QVariant(QMetaType::fromType<QByteArray>());
    return codec::encode(QJsonValue(text)).bytes;
}

QString wholeText(const QVariant &content, const QVariant &payload)
{
    const QByteArray bytes = payload.toByteArray();
    if (bytes.isEmpty())
        return content.toString();
    const std::optional<QJsonValue> whole = codec::decode(bytes);
    return whole && whole->isString() ? whole->toString() : content.toString();
}

QVariant encodedToolCalls(const QList<ToolCall> &calls)
{
    if (calls.isEmpty())
        return QVariant(QMetaType::fromType<QByteArray>());
    return codec::encode(toolCallsJson(calls)).bytes;
}

QList<ToolCall> decodedToolCalls(const QVariant &stored)
{
    const QByteArray bytes = stored.toByteArray();
    if (bytes.isEmpty())
        return {};
    const std::optional<QJsonValue> value = codec::decode(bytes);
    if (!value)
        return {}; // damaged: the message keeps its text
    return toolCallsFromJson(value->toArray());
}

QVariant encodedTurnFailure(const TurnFailure &failure)
{
    if (!failure.isFailure())
        return QVariant(QMetaType::fromType<QByteArray>());
    return codec::encode(QJsonObject{{u"kind"_s, failure.kind},
                                     {u"status"_s, failure.httpStatus},
                                     {u"message"_s, failure.message},
                                     {u"attempts"_s, failure.attempts},
                                     {u"provider"_s, failure.provider},
                                     {u"incomplete"_s, failure.incomplete}})
        .bytes;
}

TurnFailure decodedTurnFailure(const QVariant &stored)
{
    const QByteArray bytes = stored.toByteArray();
    if (bytes.isEmpty())
        return {};
    const std::optional<QJsonValue> value = codec::decode(bytes);
    if (!value || !value->isObject())
        return {}; // damaged: the turn shows as unanswered, as before version 5
    const QJsonObject o = value->toObject();
    return {o[u"kind"_s].toString(),  o[u"status"_s].toInt(),      o[u"message"_s].toString(),
            o[u"attempts"_s].toInt(), o[u"provider"_s].toString(), o[u"incomplete"_s].toBool()};
}

ConversationSummary summaryFrom(const QVariantList &row)
{
    return {row.at(0).toLongLong(), row.at(1).toString(),   row.at(2).toString(),
            row.at(3).toLongLong(), row.at(4).toLongLong(), row.at(5).toInt()};
}

const QString kSummaryColumns =
    u"SELECT c.id, c.title, c.agent, c.created_ms, c.updated_ms,"
    u" (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) FROM conversations c "_s;

} // namespace

LlmError TurnFailure::error() const
{
    return LlmError{LlmError::kindFromName(kind), httpStatus, message, -1};
}

ConversationStore::ConversationStore(DatabasePool &pool)
    : m_pool(pool)
{}

QFuture<StoreResult<qint64>> ConversationStore::create(const QString &title, const QString &agent,
                                                       qint64 nowMs)
{
    return storeResultOf<qint64>(
        m_pool.query(u"INSERT INTO conversations (title, agent, created_ms, updated_ms)"
                     u" VALUES (?, ?, ?, ?) RETURNING id"_s,
                     {sqlvalue::emptyIfNull(title), sqlvalue::emptyIfNull(agent), nowMs, nowMs}),
        [](const SqlOutcome &o) { return o.results.first().rows.first().first().toLongLong(); });
}

QFuture<StoreResult<qint64>> ConversationStore::append(qint64 conversationId,
                                                       const StoredMessage &stored)
{
    const ChatMessage &message = stored.message;
    const QVariantList args{conversationId,
                            conversationId,
                            roleName(message.role),
                            searchableText(message.content),
                            encodedToolCalls(message.toolCalls),
                            sqlvalue::nullIfEmpty(message.toolCallId),
                            sqlvalue::nullIfEmpty(message.name),
                            int(stored.isError),
                            sqlvalue::nullIfEmpty(stored.provider),
                            sqlvalue::nullIfEmpty(stored.model),
                            stored.createdMs,
                            sqlvalue::nullIfNegative(stored.durationMs),
                            int(stored.incomplete),
                            payloadOf(message.content),
                            encodedTurnFailure(stored.turnFailure)};
    const qint64 updated = stored.createdMs;
    auto job = [args, conversationId, updated](SqlConnection &connection) {
        SqlOutcome outcome;
        SqlRows inserted = connection.exec(
            u"INSERT INTO messages (conversation_id, seq, role, content, tool_calls,"
            u" tool_call_id, tool_name, is_error, provider, model, created_ms, duration_ms,"
            u" incomplete, payload, turn_error) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1"
            u" FROM messages WHERE conversation_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            u" RETURNING id"_s,
            args, &outcome.error);
        if (!outcome.ok())
            return outcome;
        inserted.rowsAffected = 1;
        SqlRows touched = connection.exec(u"UPDATE conversations SET updated_ms = ? WHERE id = ?"_s,
                                          {updated, conversationId}, &outcome.error);
        if (outcome.ok())
            outcome.results = {std::move(inserted), std::move(touched)};
        return outcome;
    };
    return storeResultOf<qint64>(
        m_pool.run(job, true, DatabasePool::Retry::OnBrokenLink),
        [](const SqlOutcome &o) { return o.results.first().rows.first().first().toLongLong(); });
}

QFuture<StoreResult<bool>> ConversationStore::updateMessage(qint64 messageId,
                                                            const StoredMessage &stored)
{
    return storeResultOf<bool>(
        m_pool.query(u"UPDATE messages SET content = ?, tool_calls = ?, provider = ?, model = ?,"
                     u" duration_ms = ?, incomplete = ?, payload = ? WHERE id = ?"_s,
                     {searchableText(stored.message.content),
                      encodedToolCalls(stored.message.toolCalls),
                      sqlvalue::nullIfEmpty(stored.provider), sqlvalue::nullIfEmpty(stored.model),
                      sqlvalue::nullIfNegative(stored.durationMs), int(stored.incomplete),
                      payloadOf(stored.message.content), messageId}),
        [](const SqlOutcome &o) { return o.results.first().rowsAffected > 0; });
}

QFuture<StoreResult<bool>> ConversationStore::setTurnFailure(qint64 messageId,
                                                             const TurnFailure &failure)
{
    return storeResultOf<bool>(
        m_pool.query(u"UPDATE messages SET turn_error = ? WHERE id = ? AND role = 'user'"_s,
                     {encodedTurnFailure(failure), messageId}),
        [](const SqlOutcome &o) { return o.results.first().rowsAffected > 0; });
}

QFuture<StoreResult<bool>> ConversationStore::rename(qint64 conversationId, const QString &title)
{
    return storeResultOf<bool>(
        m_pool.query(u"UPDATE conversations SET title = ? WHERE id = ?"_s,
                     {sqlvalue::emptyIfNull(title), conversationId}),
        [](const SqlOutcome &o) { return o.results.first().rowsAffected > 0; });
}

QFuture<StoreResult<bool>> ConversationStore::remove(qint64 conversationId)
{
    // The messages go with it (ON DELETE CASCADE), and so their search entries.
    return storeResultOf<bool>(
        m_pool.query(u"DELETE FROM conversations WHERE id = ?"_s, {conversationId}),
        [](const SqlOutcome &o) { return o.results.first().rowsAffected > 0; });
}

QFuture<StoreResult<int>> ConversationStore::removeTurn(qint64 conversationId, qint64 messageId)
{
    // A message of another conversation, or none, bounds nothing (NULL): nothing goes. The
    // conversation's own instructions (system rows) stay: they were set for it, not said.
    return storeResultOf<int>(
        m_pool.query(u"DELETE FROM messages WHERE conversation_id = ? AND role <> 'system' AND"
                     u" seq >= (SELECT seq FROM messages WHERE id = ? AND conversation_id = ?)"_s,
                     {conversationId, messageId, conversationId}),
        [](const SqlOutcome &o) { return int(o.results.first().rowsAffected); });
}

QFuture<StoreResult<QList<ConversationSummary>>> ConversationStore::list(int limit, int offset)
{
    return storeResultOf<QList<ConversationSummary>>(
        m_pool.query(kSummaryColumns + u"ORDER BY c.updated_ms DESC, c.id DESC LIMIT ? OFFSET ?"_s,
                     {limit, offset}),
        [](const SqlOutcome &o) {
            QList<ConversationSummary> list;
            for (const QVariantList &row : o.results.first().rows)
                list.append(summaryFrom(row));
            return list;
        });
}

QFuture<StoreResult<ConversationSummary>> ConversationStore::find(qint64 conversationId)
{
    return storeResultOf<ConversationSummary>(
        m_pool.query(kSummaryColumns + u"WHERE c.id = ?"_s, {conversationId}),
        [](const SqlOutcome &o) {
            const auto &rows = o.results.first().rows;
            return rows.isEmpty() ? ConversationSummary{} : summaryFrom(rows.first());
        });
}

QFuture<StoreResult<QList<StoredMessage>>> ConversationStore::messages(qint64 conversationId)
{
    return storeResultOf<QList<StoredMessage>>(
        m_pool.query(u"SELECT id, seq, role, content, tool_calls, tool_call_id, tool_name,"
                     u" is_error, provider, model, created_ms, duration_ms, incomplete, payload,"
                     u" turn_error FROM messages WHERE conversation_id = ? ORDER BY seq"_s,
                     {conversationId}),
        [](const SqlOutcome &o) {
            QList<StoredMessage> messages;
            for (const QVariantList &row : o.results.first().rows) {
                StoredMessage stored;
                stored.id = row.at(0).toLongLong();
                stored.seq = row.at(1).toInt();
                stored.message.role = roleFromName(row.at(2).toString());
                stored.message.content = wholeText(row.at(3), row.at(13));
                stored.message.toolCalls = decodedToolCalls(row.at(4));
                stored.message.toolCallId = row.at(5).toString();
                stored.message.name = row.at(6).toString();
                stored.isError = row.at(7).toInt() != 0;
                stored.provider = row.at(8).toString();
                stored.model = row.at(9).toString();
                stored.createdMs = row.at(10).toLongLong();
                stored.durationMs = row.at(11).isNull() ? -1 : row.at(11).toLongLong();
                stored.incomplete = row.at(12).toInt() != 0;
                stored.turnFailure = decodedTurnFailure(row.at(14));
                messages.append(std::move(stored));
            }
            return messages;
        });
}

QStringList ConversationStore::searchWords(const QString &text)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    QStringList words = text.split(separators, Qt::SkipEmptyParts);
    if (words.size() > 16)
        words.resize(16); // a pasted page is not a query
    return words;
}

std::pair<QString, QList<TextSpan>> ConversationStore::takeMatchMarks(const QString &marked)
{
    // A stray mark is dropped, never shown.
    QString text;
    text.reserve(marked.size());
    QList<TextSpan> matches;
    qsizetype start = -1;
    for (const QChar c : marked) {
        if (c == kMatchStart) {
            start = text.size();
        } else if (c == kMatchEnd) {
            if (start >= 0 && text.size() > start)
                matches.append({start, text.size() - start});
            start = -1;
        } else {
            text.append(c);
        }
    }
    return {text, matches};
}

QFuture<StoreResult<QList<SearchHit>>> ConversationStore::search(const QString &text, int limit)
{
    const QStringList words = searchWords(text);
    if (words.isEmpty())
        return QtFuture::makeReadyFuture(StoreResult<QList<SearchHit>>{});
    // Every word as a whole word; then, only if that finds fewer than `limit`, the last one as
    // a prefix too (the word being typed). A prefix term makes the index merge the postings of
    // every word it begins, the whole of them whatever the limit: 35-90 ms for a word in each
    // of 1M messages, where whole words are read newest first and stop at the limit (1 ms).
    const bool prefix = words.last().size() >= kMinPrefixChars;
    QString sql;
    QString exact;
    QString typed;
    if (m_pool.target().backend == DatabaseBackend::Sqlite) {
        // Each word a quoted FTS5 string, so that no syntax in it counts: "foo" "bar"*.
        QStringList terms;
        for (const QString &word : words)
            terms << u'"' + word + u'"';
        exact = terms.join(u' ');
        typed = exact + u'*';
        // Newest first: FTS5 walks its index by rowid from the end and stops at the limit,
        // so a word in every message answers as fast as a rare one (ordering by rank would
        // score every match first).
        sql = u"SELECT m.conversation_id, c.title, m.id, m.role, f.snip, m.created_ms"
              u" FROM (SELECT rowid AS id,"
              u" snippet(messages_fts, 0, char(64976), char(64977), '\u2026', 16) AS snip"
              u" FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f"
              u" JOIN messages m ON m.id = f.id JOIN conversations c ON c.id = m.conversation_id"
              u" ORDER BY m.id DESC"_s;
    } else {
        exact = words.join(" & "_L1);
        typed = exact + u":*"_s;
        sql = u"SELECT m.conversation_id, c.title, m.id, m.role,"
              u" ts_headline('simple', m.content, q, 'StartSel=' || chr(64976) ||"
              u" ',StopSel=' || chr(64977) || ',MaxWords=24,MinWords=8'), m.created_ms"
              u" FROM messages m JOIN conversations c ON c.id = m.conversation_id,"
              u" to_tsquery('simple', ?) q WHERE m.content_tsv @@ q"
              u" ORDER BY m.id DESC LIMIT ?"_s;
    }
    auto job = [sql, exact, typed, prefix, limit](SqlConnection &connection) {
        SqlOutcome outcome;
        SqlRows rows = connection.exec(sql, {exact, limit}, &outcome.error);
        if (outcome.ok() && prefix && rows.rows.size() < limit)
            rows = connection.exec(sql, {typed, limit}, &outcome.error);
        if (outcome.ok())
            outcome.results << std::move(rows);
        return outcome;
    };
    return storeResultOf<QList<SearchHit>>(
        m_pool.run(job, false, DatabasePool::Retry::OnBrokenLink), [](const SqlOutcome &o) {
            QList<SearchHit> hits;
            for (const QVariantList &row : o.results.first().rows) {
                auto [snippet, matches] = takeMatchMarks(row.at(4).toString());
                hits.append({row.at(0).toLongLong(), row.at(1).toString(), row.at(2).toLongLong(),
                             row.at(3).toString(), std::move(snippet), row.at(5).toLongLong(),
                             std::move(matches)});
            }
            return hits;
        });
}

} // namespace spoon
