#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace spoon {

// What the demo endpoint answers to a chat completion request: a tool call when the request
// offers a tool the prompt calls for, a summary of a tool's result when the last message is
// one, and otherwise a scripted explanation of the demo. Deterministic, so tests can rely
// on it; pure, so it is tested without a server.
struct DemoReply
{
    bool isToolCall = false;
    QString toolName;
    QString toolArguments; // JSON text
    QString text;
};

DemoReply demoReplyFor(const QJsonObject &request);
// The text split into the pieces the demo streams, each about one token.
QStringList demoTokens(const QString &text);
// A rough token count: four characters a token, as OpenAI's rule of thumb says.
int estimateTokens(const QString &text);

} // namespace spoon
