#pragma once

#include "config/config.h"
#include "conversationhistory.h"
#include "llm/llmerror.h"
#include "llm/llmrouter.h"
#include "toolregistry.h"
#include "turnlimiter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <qcoro/qcorotask.h>

#include <functional>
#include <memory>
#include <optional>

namespace spoon {

class Counter;
class Histogram;
class MetricsRegistry;

struct AgentTurn
{
    QString answer;
    LlmError error; // kind None on success
    int steps = 0;
    bool cancelled = false;
    bool stepBudgetSpent = false; // the answer came from the final tool-free call
    QString provider;             // who answered the last step (or failed it)
    bool incomplete = false;      // the answer was cut off by the error
};

// Tools that arrive later than the agent, e.g. an MCP server's, which must be started and
// asked. A loader runs at the start of a turn until it succeeds once.
struct ToolLoad
{
    QList<std::shared_ptr<Tool>> tools;
    QString error; // why they are not available this turn; empty on success
};
using ToolLoader = std::function<QCoro::Task<ToolLoad>()>;

// What the agent is doing, for the chat pane's status line.
enum class AgentActivity
{
    Idle,
    Thinking,
    Streaming,
    CallingTool,
    Summarising,
    Queued, // waiting for a free slot (performance.agents.max_concurrent); detail: how many ahead
};

// SpoonOS's SpoonReactAI: a ReAct loop with OpenAI-style function calling. Each step asks the
// LLM with the tool schemas; the calls it makes run (concurrently when every one is
// read-only, else in the order given) and their results go back as tool messages paired by
// id; a plain answer ends the turn. max_steps bounds the steps, and when the budget is spent
// right after tool results one tool-free call asks for the final answer. The same assistant
// message twice adds a "try another approach" nudge. Each step (LLM call and tools) has
// `timeout` seconds. cancel() stops at any moment and leaves every tool call answered.
// Every config key acts: temperature, max_tokens, stream and cache_enabled shape the
// requests; max_history_length bounds the history; cleanup_interval sets how often it is
// cleaned (and after every error).
class ReactAgent : public QObject
{
    Q_OBJECT
public:
    ReactAgent(AgentConfig config, LlmRouter &router, ToolRegistry tools,
               MetricsRegistry *registry = nullptr, QObject *parent = nullptr);
    ~ReactAgent() override;

    const AgentConfig &config() const { return m_config; }
    const ConversationHistory &history() const { return *m_history; }
    const ToolRegistry &tools() const { return m_tools; }
    void setRouteOptions(const RouteOptions &options) { m_route = options; }
    // Tools to load at the start of the next turn (and retried each turn until they load).
    void addToolLoader(ToolLoader loader) { m_loaders.append(std::move(loader)); }
    bool isBusy() const { return m_busy; }
    // Turns wait for a slot of this limiter (shared by every agent of a catalog); none: no
    // limit.
    void setTurnLimiter(TurnLimiter *limiter) { m_limiter = limiter; }
    // Folds the older half of the history into its statistical summary now (the memory
    // manager asks); nothing while a turn runs or with fewer than four messages. Returns
    // the messages folded.
    qsizetype foldHistoryNow();
    QString systemPrompt() const;
    // This conversation's own instructions, in place of the agent's system_prompt; empty:
    // the agent's again. conversationPromptChanged() lets the recorder save it.
    void setConversationPrompt(const QString &prompt);
    const QString &conversationPrompt() const { return m_conversationPrompt; }
    int turnsTaken() const { return m_turns; }
    int cleanups() const { return m_cleanups; }

    // Runs one turn: the user's message, then steps until an answer. Refused (an error turn)
    // while another turn runs.
    QCoro::Task<AgentTurn> send(QString message);
    // The same, without awaiting: the outcome arrives as turnFinished().
    void start(const QString &message);
    void cancel();
    // A stored conversation's messages become this agent's history, as if it had had them;
    // a tool call whose result was never stored gets one, so the next request is valid. The
    // last system message among them is the conversation's own instructions.
    // Ignored while a turn runs.
    void restoreHistory(const QList<ChatMessage> &messages);
    // Takes the last turn back: the last user message and all that followed it leave the
    // history, and the next turn asks the model afresh rather than from the cache. Returns
    // that message; a null string when busy or when no user message is left unfolded.
    QString rewindLastTurn();

Q_SIGNALS:
    void turnStarted(const QString &message);
    void stepStarted(int step);
    void textDelta(const QString &text);
    void stepAnswered(const spoon::ChatMessage &assistant);
    // Every call to the model as it ends, answered or not: who answered, how fast, at what
    // cost. The store records these, and the streamed text's end.
    void modelAnswered(const spoon::ChatResponse &response, const spoon::LlmError &error);
    void toolCallStarted(const QString &id, const QString &name, const QString &arguments);
    void toolCallFinished(const QString &id, const QString &name, const QString &result,
                          bool isError, qint64 durationMs);
    void activityChanged(spoon::AgentActivity activity, const QString &detail);
    // While a step's LLM call waits to try again, and when it moves to the next provider.
    void llmRetrying(const QString &provider, int attempt, int attempts, qint64 delayMs,
                     const spoon::LlmError &error);
    void llmProviderSwitched(const QString &from, const QString &to, const spoon::LlmError &error);
    // A tool loader failed: the turn goes on without its tools and tries again next turn.
    void toolsUnavailable(const QString &why);
    void turnFinished(const spoon::AgentTurn &turn);
    // rewindLastTurn() took the last turn out of the history.
    void turnRewound();
    void conversationPromptChanged(const QString &prompt);

private:
    struct StepOutcome
    {
        ChatResponse response;
        LlmError error;
    };
    // How a step left the turn: on to the next step, or over (answered, failed, stopped).
    enum class StepEnd
    {
        Next,
        TurnOver
    };
    // The parts of send(), in the order a turn runs them.
    QCoro::Task<bool> waitForSlot();
    QCoro::Task<StepEnd> runStep(int step, AgentTurn &turn,
                                 std::optional<ChatMessage> &previousStep);
    QCoro::Task<QList<ToolResult>> runToolCalls(QList<ToolCall> calls);
    QCoro::Task<void> askForFinalAnswer(AgentTurn &turn);
    QCoro::Task<void> closeTurn(const AgentTurn &turn);
    static LlmError cancelledError();
    LlmError tookTooLong(const QString &what) const;
    QCoro::Task<StepOutcome> askModel(bool withTools, const QString &transientNudge);
    QCoro::Task<ToolResult> runTool(ToolCall call, CancelTokenPtr cancel);
    QCoro::Task<void> foldHistoryIfNeeded();
    QCoro::Task<void> loadTools();
    QCoro::Task<void> cleanup();
    void setActivity(AgentActivity activity, const QString &detail = {});
    void armStepTimer();
    AgentTurn endTurn(AgentTurn turn);

    AgentConfig m_config;
    LlmRouter &m_router;
    ToolRegistry m_tools;
    QList<ToolLoader> m_loaders;
    RouteOptions m_route;
    QPointer<TurnLimiter> m_limiter;
    quint64 m_ticket = 0;     // queued for a slot while non-zero
    bool m_holdsSlot = false; // a slot of m_limiter is this turn's
    std::unique_ptr<ConversationHistory> m_history;
    QPointer<LlmCall> m_call;
    CancelTokenPtr m_toolCancel;
    QTimer m_stepTimer;
    bool m_busy = false;
    bool m_cancelRequested = false;
    bool m_stepTimedOut = false;
    QString m_conversationPrompt;
    bool m_nextTurnFresh = false; // set by rewindLastTurn()
    bool m_turnFresh = false;     // this turn's model calls skip the cache
    int m_turns = 0;
    int m_cleanups = 0;
    Counter *m_stepsCounter = nullptr;
    Counter *m_toolCallsCounter = nullptr;
    Counter *m_toolErrorsCounter = nullptr;
    Counter *m_cleanupsCounter = nullptr;
    Histogram *m_stepOverhead = nullptr;
};

} // namespace spoon

Q_DECLARE_METATYPE(spoon::AgentTurn)
