#include "commandline.h"
#include "commands.h"

#include "config/configschema.h"
#include "config/jsonlocator.h"

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

void writeRows(const schema::Node &node, const QString &path, QTextStream &out)
{
    switch (node.kind) {
    case schema::Kind::Object:
        for (const schema::Field &field : node.fields)
            writeRows(field.node, JsonLocator::child(path, field.name), out);
        return;
    case schema::Kind::Map:
        writeRows(*node.element, JsonLocator::child(path, QStringLiteral("<name>")), out);
        return;
    case schema::Kind::Array:
        writeRows(*node.element, path + QStringLiteral("[]"), out);
        return;
    default:
        out << "| `" << path << "` | " << schema::describeExpectation(node) << " | `"
            << defaultText(node) << "` | " << node.description << " |\n";
    }
}

} // namespace

int runConfigReference(const CommandLine &line, QTextStream &out, QTextStream &err)
{
    if (line.commandArgs.size() > 1) {
        err << QCoreApplication::translate("spoon::cli", "config-reference takes no arguments")
            << '\n';
        return kExitUsage;
    }
    out << "| key | expects | default | meaning |\n|---|---|---|---|\n";
    writeRows(schema::configSchema(), QString(), out);
    return kExitOk;
}

} // namespace spoon::cli
