#pragma once

#include "config.h"

#include <QJsonObject>

namespace spoon::configbuild {

// Fills every key the schema gives a default for, recursively, into a validated object.
QJsonObject withDefaults(const QJsonObject &validated);

// Reads the typed Config out of a validated object that has its defaults filled. Values the
// schema marks as inherited (a provider's timeout, an agent's history length) come from the
// performance section when absent. Providers from the environment are added later.
Config build(const QJsonObject &complete);

// The agent every install has: "react", with system_info and http_request.
AgentConfig builtInReactAgent(const PerformanceConfig &performance);
// The built-in agent as the file would hold it: what the settings write when the user first
// changes it (an agent in the file replaces the built-in one whole).
QJsonObject builtInReactAgentEntry();

// A provider entry with only its name given: schema defaults plus, for a known provider,
// its base URL and model.
ProviderConfig defaultProvider(const QString &name, const PerformanceConfig &performance);
// A provider entry as the file gives it (already valid): what the settings window tests.
ProviderConfig provider(const QString &name, const QJsonObject &entry,
                        const PerformanceConfig &performance);
// Whether a provider sends a key when its entry has no needs_key: not for ollama nor for a
// server on this machine.
bool needsKeyByDefault(const QString &name, const QString &baseUrl);

QStringList builtinToolNames();

} // namespace spoon::configbuild
