#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>
#include <QTimer>

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
    quint64 id = 0;         // unique among all transcripts: caches key drawn rows by it
    quint32 revision = 0;   // grows with every change to what the row shows
};

// A conversation's rows. Streamed text grows the last answer in place and says so with
// dataChanged on that one row and the text role only, at most once per frame (kFrameMs):
// a fast model sends hundreds of tokens a second, and the view needs one update per frame.
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
        IdRole,
        RevisionRole,
    };
    static constexpr int kFrameMs = 16;

    explicit ChatTranscriptModel(QObject *parent = nullptr);

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

    // Says now what streamed since the last frame (a test or a caller that must see it).
    void flushStreamedText();

private:
    void append(ChatItem item);
    int streamingRow() const;
    void changed(int row, const QList<int> &roles);

    QList<ChatItem> m_items;
    QTimer m_frame;        // one text update per frame while an answer streams
    int m_pendingRow = -1; // the row whose streamed text has not been announced yet
};

} // namespace spoon
