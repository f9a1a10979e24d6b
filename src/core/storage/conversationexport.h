#pragma once

#include "conversationstore.h"

#include <QJsonObject>

// One conversation as a file a person keeps or shares: Markdown to read, JSON for programs.
// `spoon-console history export` and the window's Export both write document() of what the
// store holds, so the two files are the same.
namespace spoon::conversationexport {

enum class Format
{
    Markdown,
    Json,
};

// The file, in UTF-8: markdown(), or json() indented.
QByteArray document(const ConversationSummary &conversation, const QList<StoredMessage> &messages,
                    Format format);

QString markdown(const ConversationSummary &conversation, const QList<StoredMessage> &messages);
QJsonObject json(const ConversationSummary &conversation, const QList<StoredMessage> &messages);
// The list's entry for one conversation (history list --json).
QJsonObject summaryJson(const ConversationSummary &conversation);
// A time as the exports write it: ISO 8601 in UTC.
QString isoTime(qint64 ms);

} // namespace spoon::conversationexport
