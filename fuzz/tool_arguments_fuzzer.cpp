// Tool-call arguments as a model sends them (text that should be a JSON object), parsed and
// checked against JSON Schemas shaped like the built-in tools' and an MCP server's.
#include "agent/jsonschemavalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

namespace {
const QList<QJsonObject> &schemas()
{
    static const QList<QJsonObject> list = [] {
        QList<QJsonObject> s;
        for (
            const char *text : {
                R"({"type":"object","properties":{"urls":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":50},"method":{"type":"string","enum":["GET","HEAD","POST"]},"headers":{"type":"object"},"body":{"type":"string"}},"required":["urls"],"additionalProperties":false})",
                R"({"type":"object","properties":{}})",
                R"({"type":"object","properties":{"n":{"type":"integer","minimum":0,"maximum":10},"x":{"type":"number"},"flag":{"type":"boolean"},"nested":{"type":"object","properties":{"deep":{"type":["string","null"]}},"required":["deep"]}},"required":["n"]})",
            })
            s.append(QJsonDocument::fromJson(text).object());
        return s;
    }();
    return list;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonObject arguments;
    QString problem;
    if (!spoon::JsonSchemaValidator::parseArguments(text, &arguments, &problem))
        return 0;
    for (const QJsonObject &schema : schemas())
        (void)spoon::JsonSchemaValidator::validate(schema, arguments);
    return 0;
}
