#include "commandline.h"
#include "commands.h"
#include "llmsetup.h"
#include "terminaltext.h"

#include "engine.h"
#include "llm/demoserver.h"
#include "llm/llmrouter.h"
#include "llm/providerclient.h"

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
    Q_DECLARE_TR_FUNCTIONS(spoon::cli::Ask)
};

QJsonObject answerJson(const ChatResponse &response, const LlmError &error)
{
    const QJsonArray calls = toolCallsJson(response.toolCalls);
    const QJsonValue usage =
        response.usage.known
            ? QJsonValue(QJsonObject{{u"prompt_tokens"_s, response.usage.promptTokens},
                                     {u"completion_tokens"_s, response.usage.completionTokens},
                                     {u"total_tokens"_s, response.usage.totalTokens()}})
            : QJsonValue(QJsonValue::Null);
    return QJsonObject{
        {u"text"_s, response.text},
        {u"finish_reason"_s, finishReasonName(response.finishReason)},
        {u"usage"_s, usage},
        {u"provider"_s, response.provider},
        {u"model"_s, response.model},
        {u"ttft_ms"_s,
         response.ttftMs >= 0 ? QJsonValue(double(response.ttftMs)) : QJsonValue(QJsonValue::Null)},
        {u"latency_ms"_s, double(response.latencyMs)},
        {u"retries"_s, response.retries},
        {u"cached"_s, response.cached},
        {u"tool_calls"_s, calls},
        {u"incomplete"_s, response.incomplete},
        {u"fallbacks"_s, QJsonArray::fromStringList(response.fallbacks)},
        {u"error"_s, error.isError() ? QJsonValue(QJsonObject{{u"kind"_s, error.kindName()},
                                                              {u"status"_s, error.httpStatus},
                                                              {u"message"_s, error.message}})
                                     : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace

int runAsk(const CommandLine &line, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Send one chat completion through the LLM router."));
    parser.addPositionalArgument(u"PROMPT"_s, Text::tr("what to ask"));
    const QCommandLineOption providerOption(u"provider"_s, Text::tr("the provider to ask"),
                                            u"NAME"_s);
    const QCommandLineOption modelOption(u"model"_s, Text::tr("the model to use"), u"M"_s);
    const QCommandLineOption noStream(u"no-stream"_s, Text::tr("wait for the whole answer"));
    const QCommandLineOption json(u"json"_s, Text::tr("print one JSON object at the end"));
    const QCommandLineOption noCache(u"no-cache"_s,
                                     Text::tr("neither read nor fill the response cache"));
    parser.addOptions({providerOption, modelOption, noStream, json, noCache});
    if (const auto stop = parseCommandArguments(parser, line, 1, out, err))
        return *stop;
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty() || words.first().trimmed().isEmpty()) {
        err << Text::tr("spoon-console: ask needs a prompt, e.g. spoon-console ask \"Hello\"")
            << '\n';
        return kExitUsage;
    }

    const std::optional<Config> loaded = loadConfigForLlm(line, err);
    if (!loaded)
        return kExitFailure;
    const Config &config = *loaded;

    Engine engine(config);
    LlmRouter &router = engine.llm();
    const QString chosen = parser.value(providerOption);
    if (const auto stop = prepareLlm(engine, chosen, err))
        return *stop;
    const QString first = chosen.isEmpty() ? router.defaultProvider() : chosen;

    ChatRequest request;
    request.messages = {ChatMessage::user(words.join(u' '))};
    request.stream = !parser.isSet(noStream);
    RouteOptions options{chosen, parser.value(modelOption), parser.isSet(noCache), {}};
    const bool asJson = parser.isSet(json);

    int exitCode = kExitFailure;
    bool streamedAny = false;
    QString lastText;
    LlmCall *call = router.send(request, options);
    // The pieces of one network read arrive as textDelta signals in one go: they are written
    // together once control is back in the event loop, so a pipe or a file gets one write()
    // per read rather than one per token, and a terminal still sees each read as it lands.
    bool flushPosted = false;
    QObject::connect(call, &LlmCall::textDelta, call, [&](const QString &text) {
        if (asJson)
            return;
        out << answerForStdout(text);
        streamedAny = true;
        lastText = text;
        if (!std::exchange(flushPosted, true)) {
            QMetaObject::invokeMethod(
                call,
                [&] {
                    flushPosted = false;
                    out.flush();
                },
                Qt::QueuedConnection);
        }
    });
    QObject::connect(call, &LlmCall::retryScheduled, call,
                     [&](const QString &provider, int attempt, int attempts, qint64 delayMs,
                         const LlmError &error) {
                         err << retryText(provider, attempt, attempts, delayMs, error) << '\n';
                         err.flush();
                     });
    QObject::connect(call, &LlmCall::providerSwitched, call,
                     [&](const QString &from, const QString &to, const LlmError &error) {
                         err << Text::tr("spoon-console: %1 failed (%2); asking %3")
                                    .arg(from, error.describe(), to)
                             << '\n';
                         err.flush();
                     });
    QObject::connect(
        call, &LlmCall::finished, call, [&](const ChatResponse &response, const LlmError &error) {
            if (asJson) {
                out << QJsonDocument(answerJson(response, error)).toJson(QJsonDocument::Indented);
            } else {
                if (!streamedAny && !response.text.isEmpty()) {
                    out << answerForStdout(response.text);
                    lastText = response.text;
                }
                if (!lastText.isEmpty() && !lastText.endsWith(u'\n'))
                    out << '\n';
                for (const ToolCall &tool : response.toolCalls)
                    err << Text::tr("spoon-console: the model called %1(%2)")
                               .arg(printable(tool.name), printable(tool.arguments))
                        << '\n';
            }
            out.flush();
            if (error.isError()) {
                err << Text::tr("spoon-console: %1: %2")
                           .arg(response.provider.isEmpty() ? first : response.provider,
                                error.describe())
                    << '\n';
                if (response.incomplete)
                    err << Text::tr("spoon-console: the answer above is incomplete") << '\n';
            }
            err.flush();
            exitCode = error.isError() ? kExitFailure : kExitOk;
            QCoreApplication::exit(exitCode);
        });
    QCoreApplication::exec();
    return exitCode;
}

int runDemoServer(const CommandLine &line, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("Run the built-in OpenAI-compatible demo endpoint."));
    const QCommandLineOption port(u"port"_s, Text::tr("port to listen on (default: any free one)"),
                                  u"N"_s, u"0"_s);
    const QCommandLineOption host(u"host"_s, Text::tr("address to listen on"), u"ADDR"_s,
                                  u"127.0.0.1"_s);
    const QCommandLineOption rate(u"tokens-per-second"_s,
                                  Text::tr("streaming pace; 0 sends at once"), u"R"_s,
                                  QString::number(DemoServer::kDefaultTokensPerSecond));
    const QCommandLineOption fault(
        u"fault"_s,
        Text::tr("a fault for every request, e.g. status=429,retry_after=1,times=2 (repeatable)"),
        u"SPEC"_s);
    const QCommandLineOption perWrite(
        u"events-per-write"_s,
        Text::tr("stream events sent together in one write, at the same pace (default 1)"), u"N"_s,
        u"1"_s);
    parser.addOptions({port, host, rate, perWrite, fault});
    if (const auto stop = parseCommandArguments(parser, line, 0, out, err))
        return *stop;
    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    bool rateOk = false;
    const double tokensPerSecond = parser.value(rate).toDouble(&rateOk);
    bool perWriteOk = false;
    const int eventsPerWrite = parser.value(perWrite).toInt(&perWriteOk);
    const QHostAddress address(parser.value(host));
    if (!portOk || portNumber > 65535 || !rateOk || tokensPerSecond < 0 || address.isNull() ||
        !perWriteOk || eventsPerWrite < 1 || eventsPerWrite > 1000) {
        err << Text::tr("spoon-console: --port takes 0 to 65535, --tokens-per-second a number >= "
                        "0, --events-per-write 1 to 1000, --host an IP address")
            << '\n';
        return kExitUsage;
    }
    DemoServer server;
    server.setTokensPerSecond(tokensPerSecond);
    server.setEventsPerWrite(eventsPerWrite);
    for (const QString &spec : parser.values(fault)) {
        QString problem;
        const std::optional<DemoFault> parsed = DemoFault::parse(spec, &problem);
        if (!parsed) {
            err << Text::tr("spoon-console: --fault %1: %2").arg(spec, problem) << '\n';
            return kExitUsage;
        }
        server.addFault(*parsed);
    }
    if (!server.listen(address, quint16(portNumber))) {
        err << Text::tr("spoon-console: cannot listen on %1:%2: %3")
                   .arg(address.toString())
                   .arg(portNumber)
                   .arg(server.errorString())
            << '\n';
        return kExitFailure;
    }
    out << Text::tr("Spoon demo endpoint on %1/v1 (model %2). Ctrl+C stops it.")
               .arg(server.baseUrl(), QString::fromLatin1(DemoServer::kModel))
        << '\n';
    out.flush();
    return QCoreApplication::exec();
}

} // namespace spoon::cli
