#pragma once

#include "chattranscriptmodel.h"

#include "agent/reactagent.h"

#include <QObject>

#include <memory>

namespace spoon {

// One conversation: an agent and the transcript its signals write. The chat pane keeps a
// list of these and shows one at a time; a hidden one goes on streaming into its model.
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
    bool isBusy() const { return m_agent->isBusy(); }
    // What the status line says: the agent's activity, or how the last turn ended.
    QString status() const { return m_status; }
    bool statusIsError() const { return m_statusIsError; }

    void send(const QString &message);
    void stop();

Q_SIGNALS:
    void titleChanged();
    void statusChanged();
    void busyChanged(bool busy);

private:
    void setStatus(const QString &status, bool isError = false);
    void onTurnFinished(const AgentTurn &turn);

    std::unique_ptr<ReactAgent> m_agent;
    ChatTranscriptModel m_transcript;
    QString m_title;
    QString m_status;
    bool m_statusIsError = false;
    qint64 m_turnStartedMs = 0;
};

} // namespace spoon
