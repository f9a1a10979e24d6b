#pragma once

#include "storage/conversationstore.h"

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QListWidget;

namespace spoon {

// The search box above the conversation list and, while it holds text, the hits in place
// of the list: each a conversation's title and the words around the match. A pause in
// typing asks the store (full-text search); activating a hit asks to open that conversation.
class ConversationSearch : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kTypingPauseMs = 250;

    explicit ConversationSearch(QWidget *parent = nullptr);

    // No store: the box stays disabled and says why.
    void setStore(ConversationStore *store);
    QLineEdit *box() const { return m_box; }
    QListWidget *hits() const { return m_hits; }
    bool isSearching() const;
    // Runs the search for the box's text now, without the typing pause.
    void searchNow();

    // A hit's snippet on the lines of a narrow list: its whitespace one space, and at most
    // `context` characters (to a word's start) before the first match, so the match shows.
    struct Snippet
    {
        QString text;
        QList<TextSpan> matches;
    };
    static Snippet readableSnippet(const QString &text, const QList<TextSpan> &matches,
                                   qsizetype context = kContextChars);
    static constexpr qsizetype kContextChars = 24;

Q_SIGNALS:
    void searchingChanged(bool searching);
    void openRequested(qint64 conversationId);
    // The store answered a search (with hits or none).
    void answered();

private:
    void showHits(const StoreResult<QList<SearchHit>> &result, quint64 generation);

    ConversationStore *m_store = nullptr;
    QLineEdit *m_box;
    QListWidget *m_hits;
    QTimer m_pause;
    quint64 m_generation = 0; // a slow answer to an older text is dropped
};

} // namespace spoon
