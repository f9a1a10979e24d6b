#include "chatconversation.h"

#include "conversationrecorder.h"
#include "conversationtitle.h"

#include <QDateTime>
#include <QLocale>

#include <utility>

namespace spoon {

ChatConversation::ChatConversation(std::unique_ptr<ReactAgent> agent, QObject *parent)
    : QObject(parent)
    , m_agent(std::move(agent))
    , m_status(tr("Ready"))
{
    ReactAgent *a = m_agent.get();
    connect(a, &ReactAgent::turnStarted, this, [this](const QString &message) {
        m_transcript.addUserMessage(message);
        m_turnStartedMs = QDateTime::currentMSecsSinceEpoch();
        if (m_title.isEmpty()) {
            m_title = conversationTitle(message);
            Q_EMIT titleChanged();
        }
        Q_EMIT busyChanged(true);
    });
    connect(a, &ReactAgent::textDelta, &m_transcript, &ChatTranscriptModel::appendStreamedText);
    connect(a, &ReactAgent::stepAnswered, this,
            [this](const ChatMessage &assistant) { m_transcript.finishAnswer(assistant.content); });
    connect(a, &ReactAgent::toolCallStarted, &m_transcript, &ChatTranscriptModel::addToolStep);
    connect(a, &ReactAgent::toolCallFinished, this,
            [this](const QString &id, const QString &, const QString &result, bool isError,
                   qint64 ms) { m_transcript.finishToolStep(id, result, isError, ms); });
    connect(a, &ReactAgent::toolsUnavailable, &m_transcript, &ChatTranscriptModel::addNotice);
    connect(a, &ReactAgent::activityChanged, this,
            [this](AgentActivity activity, const QString &detail) {
                switch (activity) {
                case AgentActivity::Thinking:
                    setStatus(detail.isEmpty() ? tr("Thinking…") : tr("Thinking: %1…").arg(detail));
                    break;
                case AgentActivity::Streaming:
                    setStatus(tr("Streaming the answer…"));
                    break;
                case AgentActivity::CallingTool:
                    setStatus(tr("Calling tool %1…").arg(detail));
                    break;
                case AgentActivity::Summarising:
                    setStatus(tr("Summarising older messages…"));
                    break;
                case AgentActivity::Queued:
                    setStatus(tr("Waiting for a free agent slot (%1 ahead; "
                                 "performance.agents.max_concurrent)")
                                  .arg(detail));
                    break;
                case AgentActivity::Idle:
                    break; // the turn's end says how it went
                }
            });
    connect(a, &ReactAgent::llmRetrying, this,
            [this](const QString &provider, int attempt, int attempts, qint64 delayMs,
                   const LlmError &error) {
                const QString what =
                    error.httpStatus ? QString::number(error.httpStatus) : error.kindName();
                setStatus(
                    tr("Retrying in %1 s (%2 from %3, attempt %4 of %5)")
                        .arg(QLocale().toString(double(delayMs) / 1000.0, 'g', 2), what, provider)
                        .arg(attempt)
                        .arg(attempts));
            });
    connect(a, &ReactAgent::llmProviderSwitched, this,
            [this](const QString &from, const QString &to, const LlmError &error) {
                setStatus(tr("%1 failed (%2); asking %3").arg(from, error.describe(), to));
            });
    connect(a, &ReactAgent::modelAnswered, this,
            [this](const ChatResponse &response, const LlmError &error) {
                if (error.isError() || response.provider.isEmpty())
                    return;
                m_answeredBy = response.model.isEmpty()
                                   ? response.provider
                                   : response.provider + QStringLiteral(" · ") + response.model;
                if (response.cached)
                    m_answeredBy += QLatin1Char(' ') + tr("(cached)");
                if (!response.fallbacks.isEmpty())
                    m_transcript.addNotice(
                        tr("Answered by %1 after %2 failed")
                            .arg(response.provider, response.fallbacks.join(QStringLiteral(", "))));
            });
    connect(a, &ReactAgent::turnFinished, this, &ChatConversation::onTurnFinished);
    connect(a, &ReactAgent::conversationPromptChanged, this, [this](const QString &prompt) {
        m_transcript.addNotice(
            prompt.trimmed().isEmpty()
                ? tr("This conversation follows the agent's own instructions again.")
                : tr("This conversation has its own instructions from here on."));
    });
}

ChatConversation::~ChatConversation() = default;

QString ChatConversation::title() const
{
    return m_title.isEmpty() ? tr("New conversation") : m_title;
}

void ChatConversation::send(const QString &message)
{
    if (message.trimmed().isEmpty() || m_agent->isBusy())
        return;
    setStatus(tr("Thinking…"));
    m_lastMessage = message.trimmed();
    m_agent->start(m_lastMessage);
}

void ChatConversation::setRoute(const QString &provider, const QString &model)
{
    m_routeProvider = provider;
    m_routeModel = model;
    RouteOptions route;
    route.provider = provider;
    route.model = model;
    m_agent->setRouteOptions(route);
}

bool ChatConversation::canRewind() const
{
    if (m_agent->isBusy() || m_transcript.lastUserRow() < 0)
        return false;
    const QList<ChatMessage> &history = m_agent->history().messages();
    return std::any_of(history.begin(), history.end(),
                       [](const ChatMessage &m) { return m.role == ChatMessage::Role::User; });
}

QString ChatConversation::lastUserMessage() const
{
    const int row = m_transcript.lastUserRow();
    return row < 0 ? QString() : m_transcript.item(row).text;
}

void ChatConversation::rewind(const QString &replacement)
{
    if (!canRewind() || (!replacement.isNull() && replacement.trimmed().isEmpty()))
        return;
    const QString taken = m_agent->rewindLastTurn();
    if (taken.isNull())
        return;
    m_transcript.removeFrom(m_transcript.lastUserRow());
    send(replacement.isNull() ? taken : replacement);
}

QFuture<StoreResult<QByteArray>> ChatConversation::exportDocument(conversationexport::Format format)
{
    if (!m_store || m_storedId < 0) {
        return QtFuture::makeReadyFuture(StoreResult<QByteArray>{
            {}, conversationexport::document(exportSummary(), exportMessages(), format)});
    }
    QFuture<void> saved = whenSaved();
    ConversationStore *store = m_store;
    const qint64 id = m_storedId;
    return saved.then(this, [store, id] { return store->find(id); })
        .unwrap()
        .then(this,
              [store, id, format](const StoreResult<ConversationSummary> &found) {
                  if (!found.ok())
                      return QtFuture::makeReadyFuture(StoreResult<QByteArray>{found.error, {}});
                  return store->messages(id).then([summary = found.value, format](
                                                      const StoreResult<QList<StoredMessage>> &m) {
                      return StoreResult<QByteArray>{
                          m.error, m.ok() ? conversationexport::document(summary, m.value, format)
                                          : QByteArray()};
                  });
              })
        .unwrap();
}

ConversationSummary ChatConversation::exportSummary() const
{
    ConversationSummary summary;
    summary.id = m_storedId;
    summary.title = m_title;
    summary.agent = agentName();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    summary.createdMs = m_transcript.isEmpty() ? now : m_transcript.item(0).createdMs;
    summary.updatedMs = m_transcript.isEmpty() ? now : m_transcript.items().last().createdMs;
    summary.messageCount = int(exportMessages().size());
    return summary;
}

QList<StoredMessage> ChatConversation::exportMessages() const
{
    QList<StoredMessage> messages;
    if (!m_agent->conversationPrompt().trimmed().isEmpty()) {
        StoredMessage instructions;
        instructions.message = ChatMessage::system(m_agent->conversationPrompt());
        instructions.createdMs = m_transcript.isEmpty() ? 0 : m_transcript.item(0).createdMs;
        messages.append(instructions);
    }
    for (const ChatItem &item : m_transcript.items()) {
        StoredMessage stored;
        stored.createdMs = item.createdMs;
        switch (item.kind) {
        case ChatItem::Kind::User:
            stored.message = ChatMessage::user(item.text);
            break;
        case ChatItem::Kind::Assistant:
            stored.message = ChatMessage::assistant(item.text);
            stored.incomplete = item.streaming;
            break;
        case ChatItem::Kind::ToolStep: {
            stored.message = ChatMessage::assistant(QString());
            stored.message.toolCalls.append({item.toolCallId, item.toolName, item.arguments});
            messages.append(stored);
            stored = StoredMessage();
            stored.createdMs = item.createdMs;
            stored.message = ChatMessage::toolResult(item.toolCallId, item.toolName, item.result);
            stored.isError = item.isError;
            stored.durationMs = item.durationMs;
            stored.incomplete = item.running;
            break;
        }
        case ChatItem::Kind::Notice:
        case ChatItem::Kind::Error:
            continue; // the pane's remarks, not the conversation's
        }
        messages.append(stored);
    }
    return messages;
}

bool ChatConversation::canRetry() const
{
    return m_statusIsError && !m_lastMessage.isEmpty() && !m_agent->isBusy();
}

void ChatConversation::retry()
{
    if (canRetry())
        send(m_lastMessage);
}

void ChatConversation::stop()
{
    if (m_agent->isBusy()) {
        setStatus(tr("Stopping…"));
        m_agent->cancel();
    }
}

void ChatConversation::attachStore(ConversationStore &store, qint64 storedId)
{
    if (m_recorder)
        return;
    m_storedId = storedId;
    m_store = &store;
    m_recorder = new ConversationRecorder(store, *m_agent, storedId, this);
    connect(m_recorder, &ConversationRecorder::conversationCreated, this, [this](qint64 id) {
        m_storedId = id;
        Q_EMIT storedIdChanged(id);
    });
    connect(m_recorder, &ConversationRecorder::writeFailed, this, [this](const QString &why) {
        setStatus(tr("Not saved: %1").arg(why), true);
        Q_EMIT saveFailed(why);
    });
}

QFuture<void> ChatConversation::whenSaved()
{
    return isSaving() ? QtFuture::connect(m_recorder, &ConversationRecorder::idle)
                      : QtFuture::makeReadyFuture();
}

bool ChatConversation::isSaving() const
{
    return m_recorder && m_recorder->isWriting();
}

void ChatConversation::restore(const ConversationSummary &summary,
                               const QList<StoredMessage> &messages)
{
    setTitle(summary.title);
    QList<ChatMessage> history;
    // A failed turn's error closes it, after its last message, as it did live.
    const TurnFailure *failedTurn = nullptr;
    QString lastMessage; // the last turn's user message
    QString lastFailure; // and its error as shown, when that turn failed
    auto closeFailedTurn = [&] {
        if (const TurnFailure *f = std::exchange(failedTurn, nullptr)) {
            lastFailure = failureText(f->error(), f->provider, f->incomplete);
            m_transcript.addError(lastFailure);
        }
    };
    for (const StoredMessage &stored : messages) {
        const ChatMessage &message = stored.message;
        history.append(message);
        switch (message.role) {
        case ChatMessage::Role::User:
            closeFailedTurn();
            if (stored.turnFailure.isFailure())
                failedTurn = &stored.turnFailure;
            lastMessage = message.content;
            lastFailure.clear();
            m_transcript.addUserMessage(message.content);
            m_transcript.setLastCreated(stored.createdMs);
            if (m_recorder)
                m_recorder->setLastUserMessageId(stored.id);
            break;
        case ChatMessage::Role::Assistant:
            if (!message.content.isEmpty()) {
                m_transcript.finishAnswer(message.content);
                m_transcript.setLastCreated(stored.createdMs);
            }
            for (const ToolCall &call : message.toolCalls)
                m_transcript.addToolStep(call.id, call.name, call.arguments);
            if (stored.incomplete)
                m_transcript.addNotice(tr("This answer was cut off and is incomplete."));
            break;
        case ChatMessage::Role::Tool:
            m_transcript.finishToolStep(message.toolCallId, message.content, stored.isError,
                                        stored.durationMs);
            break;
        case ChatMessage::Role::System:
            break;
        }
    }
    closeFailedTurn();
    m_transcript.endStreaming();
    m_agent->restoreHistory(history);
    // The last turn failed: the status line says so and Retry asks again, as they did live.
    if (!lastFailure.isEmpty()) {
        m_lastMessage = lastMessage.trimmed();
        setStatus(tr("Error: %1").arg(lastFailure), true);
    }
}

void ChatConversation::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    Q_EMIT titleChanged();
}

void ChatConversation::setStatus(const QString &status, bool isError)
{
    if (status == m_status && isError == m_statusIsError)
        return;
    m_status = status;
    m_statusIsError = isError;
    Q_EMIT statusChanged();
}

// What to check, for the errors a person can fix from the window.
QString ChatConversation::adviceFor(const LlmError &error)
{
    switch (error.kind) {
    case LlmError::Kind::MissingKey:
        return tr("Add the key in Settings > Providers (Ctrl+,)");
    case LlmError::Kind::Auth:
        return tr("Check the API key in Settings > Providers (Ctrl+,)");
    case LlmError::Kind::Network:
    case LlmError::Kind::Timeout:
        return tr("Is the server running? Check its base URL in Settings > Providers (Ctrl+,)");
    case LlmError::Kind::RateLimited:
        return tr("The provider limits how fast it is asked: wait a moment, then Retry");
    case LlmError::Kind::BadRequest:
        return error.httpStatus == 404
                   ? tr("Check the model name and the base URL in Settings > Providers (Ctrl+,)")
                   : QString();
    default:
        return QString();
    }
}

QString ChatConversation::failureText(const LlmError &error, const QString &provider,
                                      bool incomplete)
{
    QString why = error.describe();
    if (!provider.isEmpty())
        why = provider + QStringLiteral(": ") + why;
    const QString advice = adviceFor(error);
    if (!advice.isEmpty()) {
        // The server's words often end a sentence already ("try again in 20s.").
        while (why.endsWith(u'.') || why.endsWith(u' '))
            why.chop(1);
        why = tr("%1. %2", "an error, then what to check").arg(why, advice);
    }
    return incomplete ? tr("%1 (the answer above is incomplete)").arg(why) : why;
}

void ChatConversation::onTurnFinished(const AgentTurn &turn)
{
    m_transcript.endStreaming();
    const double seconds = double(QDateTime::currentMSecsSinceEpoch() - m_turnStartedMs) / 1000.0;
    if (turn.cancelled) {
        m_transcript.addNotice(tr("Stopped. What arrived so far is kept, and you can go on "
                                  "with the conversation."));
        setStatus(tr("Stopped"));
    } else if (turn.error.isError()) {
        const QString why = failureText(turn.error, turn.provider, turn.incomplete);
        m_transcript.addError(why);
        setStatus(tr("Error: %1").arg(why), true);
    } else {
        QString status = tr("Answered in %n step(s), %1 s", nullptr, turn.steps)
                             .arg(QLocale().toString(seconds, 'f', 1));
        if (!m_answeredBy.isEmpty())
            status += QStringLiteral(" · ") + tr("by %1").arg(m_answeredBy);
        setStatus(status);
    }
    Q_EMIT busyChanged(false);
}

} // namespace spoon
