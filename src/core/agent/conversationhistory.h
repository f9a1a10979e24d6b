#pragma once

#include "llm/chattypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace spoon {

class Gauge;
class Counter;
class MetricsRegistry;

// One conversation's memory, the seed's ConversationHistoryManager: at most maxLength
// messages; when the bound is reached the older half is folded into a summary, which then
// travels with every request as context. A tool call is never separated from its results:
// the fold point moves past them. Message, summary and byte counts go to the registry,
// summed over the agent's conversations.
class ConversationHistory
{
public:
    ConversationHistory(int maxLength, const QString &agent, MetricsRegistry *registry = nullptr);
    ~ConversationHistory();
    ConversationHistory(const ConversationHistory &) = delete;
    ConversationHistory &operator=(const ConversationHistory &) = delete;

    void add(const ChatMessage &message);
    // Removes the last user message and everything after it, and returns that message's
    // text; a null string when no user message is left unfolded.
    QString takeLastTurn();
    const QList<ChatMessage> &messages() const { return m_messages; }
    const QStringList &summaries() const { return m_summaries; }
    int maxLength() const { return m_maxLength; }

    // The system prompt, the summaries as one system note, then the messages.
    QList<ChatMessage> context(const QString &systemPrompt) const;

    bool needsFolding() const { return m_messages.size() >= m_maxLength; }
    // How many of the oldest messages the next fold takes: about half, never ending between
    // a tool call and its results.
    qsizetype foldCount() const;
    // Replaces the oldest `count` messages with `summary`.
    void fold(qsizetype count, const QString &summary);
    // The seed's summary, extended: who said how much, which tools ran, the first question.
    static QString statisticalSummary(const QList<ChatMessage> &messages);

    // After a cancel: every tool call gets a result, so the next request is well-formed.
    void closeOpenToolCalls(const QString &result);
    qsizetype byteSize() const;
    quint64 folds() const { return m_folds; }

private:
    void publish();

    int m_maxLength;
    QList<ChatMessage> m_messages;
    QStringList m_summaries;
    quint64 m_folds = 0;
    Gauge *m_messagesGauge = nullptr;
    Gauge *m_summariesGauge = nullptr;
    Gauge *m_bytesGauge = nullptr;
    Counter *m_foldsCounter = nullptr;
    double m_publishedMessages = 0;
    double m_publishedSummaries = 0;
    double m_publishedBytes = 0;
};

} // namespace spoon
