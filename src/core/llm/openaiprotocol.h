#pragma once

#include "protocol.h"

#include <QMap>

namespace spoon {

// OpenAI chat completions, as OpenAI, DeepSeek, OpenRouter, Ollama, vLLM and llama.cpp speak
// it. base_url ends in /v1 (as in the official SDK) and /chat/completions is appended.
class OpenAiProtocol : public Protocol
{
public:
    QUrl endpoint(const ProviderConfig &provider) const override;
    QUrl modelsEndpoint(const ProviderConfig &provider) const override;
    HttpHeaders headers(const ProviderConfig &provider) const override;
    QJsonObject body(const ChatRequest &request, const ProviderConfig &provider) const override;
    std::unique_ptr<ProtocolStream> newStream() const override;
    bool parseResponse(const QByteArray &body, ChatResponse *response,
                       LlmError *error) const override;
    LlmError parseError(int status, const QByteArray &body) const override;

    static FinishReason finishReason(const QString &name);
};

// Decodes chat.completion.chunk events: content deltas, tool-call deltas by index (id and
// name first, arguments spread over many chunks, several calls in one answer), a trailing
// usage chunk with an empty choices list, and [DONE].
class OpenAiStream : public ProtocolStream
{
public:
    void onEvent(const SseEvent &event) override;

private:
    QMap<int, ToolCall> m_calls; // by the delta's index
};

} // namespace spoon
