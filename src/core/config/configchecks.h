#pragma once

#include "config.h"

namespace spoon {

class ConfigValidator;

// Rules that span several keys (a fallback chain naming a provider that does not exist,
// two agents claiming one alias), reported through the validator so they carry positions.
void checkConfigConsistency(const Config &config, ConfigValidator &report);

} // namespace spoon
