#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

#include <optional>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

Theme g_theme = Theme::Light;
std::optional<QPalette> g_desktop; // the palette before the first theme replaced it

// Light colour -> dark colour (Tailwind's gray, blue, amber and red scales). Backgrounds
// become dark surfaces, text becomes light, pale notices become deep ones.
const QHash<QString, QString> &darkCounterparts()
{
    static const QHash<QString, QString> table{
        {u"ffffff"_s, u"1f2937"_s}, {u"f3f4f6"_s, u"111827"_s}, {u"f9fafb"_s, u"18212f"_s},
        {u"e5e7eb"_s, u"374151"_s}, {u"d1d5db"_s, u"4b5563"_s}, {u"111827"_s, u"f3f4f6"_s},
        {u"374151"_s, u"e5e7eb"_s}, {u"4b5563"_s, u"d1d5db"_s}, {u"6b7280"_s, u"9ca3af"_s},
        {u"fffbeb"_s, u"2b2109"_s}, {u"92400e"_s, u"fcd34d"_s}, {u"fde68a"_s, u"78350f"_s},
        {u"fef3c7"_s, u"2b2109"_s}, {u"fcd34d"_s, u"92400e"_s}, {u"eff6ff"_s, u"172554"_s},
        {u"1e3a8a"_s, u"bfdbfe"_s}, {u"bfdbfe"_s, u"1e40af"_s}, {u"dbeafe"_s, u"1e3a8a"_s},
        {u"b91c1c"_s, u"f87171"_s}, {u"fef2f2"_s, u"3b1212"_s}, {u"991b1b"_s, u"fca5a5"_s},
        {u"fca5a5"_s, u"7f1d1d"_s}, {u"fecaca"_s, u"7f1d1d"_s},
    };
    return table;
}

const QStringList &sharedColours()
{
    static const QStringList shared{u"2563eb"_s, u"1d4ed8"_s, u"dc2626"_s, u"f59e0b"_s,
                                    u"93c5fd"_s, u"1e293b"_s, u"f8fafc"_s, u"9ca3af"_s};
    return shared;
}

QPalette lightPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    palette.setColor(QPalette::WindowText, QColor(0x11, 0x18, 0x27));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf9, 0xfa, 0xfb));
    palette.setColor(QPalette::Text, QColor(0x11, 0x18, 0x27));
    palette.setColor(QPalette::Button, Qt::white);
    palette.setColor(QPalette::ButtonText, QColor(0x37, 0x41, 0x51));
    palette.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::ToolTipBase, QColor(0x11, 0x18, 0x27));
    palette.setColor(QPalette::ToolTipText, Qt::white);
    return palette;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x11, 0x18, 0x27));
    palette.setColor(QPalette::WindowText, QColor(0xf3, 0xf4, 0xf6));
    palette.setColor(QPalette::Base, QColor(0x1f, 0x29, 0x37));
    palette.setColor(QPalette::AlternateBase, QColor(0x18, 0x21, 0x2f));
    palette.setColor(QPalette::Text, QColor(0xf3, 0xf4, 0xf6));
    palette.setColor(QPalette::PlaceholderText, QColor(0x9c, 0xa3, 0xaf));
    palette.setColor(QPalette::Button, QColor(0x1f, 0x29, 0x37));
    palette.setColor(QPalette::ButtonText, QColor(0xe5, 0xe7, 0xeb));
    palette.setColor(QPalette::Light, QColor(0x4b, 0x55, 0x63));
    palette.setColor(QPalette::Midlight, QColor(0x37, 0x41, 0x51));
    palette.setColor(QPalette::Mid, QColor(0x37, 0x41, 0x51));
    palette.setColor(QPalette::Dark, QColor(0x0b, 0x10, 0x1a));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x93, 0xc5, 0xfd));
    palette.setColor(QPalette::ToolTipBase, QColor(0xf9, 0xfa, 0xfb));
    palette.setColor(QPalette::ToolTipText, QColor(0x11, 0x18, 0x27));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6b, 0x72, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6b, 0x72, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6b, 0x72, 0x80));
    return palette;
}

QString hexOf(const QColor &colour)
{
    return colour.name(QColor::HexRgb).mid(1).toLower();
}

} // namespace

Theme themeFor(const QString &choice, const QPalette &desktop, const QProcessEnvironment &env)
{
    if (choice == u"dark"_s)
        return Theme::Dark;
    if (choice == u"light"_s)
        return Theme::Light;
    if (env.value(u"GTK_THEME"_s).endsWith(u":dark"_s, Qt::CaseInsensitive))
        return Theme::Dark;
    return desktop.color(QPalette::Window).lightness() <
                   desktop.color(QPalette::WindowText).lightness()
               ? Theme::Dark
               : Theme::Light;
}

QString darkStyleSheet(const QString &light)
{
    // One pass, so a colour swapped in is never swapped again.
    static const QRegularExpression hex(u"#([0-9a-fA-F]{6})\\b"_s);
    QString dark;
    qsizetype from = 0;
    for (const QRegularExpressionMatch &match : hex.globalMatch(light)) {
        dark += QStringView(light).mid(from, match.capturedStart() - from);
        const QString colour = match.captured(1).toLower();
        dark += u'#' + darkCounterparts().value(colour, colour);
        from = match.capturedEnd();
    }
    dark += QStringView(light).mid(from);
    return dark;
}

bool isSharedColour(const QString &hex)
{
    return sharedColours().contains(hex.toLower());
}

bool hasDarkCounterpart(const QString &hex)
{
    return darkCounterparts().contains(hex.toLower());
}

QColor themed(const QColor &light)
{
    if (g_theme == Theme::Light)
        return light;
    const auto dark = darkCounterparts().constFind(hexOf(light));
    if (dark == darkCounterparts().constEnd())
        return light;
    QColor colour(u'#' + *dark);
    colour.setAlpha(light.alpha());
    return colour;
}

Theme currentTheme()
{
    return g_theme;
}

void repolish(QWidget *widget)
{
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

QPalette desktopPalette()
{
    return g_desktop ? *g_desktop : QGuiApplication::palette();
}

void markInvalid(QWidget *widget, bool invalid, const QString &message)
{
    widget->setProperty("invalid", invalid);
    widget->setToolTip(message);
    repolish(widget);
}

void applyTheme(QApplication &app, Theme theme)
{
    if (!g_desktop)
        g_desktop = app.palette();
    g_theme = theme;
    if (!app.style() || app.style()->name().compare(u"fusion"_s, Qt::CaseInsensitive) != 0)
        app.setStyle(QStyleFactory::create(u"Fusion"_s));
    app.setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
    QFile sheet(u":/spoon/spoon.qss"_s);
    if (sheet.open(QIODevice::ReadOnly)) {
        const QString light = QString::fromUtf8(sheet.readAll());
        app.setStyleSheet(theme == Theme::Dark ? darkStyleSheet(light) : light);
    }
}

} // namespace spoon
