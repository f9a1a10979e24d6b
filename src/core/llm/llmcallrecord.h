#pragma once

#include <QString>

namespace spoon {

// One finished LLM call as the store keeps it (the llm_calls table). Plain data in a header
// of its own: the router makes it and the store keeps it, and the store includes nothing of
// the router.
struct LlmCallRecord
{
    QString provider;
    QString model;
    QString agent;
    qint64 startedMs = 0;
    qint64 firstTokenMs = -1; // -1: no token came
    qint64 latencyMs = 0;
    int tokensIn = -1; // -1: the provider did not say
    int tokensOut = -1;
    bool cacheHit = false;
    int retries = 0;
    bool fallback = false; // answered by a provider behind the first
    QString errorKind;     // empty on success
};

} // namespace spoon
