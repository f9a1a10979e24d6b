#include "chattranscriptmodel.h"

#include <QDateTime>

#include <atomic>

namespace spoon {

namespace {
std::atomic<quint64> g_nextItemId{1};
}

ChatTranscriptModel::ChatTranscriptModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_frame.setSingleShot(true);
    m_frame.setInterval(kFrameMs);
    connect(&m_frame, &QTimer::timeout, this, &ChatTranscriptModel::flushStreamedText);
}

void ChatTranscriptModel::flushStreamedText()
{
    m_frame.stop();
    const int row = std::exchange(m_pendingRow, -1);
    if (row < 0 || row >= m_items.size())
        return;
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, {Qt::DisplayRole});
}

// Every other change says at once what it changed, after what streamed before it.
void ChatTranscriptModel::changed(int row, const QList<int> &roles)
{
    ++m_items[row].revision;
    if (m_pendingRow == row)
        flushStreamedText();
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, roles);
}

int ChatTranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant ChatTranscriptModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ChatItem &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return item.text;
    case KindRole:
        return int(item.kind);
    case ToolNameRole:
        return item.toolName;
    case ArgumentsRole:
        return item.arguments;
    case ResultRole:
        return item.result;
    case DurationRole:
        return item.durationMs;
    case IsErrorRole:
        return item.isError;
    case RunningRole:
        return item.running;
    case StreamingRole:
        return item.streaming;
    case ExpandedRole:
        return item.expanded;
    case IdRole:
        return item.id;
    case RevisionRole:
        return item.revision;
    default:
        return {};
    }
}

bool ChatTranscriptModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != ExpandedRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    ChatItem &item = m_items[index.row()];
    if (item.kind != ChatItem::Kind::ToolStep || item.expanded == value.toBool())
        return false;
    item.expanded = value.toBool();
    changed(index.row(), {ExpandedRole});
    return true;
}

QHash<int, QByteArray> ChatTranscriptModel::roleNames() const
{
    return {{Qt::DisplayRole, "text"},    {KindRole, "kind"},       {ToolNameRole, "toolName"},
            {ArgumentsRole, "arguments"}, {ResultRole, "result"},   {DurationRole, "durationMs"},
            {IsErrorRole, "isError"},     {RunningRole, "running"}, {StreamingRole, "streaming"},
            {ExpandedRole, "expanded"}};
}

void ChatTranscriptModel::append(ChatItem item)
{
    flushStreamedText();
    const int row = int(m_items.size());
    item.createdMs = QDateTime::currentMSecsSinceEpoch();
    item.id = g_nextItemId++;
    beginInsertRows({}, row, row);
    m_items.append(std::move(item));
    endInsertRows();
}

void ChatTranscriptModel::setLastCreated(qint64 ms)
{
    if (!m_items.isEmpty())
        m_items.last().createdMs = ms;
}

int ChatTranscriptModel::lastUserRow() const
{
    for (qsizetype row = m_items.size() - 1; row >= 0; --row) {
        if (m_items.at(row).kind == ChatItem::Kind::User)
            return int(row);
    }
    return -1;
}

void ChatTranscriptModel::removeFrom(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    flushStreamedText();
    beginRemoveRows({}, row, int(m_items.size()) - 1);
    m_items.remove(row, m_items.size() - row);
    endRemoveRows();
}

int ChatTranscriptModel::streamingRow() const
{
    if (!m_items.isEmpty() && m_items.last().kind == ChatItem::Kind::Assistant &&
        m_items.last().streaming)
        return int(m_items.size()) - 1;
    return -1;
}

void ChatTranscriptModel::addUserMessage(const QString &text)
{
    ChatItem item;
    item.kind = ChatItem::Kind::User;
    item.text = text;
    append(std::move(item));
}

void ChatTranscriptModel::appendStreamedText(const QString &delta)
{
    const int row = streamingRow();
    if (row < 0) {
        ChatItem item;
        item.kind = ChatItem::Kind::Assistant;
        item.text = delta;
        item.streaming = true;
        append(std::move(item));
        return;
    }
    m_items[row].text += delta;
    ++m_items[row].revision;
    m_pendingRow = row;
    if (!m_frame.isActive())
        m_frame.start();
}

void ChatTranscriptModel::finishAnswer(const QString &text)
{
    const int row = streamingRow();
    if (row < 0) {
        if (text.trimmed().isEmpty())
            return; // a step that only called tools
        ChatItem item;
        item.kind = ChatItem::Kind::Assistant;
        item.text = text;
        append(std::move(item));
        return;
    }
    ChatItem &item = m_items[row];
    item.streaming = false;
    if (!text.isEmpty())
        item.text = text;
    changed(row, {Qt::DisplayRole, StreamingRole});
}

void ChatTranscriptModel::addToolStep(const QString &callId, const QString &name,
                                      const QString &arguments)
{
    ChatItem item;
    item.kind = ChatItem::Kind::ToolStep;
    item.toolCallId = callId;
    item.toolName = name;
    item.arguments = arguments;
    item.running = true;
    append(std::move(item));
}

void ChatTranscriptModel::finishToolStep(const QString &callId, const QString &result, bool isError,
                                         qint64 durationMs)
{
    for (int row = int(m_items.size()) - 1; row >= 0; --row) {
        ChatItem &item = m_items[row];
        if (item.kind != ChatItem::Kind::ToolStep || item.toolCallId != callId || !item.running)
            continue;
        item.result = result;
        item.isError = isError;
        item.durationMs = durationMs;
        item.running = false;
        changed(row, {ResultRole, IsErrorRole, DurationRole, RunningRole});
        return;
    }
}

void ChatTranscriptModel::addNotice(const QString &text)
{
    ChatItem item;
    item.kind = ChatItem::Kind::Notice;
    item.text = text;
    append(std::move(item));
}

void ChatTranscriptModel::addError(const QString &text)
{
    ChatItem item;
    item.kind = ChatItem::Kind::Error;
    item.text = text;
    append(std::move(item));
}

void ChatTranscriptModel::endStreaming()
{
    for (int row = 0; row < m_items.size(); ++row) {
        ChatItem &item = m_items[row];
        if (!item.streaming && !item.running)
            continue;
        item.streaming = false;
        item.running = false;
        changed(row, {StreamingRole, RunningRole});
    }
}

} // namespace spoon
