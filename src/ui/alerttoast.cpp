#include "alerttoast.h"

#include "theme.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace spoon {

AlertToast::AlertToast(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_more(new QLabel(this))
    , m_view(new QPushButton(tr("View alerts"), this))
{
    setObjectName(QStringLiteral("alertToast"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_StyledBackground);
    m_title->setObjectName(QStringLiteral("alertToastTitle"));
    m_text->setObjectName(QStringLiteral("alertToastText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // the message carries figures, never markup
    m_more->setObjectName(QStringLiteral("alertToastMore"));
    auto *close = new QPushButton(QStringLiteral("×"), this);
    close->setObjectName(QStringLiteral("alertToastClose"));
    close->setFlat(true);
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss alert"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(close);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_more, 1);
    footer->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_text);
    layout->addLayout(footer);

    m_hideTimer.setSingleShot(true);
    connect(&m_hideTimer, &QTimer::timeout, this, &AlertToast::dismiss);
    connect(close, &QPushButton::clicked, this, &AlertToast::dismiss);
    connect(m_view, &QPushButton::clicked, this, [this] {
        dismiss();
        Q_EMIT viewRequested();
    });
    parent->installEventFilter(this);
    hide();
}

void AlertToast::showAlert(const Alert &alert)
{
    ++m_unseen;
    const bool critical = alert.level == AlertLevel::Critical;
    m_title->setText(critical ? tr("Critical alert") : tr("Alert"));
    setProperty("critical", critical);
    repolish(this);
    m_text->setText(alert.message);
    m_more->setText(m_unseen > 1 ? tr("+%n more", nullptr, m_unseen - 1) : QString());
    m_more->setVisible(m_unseen > 1);
    placeInParent();
    show();
    raise();
    m_hideTimer.start(kShownMs);
}

QString AlertToast::title() const
{
    return m_title->text();
}

QString AlertToast::text() const
{
    return m_text->text();
}

void AlertToast::dismiss()
{
    m_hideTimer.stop();
    m_unseen = 0;
    hide();
}

// Bottom right, over the least-read corner of the charts rather than their headlines; as
// wide as a sentence but never wider than the parent leaves room for.
void AlertToast::placeInParent()
{
    const QWidget *parent = parentWidget();
    const int width =
        std::min(fontMetrics().averageCharWidth() * 48, std::max(0, parent->width() - 2 * kMargin));
    setFixedWidth(width);
    adjustSize();
    move(parent->width() - width - kMargin, std::max(0, parent->height() - height() - kMargin));
}

bool AlertToast::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        placeInParent();
    return QFrame::eventFilter(watched, event);
}

} // namespace spoon
