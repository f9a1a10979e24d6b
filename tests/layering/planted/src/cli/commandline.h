#pragma once

#include "config/config.h"
