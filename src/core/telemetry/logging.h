#pragma once

#include "config/config.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace spoon::logging {

// There is one logger, Qt's, and one message handler for it, installed by install() before
// anything else runs so that no line escapes it: it masks every configured key
// (redactSecrets) and prints either Qt's usual text or, for LOG_FORMAT=json, one JSON object
// a line. install() takes the format and the level (LOG_LEVEL, else info) from the
// environment at once; configure() then applies the config's level and format.
void install();
void configure(const LoggingConfig &config);

// {"ts":"...","level":"info","category":"spoon.monitor","msg":"...", "file":..,"line":..}
QByteArray formatJsonLine(QtMsgType type, const char *category, const QString &message,
                          const QDateTime &when, const char *file = nullptr, int line = 0);
// One line as the handler writes it: keys masked, then text or JSON.
QByteArray formatLine(QtMsgType type, const QMessageLogContext &context, const QString &message,
                      bool json);
QString filterRulesFor(const QString &level);

} // namespace spoon::logging
