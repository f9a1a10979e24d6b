#pragma once

#include "llm/chattypes.h"
#include "tool.h"

#include <QList>
#include <QString>

#include <memory>

namespace spoon {

// The tools one agent may call, by name.
class ToolRegistry
{
public:
    void add(std::shared_ptr<Tool> tool); // a later definition replaces an earlier one
    // Adds a tool whose name is free; false, and nothing changes, if one has it already.
    bool addIfNew(std::shared_ptr<Tool> tool);
    void beginTurn(); // tells every tool a turn starts
    std::shared_ptr<Tool> find(const QString &name) const;
    QStringList names() const;
    QList<ToolSpec> specs() const; // what the model is told
    bool isEmpty() const { return m_tools.isEmpty(); }

private:
    QList<std::shared_ptr<Tool>> m_tools;
};

} // namespace spoon
