#include "logging.h"

#include "config/secret.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <atomic>
#include <cstdio>
#include <cstdlib>

namespace spoon::logging {

using namespace Qt::StringLiterals;

namespace {

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return u"debug"_s;
    case QtInfoMsg:
        return u"info"_s;
    case QtWarningMsg:
        return u"warning"_s;
    case QtCriticalMsg:
        return u"error"_s;
    case QtFatalMsg:
        return u"critical"_s;
    }
    return u"info"_s;
}

std::atomic<bool> g_json{false};

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line =
        formatLine(type, context, message, g_json.load(std::memory_order_relaxed));
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

QByteArray formatJsonLine(QtMsgType type, const char *category, const QString &message,
                          const QDateTime &when, const char *file, int line)
{
    QJsonObject object{
        {u"ts"_s, when.toUTC().toString(Qt::ISODateWithMs)},
        {u"level"_s, levelName(type)},
        {u"category"_s, QString::fromUtf8(category ? category : "default")},
        {u"msg"_s, message},
    };
    if (file && *file) {
        object.insert(u"file"_s, QString::fromUtf8(file));
        object.insert(u"line"_s, line);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray formatLine(QtMsgType type, const QMessageLogContext &context, const QString &message,
                      bool json)
{
    const QString clean = redactSecrets(message);
    if (json)
        return formatJsonLine(type, context.category, clean, QDateTime::currentDateTimeUtc(),
                              context.file, context.line);
    return qFormatLogMessage(type, context, clean).toLocal8Bit() + '\n';
}

QString filterRulesFor(const QString &level)
{
    if (level == "debug"_L1)
        return u"spoon.*.debug=true"_s;
    if (level == "warning"_L1)
        return u"*.debug=false\n*.info=false"_s;
    if (level == "error"_L1 || level == "critical"_L1)
        return u"*.debug=false\n*.info=false\n*.warning=false"_s;
    return u"*.debug=false\nspoon.*.info=true"_s; // info
}

void install()
{
    g_json = qEnvironmentVariable("LOG_FORMAT").trimmed().toLower() == "json"_L1;
    // The documented level (info, or LOG_LEVEL) holds until a config applies its own: a
    // command that loads no config (demo-server) logged at Qt's default, debug.
    const QString level = qEnvironmentVariable("LOG_LEVEL").trimmed().toLower();
    QLoggingCategory::setFilterRules(filterRulesFor(level == "warn"_L1 ? u"warning"_s : level));
    qInstallMessageHandler(handler);
}

void configure(const LoggingConfig &config)
{
    QLoggingCategory::setFilterRules(filterRulesFor(config.level));
    g_json = config.format == LogFormat::Json;
    qInstallMessageHandler(handler);
}

} // namespace spoon::logging
