#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace spoon {

// One line of the MCP stdio transport read as JSON-RPC 2.0 (the MCP spec, "Transports",
// and JSON-RPC 2.0 section 4), with what the client needs to act on it. Pure: bytes in, a
// frame out, so it is tested and fuzzed on its own.
struct McpFrame
{
    enum class Kind
    {
        Invalid,      // not JSON-RPC: the server is broken
        Response,     // to one of our requests: id and result or error
        Request,      // from the server: id and method
        Notification, // method, no id
    };
    Kind kind = Kind::Invalid;
    QString problem;       // why it is Invalid
    QJsonValue id;         // Response and Request
    qint64 numericId = -1; // our requests use integer ids; -1 if the id is not one
    QString method;        // Request and Notification
    QJsonObject params;
    QJsonObject result; // Response
    QString errorText;  // Response carrying an error: "MCP error -32602: unknown tool"

    static McpFrame parse(QByteArrayView line);
};

} // namespace spoon
