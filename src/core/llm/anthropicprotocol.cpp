#include "anthropicprotocol.h"

#include "chunkscanner.h"
#include "config/config.h"
#include "net/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

QJsonValue parsedArguments(const QString &arguments)
{
    const QJsonDocument document = QJsonDocument::fromJson(arguments.toUtf8());
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(QJsonObject());
}

QString errorMessage(const QJsonDocument &document)
{
    const QJsonValue error = document[u"error"];
    if (error.isObject()) {
        const QString type = error[u"type"].toString();
        const QString message = error[u"message"].toString();
        return type.isEmpty() ? message : type + u": "_s + message;
    }
    return {};
}

// Anthropic wants user and assistant turns to alternate; consecutive messages of one role
// (several tool results, say) go into one message with several content blocks.
void appendBlocks(QJsonArray &messages, const QString &role, const QJsonArray &blocks)
{
    if (!messages.isEmpty() && messages.last()[u"role"].toString() == role) {
        QJsonObject last = messages.last().toObject();
        QJsonArray content = last[u"content"].toArray();
        for (const QJsonValue &block : blocks)
            content.append(block);
        last.insert(u"content"_s, content);
        messages[messages.size() - 1] = last;
        return;
    }
    messages.append(QJsonObject{{u"role"_s, role}, {u"content"_s, blocks}});
}

} // namespace

FinishReason AnthropicProtocol::finishReason(const QString &stopReason)
{
    if (stopReason == "end_turn"_L1 || stopReason == "stop_sequence"_L1)
        return FinishReason::Stop;
    if (stopReason == "max_tokens"_L1)
        return FinishReason::Length;
    if (stopReason == "tool_use"_L1)
        return FinishReason::ToolCalls;
    if (stopReason == "refusal"_L1)
        return FinishReason::ContentFilter;
    return FinishReason::Unknown;
}

QUrl AnthropicProtocol::endpoint(const ProviderConfig &provider) const
{
    return endpointUrl(provider, u"/v1/messages");
}

QUrl AnthropicProtocol::modelsEndpoint(const ProviderConfig &provider) const
{
    return endpointUrl(provider, u"/v1/models");
}

HttpHeaders AnthropicProtocol::headers(const ProviderConfig &provider) const
{
    HttpHeaders headers{{"Content-Type", "application/json"},
                        {"Accept", "application/json"},
                        {"anthropic-version", kVersion}};
    if (provider.needsKey && !provider.apiKey.isEmpty())
        headers.append({"x-api-key", provider.apiKey.reveal().toUtf8()});
    return headers;
}

QJsonObject AnthropicProtocol::body(const ChatRequest &request,
                                    const ProviderConfig &provider) const
{
    QStringList system;
    QJsonArray messages;
    for (const ChatMessage &message : request.messages) {
        switch (message.role) {
        case ChatMessage::Role::System:
            system.append(message.content);
            break;
        case ChatMessage::Role::User:
            appendBlocks(messages, u"user"_s,
                         {QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, message.content}}});
            break;
        case ChatMessage::Role::Assistant: {
            QJsonArray blocks;
            if (!message.content.isEmpty())
                blocks.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, message.content}});
            for (const ToolCall &call : message.toolCalls) {
                blocks.append(QJsonObject{{u"type"_s, u"tool_use"_s},
                                          {u"id"_s, call.id},
                                          {u"name"_s, call.name},
                                          {u"input"_s, parsedArguments(call.arguments)}});
            }
            appendBlocks(messages, u"assistant"_s, blocks);
            break;
        }
        case ChatMessage::Role::Tool:
            appendBlocks(messages, u"user"_s,
                         {QJsonObject{{u"type"_s, u"tool_result"_s},
                                      {u"tool_use_id"_s, message.toolCallId},
                                      {u"content"_s, message.content}}});
            break;
        }
    }
    QJsonObject body{
        {u"model"_s, request.model.isEmpty() ? provider.model : request.model},
        {u"messages"_s, messages},
        {u"max_tokens"_s, request.maxTokens > 0 ? request.maxTokens : provider.maxTokens},
        // Anthropic's temperature runs 0..1; OpenAI-style values above 1 are clamped.
        {u"temperature"_s,
         std::min(1.0, request.temperature >= 0 ? request.temperature : provider.temperature)},
        {u"stream"_s, request.stream},
    };
    if (!system.isEmpty())
        body.insert(u"system"_s, system.join(u"\n\n"_s));
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolSpec &tool : request.tools) {
            tools.append(QJsonObject{{u"name"_s, tool.name},
                                     {u"description"_s, tool.description},
                                     {u"input_schema"_s, tool.parameters}});
        }
        body.insert(u"tools"_s, tools);
    }
    return body;
}

std::unique_ptr<ProtocolStream> AnthropicProtocol::newStream() const
{
    return std::make_unique<AnthropicStream>();
}

bool AnthropicProtocol::parseResponse(const QByteArray &body, ChatResponse *response,
                                      LlmError *error) const
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document[u"content"].isArray()) {
        *error = LlmError{LlmError::Kind::MalformedResponse, 0,
                          parseError.error != QJsonParseError::NoError
                              ? u"the answer is not JSON: "_s + parseError.errorString()
                              : u"the answer has no content"_s,
                          -1};
        return false;
    }
    const QJsonArray blocks = document[u"content"].toArray();
    for (const QJsonValue &block : blocks) {
        const QString type = block[u"type"].toString();
        if (type == "text"_L1) {
            response->text += block[u"text"].toString();
        } else if (type == "tool_use"_L1) {
            response->toolCalls.append(ToolCall{
                block[u"id"].toString(), block[u"name"].toString(),
                QString::fromUtf8(
                    QJsonDocument(block[u"input"].toObject()).toJson(QJsonDocument::Compact))});
        }
    }
    response->finishReason = finishReason(document[u"stop_reason"].toString());
    response->model = document[u"model"].toString();
    const QJsonValue usage = document[u"usage"];
    if (usage.isObject()) {
        response->usage.promptTokens = usage[u"input_tokens"].toInt();
        response->usage.completionTokens = usage[u"output_tokens"].toInt();
        response->usage.known = true;
    }
    return true;
}

LlmError AnthropicProtocol::parseError(int status, const QByteArray &body) const
{
    QString message = errorMessage(QJsonDocument::fromJson(body));
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(500)).trimmed();
    if (message.isEmpty())
        message = u"(no message)"_s;
    // 529 means overloaded: a server-side condition, retried like 5xx.
    return LlmError{errorKindForStatus(status), status, message, -1};
}

void AnthropicStream::onEvent(const SseEvent &event)
{
    if (isDone())
        return;
    if (const std::optional<QString> text = scanAnthropicTextDelta(event.data)) {
        appendText(*text);
        return;
    }
    // Every other event, and anything malformed: the DOM reads it, and words the errors.
    QJsonParseError parseError{};
    const QJsonDocument data = QJsonDocument::fromJson(event.data.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !data.isObject()) {
        setError(LlmError{
            LlmError::Kind::MalformedResponse, 0,
            u"a stream event is not JSON ("_s + parseError.errorString() + u"): "_s +
                QString::fromUtf8(
                    event.data.first(std::min<qsizetype>(120, event.data.size())).toByteArray()),
            -1});
        return;
    }
    // The event name is repeated in the data's "type"; the data is what counts.
    const QString type = data[u"type"].toString();
    if (type == "message_start"_L1) {
        const QJsonValue message = data[u"message"];
        m_response.model = message[u"model"].toString();
        m_response.usage.promptTokens = message[u"usage"][u"input_tokens"].toInt();
        m_response.usage.known = true;
    } else if (type == "content_block_start"_L1) {
        const int index = data[u"index"].toInt();
        const QJsonValue block = data[u"content_block"];
        Block &state = m_blocks[index];
        if (block[u"type"].toString() == "tool_use"_L1) {
            state.isTool = true;
            state.call.id = block[u"id"].toString();
            state.call.name = block[u"name"].toString();
        } else {
            const QString text = block[u"text"].toString();
            if (!text.isEmpty())
                appendText(text);
        }
    } else if (type == "content_block_delta"_L1) {
        const QJsonValue delta = data[u"delta"];
        const QString deltaType = delta[u"type"].toString();
        if (deltaType == "text_delta"_L1) {
            appendText(delta[u"text"].toString());
        } else if (deltaType == "input_json_delta"_L1) {
            m_blocks[data[u"index"].toInt()].call.arguments += delta[u"partial_json"].toString();
        }
    } else if (type == "content_block_stop"_L1) {
        const Block &block = m_blocks.value(data[u"index"].toInt());
        if (block.isTool) {
            ToolCall call = block.call;
            if (call.arguments.isEmpty())
                call.arguments = u"{}"_s; // a tool without input still takes an object
            m_response.toolCalls.append(call);
        }
    } else if (type == "message_delta"_L1) {
        const QString stop = data[u"delta"][u"stop_reason"].toString();
        if (!stop.isEmpty())
            m_response.finishReason = AnthropicProtocol::finishReason(stop);
        if (data[u"usage"][u"output_tokens"].isDouble())
            m_response.usage.completionTokens = data[u"usage"][u"output_tokens"].toInt();
    } else if (type == "message_stop"_L1) {
        markDone();
    } else if (type == "error"_L1) {
        const QJsonValue error = data[u"error"];
        const QString errorType = error[u"type"].toString();
        const LlmError::Kind kind =
            errorType == "overloaded_error"_L1 || errorType == "api_error"_L1
                ? LlmError::Kind::Server
                : (errorType == "rate_limit_error"_L1 ? LlmError::Kind::RateLimited
                                                      : LlmError::Kind::BadRequest);
        setError(LlmError{kind, 0, errorType + u": "_s + error[u"message"].toString(), -1});
    }
    // "ping" and unknown events are ignored, as Anthropic's versioning policy asks.
}

} // namespace spoon
