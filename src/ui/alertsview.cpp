#include "alertsview.h"

#include "monitor/alertengine.h"
#include "storage/alertstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace spoon {

namespace {

enum Column
{
    Level,
    Message,
    Started,
    Ended,
    Acknowledged,
    ColumnCount
};

QString timeText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

bool sameEpisode(const Alert &a, const Alert &b)
{
    return a.rule == b.rule && a.startedMs == b.startedMs;
}

} // namespace

AlertsView::AlertsView(AlertEngine &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_acknowledge(new QPushButton(tr("Acknowledge"), this))
    , m_rules(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("alertsView"));
    m_summary->setObjectName(QStringLiteral("alertsSummary"));
    m_summary->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("alertList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels(
        {tr("Level"), tr("Alert"), tr("Started"), tr("Ended"), tr("Acknowledged")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(Message, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_acknowledge->setObjectName(QStringLiteral("acknowledgeAlert"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_acknowledge);
    m_rules->setObjectName(QStringLiteral("alertRules"));
    m_rules->setRootIsDecorated(false);
    m_rules->setUniformRowHeights(true);
    m_rules->setHeaderLabels(
        {tr("Rule"), tr("Now"), tr("Threshold"), tr("Window"), tr("State"), tr("Measures")});
    m_rules->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rules->header()->setStretchLastSection(true);
    m_rules->setSelectionMode(QAbstractItemView::NoSelection);
    m_rules->setFocusPolicy(Qt::NoFocus);
    for (const AlertRule &rule : engine.rules()) {
        auto *item = new QTreeWidgetItem(m_rules);
        item->setText(0, rule.name);
        item->setText(2, thresholdText(rule.threshold, rule.unit, QLocale()));
        item->setText(3, tr("%1 s").arg(QLocale().toString(rule.windowMs / 1000.0, 'g', 6)));
        item->setText(5, QCoreApplication::translate("spoon::AlertRule", rule.measures));
    }
    auto *rulesTitle = new QLabel(tr("Rules, evaluated on every sample"), this);
    rulesTitle->setObjectName(QStringLiteral("alertsSummary"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addLayout(buttons);
    layout->addWidget(m_list, 3);
    layout->addWidget(rulesTitle);
    layout->addWidget(m_rules, 2);
    connect(&engine, &AlertEngine::evaluated, this, &AlertsView::refreshRules);

    connect(&engine, &AlertEngine::alertFired, this, &AlertsView::upsert);
    connect(&engine, &AlertEngine::alertResolved, this, &AlertsView::upsert);
    connect(&engine, &AlertEngine::alertAcknowledged, this, &AlertsView::upsert);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &AlertsView::updateButtons);
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertsView::acknowledgeSelected);
    for (const Alert &alert : engine.recentAlerts())
        m_alerts.append(alert);
    rebuild();
}

void AlertsView::setStore(AlertStore *store)
{
    m_store = store;
    if (!store)
        return;
    store->recent(kStoredShown).then(this, [this](const StoreResult<QList<Alert>> &result) {
        if (result.ok()) {
            // This run's copies are newer (an acknowledgement not yet written, say).
            for (const Alert &stored : result.value) {
                const bool known =
                    std::any_of(m_alerts.cbegin(), m_alerts.cend(),
                                [&](const Alert &a) { return sameEpisode(a, stored); });
                if (!known)
                    m_alerts.append(stored);
            }
            rebuild();
        }
        Q_EMIT storedAlertsLoaded();
    });
}

void AlertsView::upsert(const Alert &alert)
{
    for (Alert &known : m_alerts) {
        if (sameEpisode(known, alert)) {
            known = alert;
            rebuild();
            return;
        }
    }
    m_alerts.append(alert);
    rebuild();
}

int AlertsView::activeCount() const
{
    return int(std::count_if(m_alerts.cbegin(), m_alerts.cend(),
                             [](const Alert &a) { return a.isActive(); }));
}

void AlertsView::rebuild()
{
    std::stable_sort(m_alerts.begin(), m_alerts.end(), [](const Alert &a, const Alert &b) {
        if (a.isActive() != b.isActive())
            return a.isActive();
        return a.startedMs > b.startedMs;
    });
    const int selected = m_list->currentIndex().row();
    m_list->clear();
    for (const Alert &alert : std::as_const(m_alerts)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(Level, alert.level == AlertLevel::Critical ? tr("Critical") : tr("Warning"));
        item->setText(Message, alert.message);
        item->setToolTip(Message, alert.message);
        item->setText(Started, timeText(alert.startedMs));
        item->setText(Ended, alert.isActive() ? tr("active") : timeText(alert.endedMs));
        item->setText(Acknowledged,
                      alert.acknowledgedMs ? timeText(alert.acknowledgedMs) : QString());
        if (alert.isActive()) {
            QFont bold = item->font(Message);
            bold.setBold(true);
            for (int c = 0; c < ColumnCount; ++c)
                item->setFont(c, bold);
        }
    }
    if (selected >= 0 && selected < m_list->topLevelItemCount())
        m_list->setCurrentItem(m_list->topLevelItem(selected));
    const int active = activeCount();
    m_summary->setText(m_alerts.isEmpty()
                           ? tr("No alerts. %n rules are watched on every sample.", nullptr,
                                int(m_engine.rules().size()))
                           : tr("%n active", nullptr, active) + QStringLiteral(" · ") +
                                 tr("%n in the list", nullptr, int(m_alerts.size())));
    updateButtons();
    // Compared with what was announced, not with the list: upsert() has changed it already.
    if (active != std::exchange(m_countShown, active))
        Q_EMIT activeCountChanged(active);
}

// Only while shown: a hidden view costs nothing per sample.
void AlertsView::refreshRules()
{
    if (!isVisible())
        return;
    const QList<AlertEngine::RuleStatus> status = m_engine.ruleStatus();
    for (int i = 0; i < status.size() && i < m_rules->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_rules->topLevelItem(i);
        const AlertEngine::RuleStatus &rule = status[i];
        item->setText(1, rule.value ? figureBeside(*rule.value, rule.rule->threshold,
                                                   rule.rule->unit, QLocale())
                                    : tr("no data"));
        switch (rule.phase) {
        case AlertEngine::Phase::Clear:
            item->setText(4, tr("clear"));
            break;
        case AlertEngine::Phase::Pending:
            item->setText(4, tr("crossed, waiting out its \"for\""));
            break;
        case AlertEngine::Phase::Firing:
            item->setText(4, tr("firing"));
            break;
        }
    }
}

void AlertsView::updateButtons()
{
    const int row = m_list->currentIndex().row();
    m_acknowledge->setEnabled(row >= 0 && row < m_alerts.size() && !m_alerts[row].acknowledgedMs);
}

bool AlertsView::acknowledgeSelected()
{
    const int row = m_list->currentIndex().row();
    if (row < 0 || row >= m_alerts.size() || m_alerts[row].acknowledgedMs)
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Alert &alert = m_alerts[row];
    if (alert.id && m_engine.acknowledge(alert.id, now))
        return true; // the engine's signal updates the list and the store
    alert.acknowledgedMs = now;
    if (m_store)
        m_store->recordAcknowledged(alert.rule, alert.startedMs, now);
    rebuild();
    return true;
}

} // namespace spoon
