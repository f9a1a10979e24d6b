#include "conversationsearch.h"

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
    m_hits->setTextElideMode(Qt::ElideRight);
    m_hits->setWordWrap(false);
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
    } else if (result.value.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No message contains these words"), m_hits);
        item->setFlags(Qt::NoItemFlags);
    }
    for (const SearchHit &hit : result.value) {
        const QString title = hit.title.isEmpty() ? tr("Untitled conversation") : hit.title;
        auto *item = new QListWidgetItem(title + QLatin1Char('\n') + hit.text.simplified(), m_hits);
        item->setData(Qt::UserRole, hit.conversationId);
        item->setToolTip(hit.text);
    }
    Q_EMIT answered();
}

} // namespace spoon
