#include "mcpframe.h"

#include "printable.h"

#include <QJsonDocument>

namespace spoon {

using namespace Qt::StringLiterals;

McpFrame McpFrame::parse(QByteArrayView line)
{
    McpFrame frame;
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject() ||
        document[u"jsonrpc"].toString() != "2.0"_L1) {
        frame.problem = u"not JSON-RPC: \"%1\""_s.arg(
            printable(QString::fromUtf8(line.first(std::min<qsizetype>(line.size(), 120)))));
        return frame;
    }
    const QJsonObject message = document.object();
    const bool hasId = message.contains(u"id"_s);
    frame.method = message.value(u"method").toString();
    frame.params = message.value(u"params").toObject();
    if (hasId) {
        frame.id = message.value(u"id");
        if (frame.id.isDouble()) {
            const double value = frame.id.toDouble();
            if (value >= 0 && value <= 9007199254740992.0 && value == qint64(value))
                frame.numericId = qint64(value);
        }
    }
    if (hasId && frame.method.isEmpty()) {
        frame.kind = Kind::Response;
        if (message.contains(u"error"_s)) {
            const QJsonObject failure = message.value(u"error").toObject();
            frame.errorText = u"MCP error %1: %2"_s.arg(failure.value(u"code").toInt())
                                  .arg(printable(failure.value(u"message").toString()));
        } else {
            frame.result = message.value(u"result").toObject();
        }
    } else if (hasId) {
        frame.kind = Kind::Request;
    } else if (!frame.method.isEmpty()) {
        frame.kind = Kind::Notification;
    } else {
        frame.problem = u"a JSON-RPC message with neither an id nor a method"_s;
    }
    return frame;
}

} // namespace spoon
