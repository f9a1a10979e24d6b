#pragma once

#include "llmrouter.h" // planted: a data-only header includes a class
