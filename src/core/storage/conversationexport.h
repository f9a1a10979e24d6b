#pragma once

#include "conversationstore.h"

#include <QJsonObject>

// One conversation as a file a person keeps or shares: Markdown to read, JSON for programs.
// `spoon-console history export` and the window's Export write the same formats.
namespace spoon::conversationexport {

QString markdown(const ConversationSummary &conversation, const QList<StoredMessage> &messages);
QJsonObject json(const ConversationSummary &conversation, const QList<StoredMessage> &messages);
// The list's entry for one conversation (history list --json).
QJsonObject summaryJson(const ConversationSummary &conversation);
// A time as the exports write it: ISO 8601 in UTC.
QString isoTime(qint64 ms);

} // namespace spoon::conversationexport
