#pragma once

class QApplication;

namespace spoon {

// Fusion with a light palette and the console's style sheet (resources/spoon.qss), so the
// console looks the same on every desktop.
void applyTheme(QApplication &app);

} // namespace spoon
