#pragma once

#include "config/config.h"

#include <QString>
#include <QTextStream>

#include <optional>

namespace spoon {
class Engine;
}

namespace spoon::cli {

struct CommandLine;

// Loads the config as every command that talks to an LLM does: each diagnostic on stderr,
// then logging set up from it. An invalid config gives nothing (after saying that nothing
// was sent), and the command stops with kExitFailure.
std::optional<Config> loadConfigForLlm(const CommandLine &line, QTextStream &err);

// Before a command talks to an LLM: the chosen provider (or the default) must exist and have
// its key, else a clear error and exit code now, before any request; with nothing configured
// the built-in demo endpoint starts. Returns the exit code to stop with, or nothing to go on.
std::optional<int> prepareLlm(Engine &engine, const QString &chosenProvider, QTextStream &err);

} // namespace spoon::cli
