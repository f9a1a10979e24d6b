// The head of a request as the embedded HTTP server (the demo endpoint) parses it.
#include "net/httprequesthead.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const spoon::HttpRequestHead head = spoon::HttpRequestHead::parse(
        QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    (void)head.request.header("Content-Length");
    (void)head.request.query.toString();
    return 0;
}
