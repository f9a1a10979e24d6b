#pragma once

#include "config.h"
#include "configdiagnostic.h"

#include <QProcessEnvironment>

namespace spoon {

// Applies the environment as SpoonOS names it: <PROVIDER>_API_KEY, <PROVIDER>_BASE_URL,
// <PROVIDER>_MODEL for every configured or known provider (a known provider with a key in
// the environment becomes available without a config entry), plus LOG_LEVEL and
// LOG_FORMAT. A bad value is an error naming the variable.
void applyEnvironment(Config &config, const QProcessEnvironment &env,
                      ConfigDiagnostics &diagnostics);

} // namespace spoon
