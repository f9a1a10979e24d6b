// The OpenAI and Anthropic stream decoders on arbitrary event streams: SSE parsing, then
// each protocol's JSON decoding and tool-call assembly. The first byte picks the protocol.
#include "config/config.h"
#include "llm/protocol.h"
#include "net/sseparser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    spoon::ProviderConfig provider{};
    provider.type =
        data[0] & 1 ? spoon::ProviderType::Anthropic : spoon::ProviderType::OpenAiCompatible;
    const std::unique_ptr<spoon::Protocol> protocol = spoon::Protocol::forProvider(provider);
    std::unique_ptr<spoon::ProtocolStream> stream = protocol->newStream();
    spoon::SseParser parser([&stream](const spoon::SseEvent &event) {
        if (stream->error().isError())
            return;
        stream->onEvent(event);
        (void)stream->takeTextDelta();
    });
    parser.setMaxEventBytes(1 << 16);
    parser.feed(QByteArrayView(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1)));
    (void)parser.finish();
    (void)stream->response().text.size();
    // And the same bytes as a whole, unstreamed answer and as an error body.
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    spoon::ChatResponse response;
    spoon::LlmError error;
    (void)protocol->parseResponse(body, &response, &error);
    (void)protocol->parseError(500, body).describe();
    return 0;
}
