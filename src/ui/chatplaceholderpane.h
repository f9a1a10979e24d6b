#pragma once

#include <QWidget>

namespace spoon {

// Holds the chat pane's place in the layout until the agent engine lands. It says so
// plainly and shows which LLM endpoint the engine will use; it does not pretend to chat.
class ChatPlaceholderPane : public QWidget
{
    Q_OBJECT
public:
    ChatPlaceholderPane(const QString &endpointDescription, QWidget *parent = nullptr);
};

} // namespace spoon
