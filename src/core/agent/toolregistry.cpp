#include "toolregistry.h"

namespace spoon {

void ToolRegistry::add(std::shared_ptr<Tool> tool)
{
    for (auto &existing : m_tools) {
        if (existing->name() == tool->name()) {
            existing = std::move(tool); // a later definition replaces an earlier one
            return;
        }
    }
    m_tools.append(std::move(tool));
}

bool ToolRegistry::addIfNew(std::shared_ptr<Tool> tool)
{
    if (find(tool->name()))
        return false;
    m_tools.append(std::move(tool));
    return true;
}

void ToolRegistry::beginTurn()
{
    for (const auto &tool : std::as_const(m_tools))
        tool->beginTurn();
}

std::shared_ptr<Tool> ToolRegistry::find(const QString &name) const
{
    for (const auto &tool : m_tools) {
        if (tool->name() == name)
            return tool;
    }
    return nullptr;
}

QStringList ToolRegistry::names() const
{
    QStringList names;
    for (const auto &tool : m_tools)
        names.append(tool->name());
    return names;
}

QList<ToolSpec> ToolRegistry::specs() const
{
    QList<ToolSpec> specs;
    for (const auto &tool : m_tools)
        specs.append(ToolSpec{tool->name(), tool->description(), tool->parameters()});
    return specs;
}

} // namespace spoon
