#pragma once

#include <QString>
#include <QTextStream>

#include <optional>

namespace spoon {
class Engine;
}

namespace spoon::cli {

// Before a command talks to an LLM: the chosen provider (or the default) must exist and have
// its key, else a clear error and exit code now, before any request; with nothing configured
// the built-in demo endpoint starts. Returns the exit code to stop with, or nothing to go on.
std::optional<int> prepareLlm(Engine &engine, const QString &chosenProvider, QTextStream &err);

} // namespace spoon::cli
