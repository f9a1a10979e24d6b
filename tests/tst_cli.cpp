// The command line is a contract with users' scripts: names, output formats and exit codes.
// These tests run the real binary.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "support/consolerun.h"

using namespace spoon::test;

namespace {

using Run = ConsoleRun;

const QString kSecretKey = QStringLiteral("sk-9fQ2ZxV7SECRETqwPLmn0123456789zz");

Run run(const QStringList &arguments, const QProcessEnvironment &extra = {},
        const QString &workingDir = {})
{
    return runConsole(arguments, extra, 120'000, workingDir);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkConfig_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("lastLine");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("empty object") << QByteArray("{}") << 0 << "%1: valid"
                                      << "";
        QTest::newRow("warning only")
            << QByteArray("{\"defualt_agent\": \"react\"}") << 0 << "%1: valid, 1 warning"
            << "did you mean \"default_agent\"?";
        QTest::newRow("syntax error")
            << QByteArray("{\n  \"performance\": {\n    \"llm\": {\"retry_attempts\": 3,}\n  }\n}")
            << 1 << "%1: invalid, 1 error"
            << "cfg.json:3:34: error: invalid JSON: object is missing after a comma";
        QTest::newRow("wrong type")
            << QByteArray("{\n  \"performance\": {\"tools\": {\"timeout\": \"30s\"}}\n}") << 1
            << "%1: invalid, 1 error"
            << "cfg.json:2:29: error: performance.tools.timeout: expected a number from 0.1 to "
               "3600, got the string \"30s\"";
    }

    void checkConfig()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, lastLine);
        QFETCH(QString, mustContain);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("cfg.json"), content);
        const Run result =
            run({QStringLiteral("check-config"), QStringLiteral("cfg.json")}, {}, dir.path());
        QTEST(result.exitCode, "exitCode");
        const QStringList lines = result.out.trimmed().split(u'\n');
        QCOMPARE(lines.last(), lastLine.arg(QStringLiteral("cfg.json")));
        QVERIFY2(result.out.contains(mustContain), qPrintable(result.out));
        Q_UNUSED(path);
    }

    void checkConfigUsesTheSameLookupAsTheConsole()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("c.json"), "{\"default_agent\": 5}");
        QProcessEnvironment env;
        env.insert(QStringLiteral("SPOON_CONFIG"), path);
        Run result = run({QStringLiteral("check-config")}, env);
        SPOON_COMPARE_EXIT(result, 1);
        QVERIFY(result.out.contains(QStringLiteral("default_agent: expected a string")));
        // --config wins over SPOON_CONFIG.
        const QString good = writeFile(dir, QStringLiteral("good.json"), "{}");
        result = run({QStringLiteral("--config"), good, QStringLiteral("check-config")}, env);
        SPOON_COMPARE_EXIT(result, 0);
    }

    void checkConfigMissingFile()
    {
        const Run result =
            run({QStringLiteral("check-config"), QStringLiteral("/nonexistent/spoon.json")});
        SPOON_COMPARE_EXIT(result, 1);
        QVERIFY(
            result.out.contains(QStringLiteral("/nonexistent/spoon.json: error: no such file")));
    }

    void checkConfigWithoutAnyFileIsValid()
    {
        const Run result = run({QStringLiteral("check-config")});
        SPOON_COMPARE_EXIT(result, 0);
        QVERIFY(result.out.contains(QStringLiteral("built-in defaults are used")));
    }

    void systemInfoJsonIsStable()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("OPENAI_API_KEY"), kSecretKey);
        const Run result = run({QStringLiteral("system-info"), QStringLiteral("--json")}, env);
        SPOON_COMPARE_EXIT(result, 0);
        QJsonParseError error{};
        const QJsonObject info = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(info.value(u"schema").toString(), QStringLiteral("spoon-console/system-info/v1"));
        for (const char *section :
             {"app", "platform", "config", "llm", "process", "storage", "health"})
            QVERIFY2(info.value(QLatin1String(section)).isObject(), section);
        QVERIFY(info.value(u"providers").isArray());
        QVERIFY(info.value(u"agents").isArray());

        const QJsonObject platform = info.value(u"platform").toObject();
        QVERIFY(platform.value(u"cpu_count").toInt() >= 1);
        QVERIFY(platform.value(u"memory_total_bytes").toDouble() > 0);
        const QJsonObject process = info.value(u"process").toObject();
        QVERIFY(process.value(u"rss_bytes").toDouble() > 1024 * 1024);
        QVERIFY(process.value(u"threads").toInt() >= 1);
        QVERIFY(process.value(u"open_fds").toInt() >= 3);
        QVERIFY(process.value(u"pid").toDouble() > 0);
        const QJsonObject health = info.value(u"health").toObject();
        QVERIFY(health.value(u"score").toInt() >= 0 && health.value(u"score").toInt() <= 100);
        QVERIFY(!health.value(u"checks").toArray().isEmpty());

        const QJsonArray providers = info.value(u"providers").toArray();
        QCOMPARE(providers.size(), 1);
        const QJsonObject openai = providers.at(0).toObject();
        QCOMPARE(openai.value(u"name").toString(), QStringLiteral("openai"));
        QCOMPARE(openai.value(u"api_key_set").toBool(), true);
        QCOMPARE(openai.value(u"api_key_masked").toString(), QStringLiteral("sk-****zz"));
        QCOMPARE(info.value(u"llm").toObject().value(u"demo_endpoint").toBool(), false);
        QCOMPARE(info.value(u"agents").toArray().at(0).toObject().value(u"name").toString(),
                 QStringLiteral("react"));
    }

    void noOutputEverLeaksAKey_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("system-info") << QStringList{QStringLiteral("system-info")};
        QTest::newRow("system-info --json")
            << QStringList{QStringLiteral("system-info"), QStringLiteral("--json")};
        QTest::newRow("check-config") << QStringList{QStringLiteral("check-config")};
    }

    void noOutputEverLeaksAKey()
    {
        QFETCH(QStringList, arguments);
        QProcessEnvironment env;
        env.insert(QStringLiteral("OPENAI_API_KEY"), kSecretKey);
        env.insert(QStringLiteral("ANTHROPIC_API_KEY"), kSecretKey);
        env.insert(QStringLiteral("LOG_LEVEL"), QStringLiteral("debug"));
        const Run result = run(arguments, env);
        SPOON_COMPARE_EXIT(result, 0);
        // Not the key, and not any 6-character piece of its secret part.
        QCOMPARE(leakedPieceOf(kSecretKey, result.out + u'\n' + result.err), QString());
    }

    void systemInfoOnABadConfigReportsAndFails()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.json"), "{\"monitoring\": 3}");
        const Run result = run({QStringLiteral("--config"), path, QStringLiteral("system-info"),
                                QStringLiteral("--json")});
        SPOON_COMPARE_EXIT(result, 1);
        QVERIFY(result.err.contains(QStringLiteral("monitoring: expected an object")));
        const QJsonObject info = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(info.value(u"config").toObject().value(u"valid").toBool(), false);
        QCOMPARE(info.value(u"config").toObject().value(u"errors").toArray().size(), 1);
    }

    void systemInfoText()
    {
        const Run result = run({QStringLiteral("system-info")});
        SPOON_COMPARE_EXIT(result, 0);
        for (const char *heading :
             {"Platform", "Configuration", "LLM providers", "Agents", "This process", "Health: "})
            QVERIFY2(result.out.contains(QLatin1String(heading)), heading);
        QVERIFY(result.out.contains(QStringLiteral("demo endpoint")));
    }

    void theConsoleRefusesABadConfig()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.json"), "{\"performance\": [");
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const Run result = run({QStringLiteral("--config"), path}, env);
        SPOON_COMPARE_EXIT(result, 1);
        // The file ends inside the array: the error is at the end, column 18.
        QVERIFY(result.err.contains(
            path + QStringLiteral(":1:18: error: invalid JSON: unterminated array")));
        QVERIFY(result.err.contains(QStringLiteral("the config is invalid")));
    }

    // With LOG_FORMAT=json every line the console writes to stderr is a JSON object, the
    // config's errors included, from the first line on.
    void jsonLogsAreJsonThroughout()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.json"), "{\"performance\": [");
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LOG_FORMAT"), QStringLiteral("json"));
        const Run result = run({QStringLiteral("--config"), path}, env);
        SPOON_COMPARE_EXIT(result, 1);
        const QStringList lines = result.err.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 2);
        bool sawError = false;
        for (const QString &line : lines) {
            QJsonParseError error{};
            const QJsonObject object = QJsonDocument::fromJson(line.toUtf8(), &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
            sawError = sawError || object.value(u"msg").toString().contains(
                                       QStringLiteral("invalid JSON: unterminated array"));
        }
        QVERIFY(sawError);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("sytem-info")}
                                         << "unknown command \"sytem-info\"; did you mean "
                                            "\"system-info\"?";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << "unknown option --frobnicate";
        QTest::newRow("--config without file")
            << QStringList{QStringLiteral("--config")} << "--config needs a file name";
        QTest::newRow("system-info extra argument")
            << QStringList{QStringLiteral("system-info"), QStringLiteral("now")}
            << "system-info takes no arguments";
        QTest::newRow("system-info unknown flag")
            << QStringList{QStringLiteral("system-info"), QStringLiteral("--yaml")}
            << "Unknown option 'yaml'";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run result = run(arguments);
        SPOON_COMPARE_EXIT(result, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }

    void versionAndHelp()
    {
        Run result = run({QStringLiteral("--version")});
        SPOON_COMPARE_EXIT(result, 0);
        QVERIFY(result.out.startsWith(QStringLiteral("spoon-console ")));
        result = run({QStringLiteral("--help")});
        SPOON_COMPARE_EXIT(result, 0);
        for (const char *command : {"check-config", "system-info", "config-reference"})
            QVERIFY(result.out.contains(QLatin1String(command)));
    }

    // The top-level usage is written by hand, to fit each command on a line or two; this keeps
    // it true to the commands' own parsers: every command is there with every flag its parser
    // takes, but for the ones it leaves out on purpose.
    void usageNamesEveryCommandAndFlag_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("leftOut");
        QTest::newRow("check-config") << QStringLiteral("check-config") << QStringList{};
        QTest::newRow("system-info") << QStringLiteral("system-info") << QStringList{};
        QTest::newRow("config-reference") << QStringLiteral("config-reference") << QStringList{};
        // Flags the usage leaves out of its short summaries; the command's own --help names them.
        QTest::newRow("ask") << QStringLiteral("ask") << QStringList{QStringLiteral("--no-cache")};
        QTest::newRow("chat") << QStringLiteral("chat") << QStringList{};
        QTest::newRow("demo-server")
            << QStringLiteral("demo-server")
            << QStringList{QStringLiteral("--host"), QStringLiteral("--tokens-per-second"),
                           QStringLiteral("--events-per-write"), QStringLiteral("--fault")};
        QTest::newRow("history") << QStringLiteral("history") << QStringList{};
    }

    void usageNamesEveryCommandAndFlag()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, leftOut);
        const Run usage = run({QStringLiteral("--help")});
        SPOON_COMPARE_EXIT(usage, 0);
        // The command's entry: its line and the indented lines under it.
        QString entry;
        const QStringList lines = usage.out.split(u'\n');
        for (qsizetype i = 0; i < lines.size() && entry.isEmpty(); ++i) {
            if (!lines.at(i).startsWith(QStringLiteral("  ") + command + u' '))
                continue;
            entry = lines.at(i);
            while (i + 1 < lines.size() && lines.at(i + 1).startsWith(QStringLiteral("    ")))
                entry += u'\n' + lines.at(++i);
        }
        QVERIFY2(!entry.isEmpty(), qPrintable(usage.out));
        const Run own = run({command, QStringLiteral("--help")});
        SPOON_COMPARE_EXIT(own, 0);
        static const QRegularExpression option(QStringLiteral("^  (?:-\\w, )?(--[a-z-]+)"),
                                               QRegularExpression::MultilineOption);
        QStringList flags;
        for (const QRegularExpressionMatch &match : option.globalMatch(own.out))
            flags.append(match.captured(1));
        QVERIFY2(flags.contains(QStringLiteral("--help")), qPrintable(own.out));
        for (const QString &flag : leftOut)
            QVERIFY2(flags.contains(flag),
                     qPrintable(flag + QStringLiteral(" is no longer a flag of ") + command));
        for (const QString &flag : std::as_const(flags)) {
            if (flag == QLatin1String("--help") || flag == QLatin1String("--help-all") ||
                leftOut.contains(flag))
                continue;
            QVERIFY2(entry.contains(flag),
                     qPrintable(command + QStringLiteral(" takes ") + flag +
                                QStringLiteral(", which its usage entry does not name:\n") +
                                entry));
        }
    }

    void configReferenceListsEveryKey()
    {
        const Run result = run({QStringLiteral("config-reference")});
        SPOON_COMPARE_EXIT(result, 0);
        for (const char *key :
             {"`performance.llm.retry_attempts` | an integer from 0 to 10 | `3`",
              "`performance.database.pool_max_size`", "`providers.<name>.base_url`",
              "`agents.<name>.tools[].mcp_server.command`", "`monitoring.thresholds.error_rate`",
              "`llm_settings.fallback_chain`", "`default_agent` | a string | `\"react\"`"})
            QVERIFY2(result.out.contains(QLatin1String(key)), key);
        // docs/config.md carries the same table, so the documentation cannot drift.
        QFile docs(QStringLiteral(SPOON_SOURCE_DIR "/docs/config.md"));
        QVERIFY(docs.open(QIODevice::ReadOnly));
        QVERIFY2(QString::fromUtf8(docs.readAll()).contains(result.out),
                 "docs/config.md is stale: paste `spoon-console config-reference` into it");
    }
};

SPOON_TEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
