#pragma once

#include "monitor/alert.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace spoon {

class AlertEngine;
class AlertStore;

// Active and past alerts, newest first with the active ones on top, and a way to
// acknowledge them; below, every rule with its value now, so one sees how near each is. This run's
// come from the engine; earlier runs' from the store once it is open. An alert is named by its rule
// and start time, as the store names it.
class AlertsView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kStoredShown = 200;

    explicit AlertsView(AlertEngine &engine, QWidget *parent = nullptr);
    // Loads the stored alerts and records acknowledgements of earlier runs' alerts there.
    void setStore(AlertStore *store);

    int activeCount() const;
    QList<Alert> alerts() const { return m_alerts; } // in the order shown
    QTreeWidget *list() const { return m_list; }
    QTreeWidget *rules() const { return m_rules; } // each rule's value now, threshold, state
    // Acknowledges the selected alert; false when there is none to acknowledge.
    bool acknowledgeSelected();
    // An event that is not a rule's episode (a memory cleanup), listed as a past alert.
    void addEvent(const Alert &event) { upsert(event); }

Q_SIGNALS:
    void activeCountChanged(int count);
    void storedAlertsLoaded();

private:
    void upsert(const Alert &alert);
    void rebuild();
    void updateButtons();
    void refreshRules();

    AlertEngine &m_engine;
    AlertStore *m_store = nullptr;
    QList<Alert> m_alerts;
    int m_countShown = -1; // the active count last announced; -1 before the first
    QLabel *m_summary;
    QTreeWidget *m_list;
    QPushButton *m_acknowledge;
    QTreeWidget *m_rules;
};

} // namespace spoon
