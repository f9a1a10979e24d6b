#pragma once

#include "databasepool.h"
#include "llm/chattypes.h"
#include "llm/llmerror.h"
#include "storeresult.h"

#include <QFuture>

namespace spoon {

// How a turn that failed ended, kept on its user message: after a restart and in an export
// the failure shows where it happened, not as a question that was never answered.
struct TurnFailure
{
    QString kind; // LlmError::kindName(): "rate_limited", "timeout", ...; empty: no failure
    int httpStatus = 0;
    QString message;
    int attempts = 0;        // calls the failed model call made, retries and fallbacks included; 0
                             // when none failed (nothing was sent, or a step ran out of time)
    QString provider;        // the one that failed last
    bool incomplete = false; // part of an answer arrived first

    bool isFailure() const { return !kind.isEmpty(); }
    LlmError error() const;
};

struct StoredMessage
{
    qint64 id = -1;
    int seq = 0;
    ChatMessage message;  // role, text, tool calls, tool call id and name
    bool isError = false; // a tool result that reported failure
    QString provider;
    QString model;
    qint64 createdMs = 0;
    qint64 durationMs = -1;  // -1: not measured
    bool incomplete = false; // cut off by an error or a stop, or still streaming
    TurnFailure turnFailure; // a user message: how its turn failed, when it did
};

struct ConversationSummary
{
    qint64 id = -1;
    QString title;
    QString agent;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    int messageCount = 0;
};

// A run of characters in a text: where a search matched.
struct TextSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

struct SearchHit
{
    qint64 conversationId = -1;
    QString title;
    qint64 messageId = -1;
    QString role;
    QString text; // the words around the matches (plain text, as stored)
    qint64 createdMs = 0;
    QList<TextSpan> matches; // the matched words in `text`, in order
};

// Conversations and their messages in the store, each call one pool job. Every value is
// bound; a search's words are quoted so that FTS syntax in them is only text.
class ConversationStore
{
public:
    // A message longer than this (a large tool result) is kept whole through the serializer
    // (usually compressed) and its first this-many characters stay in the searchable text.
    static constexpr qsizetype kSearchableChars = 8192;

    explicit ConversationStore(DatabasePool &pool);

    QFuture<StoreResult<qint64>> create(const QString &title, const QString &agent, qint64 nowMs);
    // Appends at the end of the conversation and bumps its update time; the id it got.
    QFuture<StoreResult<qint64>> append(qint64 conversationId, const StoredMessage &message);
    // A streaming answer's checkpoint, and its end: text, tool calls, provider, model,
    // duration and the incomplete mark are replaced.
    QFuture<StoreResult<bool>> updateMessage(qint64 messageId, const StoredMessage &message);
    // The turn that user message `messageId` began failed: how (setTurnFailure).
    QFuture<StoreResult<bool>> setTurnFailure(qint64 messageId, const TurnFailure &failure);
    QFuture<StoreResult<bool>> rename(qint64 conversationId, const QString &title);
    QFuture<StoreResult<bool>> remove(qint64 conversationId);
    // A turn taken back (regenerate, edit and resend): its user message `messageId` and
    // every later message of the conversation but its instructions (system). Returns how
    // many went; none when that message is not the conversation's.
    QFuture<StoreResult<int>> removeTurn(qint64 conversationId, qint64 messageId);
    // Newest first.
    QFuture<StoreResult<QList<ConversationSummary>>> list(int limit = 1000, int offset = 0);
    QFuture<StoreResult<ConversationSummary>> find(qint64 conversationId);
    QFuture<StoreResult<QList<StoredMessage>>> messages(qint64 conversationId);
    // Messages holding every word, newest first. Each word matches as a whole word; the last,
    // the one being typed, also as the start of a longer one when it has kMinPrefixChars and
    // the whole words found fewer than `limit`.
    QFuture<StoreResult<QList<SearchHit>>> search(const QString &text, int limit = 50);
    static constexpr qsizetype kMinPrefixChars = 2;

    // The words of what the user typed (letters and digits only), so that no FTS or SQL
    // syntax in it means anything.
    static QStringList searchWords(const QString &text);
    // A snippet with kMatchStart and kMatchEnd around each match (FTS5's snippet(),
    // PostgreSQL's ts_headline()) as its text and the spans they marked. The marks are
    // Unicode noncharacters, kept for a program's own use and never in text (Unicode 15,
    // section 23.7).
    static std::pair<QString, QList<TextSpan>> takeMatchMarks(const QString &marked);
    static constexpr QChar kMatchStart = u'\uFDD0';
    static constexpr QChar kMatchEnd = u'\uFDD1';

private:
    DatabasePool &m_pool;
};

} // namespace spoon
