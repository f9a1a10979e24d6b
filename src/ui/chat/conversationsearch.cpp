#include "conversationsearch.h"

#include "plaintooltip.h"
#include "searchhitdelegate.h"

#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace spoon {

ConversationSearch::ConversationSearch(QWidget *parent)
    : QWidget(parent)
    , m_box(new QLineEdit(this))
    , m_hits(new QListWidget(this))
{
    m_box->setObjectName(QStringLiteral("conversationSearch"));
    m_box->setClearButtonEnabled(true);
    m_box->setPlaceholderText(tr("Search conversations"));
    m_box->setEnabled(false);
    m_box->setToolTip(tr("Conversations are not stored, so there is nothing to search"));
    m_hits->setObjectName(QStringLiteral("searchHits"));
    m_hits->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_hits->setItemDelegate(new SearchHitDelegate(m_hits));
    m_hits->setUniformItemSizes(true);
    m_hits->hide();

    m_pause.setSingleShot(true);
    m_pause.setInterval(kTypingPauseMs);
    connect(&m_pause, &QTimer::timeout, this, &ConversationSearch::searchNow);
    connect(m_box, &QLineEdit::textChanged, this, [this](const QString &text) {
        const bool searching = !text.trimmed().isEmpty();
        if (searching != m_hits->isVisible()) {
            m_hits->setVisible(searching);
            Q_EMIT searchingChanged(searching);
        }
        if (searching) {
            m_pause.start();
        } else {
            m_pause.stop();
            ++m_generation;
            m_hits->clear();
        }
    });
    connect(m_hits, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT openRequested(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_hits, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        Q_EMIT openRequested(item->data(Qt::UserRole).toLongLong());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_box);
    layout->addWidget(m_hits, 1);
}

void ConversationSearch::setStore(ConversationStore *store)
{
    m_store = store;
    m_box->setEnabled(store != nullptr);
    m_box->setToolTip(store ? tr("Finds messages that contain every word typed")
                            : tr("Conversations are not stored, so there is nothing to search"));
}

bool ConversationSearch::isSearching() const
{
    return !m_box->text().trimmed().isEmpty();
}

void ConversationSearch::searchNow()
{
    m_pause.stop();
    if (!m_store || !isSearching())
        return;
    const quint64 generation = ++m_generation;
    m_store->search(m_box->text())
        .then(this, [this, generation](const StoreResult<QList<SearchHit>> &result) {
            showHits(result, generation);
        });
}

void ConversationSearch::showHits(const StoreResult<QList<SearchHit>> &result, quint64 generation)
{
    if (generation != m_generation)
        return;
    m_hits->clear();
    if (!result.ok()) {
        auto *item = new QListWidgetItem(tr("Search failed: %1").arg(result.error.message), m_hits);
        item->setFlags(Qt::NoItemFlags);
        item->setToolTip(plainToolTip(item->text()));
    } else if (result.value.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No message contains these words"), m_hits);
        item->setFlags(Qt::NoItemFlags);
        item->setToolTip(item->text());
    }
    for (const SearchHit &hit : result.value) {
        const QString title = hit.title.isEmpty() ? tr("Untitled conversation") : hit.title;
        const Snippet snippet = readableSnippet(hit.text, hit.matches);
        auto *item = new QListWidgetItem(title, m_hits);
        item->setData(Qt::UserRole, hit.conversationId);
        item->setData(SearchHitDelegate::SnippetRole, snippet.text);
        item->setData(SearchHitDelegate::MatchesRole, QVariant::fromValue(snippet.matches));
        item->setToolTip(plainToolTip(title + QLatin1Char('\n') + hit.text));
    }
    Q_EMIT answered();
}

ConversationSearch::Snippet ConversationSearch::readableSnippet(const QString &text,
                                                                const QList<TextSpan> &matches,
                                                                qsizetype context)
{
    // Whitespace runs become one space; `at` maps each old position to its new one.
    Snippet out;
    QList<qsizetype> at(text.size() + 1);
    for (qsizetype i = 0; i < text.size(); ++i) {
        at[i] = out.text.size();
        if (!text.at(i).isSpace())
            out.text.append(text.at(i));
        else if (!out.text.isEmpty() && !out.text.endsWith(QLatin1Char(' ')))
            out.text.append(QLatin1Char(' '));
    }
    at[text.size()] = out.text.size();
    for (const TextSpan &span : matches) {
        const qsizetype start = at.value(span.start, out.text.size());
        const qsizetype end = at.value(span.start + span.length, out.text.size());
        if (end > start)
            out.matches.append({start, end - start});
    }
    if (out.text.endsWith(QLatin1Char(' ')))
        out.text.chop(1);
    if (out.matches.isEmpty() || out.matches.first().start <= context)
        return out;
    // Cut at the start of a word, at most `context` characters before the match.
    const qsizetype first = out.matches.first().start;
    qsizetype cut = out.text.indexOf(QLatin1Char(' '), first - context - 1);
    cut = (cut < 0 || cut >= first) ? first : cut + 1;
    const QString ellipsis(QChar(0x2026));
    out.text = ellipsis + out.text.mid(cut);
    for (TextSpan &span : out.matches)
        span.start += ellipsis.size() - cut;
    return out;
}

} // namespace spoon
