#pragma once

#include <QStringList>
#include <QTextStream>

namespace spoon::cli {

struct CommandLine;

// The headless commands. Each writes its result to `out`, problems to `err`, and returns
// the process exit code.
int runCheckConfig(const CommandLine &line, QTextStream &out, QTextStream &err);
int runSystemInfo(const CommandLine &line, QTextStream &out, QTextStream &err);
// history list | show ID | search TEXT | export ID --format md|json: the stored conversations.
int runHistory(const CommandLine &line, QTextStream &out, QTextStream &err);
int runConfigReference(const CommandLine &line, QTextStream &out, QTextStream &err);
// These two run an event loop until they are done (ask) or killed (demo-server).
int runAsk(const CommandLine &line, QTextStream &out, QTextStream &err);
int runChat(const CommandLine &line, QTextStream &out, QTextStream &err);
int runDemoServer(const CommandLine &line, QTextStream &out, QTextStream &err);

} // namespace spoon::cli
