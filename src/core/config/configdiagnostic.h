#pragma once

#include <QList>
#include <QString>

namespace spoon {

// One finding about a config: where (file, line, column, key path) and what is wrong.
// Printed in the compiler style editors understand: "file:line:col: error: key: message".
struct ConfigDiagnostic
{
    enum class Severity
    {
        Error,
        Warning
    };

    Severity severity = Severity::Error;
    QString source; // the file, or "environment"
    int line = 0;   // 0 when not tied to a line
    int column = 0;
    QString keyPath; // "performance.llm.retry_attempts", or an environment variable
    QString message;

    bool isError() const { return severity == Severity::Error; }
    QString toString() const;
};

using ConfigDiagnostics = QList<ConfigDiagnostic>;

bool hasErrors(const ConfigDiagnostics &diagnostics);
int countErrors(const ConfigDiagnostics &diagnostics);
int countWarnings(const ConfigDiagnostics &diagnostics);
// One diagnostic a line, as check-config prints them.
QString describeAll(const ConfigDiagnostics &diagnostics);

} // namespace spoon
