#include "keysourcetext.h"

#include <QCoreApplication>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {
// The context these strings had when they were written for `ask`: kept, so that the
// translations made under it still apply.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(spoon::cli::Ask)
};
} // namespace

QString keySourceText(const ProviderConfig &provider)
{
    if (!provider.apiKey.isEmpty()) {
        return provider.keySource == ProviderConfig::KeySource::Keychain
                   ? Text::tr("key from the keychain (%1)").arg(provider.apiKey.masked())
                   : Text::tr("key from %1 (environment, %2)")
                         .arg(provider.apiKeyEnv, provider.apiKey.masked());
    }
    if (!provider.needsKey)
        return Text::tr("no key needed");
    return Text::tr("no key: set %1, or store one in the console's Settings > Providers")
        .arg(provider.apiKeyEnv);
}

QString keySourceName(ProviderConfig::KeySource source)
{
    switch (source) {
    case ProviderConfig::KeySource::Environment:
        return u"environment"_s;
    case ProviderConfig::KeySource::Keychain:
        return u"keychain"_s;
    case ProviderConfig::KeySource::None:
        break;
    }
    return u"none"_s;
}

} // namespace spoon
