#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace spoon {

// What the health score looks at, gathered by system-info; a plain struct so the scoring
// rules are tested on made-up machines.
struct HealthInputs
{
    bool configValid = true;
    int configErrors = 0;
    int usableProviders = 0;
    QString defaultProvider; // from llm_settings, may be empty
    bool defaultProviderUsable = true;
    QString defaultProviderKeyEnv; // e.g. OPENAI_API_KEY
    quint64 memoryTotalBytes = 0;
    quint64 memoryAvailableBytes = 0;
    double systemCpuPercent = 0;
    quint64 dataFolderFreeBytes = 0;
    QString dataFolder;
    qint64 openFileLimit = 0;  // RLIMIT_NOFILE soft limit; 0 unknown
    int connectionLimit = 100; // what the HTTP pool may open
    quint64 processRssBytes = 0;
    int memoryLimitMb = 512;
};

struct HealthCheck
{
    QString id; // stable, for --json: config, llm_provider, default_provider, ...
    bool passed = true;
    int penalty = 0; // points taken off 100 when failed
    QString message;
    QString advice; // empty when passed
};

struct HealthReport
{
    int score = 100;
    QString status; // excellent, good, fair, poor
    QList<HealthCheck> checks;
};

// SpoonOS's system-info ends with a health score and advice; these are its rules here.
class HealthScorer
{
    Q_DECLARE_TR_FUNCTIONS(spoon::HealthScorer)
public:
    static HealthReport score(const HealthInputs &inputs);
    static QString statusFor(int score);
};

} // namespace spoon
