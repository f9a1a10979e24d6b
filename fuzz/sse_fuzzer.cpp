// The SSE parser (WHATWG HTML 9.2.6) on arbitrary bytes, split at a point the input picks,
// with the event-size cap on: it must never crash, and never hand out an event over the cap.
#include "net/sseparser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView stream(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const qsizetype split = stream.isEmpty() ? 0 : data[0] % (stream.size() + 1);
    constexpr qint64 kCap = 256;
    spoon::SseParser parser([](const spoon::SseEvent &event) {
        if (event.data.size() > kCap + 1)
            std::abort(); // an event bigger than the cap escaped it
    });
    parser.setMaxEventBytes(kCap);
    parser.feed(stream.first(split));
    parser.feed(stream.sliced(split));
    (void)parser.finish();
    return 0;
}
