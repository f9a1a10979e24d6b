#pragma once

#include <QString>
#include <QStringList>

#include <span>

namespace spoon {

enum class ProviderType
{
    OpenAiCompatible,
    Anthropic
};

// Providers Spoon knows by name: configuring one needs only its key. Base URLs follow the
// official SDKs: OpenAI-compatible ones end in /v1 (or their documented equivalent),
// Anthropic's is the host, to which /v1/messages is appended.
struct KnownProvider
{
    const char16_t *name;
    ProviderType type;
    const char16_t *baseUrl;
    const char16_t *model;
    bool needsKey; // local servers (Ollama) take none
};

std::span<const KnownProvider> knownProviders();
const KnownProvider *findKnownProvider(QStringView name);
QStringList knownProviderNames();
// "openai" -> "OPENAI", "my-vllm" -> "MY_VLLM": the prefix of <PREFIX>_API_KEY and friends.
QString providerEnvPrefix(QStringView name);

} // namespace spoon
