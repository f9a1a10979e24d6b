#pragma once

#include "configdiagnostic.h"
#include "configschema.h"
#include "jsonlocator.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace spoon {

// Checks a parsed config against the schema. Every wrong type, out-of-range value and
// unknown key becomes a diagnostic that names the key path and its line; the returned
// value has those entries removed, so the loader can fill defaults and keep going to
// report every problem in one pass.
class ConfigValidator
{
    Q_DECLARE_TR_FUNCTIONS(spoon::ConfigValidator)
public:
    ConfigValidator(const JsonLocator &locator, QString source);

    QJsonValue validate(const schema::Node &node, const QJsonValue &value, const QString &path);

    void error(const QString &path, const QString &message);
    void warning(const QString &path, const QString &message);
    const ConfigDiagnostics &diagnostics() const { return m_diagnostics; }
    // True when an error was already reported at `path` or below it; later checks use this
    // so one mistake is reported once, not again as the consequences of its removal.
    bool hasErrorUnder(const QString &path) const;

    // "the string \"three\"", "the number 3.5", "null", ... for messages.
    static QString describeValue(const QJsonValue &value);

private:
    QJsonValue validateObject(const schema::Node &node, const QJsonValue &value,
                              const QString &path);
    QJsonValue validateMap(const schema::Node &node, const QJsonValue &value, const QString &path);
    QJsonValue validateArray(const schema::Node &node, const QJsonValue &value,
                             const QString &path);
    QJsonValue validateScalar(const schema::Node &node, const QJsonValue &value,
                              const QString &path);
    void add(ConfigDiagnostic::Severity severity, const QString &path, const QString &message);

    const JsonLocator &m_locator;
    QString m_source;
    ConfigDiagnostics m_diagnostics;
    bool m_insideNoEffectSection = false; // said once for the section, not per key
};

} // namespace spoon
