#pragma once

#include "config/config.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace spoon::logging {

// Applies LOG_LEVEL as category filter rules and, for LOG_FORMAT=json, installs a message
// handler that writes one JSON object per line to stderr. There is one logger, Qt's; the
// JSON format is only a different way of printing its messages.
void configure(const LoggingConfig &config);

// {"ts":"...","level":"info","category":"spoon.monitor","msg":"...", "file":..,"line":..}
QByteArray formatJsonLine(QtMsgType type, const char *category, const QString &message,
                          const QDateTime &when, const char *file = nullptr, int line = 0);
QString filterRulesFor(const QString &level);

} // namespace spoon::logging
