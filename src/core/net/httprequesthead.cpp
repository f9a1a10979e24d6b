#include "httprequesthead.h"

namespace spoon {

QByteArray HttpServerRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpRequestHead HttpRequestHead::parse(QByteArrayView head)
{
    HttpRequestHead parsed;
    const auto refuse = [&parsed](int status, const char *why) {
        parsed.refusal = status;
        parsed.why = why;
        return parsed;
    };
    const QList<QByteArray> lines = head.toByteArray().split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return refuse(400, "malformed request line");
    HttpServerRequest &request = parsed.request;
    request.method = requestLine.at(0);
    const QByteArray target = requestLine.at(1);
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.first(question);
    if (question >= 0)
        request.query = QUrlQuery(QString::fromUtf8(target.sliced(question + 1)));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return refuse(400, "malformed header line");
        request.headers.append({line.first(colon).trimmed(), line.sliced(colon + 1).trimmed()});
    }
    if (!request.header("Transfer-Encoding").isEmpty())
        return refuse(411, "chunked request bodies are not accepted; send Content-Length");
    bool lengthOk = true;
    const QByteArray lengthText = request.header("Content-Length");
    parsed.contentLength = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&lengthOk);
    if (!lengthOk || parsed.contentLength < 0)
        return refuse(400, "malformed Content-Length");
    const bool http10 = requestLine.at(2) == "HTTP/1.0";
    const QByteArray connection = request.header("Connection").toLower();
    parsed.keepAlive = http10 ? connection == "keep-alive" : connection != "close";
    return parsed;
}

} // namespace spoon
