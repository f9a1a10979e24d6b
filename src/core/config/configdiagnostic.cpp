#include "configdiagnostic.h"

#include "printable.h"

#include <algorithm>

namespace spoon {

QString ConfigDiagnostic::toString() const
{
    QString text = source;
    if (line > 0)
        text += u':' + QString::number(line) + u':' + QString::number(column);
    text += isError() ? QStringLiteral(": error: ") : QStringLiteral(": warning: ");
    if (!keyPath.isEmpty())
        text += keyPath + QStringLiteral(": ");
    return printable(QString(text + message)); // key names and values come from the file
}

bool hasErrors(const ConfigDiagnostics &diagnostics)
{
    return countErrors(diagnostics) > 0;
}

int countErrors(const ConfigDiagnostics &diagnostics)
{
    return int(std::count_if(diagnostics.begin(), diagnostics.end(),
                             [](const ConfigDiagnostic &d) { return d.isError(); }));
}

int countWarnings(const ConfigDiagnostics &diagnostics)
{
    return int(diagnostics.size()) - countErrors(diagnostics);
}

QString describeAll(const ConfigDiagnostics &diagnostics)
{
    QStringList lines;
    for (const ConfigDiagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.join(u'\n');
}

} // namespace spoon
