#include "jsonschemavalidator.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return std::floor(number) == number && std::isfinite(number) ? u"integer"_s : u"number"_s;
    }
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"undefined"_s;
}

bool typeMatches(const QString &wanted, const QJsonValue &value)
{
    const QString actual = typeOf(value);
    return wanted == actual || (wanted == "number"_L1 && actual == "integer"_L1);
}

QString display(const QJsonValue &value)
{
    if (value.isString())
        return u'"' + value.toString().left(40) + u'"';
    if (value.isObject() || value.isArray())
        return typeOf(value);
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

void check(const QJsonObject &schema, const QJsonValue &value, const QString &path,
           QStringList &problems)
{
    const QString where = path.isEmpty() ? u"arguments"_s : path;
    const QJsonValue type = schema.value(u"type");
    if (type.isString() && !typeMatches(type.toString(), value)) {
        problems.append(u"%1: expected %2, got %3"_s.arg(where, type.toString(), display(value)));
        return;
    }
    if (type.isArray()) {
        bool any = false;
        QStringList names;
        for (const QJsonValue &t : type.toArray()) {
            any = any || typeMatches(t.toString(), value);
            names.append(t.toString());
        }
        if (!any) {
            problems.append(
                u"%1: expected %2, got %3"_s.arg(where, names.join(u" or "_s), display(value)));
            return;
        }
    }
    if (schema.contains(u"enum"_s) && !schema.value(u"enum").toArray().contains(value)) {
        QStringList allowed;
        for (const QJsonValue &choice : schema.value(u"enum").toArray())
            allowed.append(display(choice));
        problems.append(
            u"%1: expected one of %2, got %3"_s.arg(where, allowed.join(u", "_s), display(value)));
    }
    if (schema.contains(u"const"_s) && schema.value(u"const") != value)
        problems.append(u"%1: expected %2"_s.arg(where, display(schema.value(u"const"))));
    if (value.isDouble()) {
        const double n = value.toDouble();
        if (schema.contains(u"minimum"_s) && n < schema.value(u"minimum").toDouble())
            problems.append(u"%1: %2 is below the minimum %3"_s.arg(
                where, display(value), display(schema.value(u"minimum"))));
        if (schema.contains(u"maximum"_s) && n > schema.value(u"maximum").toDouble())
            problems.append(u"%1: %2 is above the maximum %3"_s.arg(
                where, display(value), display(schema.value(u"maximum"))));
        if (schema.contains(u"exclusiveMinimum"_s) &&
            n <= schema.value(u"exclusiveMinimum").toDouble())
            problems.append(
                u"%1: must be above %2"_s.arg(where, display(schema.value(u"exclusiveMinimum"))));
        if (schema.contains(u"exclusiveMaximum"_s) &&
            n >= schema.value(u"exclusiveMaximum").toDouble())
            problems.append(
                u"%1: must be below %2"_s.arg(where, display(schema.value(u"exclusiveMaximum"))));
    }
    if (value.isString()) {
        const qsizetype length = value.toString().size();
        if (schema.contains(u"minLength"_s) && length < schema.value(u"minLength").toInteger())
            problems.append(u"%1: shorter than %2 characters"_s.arg(where).arg(
                schema.value(u"minLength").toInteger()));
        if (schema.contains(u"maxLength"_s) && length > schema.value(u"maxLength").toInteger())
            problems.append(u"%1: longer than %2 characters"_s.arg(where).arg(
                schema.value(u"maxLength").toInteger()));
    }
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        if (schema.contains(u"minItems"_s) && items.size() < schema.value(u"minItems").toInteger())
            problems.append(u"%1: needs at least %2 items"_s.arg(where).arg(
                schema.value(u"minItems").toInteger()));
        if (schema.contains(u"maxItems"_s) && items.size() > schema.value(u"maxItems").toInteger())
            problems.append(u"%1: takes at most %2 items"_s.arg(where).arg(
                schema.value(u"maxItems").toInteger()));
        const QJsonObject itemSchema = schema.value(u"items").toObject();
        if (!itemSchema.isEmpty()) {
            for (qsizetype i = 0; i < items.size(); ++i)
                check(itemSchema, items.at(i), u"%1[%2]"_s.arg(where).arg(i), problems);
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(u"properties").toObject();
        for (const QJsonValue &required : schema.value(u"required").toArray()) {
            if (!object.contains(required.toString()))
                problems.append(u"%1: \"%2\" is required"_s.arg(where, required.toString()));
        }
        const bool closed = schema.value(u"additionalProperties") == QJsonValue(false);
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString childPath = path.isEmpty() ? it.key() : path + u'.' + it.key();
            if (properties.contains(it.key()))
                check(properties.value(it.key()).toObject(), it.value(), childPath, problems);
            else if (closed)
                problems.append(u"%1: unknown argument \"%2\" (expected: %3)"_s.arg(
                    where, it.key(), properties.keys().join(u", "_s)));
        }
    }
}

} // namespace

QStringList JsonSchemaValidator::validate(const QJsonObject &schema, const QJsonValue &value)
{
    QStringList problems;
    check(schema, value, QString(), problems);
    return problems;
}

bool JsonSchemaValidator::parseArguments(const QString &text, QJsonObject *arguments,
                                         QString *problem)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) { // many models send "" for a tool without parameters
        *arguments = {};
        return true;
    }
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(trimmed.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) {
        *problem = u"the arguments are not valid JSON (%1 at offset %2)"_s.arg(error.errorString())
                       .arg(error.offset);
        return false;
    }
    if (!document.isObject()) {
        *problem = u"the arguments must be a JSON object"_s;
        return false;
    }
    *arguments = document.object();
    return true;
}

} // namespace spoon
