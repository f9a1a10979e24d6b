// Encoding requests and decoding answers, for both wire protocols, on recorded streams.
#include "config/configbuilder.h"
#include "llm/anthropicprotocol.h"
#include "llm/chunkscanner.h"
#include "llm/openaiprotocol.h"
#include "net/sseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "support/fixtures.h"
#include "support/testenvironment.h"

using namespace spoon;

namespace {

QByteArray fixture(const char *name)
{
    return spoon::test::readFixture(QStringLiteral("sse/") + QLatin1String(name));
}

// Feeds a recorded stream in small pieces; returns the deltas in order.
QStringList play(ProtocolStream &stream, const QByteArray &recorded, int pieceSize = 7)
{
    QStringList deltas;
    SseParser parser([&](const SseEvent &event) {
        stream.onEvent(event);
        const QString delta = stream.takeTextDelta();
        if (!delta.isEmpty())
            deltas.append(delta);
    });
    for (qsizetype at = 0; at < recorded.size(); at += pieceSize)
        parser.feed(recorded.mid(at, pieceSize));
    parser.finish();
    return deltas;
}

ProviderConfig provider(const char *name, ProviderType type)
{
    ProviderConfig p =
        configbuild::defaultProvider(QString::fromLatin1(name), Config::defaults().performance);
    p.type = type;
    p.baseUrl = QStringLiteral("https://example.test/v1/");
    p.model = QStringLiteral("m-1");
    p.apiKey = Secret(QStringLiteral("sk-secret-secret-secret-1234"));
    return p;
}

ChatRequest conversation()
{
    ChatRequest request;
    request.messages = {
        ChatMessage::system(QStringLiteral("Be brief.")),
        ChatMessage::user(QStringLiteral("Weather in Paris and the time?")),
        ChatMessage::assistant(
            QString(),
            {ToolCall{QStringLiteral("call_a"), QStringLiteral("get_weather"),
                      QStringLiteral("{\"city\":\"Paris\"}")},
             ToolCall{QStringLiteral("call_b"), QStringLiteral("get_time"), QStringLiteral("{}")}}),
        ChatMessage::toolResult(QStringLiteral("call_a"), QStringLiteral("get_weather"),
                                QStringLiteral("18 C")),
        ChatMessage::toolResult(QStringLiteral("call_b"), QStringLiteral("get_time"),
                                QStringLiteral("12:00")),
    };
    request.tools = {ToolSpec{QStringLiteral("get_weather"), QStringLiteral("Weather for a city"),
                              QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}}};
    request.temperature = 0.2;
    request.maxTokens = 256;
    request.stream = true;
    return request;
}

} // namespace

class TestLlmProtocols : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void openAiRequest()
    {
        const OpenAiProtocol protocol;
        const ProviderConfig p = provider("openai", ProviderType::OpenAiCompatible);
        QCOMPARE(protocol.endpoint(p),
                 QUrl(QStringLiteral("https://example.test/v1/chat/completions")));
        const HttpHeaders headers = protocol.headers(p);
        QVERIFY(headers.contains({"Authorization", "Bearer sk-secret-secret-secret-1234"}));
        const QJsonObject body = protocol.body(conversation(), p);
        QCOMPARE(body[u"model"].toString(), QStringLiteral("m-1"));
        QCOMPARE(body[u"temperature"].toDouble(), 0.2);
        QCOMPARE(body[u"max_tokens"].toInt(), 256);
        QCOMPARE(body[u"stream"].toBool(), true);
        QCOMPARE(body[u"stream_options"][u"include_usage"].toBool(), true);
        const QJsonArray messages = body[u"messages"].toArray();
        QCOMPARE(messages.size(), 5);
        QCOMPARE(messages[0][u"role"].toString(), QStringLiteral("system"));
        QVERIFY(messages[2][u"content"].isNull());
        QCOMPARE(messages[2][u"tool_calls"][1][u"function"][u"name"].toString(),
                 QStringLiteral("get_time"));
        QCOMPARE(messages[3][u"role"].toString(), QStringLiteral("tool"));
        QCOMPARE(messages[3][u"tool_call_id"].toString(), QStringLiteral("call_a"));
        QCOMPARE(body[u"tools"][0][u"function"][u"name"].toString(), QStringLiteral("get_weather"));
    }

    void openAiStreamText()
    {
        OpenAiStream stream;
        const QStringList deltas = play(stream, fixture("openai_stream.txt"));
        QCOMPARE(deltas.join(QString()), QStringLiteral("Héllo wörld 🌍"));
        QVERIFY(stream.isDone());
        QVERIFY(!stream.error().isError());
        QCOMPARE(stream.response().finishReason, FinishReason::Stop);
        // The last chunk has an empty choices list and carries the usage.
        QVERIFY(stream.response().usage.known);
        QCOMPARE(stream.response().usage.promptTokens, 9);
        QCOMPARE(stream.response().usage.completionTokens, 4);
    }

    void openAiStreamToolCalls()
    {
        OpenAiStream stream;
        const QStringList deltas = play(stream, fixture("openai_tool_calls.txt"), 3);
        QVERIFY(deltas.isEmpty());
        QVERIFY(stream.isDone());
        const ChatResponse &response = stream.response();
        QCOMPARE(response.finishReason, FinishReason::ToolCalls);
        QCOMPARE(response.model, QStringLiteral("gpt-4.1-2025"));
        QCOMPARE(response.toolCalls.size(), 2);
        QCOMPARE(response.toolCalls[0],
                 (ToolCall{QStringLiteral("call_a"), QStringLiteral("get_weather"),
                           QStringLiteral("{\"city\": \"Paris\"}")}));
        QCOMPARE(response.toolCalls[1],
                 (ToolCall{QStringLiteral("call_b"), QStringLiteral("get_time"),
                           QStringLiteral("{\"tz\": \"UTC\"}")}));
        QCOMPARE(response.usage.completionTokens, 31);
    }

    // The plain chunk shape is read without a DOM; everything else is declined, so that
    // QJsonDocument reads it and words its errors.
    void openAiChunkScanner_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("scanned");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("reason"); // "-" when not a string

        const QByteArray head =
            R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1712345678,)"
            R"("model":"gpt-4o","system_fingerprint":"fp_1","choices":[{"index":0,"delta":)";
        QTest::newRow("a token")
            << head + R"({"content":"Hi"},"logprobs":null,"finish_reason":null}]})" << true
            << "gpt-4o"
            << "Hi"
            << "-";
        QTest::newRow("escapes and a surrogate pair")
            << QByteArray("{\"choices\":[{\"delta\":{\"content\":\"caf\\u00e9 \\ud83d\\ude00 "
                          "\\\"q\\\"\\\\\\/\\b\\f\\n\\r\\t\"}}]}")
            << true << "" << QStringLiteral("café 😀 \"q\"\\/\b\f\n\r\t") << "-";
        QTest::newRow("raw UTF-8")
            << QByteArray(R"({"choices":[{"delta":{"content":"Grüße, 世界 🌍"}}]})") << true << ""
            << QStringLiteral("Grüße, 世界 🌍") << "-";
        QTest::newRow("the last choice")
            << head + R"({},"finish_reason":"stop"}],"usage":null})" << true << "gpt-4o"
            << ""
            << "stop";
        QTest::newRow("nulls read as absent")
            << QByteArray(
                   R"({"model":null,"error":null,"choices":[{"delta":{"content":null,"tool_calls":null},"finish_reason":null}]})")
            << true << ""
            << ""
            << "-";
        QTest::newRow("whitespace everywhere")
            << QByteArray(" \r\n\t{ \"choices\" : [ { \"delta\" : { \"content\" : \"x\" } } ] }\n")
            << true << ""
            << "x"
            << "-";
        QTest::newRow("only the first choice")
            << QByteArray(
                   R"({"choices":[{"delta":{"content":"a"}},{"delta":{"content":"b"}},7],"x":[-0.5,0,true,false,{"y":[[]]}]})")
            << true << ""
            << "a"
            << "-";
        QTest::newRow("no choices") << QByteArray(R"({"choices":[],"model":"m"})") << true << "m"
                                    << ""
                                    << "-";

        const auto declined = [](const char *name, const QByteArray &json) {
            QTest::newRow(name) << json << false << ""
                                << ""
                                << "-";
        };
        declined("usage", R"({"choices":[],"usage":{"prompt_tokens":3}})");
        declined("an error", R"({"error":{"message":"overloaded"}})");
        declined("tool calls", R"({"choices":[{"delta":{"tool_calls":[{"index":0}]}}]})");
        declined("content not a string", R"({"choices":[{"delta":{"content":5}}]})");
        declined("model given twice", R"({"model":"a","model":"b","choices":[]})");
        declined("content given twice", R"({"choices":[{"delta":{"content":"a","content":"b"}}]})");
        declined("choices not an array", R"({"choices":{"delta":{}}})");
        declined("a choice not an object", R"({"choices":["x"]})");
        declined("an escaped key", R"({"choices":[{"delta":{"con\u0074ent":"a"}}]})");
        declined("an exponent", R"({"created":1e3,"choices":[]})");
        declined("a long number", R"({"created":12345678901234567890,"choices":[]})");
        declined("a leading zero", R"({"created":01,"choices":[]})");
        declined("a lone surrogate", R"({"choices":[{"delta":{"content":"\ud800"}}]})");
        declined("an overlong UTF-8 form",
                 "{\"choices\":[{\"delta\":{\"content\":\"\xC0\xAF\"}}]}");
        declined("a UTF-8 surrogate", "{\"choices\":[{\"delta\":{\"content\":\"\xED\xA0\x80\"}}]}");
        declined("cut UTF-8", "{\"choices\":[{\"delta\":{\"content\":\"\xE4\xB8\"}}]}");
        declined("a raw control character", "{\"choices\":[{\"delta\":{\"content\":\"a\tb\"}}]}");
        declined("truncated", "{\"choices\":[{\"delta\":{\"content\":\"a");
        declined("garbage after", R"({"choices":[]} x)");
        declined("two objects", R"({}{})");
        declined("an array", R"([{"choices":[]}])");
        declined("empty", "");
        declined("a byte-order mark", "\xEF\xBB\xBF{}");
        declined("a trailing comma", R"({"choices":[],})");
        declined("nested too deep", "{\"x\":" + QByteArray(40, '[') + QByteArray(40, ']') + "}");
    }
    void openAiChunkScanner()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, scanned);
        QFETCH(QString, model);
        QFETCH(QString, content);
        QFETCH(QString, reason);
        const std::optional<OpenAiChunkFields> fields = scanOpenAiChunk(json);
        QCOMPARE(fields.has_value(), scanned);
        if (!fields)
            return;
        QCOMPARE(fields->model, model);
        QCOMPARE(fields->content, content);
        QCOMPARE(fields->finishReason.value_or(QStringLiteral("-")), reason);
        // And the DOM reads the same (fuzz/chunk_scanners_fuzzer.cpp checks this at large).
        const QJsonObject chunk = QJsonDocument::fromJson(json).object();
        QCOMPARE(chunk[u"choices"][0][u"delta"][u"content"].toString(), content);
    }

    void anthropicTextDeltaScanner_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("scanned");
        QTest::addColumn<QString>("text");
        QTest::newRow("a text delta")
            << QByteArray("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                          "\"text_delta\",\"text\":\"Hi \"}}")
            << true << QStringLiteral("Hi ");
        QTest::newRow("members in another order, escapes")
            << QByteArray("{\"delta\":{\"text\":\"caf\\u00e9\\n\",\"type\":\"text_delta\"},"
                          "\"index\":3,\"type\":\"content_block_delta\"}")
            << true << QStringLiteral("café\n");
        QTest::newRow("null text") << QByteArray("{\"type\":\"content_block_delta\",\"delta\":{"
                                                 "\"type\":\"text_delta\",\"text\":null}}")
                                   << true << QString();
        const auto declined = [](const char *name, const QByteArray &json) {
            QTest::newRow(name) << json << false << QString();
        };
        declined("tool input", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":"
                               "\"input_json_delta\",\"partial_json\":\"{\"}}");
        declined("a ping", "{\"type\": \"ping\"}");
        declined("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_"
                                  "turn\"},\"usage\":{\"output_tokens\":9}}");
        declined("no delta type", "{\"type\":\"content_block_delta\",\"delta\":{\"text\":\"a\"}}");
        declined("type given twice", "{\"type\":\"content_block_delta\",\"type\":\"ping\","
                                     "\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}");
        declined(
            "text not a string",
            "{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":1}}");
        declined("delta not an object", "{\"type\":\"content_block_delta\",\"delta\":\"a\"}");
        declined("type not a string",
                 "{\"type\":null,\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}");
        declined(
            "truncated",
            "{\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"a");
    }
    void anthropicTextDeltaScanner()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, scanned);
        QFETCH(QString, text);
        const std::optional<QString> read = scanAnthropicTextDelta(json);
        QCOMPARE(read.has_value(), scanned);
        if (read)
            QCOMPARE(*read, text);
    }

    void openAiStreamBadChunk()
    {
        OpenAiStream stream;
        play(stream,
             "data: {\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}\n\ndata: {not json\n\n");
        QCOMPARE(stream.error().kind, LlmError::Kind::MalformedResponse);
        QCOMPARE(stream.response().text, QStringLiteral("ok"));
    }

    void openAiStreamErrorEvent()
    {
        OpenAiStream stream;
        play(stream,
             "data: {\"error\":{\"message\":\"model overloaded\",\"type\":\"server_error\"}}\n\n");
        QCOMPARE(stream.error().kind, LlmError::Kind::Server);
        QCOMPARE(stream.error().message, QStringLiteral("model overloaded"));
    }

    void openAiWholeAnswer()
    {
        const OpenAiProtocol protocol;
        ChatResponse response;
        LlmError error;
        QVERIFY(protocol.parseResponse(
            R"({"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":3,"completion_tokens":2}})",
            &response, &error));
        QCOMPARE(response.finishReason, FinishReason::ToolCalls);
        QCOMPARE(response.toolCalls.size(), 1);
        QCOMPARE(response.usage.totalTokens(), 5);
        QVERIFY(!protocol.parseResponse("<html>502 Bad Gateway</html>", &response, &error));
        QCOMPARE(error.kind, LlmError::Kind::MalformedResponse);
        QVERIFY(!protocol.parseResponse(R"({"choices":[]})", &response, &error));
    }

    void finishReasons_data()
    {
        QTest::addColumn<QString>("openai");
        QTest::addColumn<QString>("anthropic");
        QTest::addColumn<int>("openaiExpected");
        QTest::addColumn<int>("anthropicExpected");
        using F = FinishReason;
        QTest::newRow("stop") << "stop"
                              << "end_turn" << int(F::Stop) << int(F::Stop);
        QTest::newRow("length") << "length"
                                << "max_tokens" << int(F::Length) << int(F::Length);
        QTest::newRow("tools") << "tool_calls"
                               << "tool_use" << int(F::ToolCalls) << int(F::ToolCalls);
        QTest::newRow("filter") << "content_filter"
                                << "refusal" << int(F::ContentFilter) << int(F::ContentFilter);
        // OpenAI's legacy function_call is a tool call; Anthropic's stop_sequence a stop.
        QTest::newRow("legacy function call, stop sequence")
            << "function_call"
            << "stop_sequence" << int(F::ToolCalls) << int(F::Stop);
    }

    void finishReasons()
    {
        QFETCH(QString, openai);
        QFETCH(QString, anthropic);
        QFETCH(int, openaiExpected);
        QFETCH(int, anthropicExpected);
        QCOMPARE(int(OpenAiProtocol::finishReason(openai)), openaiExpected);
        QCOMPARE(int(AnthropicProtocol::finishReason(anthropic)), anthropicExpected);
    }

    void errorBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("401 OpenAI")
            << 401
            << QByteArray(
                   R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}})")
            << int(LlmError::Kind::Auth) << "Incorrect API key provided";
        QTest::newRow("400") << 400
                             << QByteArray(R"({"error":{"message":"max_tokens is too large"}})")
                             << int(LlmError::Kind::BadRequest) << "max_tokens is too large";
        QTest::newRow("429") << 429 << QByteArray(R"({"error":{"message":"Rate limit reached"}})")
                             << int(LlmError::Kind::RateLimited) << "Rate limit reached";
        QTest::newRow("502 HTML") << 502 << QByteArray("<html>Bad Gateway</html>")
                                  << int(LlmError::Kind::Server) << "<html>Bad Gateway</html>";
        QTest::newRow("500 empty")
            << 500 << QByteArray() << int(LlmError::Kind::Server) << "(no message)";
    }

    void errorBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const LlmError error = OpenAiProtocol().parseError(status, body);
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.message, message);
        QCOMPARE(error.describe(), QStringLiteral("HTTP %1: %2").arg(status).arg(message));
    }

    void anthropicRequest()
    {
        const AnthropicProtocol protocol;
        ProviderConfig p = provider("anthropic", ProviderType::Anthropic);
        p.baseUrl = QStringLiteral("https://api.anthropic.com");
        QCOMPARE(protocol.endpoint(p),
                 QUrl(QStringLiteral("https://api.anthropic.com/v1/messages")));
        const HttpHeaders headers = protocol.headers(p);
        QVERIFY(headers.contains({"x-api-key", "sk-secret-secret-secret-1234"}));
        QVERIFY(headers.contains({"anthropic-version", "2023-06-01"}));
        const QJsonObject body = protocol.body(conversation(), p);
        QCOMPARE(body[u"system"].toString(), QStringLiteral("Be brief."));
        const QJsonArray messages = body[u"messages"].toArray();
        // user, assistant (two tool_use blocks), user (both tool results in one message)
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages[1][u"role"].toString(), QStringLiteral("assistant"));
        QCOMPARE(messages[1][u"content"][0][u"type"].toString(), QStringLiteral("tool_use"));
        QCOMPARE(messages[1][u"content"][0][u"input"][u"city"].toString(), QStringLiteral("Paris"));
        QCOMPARE(messages[2][u"content"].toArray().size(), 2);
        QCOMPARE(messages[2][u"content"][1][u"tool_use_id"].toString(), QStringLiteral("call_b"));
        QCOMPARE(body[u"tools"][0][u"input_schema"][u"type"].toString(), QStringLiteral("object"));
        QCOMPARE(body[u"max_tokens"].toInt(), 256);
    }

    void anthropicStream()
    {
        AnthropicStream stream;
        const QStringList deltas = play(stream, fixture("anthropic_stream.txt"), 11);
        QCOMPARE(deltas.join(QString()), QStringLiteral("Let me check the weather."));
        QVERIFY(stream.isDone());
        const ChatResponse &response = stream.response();
        QCOMPARE(response.finishReason, FinishReason::ToolCalls);
        QCOMPARE(response.model, QStringLiteral("claude-sonnet-4-20250514"));
        QCOMPARE(response.toolCalls.size(), 1);
        QCOMPARE(response.toolCalls[0],
                 (ToolCall{QStringLiteral("toolu_01"), QStringLiteral("get_weather"),
                           QStringLiteral("{\"location\": \"San Francisco\"}")}));
        QCOMPARE(response.usage.promptTokens, 472);
        QCOMPARE(response.usage.completionTokens, 89);
    }

    void anthropicErrorEvent()
    {
        AnthropicStream stream;
        play(stream, "event: error\ndata: "
                     "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
                     "\"Overloaded\"}}\n\n");
        QCOMPARE(stream.error().kind, LlmError::Kind::Server);
        QCOMPARE(stream.error().message, QStringLiteral("overloaded_error: Overloaded"));
    }

    void anthropicWholeAnswerAndErrors()
    {
        const AnthropicProtocol protocol;
        ChatResponse response;
        LlmError error;
        QVERIFY(protocol.parseResponse(
            R"({"model":"c","content":[{"type":"text","text":"Hi"},{"type":"tool_use","id":"t","name":"f","input":{"a":1}}],"stop_reason":"tool_use","usage":{"input_tokens":5,"output_tokens":7}})",
            &response, &error));
        QCOMPARE(response.text, QStringLiteral("Hi"));
        QCOMPARE(response.toolCalls[0].arguments, QStringLiteral("{\"a\":1}"));
        QCOMPARE(response.usage.completionTokens, 7);
        const LlmError overloaded = protocol.parseError(
            529, R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})");
        QCOMPARE(overloaded.kind, LlmError::Kind::Server);
        QCOMPARE(overloaded.message, QStringLiteral("overloaded_error: Overloaded"));
    }
};

SPOON_TEST_GUILESS_MAIN(TestLlmProtocols)
#include "tst_llmprotocols.moc"
