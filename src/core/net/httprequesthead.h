#pragma once

#include "httpserver.h"

namespace spoon {

// The head of one HTTP/1.x request (RFC 9112 sections 3 and 5: the request line, then
// header field lines), parsed from the bytes before its blank line. Pure, so that the
// embedded server's parsing is tested and fuzzed on its own.
struct HttpRequestHead
{
    int refusal = 0;           // 0, or the status to refuse with (400, 411)
    const char *why = "";      // for a refusal
    HttpServerRequest request; // method, path, query and headers; the body comes later
    qint64 contentLength = 0;
    bool keepAlive = true;

    static HttpRequestHead parse(QByteArrayView head);
};

} // namespace spoon
