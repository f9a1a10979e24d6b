#pragma once

#include <QString>

namespace spoon::app {

inline constexpr char kName[] = "spoon-console";
inline constexpr char kDisplayName[] = "Spoon Console";
inline constexpr char kVersion[] = SPOON_VERSION;

// Sets the application name and version on the running Q*Application, so that
// QStandardPaths and --version agree everywhere.
void setApplicationIdentity();
// ~/.local/share/spoon-console: conversations, metrics, logs.
QString dataFolder();
// ~/.config/spoon-console/ui-state.ini: window geometry and view choices, never secrets.
QString uiStatePath();

} // namespace spoon::app
