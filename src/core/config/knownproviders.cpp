#include "knownproviders.h"

#include <array>

namespace spoon {

namespace {
constexpr std::array<KnownProvider, 6> kProviders{{
    {u"openai", ProviderType::OpenAiCompatible, u"https://api.openai.com/v1", u"gpt-4.1", true},
    {u"anthropic", ProviderType::Anthropic, u"https://api.anthropic.com",
     u"claude-sonnet-4-20250514", true},
    {u"deepseek", ProviderType::OpenAiCompatible, u"https://api.deepseek.com/v1", u"deepseek-chat",
     true},
    {u"openrouter", ProviderType::OpenAiCompatible, u"https://openrouter.ai/api/v1",
     u"openai/gpt-4.1", true},
    {u"gemini", ProviderType::OpenAiCompatible,
     u"https://generativelanguage.googleapis.com/v1beta/openai", u"gemini-2.5-flash", true},
    {u"ollama", ProviderType::OpenAiCompatible, u"http://localhost:11434/v1", u"llama3.1", false},
}};
} // namespace

std::span<const KnownProvider> knownProviders()
{
    return kProviders;
}

const KnownProvider *findKnownProvider(QStringView name)
{
    for (const KnownProvider &provider : kProviders) {
        if (name == QStringView(provider.name))
            return &provider;
    }
    return nullptr;
}

QStringList knownProviderNames()
{
    QStringList names;
    for (const KnownProvider &provider : kProviders)
        names.append(QString::fromUtf16(provider.name));
    return names;
}

QString providerEnvPrefix(QStringView name)
{
    QString prefix;
    prefix.reserve(name.size());
    for (QChar c : name)
        prefix.append(c.isLetterOrNumber() && c.unicode() < 128 ? c.toUpper() : QChar(u'_'));
    return prefix;
}

} // namespace spoon
