#pragma once

#include "config/config.h"

#include <QString>

namespace spoon {

// Where a provider's key comes from, for a person: "from the keychain", "from OPENAI_API_KEY
// (environment)", or what to do when there is none. check-config and system-info (the command
// and the window's report) both say it this way.
QString keySourceText(const ProviderConfig &provider);
// The same as one word, for JSON: "environment", "keychain" or "none".
QString keySourceName(ProviderConfig::KeySource source);

} // namespace spoon
