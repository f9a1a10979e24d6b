#pragma once

#include "config/config.h"
#include "llm/chattypes.h"
#include "monitor/alert.h"
