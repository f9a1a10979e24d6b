#include "commandline.h"
#include "commands.h"

#include "config/configschema.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace spoon::cli {

namespace {

QString defaultText(const schema::Node &node)
{
    const QJsonValue &value = node.defaultValue;
    switch (value.type()) {
    case QJsonValue::Undefined:
        if (node.optional)
            return QStringLiteral("(none)");
        return node.kind == schema::Kind::Object ? QString() : QStringLiteral("(inherited)");
    case QJsonValue::String:
        return u'"' + value.toString() + u'"';
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 12);
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
        break;
    }
    return QStringLiteral("null");
}

} // namespace

int runConfigReference(const CommandLine &line, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "spoon::cli", "Print every config key with its type, range and default."));
    if (const auto stop = parseCommandArguments(parser, line, 0, out, err))
        return *stop;
    out << "| key | expects | default | meaning |\n|---|---|---|---|\n";
    schema::forEachLeaf(schema::configSchema(), [&](const QString &path, const schema::Node &node) {
        out << "| `" << path << "` | " << schema::describeExpectation(node) << " | `"
            << defaultText(node) << "` | " << node.description;
        if (!node.noEffectYet.isEmpty())
            out << " **(no effect yet: " << node.noEffectYet << ")**";
        out << " |\n";
    });
    return kExitOk;
}

} // namespace spoon::cli
