#pragma once

#include "llm/llmerror.h" // planted: net is below the LLM code
