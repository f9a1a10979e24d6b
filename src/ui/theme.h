#pragma once

#include <QColor>
#include <QPalette>
#include <QProcessEnvironment>
#include <QString>

class QApplication;
class QWidget;

namespace spoon {

enum class Theme
{
    Light,
    Dark
};

// appearance.theme: "light", "dark", or "system", which follows the desktop: a palette whose
// window is darker than its text, or a GTK_THEME that ends in ":dark".
Theme themeFor(const QString &choice, const QPalette &desktop, const QProcessEnvironment &env);

// Fusion with the theme's palette and the console's style sheet (resources/spoon.qss, its
// colours swapped for the dark theme), so the console looks the same on every desktop.
void applyTheme(QApplication &app, Theme theme);
Theme currentTheme();
// The desktop's own palette, as it was before applyTheme() first replaced it.
QPalette desktopPalette();

// A colour of the light theme as the current theme shows it. The style sheet and the
// widgets that paint themselves share this one table.
QColor themed(const QColor &light);
// The light style sheet with each colour swapped for its dark counterpart.
QString darkStyleSheet(const QString &light);
// Colours that read the same on both themes (accents, the alert bar): not swapped.
bool isSharedColour(const QString &hex);
bool hasDarkCounterpart(const QString &hex);

// After a dynamic property changed: the style sheet's selectors on it apply again.
void repolish(QWidget *widget);
// A settings field the validator refused (red border, the reason as its tooltip), or not.
void markInvalid(QWidget *widget, bool invalid, const QString &message = {});

} // namespace spoon
