#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace spoon {

// Checks tool arguments against their JSON Schema before a tool runs, so a model's mistake
// becomes an observation it can correct, not a crash. Covers what tool schemas use (draft
// 2020-12 subset): type (one or a list), properties, required, additionalProperties: false,
// items, enum, const, minimum/maximum (and exclusive), minLength/maxLength,
// minItems/maxItems. Unknown keywords are ignored, as the standard allows.
class JsonSchemaValidator
{
public:
    // Every problem, each as "path: what is wrong"; empty when the value conforms.
    static QStringList validate(const QJsonObject &schema, const QJsonValue &value);
    // Parses a model's argument text; on failure returns false with a message for the model.
    static bool parseArguments(const QString &text, QJsonObject *arguments, QString *problem);
};

} // namespace spoon
