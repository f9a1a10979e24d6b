// Light and dark: which theme "system" picks, that every colour of the style sheet has its
// dark counterpart (or reads on both), and that applying a theme reaches the palette, the
// style sheet and the colours widgets paint with.
#include "chat/codehighlighter.h"
#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

namespace {
QPalette paletteWith(const QColor &window, const QColor &text)
{
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    return palette;
}
} // namespace

class TestTheme : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        qApp->setStyleSheet(QString());
        qApp->setPalette(QPalette());
    }

    void systemFollowsTheDesktop_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<bool>("darkDesktop");
        QTest::addColumn<QString>("gtkTheme");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light asked, dark desktop")
            << QStringLiteral("light") << true << QStringLiteral("") << false;
        QTest::newRow("dark asked, light desktop")
            << QStringLiteral("dark") << false << QStringLiteral("") << true;
        QTest::newRow("system, light desktop")
            << QStringLiteral("system") << false << QStringLiteral("") << false;
        QTest::newRow("system, dark palette")
            << QStringLiteral("system") << true << QStringLiteral("") << true;
        QTest::newRow("system, GTK dark")
            << QStringLiteral("system") << false << QStringLiteral("Adwaita:dark") << true;
        QTest::newRow("system, GTK light")
            << QStringLiteral("system") << false << QStringLiteral("Adwaita") << false;
    }
    void systemFollowsTheDesktop()
    {
        QFETCH(QString, choice);
        QFETCH(bool, darkDesktop);
        QFETCH(QString, gtkTheme);
        QFETCH(bool, dark);
        const QPalette desktop = darkDesktop ? paletteWith(QColor(0x20, 0x20, 0x20), Qt::white)
                                             : paletteWith(QColor(0xef, 0xef, 0xef), Qt::black);
        QProcessEnvironment env;
        if (!gtkTheme.isEmpty())
            env.insert(QStringLiteral("GTK_THEME"), gtkTheme);
        QCOMPARE(themeFor(choice, desktop, env) == Theme::Dark, dark);
    }

    // A colour added to the style sheet without a dark counterpart would glare on the dark
    // theme: each one is swapped or listed as reading on both.
    void everyStyleSheetColourHasItsDarkCounterpart()
    {
        QFile sheet(QStringLiteral(SPOON_SOURCE_DIR "/resources/spoon.qss"));
        QVERIFY(sheet.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(sheet.readAll());
        static const QRegularExpression hex(QStringLiteral("#([0-9a-fA-F]{6})\\b"));
        int colours = 0;
        for (const QRegularExpressionMatch &match : hex.globalMatch(text)) {
            ++colours;
            const QString colour = match.captured(1);
            QVERIFY2(hasDarkCounterpart(colour) || isSharedColour(colour),
                     qPrintable(colour + QStringLiteral(" has no dark counterpart")));
        }
        QVERIFY(colours > 20);
    }

    void theDarkSheetSwapsEachColourOnce()
    {
        // White becomes the dark surface and near-black becomes near-white, in one pass: a
        // colour swapped in is not swapped back.
        QCOMPARE(darkStyleSheet(QStringLiteral("a { color: #111827; background: #FFFFFF; }")),
                 QStringLiteral("a { color: #f3f4f6; background: #1f2937; }"));
        QCOMPARE(darkStyleSheet(QStringLiteral("#sendButton { background: #2563eb; }")),
                 QStringLiteral("#sendButton { background: #2563eb; }"));
    }

    void applyingAThemeReachesPaletteSheetAndPaintedColours()
    {
        applyTheme(*qApp, Theme::Dark);
        QCOMPARE(currentTheme(), Theme::Dark);
        const QPalette dark = qApp->palette();
        QVERIFY(dark.color(QPalette::Window).lightness() <
                dark.color(QPalette::WindowText).lightness());
        QVERIFY(!qApp->styleSheet().isEmpty());
        QVERIFY(!qApp->styleSheet().contains(QStringLiteral("#ffffff")));
        QVERIFY(themed(Qt::white).lightness() < 100);
        QCOMPARE(themed(QColor(0x25, 0x63, 0xeb)), QColor(0x25, 0x63, 0xeb)); // the accent stays
        const QColor darkKeyword =
            CodeHighlighter::format(CodeHighlighter::Token::Keyword).foreground().color();

        applyTheme(*qApp, Theme::Light);
        QCOMPARE(currentTheme(), Theme::Light);
        const QPalette light = qApp->palette();
        QVERIFY(light.color(QPalette::Window).lightness() >
                light.color(QPalette::WindowText).lightness());
        QVERIFY(qApp->styleSheet().contains(QStringLiteral("#ffffff")));
        QCOMPARE(themed(Qt::white), QColor(Qt::white));
        const QColor lightKeyword =
            CodeHighlighter::format(CodeHighlighter::Token::Keyword).foreground().color();
        // Code reads on its block: pale on the dark theme, deep on the light one.
        QVERIFY(darkKeyword.lightness() > lightKeyword.lightness());
    }
};

SPOON_TEST_MAIN(TestTheme)
#include "tst_theme.moc"
