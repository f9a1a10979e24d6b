#pragma once

#include "config/config.h"
#include "llm/llmerror.h"

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

// Every provider's key as `ask` finds it: the environment's, else the keychain's. system-info
// and check-config call this too, so that what they report is what `ask` would send.
void resolveKeys(Config &config);

// A retry as `ask` and `chat` say it on stderr, counted as the window counts it: "attempt 2
// of 3" is the first retry of a provider with retry_attempts 2.
QString retryText(const QString &provider, int attempt, int attempts, qint64 delayMs,
                  const LlmError &error);

// Before a command talks to an LLM: the chosen provider (or the default) must exist and have
// its key, else a clear error and exit code now, before any request; with nothing configured
// the built-in demo endpoint starts. Returns the exit code to stop with, or nothing to go on.
std::optional<int> prepareLlm(Engine &engine, const QString &chosenProvider, QTextStream &err);

} // namespace spoon::cli
