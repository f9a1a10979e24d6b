#pragma once

#include <QMap>
#include <QProcessEnvironment>
#include <QString>

namespace spoon {

// What a program we start for someone else (an MCP server, an alert command) needs to start
// and speak UTF-8, no more: our environment holds every provider's key. PATH, HOME and LANG
// from `ours`, then what the config grants.
QProcessEnvironment minimalChildEnvironment(const QProcessEnvironment &ours,
                                            const QMap<QString, QString> &granted);

} // namespace spoon
