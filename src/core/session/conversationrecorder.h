#pragma once

#include "storage/conversationstore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

namespace spoon {

class ReactAgent;
struct AgentTurn;
struct LlmError;

// Saves one agent's conversation as it happens: the user's message when a turn starts, a
// streamed answer at checkpoints while it arrives and whole at its end (with provider,
// model and time), each tool result, the conversation's own instructions when they change
// (a system message), and how a turn failed (on its user message; a stop is no failure).
// Writes go one after another in the order things
// happened; the conversation row is made with the first of them.
class ConversationRecorder : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCheckpointMs = 2000;

    // `conversationId` -1: a new conversation, made when the first message is saved.
    ConversationRecorder(ConversationStore &store, ReactAgent &agent, qint64 conversationId = -1,
                         QObject *parent = nullptr);
    ~ConversationRecorder() override;

    qint64 conversationId() const { return m_conversationId; }
    // True while writes wait or run.
    bool isWriting() const { return m_writing || !m_queue.empty(); }
    int failedWrites() const { return m_failed; }
    // A restored conversation's last user message: where taking its last turn back starts.
    void setLastUserMessageId(qint64 id) { m_lastUserRowId = id; }
    // How often a streaming answer is saved (kCheckpointMs); tests shorten it.
    void setCheckpointInterval(int ms) { m_checkpointTimer.setInterval(ms); }

Q_SIGNALS:
    void conversationCreated(qint64 id);
    // Every queued write is done.
    void idle();
    // A write failed; the conversation goes on in memory.
    void writeFailed(const QString &why);

private:
    // A write calls `done` once its job ended, on this object's thread.
    using Done = std::function<void(const SqlError &)>;
    using Write = std::function<void(Done done)>;
    void enqueue(Write write);
    void startNext();
    void onTurnStarted(const QString &message);
    void onTurnRewound();
    void onConversationPromptChanged(const QString &prompt);
    void onTextDelta(const QString &text);
    void onModelAnswered(const ChatResponse &response, const LlmError &error);
    void onTurnFinished(const AgentTurn &turn);
    void onToolCallFinished(const QString &id, const QString &name, const QString &result,
                            bool isError, qint64 durationMs);
    void checkpoint();
    void updateStreamRow(const StoredMessage &stored);
    // Appends, making the conversation first when it has no row yet.
    void append(StoredMessage message, bool isStream);

    ConversationStore &m_store;
    QPointer<ReactAgent> m_agent;
    QString m_agentName;
    qint64 m_conversationId;
    qint64 m_lastUserRowId = -1; // -1: unknown (its write failed): a rewind deletes nothing
    bool m_sawUserMessage;       // a stored one has; a new one after its first turn
    std::optional<QString> m_pendingPrompt; // instructions given before the first message
    std::deque<Write> m_queue;
    bool m_writing = false;
    int m_failed = 0;

    // The answer streaming now: its text so far and, once saved, its row.
    QString m_streamText;
    bool m_streaming = false;
    qint64 m_streamRowId = -1;
    qint64 m_streamStartedMs = 0;
    int m_lastCallAttempts = 0; // calls a failed model call made, for its turn's record
    QTimer m_checkpointTimer;
};

} // namespace spoon
