#pragma once

#include "monitor/systeminfo.h"

#include <QJsonObject>
#include <QString>

namespace spoon {

// The system-info report as the `system-info` command prints it and the window copies it.

// The stable --json document; its fields are listed in docs/system-info.md, and a field
// is only ever added, never renamed or removed, within one "schema" value.
inline constexpr char kSystemInfoSchema[] = "spoon-console/system-info/v1";
QJsonObject systemInfoJson(const SystemInfoReport &report);

// The human-readable report.
QString systemInfoText(const SystemInfoReport &report);

} // namespace spoon
