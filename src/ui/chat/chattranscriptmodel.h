#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace spoon {

// One row of a conversation as the chat pane shows it.
struct ChatItem
{
    enum class Kind
    {
        User,
        Assistant,
        ToolStep,
        Notice, // the pane's own remarks: stopped, tools unavailable
        Error
    };
    Kind kind = Kind::Notice;
    QString text; // markdown for Assistant, plain for the rest
    QString toolCallId;
    QString toolName;
    QString arguments;
    QString result;
    qint64 durationMs = -1;
    bool isError = false;
    bool running = false;   // a tool step not yet answered
    bool streaming = false; // an answer still arriving
    bool expanded = false;  // a tool step shows its arguments and result
    qint64 createdMs = 0;   // when it was added, or when a restored message was said
};

// A conversation's rows. Streamed text grows the last answer in place and says so with
// dataChanged on that one row and the text role only, so the view relays out nothing else.
class ChatTranscriptModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        KindRole = Qt::UserRole + 1,
        ToolNameRole,
        ArgumentsRole,
        ResultRole,
        DurationRole,
        IsErrorRole,
        RunningRole,
        StreamingRole,
        ExpandedRole,
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QHash<int, QByteArray> roleNames() const override;

    const ChatItem &item(int row) const { return m_items.at(row); }
    const QList<ChatItem> &items() const { return m_items; }
    bool isEmpty() const { return m_items.isEmpty(); }

    void addUserMessage(const QString &text);
    void appendStreamedText(const QString &delta);
    // A step's whole answer: replaces what streamed (the authoritative text), or adds it.
    void finishAnswer(const QString &text);
    void addToolStep(const QString &callId, const QString &name, const QString &arguments);
    void finishToolStep(const QString &callId, const QString &result, bool isError,
                        qint64 durationMs);
    void addNotice(const QString &text);
    void addError(const QString &text);
    void endStreaming(); // a turn ended: nothing is streaming or running any more
    // A restored message keeps the time it was first said.
    void setLastCreated(qint64 ms);
    // The last of the user's messages, -1 when there is none.
    int lastUserRow() const;
    // Removes `row` and every row after it (a turn taken back).
    void removeFrom(int row);

private:
    void append(ChatItem item);
    int streamingRow() const;

    QList<ChatItem> m_items;
};

} // namespace spoon
