#include "conversationrecorder.h"

#include "conversationtitle.h"

#include "agent/reactagent.h"

#include <QDateTime>

#include <utility>

using namespace Qt::StringLiterals;

namespace spoon {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

ConversationRecorder::ConversationRecorder(ConversationStore &store, ReactAgent &agent,
                                           qint64 conversationId, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_agent(&agent)
    , m_agentName(agent.config().name)
    , m_conversationId(conversationId)
    , m_sawUserMessage(conversationId >= 0)
{
    m_checkpointTimer.setSingleShot(true);
    m_checkpointTimer.setInterval(kCheckpointMs);
    connect(&m_checkpointTimer, &QTimer::timeout, this, &ConversationRecorder::checkpoint);
    connect(&agent, &ReactAgent::turnStarted, this, &ConversationRecorder::onTurnStarted);
    connect(&agent, &ReactAgent::textDelta, this, &ConversationRecorder::onTextDelta);
    connect(&agent, &ReactAgent::modelAnswered, this, &ConversationRecorder::onModelAnswered);
    connect(&agent, &ReactAgent::toolCallFinished, this, &ConversationRecorder::onToolCallFinished);
    connect(&agent, &ReactAgent::turnFinished, this, &ConversationRecorder::onTurnFinished);
    connect(&agent, &ReactAgent::turnRewound, this, &ConversationRecorder::onTurnRewound);
    connect(&agent, &ReactAgent::conversationPromptChanged, this,
            &ConversationRecorder::onConversationPromptChanged);
    if (!m_sawUserMessage && !agent.conversationPrompt().isEmpty())
        m_pendingPrompt = agent.conversationPrompt(); // given before saving began
}

ConversationRecorder::~ConversationRecorder() = default;

void ConversationRecorder::enqueue(Write write)
{
    m_queue.push_back(std::move(write));
    if (!m_writing)
        startNext();
}

void ConversationRecorder::startNext()
{
    if (m_queue.empty()) {
        m_writing = false;
        Q_EMIT idle();
        return;
    }
    m_writing = true;
    Write write = std::move(m_queue.front());
    m_queue.pop_front();
    write([this](const SqlError &error) {
        if (error.kind != SqlError::Kind::None) {
            ++m_failed;
            Q_EMIT writeFailed(error.message);
        }
        startNext();
    });
}

void ConversationRecorder::append(StoredMessage message, bool isStream)
{
    enqueue([this, message, isStream](Done done) {
        const bool isUser = message.message.role == ChatMessage::Role::User;
        if (isUser)
            m_lastUserRowId = -1; // known again only once this one is written
        auto insert = [this, message, isStream, isUser, done]() {
            m_store.append(m_conversationId, message)
                .then(this, [this, isStream, isUser, done](const StoreResult<qint64> &result) {
                    if (result.ok() && isStream)
                        m_streamRowId = result.value;
                    if (result.ok() && isUser)
                        m_lastUserRowId = result.value;
                    done(result.error);
                });
        };
        if (m_conversationId >= 0) {
            insert();
            return;
        }
        const QString title = message.message.role == ChatMessage::Role::User
                                  ? conversationTitle(message.message.content)
                                  : QString();
        m_store.create(title, m_agentName, message.createdMs)
            .then(this, [this, insert, done](const StoreResult<qint64> &created) {
                if (!created.ok()) {
                    done(created.error);
                    return;
                }
                m_conversationId = created.value;
                Q_EMIT conversationCreated(m_conversationId);
                insert();
            });
    });
}

void ConversationRecorder::onTurnStarted(const QString &message)
{
    StoredMessage stored;
    stored.message = ChatMessage::user(message);
    stored.createdMs = nowMs();
    append(stored, false);
    if (!m_sawUserMessage) {
        m_sawUserMessage = true;
        if (m_pendingPrompt)
            onConversationPromptChanged(*std::exchange(m_pendingPrompt, std::nullopt));
    }
}

void ConversationRecorder::onTurnRewound()
{
    // Queued behind the turn's own writes: by its turn, m_lastUserRowId is that turn's.
    enqueue([this](Done done) {
        if (m_conversationId < 0 || m_lastUserRowId < 0) {
            done(SqlError{}); // the turn's message was never saved: nothing of it to remove
            return;
        }
        m_store.removeTurn(m_conversationId, std::exchange(m_lastUserRowId, -1))
            .then(this, [done](const StoreResult<int> &result) { done(result.error); });
    });
}

void ConversationRecorder::onConversationPromptChanged(const QString &prompt)
{
    // Before the first message it waits: the conversation is made, and named, by that.
    if (!m_sawUserMessage) {
        m_pendingPrompt = prompt;
        return;
    }
    StoredMessage stored;
    stored.message = ChatMessage::system(prompt);
    stored.createdMs = nowMs();
    append(stored, false);
}

void ConversationRecorder::onTextDelta(const QString &text)
{
    if (m_streaming) {
        m_streamText += text;
        if (!m_checkpointTimer.isActive())
            m_checkpointTimer.start();
        return;
    }
    // The first piece makes the row, marked incomplete until the answer ends.
    m_streaming = true;
    m_streamText = text;
    m_streamRowId = -1;
    m_streamStartedMs = nowMs();
    StoredMessage stored;
    stored.message = ChatMessage::assistant(text);
    stored.createdMs = m_streamStartedMs;
    stored.incomplete = true;
    append(stored, true);
    m_checkpointTimer.start();
}

void ConversationRecorder::checkpoint()
{
    if (!m_streaming)
        return;
    StoredMessage stored;
    stored.message = ChatMessage::assistant(m_streamText);
    stored.incomplete = true;
    updateStreamRow(stored);
}

void ConversationRecorder::onModelAnswered(const ChatResponse &response, const LlmError &error)
{
    m_checkpointTimer.stop();
    // Nothing is sent without a key or a provider; otherwise every retry and fallback counts.
    const bool sent =
        error.kind != LlmError::Kind::MissingKey && error.kind != LlmError::Kind::NoProvider;
    m_lastCallAttempts =
        error.isError() && sent ? 1 + response.retries + int(response.fallbacks.size()) : 0;
    StoredMessage stored;
    const QString text = response.text.isEmpty() ? m_streamText : response.text;
    stored.message = ChatMessage::assistant(text, response.toolCalls);
    stored.provider = response.provider;
    stored.model = response.model;
    stored.durationMs = response.latencyMs;
    stored.incomplete = error.isError() || response.incomplete;
    const bool wasStreaming = std::exchange(m_streaming, false);
    m_streamText.clear();
    if (!wasStreaming) {
        // A failed call that said nothing leaves no message; the chat shows its error.
        if (text.isEmpty() && response.toolCalls.isEmpty())
            return;
        stored.createdMs = nowMs();
        append(stored, false);
        return;
    }
    updateStreamRow(stored);
}

// Queued behind the insert that makes the row, so the row's id is known when it runs.
void ConversationRecorder::updateStreamRow(const StoredMessage &stored)
{
    enqueue([this, stored](Done done) {
        if (m_streamRowId < 0) {
            done({}); // the row itself failed; its error was reported
            return;
        }
        m_store.updateMessage(m_streamRowId, stored)
            .then(this, [done](const StoreResult<bool> &result) { done(result.error); });
    });
}

void ConversationRecorder::onTurnFinished(const AgentTurn &turn)
{
    if (!turn.error.isError() || turn.cancelled)
        return;
    TurnFailure failure;
    failure.kind = turn.error.kindName();
    failure.httpStatus = turn.error.httpStatus;
    failure.message = turn.error.message;
    failure.attempts = std::exchange(m_lastCallAttempts, 0);
    failure.provider = turn.provider;
    failure.incomplete = turn.incomplete;
    // Queued behind the turn's own writes: by its turn, m_lastUserRowId is this turn's.
    enqueue([this, failure](Done done) {
        if (m_lastUserRowId < 0) {
            done(SqlError{}); // the user's message was not saved; its error was reported
            return;
        }
        m_store.setTurnFailure(m_lastUserRowId, failure)
            .then(this, [done](const StoreResult<bool> &result) { done(result.error); });
    });
}

void ConversationRecorder::onToolCallFinished(const QString &id, const QString &name,
                                              const QString &result, bool isError,
                                              qint64 durationMs)
{
    StoredMessage stored;
    stored.message = ChatMessage::toolResult(id, name, result);
    stored.isError = isError;
    stored.durationMs = durationMs;
    stored.createdMs = nowMs();
    append(stored, false);
}

} // namespace spoon
