#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <functional>
#include <limits>
#include <memory>
#include <vector>

// The config file's schema: every key, its type, range and default, in one table.
// The validator checks files against it, the loader fills defaults from it, and
// `spoon-console config-reference` prints it, so documentation cannot drift.
namespace spoon::schema {

enum class Kind
{
    Object, // fixed keys, listed in `fields`
    Map,    // any key (a provider or agent name), each value per `element`
    Array,  // items per `element`
    Integer,
    Number,
    Boolean,
    String,
    Enum,       // a string from `choices`
    FreeObject, // any JSON object, passed through (a tool's own config)
    StringMap,  // an object whose values are all strings (environment variables)
    StringList, // an array of strings
};

struct Field;

struct Node
{
    Kind kind = Kind::Object;
    QJsonValue defaultValue = QJsonValue::Undefined; // Undefined: no default here
    double minimum = -std::numeric_limits<double>::infinity();
    double maximum = std::numeric_limits<double>::infinity();
    QStringList choices;
    QString description;
    // Non-empty for a key that nothing reads yet: what it waits for. Such a key is checked
    // and documented, and check-config and config-reference say it has no effect yet.
    QString noEffectYet;
    bool optional = false; // no default and nothing to inherit: absent means "none"
    std::vector<Field> fields;
    std::shared_ptr<const Node> element;

    const Node *field(QStringView name) const;
    QStringList fieldNames() const;
};

struct Field
{
    QString name;
    Node node;
};

Node object(std::vector<Field> fields, QString description = {});
Node mapOf(Node element, QString description);
Node arrayOf(Node element, QString description);
Node integer(qint64 defaultValue, qint64 minimum, qint64 maximum, QString description);
Node integerInherited(qint64 minimum, qint64 maximum, QString description);
Node number(double defaultValue, double minimum, double maximum, QString description);
Node numberInherited(double minimum, double maximum, QString description);
Node numberOptional(double minimum, double maximum, QString description);
Node boolean(bool defaultValue, QString description);
Node boolInherited(QString description);
Node string(QString defaultValue, QString description);
Node stringNoDefault(QString description);
Node choice(QString defaultValue, QStringList choices, QString description);
Node stringList(QString description);
Node stringMap(QString description);
Node freeObject(QString description);
// Marks a leaf, or every leaf of an object, as having no effect yet, and says why.
Node noEffectYet(Node node, QString why);

// The whole config file.
const Node &configSchema();

// Visits every leaf key in schema order, with its path: map keys appear as "<name>" and
// array items as "[]" ("agents.<name>.tools[].name").
void forEachLeaf(const Node &root,
                 const std::function<void(const QString &path, const Node &leaf)> &visit);

// "integer from 0 to 10", "true or false", ... for messages.
QString describeExpectation(const Node &node);
QString kindName(Kind kind);

} // namespace spoon::schema
