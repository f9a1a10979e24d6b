#include "conversationhistory.h"

#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QMap>

#include <algorithm>

namespace spoon {

using namespace Qt::StringLiterals;

ConversationHistory::ConversationHistory(int maxLength, const QString &agent,
                                         MetricsRegistry *registry)
    : m_maxLength(std::max(2, maxLength))
{
    if (!registry)
        return;
    const MetricLabels labels{{"agent", agent.toUtf8()}};
    m_messagesGauge = &registry->gauge(metric::kAgentHistoryMessages, labels);
    m_summariesGauge = &registry->gauge(metric::kAgentHistorySummaries, labels);
    m_bytesGauge = &registry->gauge(metric::kAgentHistoryBytes, labels);
    m_foldsCounter = &registry->counter(metric::kAgentHistoryFolds, labels);
}

ConversationHistory::~ConversationHistory()
{
    // Take this conversation's share back out of the agent's totals.
    if (m_messagesGauge) {
        m_messagesGauge->add(-m_publishedMessages);
        m_summariesGauge->add(-m_publishedSummaries);
        m_bytesGauge->add(-m_publishedBytes);
    }
}

void ConversationHistory::add(const ChatMessage &message)
{
    m_messages.append(message);
    publish();
}

QString ConversationHistory::takeLastTurn()
{
    for (qsizetype i = m_messages.size() - 1; i >= 0; --i) {
        if (m_messages.at(i).role != ChatMessage::Role::User)
            continue;
        QString text = m_messages.at(i).content;
        if (text.isNull())
            text = u""_s;
        m_messages.remove(i, m_messages.size() - i);
        publish();
        return text;
    }
    return QString();
}

QList<ChatMessage> ConversationHistory::context(const QString &systemPrompt) const
{
    QList<ChatMessage> context;
    if (!systemPrompt.isEmpty())
        context.append(ChatMessage::system(systemPrompt));
    if (!m_summaries.isEmpty()) {
        QString note = u"Earlier in this conversation (summarised):"_s;
        for (qsizetype i = 0; i < m_summaries.size(); ++i)
            note += u"\nPart %1: %2"_s.arg(i + 1).arg(m_summaries.at(i));
        context.append(ChatMessage::system(note));
    }
    context.append(m_messages);
    return context;
}

qsizetype ConversationHistory::foldCount() const
{
    qsizetype count = m_messages.size() / 2;
    // Tool results belong with the call before them: fold them too.
    while (count < m_messages.size() && m_messages.at(count).role == ChatMessage::Role::Tool)
        ++count;
    return count;
}

void ConversationHistory::fold(qsizetype count, const QString &summary)
{
    count = std::clamp<qsizetype>(count, 0, m_messages.size());
    if (count == 0)
        return;
    m_messages.remove(0, count);
    m_summaries.append(summary);
    ++m_folds;
    if (m_foldsCounter)
        m_foldsCounter->add();
    publish();
}

QString ConversationHistory::statisticalSummary(const QList<ChatMessage> &messages)
{
    int questions = 0;
    int answers = 0;
    QMap<QString, int> tools;
    QString firstQuestion;
    for (const ChatMessage &m : messages) {
        switch (m.role) {
        case ChatMessage::Role::User:
            ++questions;
            if (firstQuestion.isEmpty())
                firstQuestion = m.content.simplified().left(120);
            break;
        case ChatMessage::Role::Assistant:
            if (!m.content.isEmpty())
                ++answers;
            for (const ToolCall &call : m.toolCalls)
                ++tools[call.name];
            break;
        default:
            break;
        }
    }
    QString summary =
        u"User asked %1 questions, assistant provided %2 responses"_s.arg(questions).arg(answers);
    if (!tools.isEmpty()) {
        QStringList used;
        for (auto it = tools.begin(); it != tools.end(); ++it)
            used.append(u"%1 (%2x)"_s.arg(it.key()).arg(it.value()));
        summary += u"; tools called: "_s + used.join(u", "_s);
    }
    if (!firstQuestion.isEmpty())
        summary += u"; it began with: \"%1\""_s.arg(firstQuestion);
    return summary;
}

void ConversationHistory::closeOpenToolCalls(const QString &result)
{
    // Find the last assistant message with tool calls and answer those still unanswered.
    for (qsizetype i = m_messages.size() - 1; i >= 0; --i) {
        const ChatMessage &message = m_messages.at(i);
        if (message.role != ChatMessage::Role::Assistant || message.toolCalls.isEmpty())
            continue;
        QStringList answered;
        for (qsizetype j = i + 1; j < m_messages.size(); ++j) {
            if (m_messages.at(j).role == ChatMessage::Role::Tool)
                answered.append(m_messages.at(j).toolCallId);
        }
        const QList<ToolCall> calls = message.toolCalls;
        for (const ToolCall &call : calls) {
            if (!answered.contains(call.id))
                m_messages.append(ChatMessage::toolResult(call.id, call.name, result));
        }
        break;
    }
    publish();
}

qsizetype ConversationHistory::byteSize() const
{
    qsizetype bytes = 0;
    for (const ChatMessage &m : m_messages) {
        bytes += m.content.size() * 2;
        for (const ToolCall &call : m.toolCalls)
            bytes += (call.arguments.size() + call.name.size() + call.id.size()) * 2;
    }
    for (const QString &summary : m_summaries)
        bytes += summary.size() * 2;
    return bytes;
}

void ConversationHistory::publish()
{
    if (!m_messagesGauge)
        return;
    const double messages = double(m_messages.size());
    const double summaries = double(m_summaries.size());
    const double bytes = double(byteSize());
    m_messagesGauge->add(messages - m_publishedMessages);
    m_summariesGauge->add(summaries - m_publishedSummaries);
    m_bytesGauge->add(bytes - m_publishedBytes);
    m_publishedMessages = messages;
    m_publishedSummaries = summaries;
    m_publishedBytes = bytes;
}

} // namespace spoon
