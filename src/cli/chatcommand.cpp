#include "commandline.h"
#include "commands.h"
#include "llmsetup.h"
#include "terminaltext.h"

#include "agent/agentcatalog.h"
#include "agent/reactagent.h"
#include "engine.h"
#include "futurewait.h"
#include "session/chatconversation.h"
#include "storage/store.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace spoon::cli {

using namespace Qt::StringLiterals;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(spoon::cli::Chat)
};

QJsonObject messageJson(const ChatMessage &message)
{
    QJsonObject json{{u"role"_s, roleName(message.role)}, {u"content"_s, message.content}};
    if (!message.toolCalls.isEmpty())
        json.insert(u"tool_calls"_s, toolCallsJson(message.toolCalls));
    if (message.role == ChatMessage::Role::Tool) {
        json.insert(u"tool_call_id"_s, message.toolCallId);
        json.insert(u"name"_s, message.name);
    }
    return json;
}

// The store the window saves conversations in, open; null when it cannot be used, and the
// turn then runs unsaved, as the window's does. Why goes to `err`.
Store *openStore(Engine &engine, QTextStream &err)
{
    Store *store = engine.store();
    QString why = engine.storeError();
    if (store) {
        const SqlOutcome opened = waitForResult(store->open());
        if (opened.ok())
            return store;
        why = Text::tr("the store at %1 cannot be used: %2")
                  .arg(store->location(), opened.error.message);
    }
    err << Text::tr("spoon-console: this conversation is not saved: %1").arg(why) << '\n';
    err.flush();
    return nullptr;
}

} // namespace

int runChat(const CommandLine &line, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Run one agent turn: the agent may call its tools before it answers."));
    parser.addPositionalArgument(u"MESSAGE"_s, Text::tr("what to tell the agent"));
    const QCommandLineOption agentOption(u"agent"_s, Text::tr("the agent, by name or alias"),
                                         u"NAME"_s);
    const QCommandLineOption providerOption(u"provider"_s, Text::tr("the provider to ask"),
                                            u"NAME"_s);
    const QCommandLineOption modelOption(u"model"_s, Text::tr("the model to use"), u"M"_s);
    const QCommandLineOption json(u"json"_s,
                                  Text::tr("print the whole transcript as JSON at the end"));
    parser.addOptions({agentOption, providerOption, modelOption, json});
    if (const auto stop = parseCommandArguments(parser, line, 1, out, err))
        return *stop;
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty() || words.first().trimmed().isEmpty()) {
        err << Text::tr("spoon-console: chat needs a message, e.g. spoon-console chat \"How busy "
                        "is the engine?\"")
            << '\n';
        return kExitUsage;
    }

    const std::optional<Config> loaded = loadConfigForLlm(line, err);
    if (!loaded)
        return kExitFailure;

    Engine engine(*loaded);
    engine.monitor().start(); // system_info reads live figures
    const QString chosenProvider = parser.value(providerOption);
    if (const auto stop = prepareLlm(engine, chosenProvider, err))
        return *stop;
    const QString firstProvider =
        chosenProvider.isEmpty() ? engine.llm().defaultProvider() : chosenProvider;
    const QString agentName =
        parser.isSet(agentOption) ? parser.value(agentOption) : engine.agents().defaultAgent();
    ReactAgent *agent = engine.agents().create(agentName);
    if (!agent) {
        QStringList names;
        for (const AgentConfig *a : engine.agents().agents())
            names.append(a->aliases.isEmpty()
                             ? a->name
                             : a->name + u" ("_s + a->aliases.join(u", "_s) + u')');
        err << Text::tr("spoon-console: no agent is called \"%1\" (agents: %2)")
                   .arg(agentName, names.join(u", "_s))
            << '\n';
        return kExitFailure;
    }
    // Declared after the engine, so it goes first: the agent uses the engine's parts.
    ChatConversation conversation{std::unique_ptr<ReactAgent>(agent)};
    conversation.setRoute(chosenProvider, parser.value(modelOption));
    if (Store *store = openStore(engine, err)) {
        conversation.attachStore(store->conversations());
        QObject::connect(&conversation, &ChatConversation::saveFailed, &conversation,
                         [&err](const QString &why) {
                             err << Text::tr("spoon-console: not saved: %1").arg(why) << '\n';
                             err.flush();
                         });
    }
    const bool asJson = parser.isSet(json);

    // The answer reaches stdout however it comes: piece by piece while streaming, else whole
    // at the end of its step (stream: false), else from the turn (the final tool-free call).
    QString lastText;
    bool streamedSinceAnswer = false; // this step's text already went out as it arrived
    bool answerShown = false;         // the turn's answer went out with its step
    auto show = [&](const QString &text) {
        out << answerForStdout(text);
        out.flush();
        lastText = text;
    };
    if (!asJson) {
        QObject::connect(agent, &ReactAgent::textDelta, agent, [&](const QString &text) {
            show(text);
            streamedSinceAnswer = true;
        });
    }
    QObject::connect(agent, &ReactAgent::stepAnswered, agent, [&](const ChatMessage &assistant) {
        if (asJson)
            return;
        if (!std::exchange(streamedSinceAnswer, false) && !assistant.content.isEmpty())
            show(assistant.content);
        answerShown = assistant.toolCalls.isEmpty();
        // A step that calls tools ends its thoughts on their own line.
        if (!assistant.toolCalls.isEmpty() && !lastText.isEmpty() && !lastText.endsWith(u'\n')) {
            out << '\n';
            out.flush();
            lastText.clear();
        }
    });
    QObject::connect(agent, &ReactAgent::stepStarted, agent, [&](int step) {
        err << Text::tr("[step %1]").arg(step) << '\n';
        err.flush();
    });
    QObject::connect(agent, &ReactAgent::llmRetrying, agent,
                     [&](const QString &provider, int attempt, int attempts, qint64 delayMs,
                         const LlmError &error) {
                         err << retryText(provider, attempt, attempts, delayMs, error) << '\n';
                         err.flush();
                     });
    QObject::connect(agent, &ReactAgent::toolCallStarted, agent,
                     [&](const QString &, const QString &name, const QString &arguments) {
                         err << Text::tr("[tool] %1(%2)").arg(printable(name), printable(arguments))
                             << '\n';
                         err.flush();
                     });
    QObject::connect(
        agent, &ReactAgent::toolCallFinished, agent,
        [&](const QString &, const QString &name, const QString &result, bool isError, qint64 ms) {
            err << (isError ? Text::tr("[tool] %1 failed after %2 ms: %3")
                                  .arg(name)
                                  .arg(ms)
                                  .arg(printable(result.left(300)))
                            : Text::tr("[tool] %1 answered in %2 ms (%3 characters)")
                                  .arg(name)
                                  .arg(ms)
                                  .arg(result.size()))
                << '\n';
            err.flush();
        });

    int exitCode = kExitFailure;
    QObject::connect(agent, &ReactAgent::turnFinished, agent, [&](const AgentTurn &turn) {
        if (asJson) {
            QJsonArray messages;
            for (const ChatMessage &message : agent->history().messages())
                messages.append(messageJson(message));
            const QJsonObject transcript{
                {u"agent"_s, agent->config().name},
                {u"answer"_s, turn.answer},
                {u"steps"_s, turn.steps},
                {u"step_budget_spent"_s, turn.stepBudgetSpent},
                {u"cancelled"_s, turn.cancelled},
                {u"provider"_s, turn.provider},
                {u"incomplete"_s, turn.incomplete},
                {u"messages"_s, messages},
                {u"error"_s, turn.error.isError()
                                 ? QJsonValue(QJsonObject{{u"kind"_s, turn.error.kindName()},
                                                          {u"status"_s, turn.error.httpStatus},
                                                          {u"message"_s, turn.error.message}})
                                 : QJsonValue(QJsonValue::Null)},
            };
            out << QJsonDocument(transcript).toJson(QJsonDocument::Indented);
        } else {
            if (!answerShown && !streamedSinceAnswer && !turn.answer.isEmpty())
                show(turn.answer);
            if (!lastText.isEmpty() && !lastText.endsWith(u'\n'))
                out << '\n';
        }
        out.flush();
        if (turn.error.isError()) {
            const QString who = turn.provider.isEmpty() ? firstProvider : turn.provider;
            err << (who.isEmpty()
                        ? Text::tr("spoon-console: %1").arg(turn.error.describe())
                        : Text::tr("spoon-console: %1: %2").arg(who, turn.error.describe()))
                << '\n';
            if (turn.incomplete && !asJson)
                err << Text::tr("spoon-console: the answer above is incomplete") << '\n';
        }
        err.flush();
        exitCode = turn.error.isError() ? kExitFailure : kExitOk;
        // The turn's last writes (its answer, or how it failed) reach the store first.
        conversation.whenSaved().then(&conversation,
                                      [&exitCode] { QCoreApplication::exit(exitCode); });
    });
    conversation.send(words.join(u' '));
    QCoreApplication::exec();
    return exitCode;
}

} // namespace spoon::cli
