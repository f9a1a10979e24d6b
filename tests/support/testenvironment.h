#pragma once

// Every test runs in a world of its own: a fresh temporary HOME with the XDG folders inside
// it, and none of the variables that steer the engine (provider keys and URLs, the config
// path, log settings), whatever the shell that started it had. Locale, scale and fonts are
// left as they are: tests must pass under any of them. SPOON_TEST_MAIN and
// SPOON_TEST_GUILESS_MAIN replace QTEST_MAIN and QTEST_GUILESS_MAIN to set this up before
// the application object exists.
#include <QProcessEnvironment>
#include <QString>

namespace spoon::test {

// Creates the temporary home and points HOME and XDG_* there; drops the engine's variables
// and, unless SPOON_TEST_PRIVATE_BUS=1 says dbus-run-session started a bus for this test,
// points the D-Bus session bus at nothing.
// The folder is removed when the process ends.
void isolateEnvironment();

// The isolated home (empty before isolateEnvironment()).
QString isolatedHome();

// The environment for a child process, built from scratch rather than inherited: PATH, the
// isolated HOME and XDG folders, LANG=C.UTF-8 (tests read the child's English output), and
// the sanitizer settings, so a sanitized child reports the same way as its parent.
QProcessEnvironment childEnvironment();

// Whether a variable is one the engine reads (keys, base URLs, models, config, logging).
bool isEngineVariable(const QString &name);

} // namespace spoon::test

#ifdef QT_GUI_LIB
#include <QFont>
#include <QGuiApplication>

namespace spoon::test {
// GUI tests: SPOON_TEST_FONT_SIZE (points) sets the application font, so CI can run the
// layout tests with a larger font as well as another scale and locale.
inline void applyTestFont()
{
    bool ok = false;
    const double points = qEnvironmentVariable("SPOON_TEST_FONT_SIZE").toDouble(&ok);
    if (ok && points > 0) {
        QFont font = QGuiApplication::font();
        font.setPointSizeF(points);
        QGuiApplication::setFont(font);
    }
}
} // namespace spoon::test
#endif

#define SPOON_TEST_MAIN_WITH(AppClass, TestObject, ...)                                            \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        spoon::test::isolateEnvironment();                                                         \
        AppClass app(argc, argv);                                                                  \
        __VA_ARGS__                                                                                \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

// Widgets tests; 96 dpi as QTEST_MAIN has it.
#define SPOON_TEST_MAIN(TestObject)                                                                \
    SPOON_TEST_MAIN_WITH(QApplication, TestObject, app.setAttribute(Qt::AA_Use96Dpi, true);        \
                         spoon::test::applyTestFont();)

#define SPOON_TEST_GUILESS_MAIN(TestObject) SPOON_TEST_MAIN_WITH(QCoreApplication, TestObject, )
