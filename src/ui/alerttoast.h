#pragma once

#include "monitor/alert.h"

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace spoon {

// The in-app popup for a fired alert: a small card at the bottom right of its parent, above
// whatever is there. It shows the newest alert and how many more came, hides itself after
// kShownMs (or on ×), and "View" asks for the Alerts view.
class AlertToast : public QFrame
{
    Q_OBJECT
public:
    static constexpr int kShownMs = 10'000;
    static constexpr int kMargin = 12;

    explicit AlertToast(QWidget *parent);

    void showAlert(const Alert &alert);
    QString title() const;
    QString text() const;
    int unseenCount() const { return m_unseen; }

Q_SIGNALS:
    void viewRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void placeInParent();
    void dismiss();

    QLabel *m_title;
    QLabel *m_text;
    QLabel *m_more;
    QPushButton *m_view;
    QTimer m_hideTimer;
    int m_unseen = 0; // alerts shown since the toast last hid
};

} // namespace spoon
