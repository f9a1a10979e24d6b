#pragma once

#include "protocol.h"

#include <QMap>

namespace spoon {

// Anthropic Messages. base_url is the host; /v1/messages is appended. x-api-key and
// anthropic-version authenticate. System prompts travel apart from the messages, tool calls
// are tool_use blocks and their results tool_result blocks inside a user message.
class AnthropicProtocol : public Protocol
{
public:
    static constexpr char kVersion[] = "2023-06-01";

    QUrl endpoint(const ProviderConfig &provider) const override;
    QUrl modelsEndpoint(const ProviderConfig &provider) const override;
    HttpHeaders headers(const ProviderConfig &provider) const override;
    QJsonObject body(const ChatRequest &request, const ProviderConfig &provider) const override;
    std::unique_ptr<ProtocolStream> newStream() const override;
    bool parseResponse(const QByteArray &body, ChatResponse *response,
                       LlmError *error) const override;
    LlmError parseError(int status, const QByteArray &body) const override;

    static FinishReason finishReason(const QString &stopReason);
};

// Decodes the Messages event stream: message_start, content_block_start/delta/stop (text and
// tool_use with input_json_delta), message_delta (stop reason, output tokens), message_stop,
// ping and error events.
class AnthropicStream : public ProtocolStream
{
public:
    void onEvent(const SseEvent &event) override;

private:
    struct Block
    {
        bool isTool = false;
        ToolCall call;
    };
    QMap<int, Block> m_blocks;
};

} // namespace spoon
