// SSE parsing speed on an OpenAI-style stream cut at random byte boundaries (DESIGN.md:
// >= 500 MB/s).
#include "net/sseparser.h"

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

} // namespace

BENCHMARK_MAIN();
