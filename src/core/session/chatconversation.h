#pragma once

#include "chattranscriptmodel.h"

#include "agent/reactagent.h"
#include "storage/conversationexport.h"
#include "storage/conversationstore.h"

#include <QObject>

#include <memory>

namespace spoon {

class ConversationRecorder;

// One conversation: an agent, the transcript its signals write and, once a store is attached,
// the recorder that saves it. The window's chat pane keeps a list of these and shows one at a
// time (a hidden one goes on streaming into its model); `spoon-console chat` runs one turn of
// one, so what it says is saved the same way.
class ChatConversation : public QObject
{
    Q_OBJECT
public:
    ChatConversation(std::unique_ptr<ReactAgent> agent, QObject *parent = nullptr);
    ~ChatConversation() override;

    ReactAgent &agent() { return *m_agent; }
    ChatTranscriptModel &transcript() { return m_transcript; }
    QString agentName() const { return m_agent->config().name; }
    QString title() const; // the first message, shortened; "New conversation" before it
    // Who gave the last answer: "openai · gpt-4.1", with "(cached)" when the cache did;
    // empty before the first.
    QString answeredBy() const { return m_answeredBy; }
    bool isBusy() const { return m_agent->isBusy(); }
    // What the status line says: the agent's activity, or how the last turn ended.
    QString status() const { return m_status; }
    bool statusIsError() const { return m_statusIsError; }

    void send(const QString &message);
    void stop();
    // After a failed turn: the same message again, as a new turn.
    bool canRetry() const;
    void retry();
    // The last turn taken back and sent again: the same message (regenerate) or an edited
    // one. Its rows leave the transcript, the agent's history and the store first, and the
    // answer is asked afresh, not from the cache.
    bool canRewind() const;
    QString lastUserMessage() const;
    void regenerate() { rewind(QString()); }
    void resend(const QString &edited) { rewind(edited); }

    // The conversation as `spoon-console history export` writes it: read back from the store
    // once every write reached it, so provider, model, times and failures are those it
    // keeps. One that is not saved (no store) is written from what the transcript shows.
    QFuture<StoreResult<QByteArray>> exportDocument(conversationexport::Format format);
    // What the transcript shows, in the store's terms.
    ConversationSummary exportSummary() const;
    QList<StoredMessage> exportMessages() const;

    // The provider and model this conversation asks (empty: the default route).
    void setRoute(const QString &provider, const QString &model);
    QString routeProvider() const { return m_routeProvider; }
    QString routeModel() const { return m_routeModel; }

    // From here on every message is saved (`storedId` -1: as a new conversation).
    void attachStore(ConversationStore &store, qint64 storedId = -1);
    qint64 storedId() const { return m_storedId; }
    bool isSaving() const;
    // Ready once every write queued so far reached the store (at once when none waits).
    QFuture<void> whenSaved();
    // A stored conversation's messages: into the transcript, and the agent's history.
    void restore(const ConversationSummary &summary, const QList<StoredMessage> &messages);
    void setTitle(const QString &title);

Q_SIGNALS:
    void titleChanged();
    void statusChanged();
    void busyChanged(bool busy);
    void storedIdChanged(qint64 id);
    // A write failed: the conversation goes on in memory (the status line says so too).
    void saveFailed(const QString &why);

private:
    void setStatus(const QString &status, bool isError = false);
    static QString adviceFor(const LlmError &error);
    // What the transcript says of a failed turn, live and when a stored one is restored.
    static QString failureText(const LlmError &error, const QString &provider, bool incomplete);
    void onTurnFinished(const AgentTurn &turn);
    void rewind(const QString &replacement); // null: the same message again

    std::unique_ptr<ReactAgent> m_agent;
    ChatTranscriptModel m_transcript;
    QString m_answeredBy;
    QString m_lastMessage;
    QString m_routeProvider;
    QString m_routeModel;
    QString m_title;
    QString m_status;
    bool m_statusIsError = false;
    qint64 m_turnStartedMs = 0;
    qint64 m_storedId = -1;
    ConversationStore *m_store = nullptr;
    ConversationRecorder *m_recorder = nullptr;
};

} // namespace spoon
