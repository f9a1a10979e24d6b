// SSE parsing speed on an OpenAI-style stream cut at random byte boundaries (DESIGN.md:
// >= 500 MB/s), and decoding its chunks: the scanner against the QJsonDocument it replaced.
#include "llm/chunkscanner.h"
#include "llm/openaiprotocol.h"
#include "net/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QByteArray>
#include <QRandomGenerator>

#include <benchmark/benchmark.h>

using namespace spoon;

namespace {

QByteArray recordedStream()
{
    QByteArray stream;
    QRandomGenerator random(9);
    while (stream.size() < 8 * 1024 * 1024) {
        stream +=
            "data: "
            "{\"id\":\"chatcmpl-9f2\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,"
            "\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"";
        stream += QByteArray(int(random.bounded(1, 12)), 'x');
        stream += "\"},\"finish_reason\":null}]}\n\n";
        if (random.bounded(50) == 0)
            stream += ": keep-alive\n\n";
    }
    stream += "data: [DONE]\n\n";
    return stream;
}

std::vector<QByteArrayView> randomCuts(const QByteArray &stream, int maxChunk)
{
    std::vector<QByteArrayView> chunks;
    QRandomGenerator random(4);
    for (qsizetype at = 0; at < stream.size();) {
        const qsizetype length =
            std::min<qsizetype>(random.bounded(1, maxChunk + 1), stream.size() - at);
        chunks.emplace_back(stream.constData() + at, length);
        at += length;
    }
    return chunks;
}

void BM_SseParse(benchmark::State &state)
{
    static const QByteArray stream = recordedStream();
    const std::vector<QByteArrayView> chunks = randomCuts(stream, int(state.range(0)));
    quint64 events = 0;
    quint64 dataBytes = 0;
    for (auto _ : state) {
        SseParser parser([&](const SseEvent &event) {
            ++events;
            dataBytes += quint64(event.data.size());
        });
        for (QByteArrayView chunk : chunks)
            parser.feed(chunk);
        parser.finish();
    }
    benchmark::DoNotOptimize(dataBytes);
    state.SetBytesProcessed(qint64(state.iterations()) * stream.size());
    state.counters["events_per_pass"] = double(events) / double(state.iterations());
    state.counters["chunks_per_pass"] = double(chunks.size());
}
// Chunk sizes as TCP delivers them (up to a few KB), and a pathological 1..64 bytes.
BENCHMARK(BM_SseParse)->Arg(4096)->Arg(1460)->Arg(64)->Unit(benchmark::kMillisecond);

// One typical content chunk, as OpenAI sends it; the token is a few characters.
const QByteArray kChunk =
    "{\"id\":\"chatcmpl-9f2\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,"
    "\"model\":\"gpt-4.1\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,"
    "\"delta\":{\"content\":\" token\"},\"logprobs\":null,\"finish_reason\":null}]}";

// What OpenAiStream::onEvent did for every chunk before the scanner: a DOM, then the fields.
void BM_ChunkDom(benchmark::State &state)
{
    qsizetype characters = 0;
    for (auto _ : state) {
        const QJsonDocument chunk = QJsonDocument::fromJson(kChunk);
        const QJsonObject object = chunk.object();
        const QString model = object[u"model"].toString();
        const QJsonValue choice = object[u"choices"].toArray().first();
        const QString content = choice[u"delta"][u"content"].toString();
        const QJsonValue reason = choice[u"finish_reason"];
        characters += model.size() + content.size() + reason.isString();
    }
    benchmark::DoNotOptimize(characters);
}
BENCHMARK(BM_ChunkDom);

void BM_ChunkScan(benchmark::State &state)
{
    qsizetype characters = 0;
    for (auto _ : state) {
        const std::optional<OpenAiChunkFields> fields = scanOpenAiChunk(kChunk);
        characters += fields->model.size() + fields->content.size() + bool(fields->finishReason);
    }
    benchmark::DoNotOptimize(characters);
}
BENCHMARK(BM_ChunkScan);

// Anthropic's text event: the DOM it replaced, then the scanner.
const QByteArray kAnthropicDelta = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{"
                                   "\"type\":\"text_delta\",\"text\":\" token\"}}";

void BM_AnthropicDeltaDom(benchmark::State &state)
{
    qsizetype characters = 0;
    for (auto _ : state) {
        const QJsonObject data = QJsonDocument::fromJson(kAnthropicDelta).object();
        const QJsonValue delta = data[u"delta"];
        if (data[u"type"].toString() == QLatin1String("content_block_delta") &&
            delta[u"type"].toString() == QLatin1String("text_delta"))
            characters += delta[u"text"].toString().size();
    }
    benchmark::DoNotOptimize(characters);
}
BENCHMARK(BM_AnthropicDeltaDom);

void BM_AnthropicDeltaScan(benchmark::State &state)
{
    qsizetype characters = 0;
    for (auto _ : state)
        characters += scanAnthropicTextDelta(kAnthropicDelta)->size();
    benchmark::DoNotOptimize(characters);
}
BENCHMARK(BM_AnthropicDeltaScan);

// The whole per-event path, SSE event in, text delta out.
void BM_ChunkStreamEvent(benchmark::State &state)
{
    auto stream = std::make_unique<OpenAiStream>();
    const SseEvent event{"message", kChunk, {}};
    qsizetype characters = 0;
    qsizetype events = 0;
    for (auto _ : state) {
        if (++events % 4096 == 0) { // an answer's length, so its text stays a realistic size
            state.PauseTiming();
            stream = std::make_unique<OpenAiStream>();
            state.ResumeTiming();
        }
        stream->onEvent(event);
        characters += stream->takeTextDelta().size();
    }
    benchmark::DoNotOptimize(characters);
}
BENCHMARK(BM_ChunkStreamEvent);

} // namespace

BENCHMARK_MAIN();
