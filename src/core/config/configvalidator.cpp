#include "configvalidator.h"

#include "editdistance.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <utility>

namespace spoon {

using schema::Kind;

ConfigValidator::ConfigValidator(const JsonLocator &locator, QString source)
    : m_locator(locator)
    , m_source(std::move(source))
{}

void ConfigValidator::add(ConfigDiagnostic::Severity severity, const QString &path,
                          const QString &message)
{
    const JsonLocator::Position position = m_locator.positionOf(path);
    m_diagnostics.append(
        ConfigDiagnostic{severity, m_source, position.line, position.column, path, message});
}

void ConfigValidator::error(const QString &path, const QString &message)
{
    add(ConfigDiagnostic::Severity::Error, path, message);
}

void ConfigValidator::warning(const QString &path, const QString &message)
{
    add(ConfigDiagnostic::Severity::Warning, path, message);
}

bool ConfigValidator::hasErrorUnder(const QString &path) const
{
    for (const ConfigDiagnostic &d : m_diagnostics) {
        if (d.isError() && (d.keyPath == path || d.keyPath.startsWith(path + u'.') ||
                            d.keyPath.startsWith(path + u'[')))
            return true;
    }
    return false;
}

QString ConfigValidator::describeValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return tr("the number %1").arg(QString::number(value.toDouble(), 'g', 15));
    case QJsonValue::String: {
        QString text = value.toString();
        if (text.size() > 40)
            text = text.first(37) + QStringLiteral("...");
        return tr("the string \"%1\"").arg(text);
    }
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("nothing");
}

QJsonValue ConfigValidator::validate(const schema::Node &node, const QJsonValue &value,
                                     const QString &path)
{
    switch (node.kind) {
    case Kind::Object:
        return validateObject(node, value, path);
    case Kind::Map:
        return validateMap(node, value, path);
    case Kind::Array:
        return validateArray(node, value, path);
    default:
        return validateScalar(node, value, path);
    }
}

QJsonValue ConfigValidator::validateObject(const schema::Node &node, const QJsonValue &value,
                                           const QString &path)
{
    if (!value.isObject()) {
        error(path, tr("expected an object, got %1").arg(describeValue(value)));
        return QJsonValue::Undefined;
    }
    const QJsonObject input = value.toObject();
    QJsonObject output;
    const QStringList known = node.fieldNames();
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString childPath = JsonLocator::child(path, it.key());
        const schema::Node *child = node.field(it.key());
        if (!child) {
            const QString nearest = nearestName(it.key(), known);
            if (!nearest.isEmpty()) {
                warning(childPath, tr("unknown key \"%1\" is ignored; did you mean \"%2\"?")
                                       .arg(it.key(), nearest));
            } else {
                warning(childPath, tr("unknown key \"%1\" is ignored; valid keys here: %2")
                                       .arg(it.key(), known.join(QStringLiteral(", "))));
            }
            continue;
        }
        const bool waits = !child->noEffectYet.isEmpty() && !m_insideNoEffectSection;
        const bool wasInside =
            std::exchange(m_insideNoEffectSection, m_insideNoEffectSection || waits);
        const QJsonValue checked = validate(*child, it.value(), childPath);
        m_insideNoEffectSection = wasInside;
        if (!checked.isUndefined())
            output.insert(it.key(), checked);
        if (waits && !checked.isUndefined() && !hasErrorUnder(childPath))
            warning(childPath, tr("has no effect yet (%1); the value is checked and kept")
                                   .arg(child->noEffectYet));
    }
    return output;
}

QJsonValue ConfigValidator::validateMap(const schema::Node &node, const QJsonValue &value,
                                        const QString &path)
{
    if (!value.isObject()) {
        error(path, tr("expected an object, got %1").arg(describeValue(value)));
        return QJsonValue::Undefined;
    }
    const QJsonObject input = value.toObject();
    QJsonObject output;
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString childPath = JsonLocator::child(path, it.key());
        if (it.key().trimmed().isEmpty()) {
            error(childPath, tr("a name must not be empty"));
            continue;
        }
        const QJsonValue checked = validate(*node.element, it.value(), childPath);
        if (!checked.isUndefined())
            output.insert(it.key(), checked);
    }
    return output;
}

QJsonValue ConfigValidator::validateArray(const schema::Node &node, const QJsonValue &value,
                                          const QString &path)
{
    if (!value.isArray()) {
        error(path, tr("expected an array, got %1").arg(describeValue(value)));
        return QJsonValue::Undefined;
    }
    const QJsonArray input = value.toArray();
    QJsonArray output;
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QJsonValue checked =
            validate(*node.element, input.at(i), JsonLocator::index(path, i));
        if (!checked.isUndefined())
            output.append(checked);
    }
    return output;
}

QJsonValue ConfigValidator::validateScalar(const schema::Node &node, const QJsonValue &value,
                                           const QString &path)
{
    const auto mismatch = [&] {
        error(
            path,
            tr("expected %1, got %2").arg(schema::describeExpectation(node), describeValue(value)));
        return QJsonValue(QJsonValue::Undefined);
    };
    switch (node.kind) {
    case Kind::Integer:
    case Kind::Number: {
        if (!value.isDouble())
            return mismatch();
        const double number = value.toDouble();
        if (node.kind == Kind::Integer && std::floor(number) != number)
            return mismatch();
        if (number < node.minimum || number > node.maximum)
            return mismatch();
        return value;
    }
    case Kind::Boolean:
        return value.isBool() ? value : mismatch();
    case Kind::String:
        return value.isString() ? value : mismatch();
    case Kind::Enum: {
        if (!value.isString())
            return mismatch();
        if (node.choices.contains(value.toString()))
            return value;
        const QString nearest = nearestName(value.toString(), node.choices);
        QString message =
            tr("expected %1, got %2").arg(schema::describeExpectation(node), describeValue(value));
        if (!nearest.isEmpty())
            message += tr("; did you mean \"%1\"?").arg(nearest);
        error(path, message);
        return QJsonValue::Undefined;
    }
    case Kind::StringList: {
        if (!value.isArray())
            return mismatch();
        const QJsonArray items = value.toArray();
        QJsonArray kept;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).isString()) {
                kept.append(items.at(i));
            } else {
                error(JsonLocator::index(path, i),
                      tr("expected a string, got %1").arg(describeValue(items.at(i))));
            }
        }
        return kept;
    }
    case Kind::StringMap: {
        if (!value.isObject())
            return mismatch();
        const QJsonObject entries = value.toObject();
        QJsonObject kept;
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            if (it.value().isString()) {
                kept.insert(it.key(), it.value());
            } else {
                error(JsonLocator::child(path, it.key()),
                      tr("expected a string, got %1").arg(describeValue(it.value())));
            }
        }
        return kept;
    }
    case Kind::FreeObject:
        return value.isObject() ? value : mismatch();
    case Kind::Object:
    case Kind::Map:
    case Kind::Array:
        break;
    }
    return mismatch();
}

} // namespace spoon
