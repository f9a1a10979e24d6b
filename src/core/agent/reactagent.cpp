#include "reactagent.h"

#include "jsonschemavalidator.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QLoggingCategory>

#include <qcoro/qcorosignal.h>

#include <chrono>
#include <vector>

namespace spoon {

Q_LOGGING_CATEGORY(lcAgent, "spoon.agent")

using namespace Qt::StringLiterals;

namespace {
constexpr char kRepeatNudge[] =
    "[engine] Your last step repeated the one before it. That did not help: try another approach.";
constexpr char kBudgetNudge[] =
    "[engine] The step budget is spent. Give your final answer now from what you have, without "
    "calling any tool.";
constexpr char kCancelledResult[] = "cancelled: the user stopped this turn before the tool ran";

bool sameStep(const ChatMessage &a, const ChatMessage &b)
{
    if (a.content.trimmed() != b.content.trimmed() || a.toolCalls.size() != b.toolCalls.size())
        return false;
    for (qsizetype i = 0; i < a.toolCalls.size(); ++i) {
        if (a.toolCalls[i].name != b.toolCalls[i].name ||
            a.toolCalls[i].arguments != b.toolCalls[i].arguments)
            return false;
    }
    return true;
}
} // namespace

ReactAgent::ReactAgent(AgentConfig config, LlmRouter &router, ToolRegistry tools,
                       MetricsRegistry *registry, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_router(router)
    , m_tools(std::move(tools))
    , m_history(std::make_unique<ConversationHistory>(m_config.settings.maxHistoryLength,
                                                      m_config.name, registry))
{
    m_stepTimer.setSingleShot(true);
    connect(&m_stepTimer, &QTimer::timeout, this, [this] {
        m_stepTimedOut = true;
        if (m_call)
            m_call->cancel();
        if (m_toolCancel)
            m_toolCancel->cancel();
    });
    if (registry) {
        const MetricLabels labels{{"agent", m_config.name.toUtf8()}};
        m_stepsCounter = &registry->counter(metric::kAgentSteps, labels);
        m_toolCallsCounter = &registry->counter(metric::kAgentToolCalls, labels);
        m_toolErrorsCounter = &registry->counter(metric::kAgentToolErrors, labels);
        m_cleanupsCounter = &registry->counter(metric::kAgentCleanups, labels);
        m_stepOverhead = &registry->histogram(
            metric::kAgentStepOverheadSeconds,
            {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05}, labels);
    }
}

ReactAgent::~ReactAgent()
{
    if (m_limiter && m_ticket)
        m_limiter->abandon(m_ticket);
    if (m_limiter && m_holdsSlot)
        m_limiter->release();
    m_cancelRequested = true;
    if (m_call)
        m_call->cancel();
    if (m_toolCancel)
        m_toolCancel->cancel();
}

QString ReactAgent::systemPrompt() const
{
    QString prompt = m_conversationPrompt.trimmed();
    if (prompt.isEmpty())
        prompt = m_config.systemPrompt.trimmed();
    if (prompt.isEmpty()) {
        prompt = u"You are %1, an AI agent in Spoon Console."_s.arg(m_config.name);
        if (!m_config.description.isEmpty())
            prompt += u' ' + m_config.description.trimmed();
        if (!prompt.endsWith(u'.'))
            prompt += u'.';
    }
    if (!m_tools.isEmpty())
        prompt += u" Use the tools when they help, with JSON arguments that match their schema. "
                  u"When you can answer, answer the user directly without calling a tool."_s;
    return prompt;
}

void ReactAgent::setActivity(AgentActivity activity, const QString &detail)
{
    Q_EMIT activityChanged(activity, detail);
}

void ReactAgent::armStepTimer()
{
    m_stepTimedOut = false;
    m_stepTimer.start(int(m_config.settings.timeout * 1000.0));
}

void ReactAgent::start(const QString &message)
{
    QCoro::connect(send(message), this, [](const AgentTurn &) {});
}

void ReactAgent::cancel()
{
    if (!m_busy)
        return;
    m_cancelRequested = true;
    if (m_call)
        m_call->cancel();
    if (m_toolCancel)
        m_toolCancel->cancel();
    if (m_limiter && m_ticket)
        m_limiter->abandon(std::exchange(m_ticket, 0)); // wakes the waiting turn
}

QString ReactAgent::rewindLastTurn()
{
    if (m_busy)
        return QString();
    const QString message = m_history->takeLastTurn();
    if (message.isNull())
        return message;
    m_nextTurnFresh = true;
    Q_EMIT turnRewound();
    return message;
}

void ReactAgent::setConversationPrompt(const QString &prompt)
{
    if (prompt == m_conversationPrompt)
        return;
    m_conversationPrompt = prompt;
    Q_EMIT conversationPromptChanged(prompt);
}

void ReactAgent::restoreHistory(const QList<ChatMessage> &messages)
{
    if (m_busy)
        return;
    for (const ChatMessage &message : messages) {
        if (message.role == ChatMessage::Role::System)
            m_conversationPrompt = message.content; // the last one holds
        else
            m_history->add(message);
    }
    m_history->closeOpenToolCalls(u"(no result was kept for this call)"_s);
}

QCoro::Task<ReactAgent::StepOutcome> ReactAgent::askModel(bool withTools,
                                                          const QString &transientNudge)
{
    ChatRequest request;
    request.messages = m_history->context(systemPrompt());
    if (!transientNudge.isEmpty())
        request.messages.append(ChatMessage::user(transientNudge));
    if (withTools)
        request.tools = m_tools.specs();
    request.temperature = m_config.settings.temperature;
    request.maxTokens = m_config.settings.maxTokens;
    request.stream = m_config.settings.stream;
    request.cacheAllowed = m_config.settings.cacheEnabled;

    RouteOptions route = m_route;
    route.agent = m_config.name;
    route.noCache = route.noCache || m_turnFresh; // a regenerated answer is sampled anew
    LlmCall *call = m_router.send(request, route);
    m_call = call;
    connect(call, &LlmCall::retryScheduled, this, &ReactAgent::llmRetrying);
    connect(call, &LlmCall::providerSwitched, this, &ReactAgent::llmProviderSwitched);
    bool streaming = false;
    connect(call, &LlmCall::textDelta, this, [this, &streaming](const QString &text) {
        if (!streaming) {
            streaming = true;
            setActivity(AgentActivity::Streaming);
        }
        Q_EMIT textDelta(text);
    });
    QPointer<ReactAgent> self(this);
    StepOutcome outcome;
    auto finished = qCoro(call, &LlmCall::finished);
    std::tie(outcome.response, outcome.error) = co_await finished;
    if (self) {
        m_call = nullptr;
        Q_EMIT modelAnswered(outcome.response, outcome.error);
    }
    co_return outcome;
}

QCoro::Task<ToolResult> ReactAgent::runTool(ToolCall call, CancelTokenPtr cancel)
{
    const std::shared_ptr<Tool> tool = m_tools.find(call.name);
    Q_EMIT toolCallStarted(call.id, call.name, call.arguments);
    QElapsedTimer clock;
    clock.start();
    ToolResult result;
    QJsonObject arguments;
    QString problem;
    if (!tool) {
        result = ToolResult::error(u"there is no tool called \"%1\"; available: %2"_s.arg(
            call.name, m_tools.names().join(u", "_s)));
    } else if (!JsonSchemaValidator::parseArguments(call.arguments, &arguments, &problem)) {
        result = ToolResult::error(problem + u"; call it again with a JSON object"_s);
    } else if (const QStringList problems =
                   JsonSchemaValidator::validate(tool->parameters(), arguments);
               !problems.isEmpty()) {
        result = ToolResult::error(u"invalid arguments: "_s + problems.join(u"; "_s));
    } else if (cancel->isCancelled()) {
        result = ToolResult::error(QString::fromLatin1(kCancelledResult));
    } else {
        QCoro::Task<ToolResult> running = tool->execute(arguments, cancel);
        result = co_await running;
    }
    // What a tool (an MCP server, a web page) sends goes to the model, whose context is
    // finite and paid for: the model reads the start, and is told the rest was cut.
    const int maxChars = std::max(100, m_config.settings.maxResultChars);
    if (result.content.size() > maxChars) {
        const qsizetype whole = result.content.size();
        result.content.truncate(maxChars);
        result.content += u"\n[cut: the result had %1 characters; these are the first %2 "
                          u"(performance.tools.max_result_chars)]"_s.arg(whole)
                              .arg(maxChars);
    }
    if (m_toolCallsCounter) {
        m_toolCallsCounter->add();
        if (result.isError)
            m_toolErrorsCounter->add();
    }
    Q_EMIT toolCallFinished(call.id, call.name, result.content, result.isError, clock.elapsed());
    co_return result;
}

QCoro::Task<void> ReactAgent::foldHistoryIfNeeded()
{
    if (!m_history->needsFolding())
        co_return;
    const qsizetype count = m_history->foldCount();
    const QList<ChatMessage> older = m_history->messages().mid(0, count);
    QString summary;
    // The LLM writes the summary when it can; otherwise the statistical one stands in.
    setActivity(AgentActivity::Summarising);
    ChatRequest request;
    request.messages = {
        ChatMessage::system(u"Summarise this part of a conversation in at most five "
                            u"sentences. Keep facts, numbers, names and decisions."_s)};
    QString transcript;
    for (const ChatMessage &m : older)
        transcript += roleName(m.role) + u": "_s + m.content.left(2000) + u'\n';
    request.messages.append(ChatMessage::user(transcript));
    request.temperature = 0.2;
    request.maxTokens = 300;
    request.stream = true; // someone is waiting: skip the batcher
    request.cacheAllowed = m_config.settings.cacheEnabled;
    RouteOptions route = m_route;
    route.agent = m_config.name;
    LlmCall *call = m_router.send(request, route);
    m_call = call;
    QPointer<ReactAgent> self(this);
    auto finished = qCoro(call, &LlmCall::finished);
    const auto [written, error] = co_await finished;
    if (!self)
        co_return;
    m_call = nullptr;
    if (!error.isError() && !written.text.trimmed().isEmpty())
        summary = written.text.trimmed();
    else
        summary = ConversationHistory::statisticalSummary(older);
    m_history->fold(count, summary);
}

QCoro::Task<void> ReactAgent::cleanup()
{
    // SpoonOS's OptimizedAgent._cleanup_memory: bound the history now.
    ++m_cleanups;
    if (m_cleanupsCounter)
        m_cleanupsCounter->add();
    QCoro::Task<void> folding = foldHistoryIfNeeded();
    co_await folding;
}

qsizetype ReactAgent::foldHistoryNow()
{
    if (m_busy || m_history->messages().size() < 4)
        return 0;
    const qsizetype count = m_history->foldCount();
    if (count <= 0)
        return 0;
    m_history->fold(count,
                    ConversationHistory::statisticalSummary(m_history->messages().mid(0, count)));
    return count;
}

AgentTurn ReactAgent::endTurn(AgentTurn turn)
{
    if (m_holdsSlot) {
        m_holdsSlot = false;
        if (m_limiter)
            m_limiter->release();
    }
    m_stepTimer.stop();
    m_busy = false;
    m_toolCancel.reset();
    setActivity(AgentActivity::Idle, turn.error.isError() ? turn.error.describe() : QString());
    Q_EMIT turnFinished(turn);
    return turn;
}

QCoro::Task<void> ReactAgent::loadTools()
{
    QPointer<ReactAgent> self(this);
    QList<ToolLoader> stillToLoad;
    const QList<ToolLoader> loaders = std::exchange(m_loaders, {});
    for (const ToolLoader &loader : loaders) {
        setActivity(AgentActivity::Thinking, tr("loading tools"));
        QCoro::Task<ToolLoad> loading = loader();
        const ToolLoad load = co_await loading;
        if (!self)
            co_return;
        if (!load.error.isEmpty()) {
            stillToLoad.append(loader);
            Q_EMIT toolsUnavailable(load.error);
            continue;
        }
        // A server's tool never replaces one the agent has (a built-in above all): a server
        // could otherwise take over http_request and see every URL the model fetches.
        QStringList refused;
        for (const std::shared_ptr<Tool> &tool : load.tools) {
            if (!m_tools.addIfNew(tool))
                refused.append(tool->name());
        }
        if (!refused.isEmpty())
            Q_EMIT toolsUnavailable(
                tr("not offered, since the agent already has tools of these names: %1")
                    .arg(refused.join(u", "_s)));
    }
    m_loaders = stillToLoad + m_loaders;
}

LlmError ReactAgent::cancelledError()
{
    return LlmError{LlmError::Kind::Cancelled, 0, u"cancelled"_s, -1};
}

// `what` ("step 3", "the final answer") outlived settings.timeout.
LlmError ReactAgent::tookTooLong(const QString &what) const
{
    return LlmError{LlmError::Kind::Timeout, 0,
                    u"%1 took longer than %2 s"_s.arg(what).arg(m_config.settings.timeout), -1};
}

// performance.agents.max_concurrent: waits in line for a slot. False when the turn was
// cancelled meanwhile (or the agent is gone: the caller checks).
QCoro::Task<bool> ReactAgent::waitForSlot()
{
    if (!m_limiter)
        co_return true;
    QPointer<ReactAgent> self(this);
    m_ticket = m_limiter->enqueue();
    while (!m_limiter->tryTake(m_ticket)) {
        if (m_cancelRequested) {
            m_limiter->abandon(std::exchange(m_ticket, 0));
            co_return false;
        }
        setActivity(AgentActivity::Queued, QString::number(m_limiter->ahead(m_ticket)));
        TurnLimiter *limiter = m_limiter;
        co_await qCoro(limiter, &TurnLimiter::changed);
        if (!self)
            co_return false;
    }
    m_ticket = 0;
    m_holdsSlot = true;
    co_return true;
}

QCoro::Task<AgentTurn> ReactAgent::send(QString message)
{
    AgentTurn turn;
    if (m_busy) {
        turn.error = LlmError{LlmError::Kind::BadRequest, 0, u"the agent is still answering"_s, -1};
        co_return turn;
    }
    QPointer<ReactAgent> self(this);
    m_busy = true;
    m_cancelRequested = false;
    m_turnFresh = std::exchange(m_nextTurnFresh, false);
    ++m_turns;
    Q_EMIT turnStarted(message);
    m_history->add(ChatMessage::user(message));
    QCoro::Task<bool> waiting = waitForSlot();
    const bool gotSlot = co_await waiting;
    if (!self)
        co_return turn;
    if (!gotSlot) {
        turn.cancelled = true;
        turn.error = cancelledError();
        co_return endTurn(turn);
    }
    m_tools.beginTurn();
    if (!m_loaders.isEmpty()) {
        QCoro::Task<void> loading = loadTools();
        co_await loading;
        if (!self)
            co_return turn;
    }

    std::optional<ChatMessage> previousStep; // the last step that called tools
    const int maxSteps = std::max(1, m_config.settings.maxSteps);
    for (int step = 1; step <= maxSteps; ++step) {
        QCoro::Task<void> folding = foldHistoryIfNeeded();
        co_await folding;
        if (!self)
            co_return turn;
        if (m_cancelRequested) {
            turn.cancelled = true;
            turn.error = cancelledError();
            break;
        }
        QCoro::Task<StepEnd> running = runStep(step, turn, previousStep);
        const StepEnd end = co_await running;
        if (!self)
            co_return turn;
        if (end == StepEnd::TurnOver)
            break;
        if (step == maxSteps) {
            QCoro::Task<void> asking = askForFinalAnswer(turn);
            co_await asking;
            if (!self)
                co_return turn;
        }
    }

    QCoro::Task<void> closing = closeTurn(turn);
    co_await closing;
    if (!self)
        co_return turn;
    co_return endTurn(turn);
}

// One step: the model is asked with the tools; an answer without tool calls ends the turn,
// else the calls run and their results join the history for the next step.
QCoro::Task<ReactAgent::StepEnd> ReactAgent::runStep(int step, AgentTurn &turn,
                                                     std::optional<ChatMessage> &previousStep)
{
    QPointer<ReactAgent> self(this);
    QElapsedTimer stepClock;
    stepClock.start();
    turn.steps = step;
    if (m_stepsCounter)
        m_stepsCounter->add();
    Q_EMIT stepStarted(step);
    setActivity(AgentActivity::Thinking);
    armStepTimer();

    QElapsedTimer waitClock;
    waitClock.start();
    QCoro::Task<StepOutcome> asking = askModel(true, QString());
    const StepOutcome outcome = co_await asking;
    if (!self)
        co_return StepEnd::TurnOver;
    qint64 waitedNs = waitClock.nsecsElapsed();
    const ChatResponse &response = outcome.response;
    if (!response.provider.isEmpty())
        turn.provider = response.provider;
    if (outcome.error.isError()) {
        turn.incomplete = response.incomplete || !response.text.isEmpty();
        // Keep what streamed, so the history holds what the user saw.
        if (!response.text.isEmpty())
            m_history->add(ChatMessage::assistant(response.text));
        turn.answer = response.text;
        turn.cancelled = m_cancelRequested;
        turn.error = m_stepTimedOut ? tookTooLong(u"step %1"_s.arg(step)) : outcome.error;
        co_return StepEnd::TurnOver;
    }
    const ChatMessage assistant = ChatMessage::assistant(response.text, response.toolCalls);
    m_history->add(assistant);
    Q_EMIT stepAnswered(assistant);
    if (response.toolCalls.isEmpty()) {
        turn.answer = response.text;
        if (m_stepOverhead)
            m_stepOverhead->observe(double(stepClock.nsecsElapsed() - waitedNs) / 1e9);
        co_return StepEnd::TurnOver;
    }

    waitClock.restart();
    QCoro::Task<QList<ToolResult>> calling = runToolCalls(response.toolCalls);
    const QList<ToolResult> results = co_await calling;
    if (!self)
        co_return StepEnd::TurnOver;
    waitedNs += waitClock.nsecsElapsed();
    for (qsizetype i = 0; i < response.toolCalls.size(); ++i) {
        const ToolCall &call = response.toolCalls.at(i);
        m_history->add(ChatMessage::toolResult(call.id, call.name, results.at(i).content));
    }
    if (m_stepOverhead)
        m_stepOverhead->observe(double(stepClock.nsecsElapsed() - waitedNs) / 1e9);
    if (m_cancelRequested || m_stepTimedOut) {
        turn.cancelled = m_cancelRequested;
        turn.error = m_cancelRequested ? cancelledError() : tookTooLong(u"step %1"_s.arg(step));
        co_return StepEnd::TurnOver;
    }
    if (previousStep && sameStep(*previousStep, assistant))
        m_history->add(ChatMessage::user(QString::fromLatin1(kRepeatNudge)));
    previousStep = assistant;
    co_return StepEnd::Next;
}

// Runs a step's calls: together when none changes anything, else one after another. A step
// runs at most max_tool_calls_per_step; the rest get an error result that says so, so one
// answer cannot fan out into thousands of calls. One result per call, in their order (none
// when the agent is gone: the caller checks).
QCoro::Task<QList<ToolResult>> ReactAgent::runToolCalls(QList<ToolCall> calls)
{
    QPointer<ReactAgent> self(this);
    m_toolCancel = std::make_shared<CancelToken>();
    CancelTokenPtr cancelToken = m_toolCancel;
    const qsizetype allowed = std::max(1, m_config.settings.maxToolCallsPerStep);
    const QList<ToolCall> toRun = calls.mid(0, allowed);
    bool allReadOnly = true;
    for (const ToolCall &call : toRun) {
        QJsonObject arguments;
        QString problem;
        const std::shared_ptr<Tool> tool = m_tools.find(call.name);
        allReadOnly = allReadOnly && tool &&
                      JsonSchemaValidator::parseArguments(call.arguments, &arguments, &problem) &&
                      tool->isReadOnly(arguments);
    }
    QList<ToolResult> results;
    if (allReadOnly) {
        std::vector<QCoro::Task<ToolResult>> running; // tasks start at once: they run together
        for (const ToolCall &call : toRun) {
            setActivity(AgentActivity::CallingTool, call.name);
            running.push_back(runTool(call, cancelToken));
        }
        for (QCoro::Task<ToolResult> &task : running) {
            const ToolResult result = co_await task;
            results.append(result);
        }
    } else {
        for (const ToolCall &call : toRun) {
            setActivity(AgentActivity::CallingTool, call.name);
            if (cancelToken->isCancelled()) {
                results.append(ToolResult::error(QString::fromLatin1(kCancelledResult)));
                continue;
            }
            QCoro::Task<ToolResult> running = runTool(call, cancelToken);
            const ToolResult result = co_await running;
            results.append(result);
            if (!self)
                co_return QList<ToolResult>{};
        }
    }
    if (!self)
        co_return QList<ToolResult>{};
    for (qsizetype i = toRun.size(); i < calls.size(); ++i) {
        results.append(ToolResult::error(
            u"not run: this step asked for %1 tool calls, and at most %2 run in one step "
            u"(max_tool_calls_per_step); ask for fewer at a time"_s.arg(calls.size())
                .arg(allowed)));
    }
    co_return results;
}

// The step budget went on tools: one last call, without them, for the answer.
QCoro::Task<void> ReactAgent::askForFinalAnswer(AgentTurn &turn)
{
    QPointer<ReactAgent> self(this);
    armStepTimer();
    setActivity(AgentActivity::Thinking);
    QCoro::Task<StepOutcome> asking = askModel(false, QString::fromLatin1(kBudgetNudge));
    const StepOutcome last = co_await asking;
    if (!self)
        co_return;
    turn.stepBudgetSpent = true;
    turn.answer = last.response.text;
    if (!last.response.text.isEmpty() || !last.error.isError())
        m_history->add(ChatMessage::assistant(last.response.text));
    if (last.error.isError())
        turn.error = m_stepTimedOut ? tookTooLong(u"the final answer"_s) : last.error;
    turn.cancelled = m_cancelRequested;
}

// Whatever happened, every tool call in the history gets its result; a failed turn, and
// every cleanup_interval-th, cleans up.
QCoro::Task<void> ReactAgent::closeTurn(const AgentTurn &turn)
{
    m_history->closeOpenToolCalls(QString::fromLatin1(kCancelledResult));
    m_stepTimer.stop();
    if (turn.error.isError() || m_turns % std::max(1, m_config.settings.cleanupInterval) == 0) {
        QCoro::Task<void> cleaning = cleanup();
        co_await cleaning;
    }
}

} // namespace spoon
