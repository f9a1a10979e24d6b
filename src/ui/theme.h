#pragma once

class QApplication;
class QWidget;

namespace spoon {

// Fusion with a light palette and the console's style sheet (resources/spoon.qss), so the
// console looks the same on every desktop.
void applyTheme(QApplication &app);

// After a dynamic property changed: the style sheet's selectors on it apply again.
void repolish(QWidget *widget);

} // namespace spoon
