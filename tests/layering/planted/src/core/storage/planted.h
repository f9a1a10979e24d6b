#pragma once

#include "agent/reactagent.h" // planted: storage is below the agent
