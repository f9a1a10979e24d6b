#include "chatplaceholderpane.h"

#include <QLabel>
#include <QVBoxLayout>

namespace spoon {

ChatPlaceholderPane::ChatPlaceholderPane(const QString &endpointDescription, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chatPane"));
    auto *title = new QLabel(tr("Chat"), this);
    title->setObjectName(QStringLiteral("paneTitle"));

    auto *card = new QWidget(this);
    card->setObjectName(QStringLiteral("placeholderCard"));
    auto *heading = new QLabel(tr("Agent chat is not here yet"), card);
    heading->setObjectName(QStringLiteral("placeholderHeading"));
    heading->setAlignment(Qt::AlignCenter);
    auto *body = new QLabel(tr("The agent engine arrives in a later release of Spoon Console. "
                               "This pane will then hold your conversations with agents, "
                               "their tool calls and the streamed answers, beside the live "
                               "health of the engine on the right."),
                            card);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignCenter);
    body->setObjectName(QStringLiteral("placeholderBody"));
    auto *endpoint = new QLabel(endpointDescription, card);
    endpoint->setWordWrap(true);
    endpoint->setAlignment(Qt::AlignCenter);
    endpoint->setObjectName(QStringLiteral("placeholderEndpoint"));

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(24, 28, 24, 28);
    cardLayout->setSpacing(10);
    cardLayout->addWidget(heading);
    cardLayout->addWidget(body);
    cardLayout->addWidget(endpoint);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 16);
    layout->addWidget(title);
    layout->addStretch(1);
    layout->addWidget(card);
    layout->addStretch(2);
    setMinimumWidth(260);
}

} // namespace spoon
