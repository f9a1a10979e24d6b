#include "config/configloader.h"
#include "config/configschema.h"
#include "config/jsonlocator.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <functional>

#include "support/testenvironment.h"

using namespace spoon;

namespace {

ConfigLoadResult parse(const QByteArray &json, const QProcessEnvironment &env = {})
{
    return ConfigLoader::parse(json, QStringLiteral("test.json"), env);
}

// JSON written with single quotes, to keep test cases readable in C++.
QByteArray quoted(const char *json)
{
    return QByteArray(json).replace('\'', '"');
}

QProcessEnvironment environment(std::initializer_list<std::pair<const char *, const char *>> vars)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : vars)
        env.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return env;
}

// Every leaf key path a document holds, written as schema::forEachLeaf writes them.
void documentPaths(const schema::Node &node, const QJsonValue &value, const QString &path,
                   QSet<QString> &out)
{
    switch (node.kind) {
    case schema::Kind::Object:
        for (const schema::Field &field : node.fields) {
            const QJsonValue child = value.toObject().value(field.name);
            if (!child.isUndefined())
                documentPaths(field.node, child, JsonLocator::child(path, field.name), out);
        }
        return;
    case schema::Kind::Map: {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            documentPaths(*node.element, it.value(),
                          JsonLocator::child(path, QStringLiteral("<name>")), out);
        return;
    }
    case schema::Kind::Array: {
        const QJsonArray items = value.toArray();
        for (const QJsonValue &item : items)
            documentPaths(*node.element, item, path + QStringLiteral("[]"), out);
        return;
    }
    default:
        out.insert(path);
    }
}

} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void defaultsAreTheSeedsProductionValues()
    {
        const Config c = Config::defaults();
        QCOMPARE(c.performance.agents.maxConcurrent, 5);
        QCOMPARE(c.performance.agents.memoryLimitMb, 512);
        QCOMPARE(c.performance.agents.cleanupInterval, 10);
        QCOMPARE(c.performance.agents.maxHistoryLength, 50);
        QCOMPARE(c.performance.llm.connectionPoolSize, 10);
        QCOMPARE(c.performance.llm.requestTimeout, 30.0);
        QCOMPARE(c.performance.llm.retryAttempts, 3);
        QCOMPARE(c.performance.llm.batchSize, 5);
        QCOMPARE(c.performance.llm.batchTimeout, 1.0);
        QCOMPARE(c.performance.llm.cacheEnabled, true);
        QCOMPARE(c.performance.llm.cacheTtl, 3600);
        QCOMPARE(c.performance.tools.concurrentLimit, 10);
        QCOMPARE(c.performance.tools.cacheEnabled, true);
        QCOMPARE(c.performance.tools.cacheSize, 1000);
        QCOMPARE(c.performance.tools.timeout, 30.0);
        QCOMPARE(c.performance.tools.connectTimeout, 10.0);
        QCOMPARE(c.performance.tools.connectionLimit, 100);
        QCOMPARE(c.performance.tools.connectionLimitPerHost, 30);
        QCOMPARE(c.performance.tools.dnsCacheTtl, 300);
        QCOMPARE(c.performance.database.poolMinSize, 5);
        QCOMPARE(c.performance.database.poolMaxSize, 20);
        QCOMPARE(c.performance.database.commandTimeout, 60.0);
        QCOMPARE(c.performance.database.connectionTimeout, 10.0);
        QCOMPARE(c.performance.memoryWarningThreshold, 0.8);
        QCOMPARE(c.performance.memoryCriticalThreshold, 0.9);
        QCOMPARE(c.monitoring.sampleIntervalMs, 1000);
        QCOMPARE(c.monitoring.historyCapacity(), qsizetype(86400));
        QCOMPARE(c.monitoring.thresholds.memoryPercent, 80.0);
        QCOMPARE(c.monitoring.thresholds.cpuPercent, 80.0);
        QCOMPARE(c.monitoring.thresholds.responseTime, 5.0);
        QCOMPARE(c.monitoring.thresholds.errorRate, 0.1);
        QCOMPARE(c.llm.enableCaching, true);
        QVERIFY(c.providers.isEmpty());

        // The built-in agent carries the seed's SpoonReactAI config.
        QCOMPARE(c.defaultAgent, QStringLiteral("react"));
        const AgentConfig *react = c.agent(u"react");
        QVERIFY(react);
        QVERIFY(react->builtIn);
        QCOMPARE(c.agent(u"spoon_react"), react);
        QCOMPARE(react->settings.maxSteps, 5);
        QCOMPARE(react->settings.temperature, 0.7);
        QCOMPARE(react->settings.maxTokens, 1000);
        QCOMPARE(react->settings.timeout, 30.0);
        QCOMPARE(react->settings.stream, true);
        QCOMPARE(react->settings.cacheEnabled, true);
        QCOMPARE(react->settings.maxHistoryLength, 50);
        QCOMPARE(react->settings.cleanupInterval, 10);
        QCOMPARE(react->tools.size(), 2);
        QCOMPARE(react->tools.at(0).name, QStringLiteral("system_info"));
        QCOMPARE(react->tools.at(1).name, QStringLiteral("http_request"));
    }

    void emptyObjectIsValidAndEqualsDefaults()
    {
        const ConfigLoadResult result = parse("{}");
        QVERIFY2(result.isValid(), qPrintable(describeAll(result.diagnostics)));
        QVERIFY(result.diagnostics.isEmpty());
        QCOMPARE(result.config.performance.llm.retryAttempts, 3);
        QCOMPARE(result.config.agents.size(), 1);
    }

    void valuesFromTheFileAreUsed()
    {
        const ConfigLoadResult result =
            parse(quoted("{ "
                         "'performance': {'llm': {'retry_attempts': 5, 'request_timeout': 12.5}, "
                         "'agents': {'max_history_length': 80}}, "
                         "'providers': {'deepseek': {}, 'mine': {'base_url': "
                         "'http://127.0.0.1:9/v1', 'model': 'm', "
                         "'timeout': 3}}, "
                         "'agents': {'quick': {'config': {'max_steps': 2, 'stream': false}}}, "
                         "'monitoring': {'sample_interval_ms': 500, 'history_seconds': 600} "
                         "}"));
        QVERIFY2(result.isValid(), qPrintable(describeAll(result.diagnostics)));
        const Config &c = result.config;
        QCOMPARE(c.performance.llm.retryAttempts, 5);
        // Inherited: a provider without its own timeout or retries takes performance.llm's.
        const ProviderConfig *deepseek = c.provider(u"deepseek");
        QVERIFY(deepseek);
        QCOMPARE(deepseek->baseUrl, QStringLiteral("https://api.deepseek.com/v1"));
        QCOMPARE(deepseek->model, QStringLiteral("deepseek-chat"));
        QCOMPARE(deepseek->timeout, 12.5);
        QCOMPARE(deepseek->retryAttempts, 5);
        QCOMPARE(deepseek->apiKeyEnv, QStringLiteral("DEEPSEEK_API_KEY"));
        QCOMPARE(c.provider(u"mine")->timeout, 3.0);
        QCOMPARE(c.provider(u"mine")->type, ProviderType::OpenAiCompatible);
        const AgentConfig *quick = c.agent(u"quick");
        QVERIFY(quick);
        QCOMPARE(quick->settings.maxSteps, 2);
        QCOMPARE(quick->settings.stream, false);
        QCOMPARE(quick->settings.temperature, 0.7);
        QCOMPARE(quick->settings.maxHistoryLength, 80); // inherited from performance.agents
        QVERIFY(c.agent(u"react"));                     // the built-in stays
        QCOMPARE(c.monitoring.historyCapacity(), qsizetype(1200));
    }

    void diagnostics_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("isError");
        QTest::addColumn<QString>("expected"); // the whole first diagnostic line

        QTest::newRow("syntax error names line and column")
            << QByteArray("{\n  \"a\": 1,\n  \"b\": [1, 2,,]\n}") << true
            << "test.json:3:15: error: invalid JSON: illegal value";
        QTest::newRow("truncated file")
            << QByteArray("{\n  \"performance\": {") << true
            << "test.json:2:19: error: invalid JSON: unterminated object";
        QTest::newRow("top level not an object")
            << QByteArray("[1, 2]") << true
            << "test.json:1:1: error: the top level must be a JSON object";
        QTest::newRow("wrong type names key and expectation")
            << QByteArray("{\n \"performance\": {\"llm\": {\"retry_attempts\": \"three\"}}\n}")
            << true
            << "test.json:2:26: error: performance.llm.retry_attempts: expected an integer from 0 "
               "to 10, got the string \"three\"";
        QTest::newRow("out of range")
            << QByteArray("{\"monitoring\": {\"sample_interval_ms\": 5}}") << true
            << "test.json:1:17: error: monitoring.sample_interval_ms: expected an integer from "
               "100 to 60000, got the number 5";
        QTest::newRow("fraction for an integer")
            << QByteArray("{\"performance\": {\"llm\": {\"batch_size\": 2.5}}}") << true
            << "test.json:1:26: error: performance.llm.batch_size: expected an integer from 1 to "
               "100, got the number 2.5";
        QTest::newRow("boolean as string")
            << QByteArray("{\"llm_settings\": {\"enable_caching\": \"yes\"}}") << true
            << "test.json:1:19: error: llm_settings.enable_caching: expected true or false, got "
               "the string \"yes\"";
        QTest::newRow("object expected")
            << QByteArray("{\"providers\": []}") << true
            << "test.json:1:2: error: providers: expected an object, got an array";
        QTest::newRow("unknown key suggests nearest")
            << QByteArray("{\n  \"perfomance\": {}\n}") << false
            << "test.json:2:3: warning: perfomance: unknown key \"perfomance\" is ignored; did "
               "you mean \"performance\"?";
        QTest::newRow("unknown nested key suggests nearest")
            << QByteArray("{\"performance\": {\"llm\": {\"retry_atempts\": 1}}}") << false
            << "test.json:1:26: warning: performance.llm.retry_atempts: unknown key "
               "\"retry_atempts\" is ignored; did you mean \"retry_attempts\"?";
        QTest::newRow("unknown key far from any")
            << QByteArray("{\"monitoring\": {\"zzzzzzzz\": 1}}") << false
            << "test.json:1:17: warning: monitoring.zzzzzzzz: unknown key \"zzzzzzzz\" is "
               "ignored; valid keys here: sample_interval_ms, history_seconds, thresholds, alerts";
        QTest::newRow("enum typo")
            << QByteArray(
                   "{\"agents\": {\"a\": {\"tools\": [{\"name\": \"fs\", \"type\": \"mpc\"}]}}}")
            << true
            << "test.json:1:44: error: agents.a.tools[0].type: expected one of \"builtin\", "
               "\"mcp\", got the string \"mpc\"; did you mean \"mcp\"?";
        QTest::newRow("api key in a file is refused")
            << QByteArray("{\"providers\": {\"openai\": {\"api_key\": \"sk-live\"}}}") << false
            << "test.json:1:27: warning: providers.openai.api_key: API keys are not read from "
               "files; this value is ignored. Set OPENAI_API_KEY in the environment";
        QTest::newRow("unknown provider needs base_url")
            << QByteArray("{\"providers\": {\"mine\": {\"model\": \"m\"}}}") << true
            << "test.json:1:16: error: providers.mine: \"base_url\" is required for a provider "
               "Spoon does not know (known: openai, anthropic, deepseek, openrouter, gemini, "
               "ollama)";
        QTest::newRow("bad base_url")
            << QByteArray("{\"providers\": {\"openai\": {\"base_url\": \"api.openai.com\"}}}")
            << true
            << "test.json:1:27: error: providers.openai.base_url: expected an http:// or "
               "https:// URL, got \"api.openai.com\"";
        QTest::newRow("h2c asked of an https provider")
            << QByteArray("{\"providers\": {\"mine\": {\"base_url\": \"https://llm.example/v1\", "
                          "\"model\": \"m\", \"http2_prior_knowledge\": true}}}")
            << true
            << "test.json:1:77: error: providers.mine.http2_prior_knowledge: applies to an "
               "http:// base_url only; https negotiates HTTP/2 by itself";
        QTest::newRow("fallback chain typo")
            << QByteArray("{\"llm_settings\": {\"fallback_chain\": [\"opnai\"]}}") << true
            << "test.json:1:38: error: llm_settings.fallback_chain[0]: no provider is called "
               "\"opnai\"; did you mean \"openai\"?";
        QTest::newRow("default agent typo")
            << QByteArray("{\"default_agent\": \"reactt\"}") << true
            << "test.json:1:2: error: default_agent: no agent is called \"reactt\"; did you mean "
               "\"react\"?";
        QTest::newRow("alias taken")
            << QByteArray("{\"agents\": {\"b\": {\"aliases\": [\"react\"]}}}") << true
            << "test.json:1:31: error: agents.b.aliases[0]: \"react\" already names the agent "
               "\"react\"";
        QTest::newRow("unknown builtin tool")
            << QByteArray("{\"agents\": {\"a\": {\"tools\": [{\"name\": \"htp_request\"}]}}}")
            << true
            << "test.json:1:30: error: agents.a.tools[0].name: no built-in tool is called "
               "\"htp_request\"; did you mean \"http_request\"?";
        QTest::newRow("mcp tool without command")
            << QByteArray(
                   "{\"agents\": {\"a\": {\"tools\": [{\"name\": \"fs\", \"type\": \"mcp\"}]}}}")
            << true
            << "test.json:1:29: error: agents.a.tools[0]: an MCP tool needs \"mcp_server\": "
               "{\"command\": ...}";
        QTest::newRow("pool sizes inverted")
            << QByteArray("{\"performance\": {\"database\": {\"pool_min_size\": 30}}}") << true
            << "test.json:1:31: error: performance.database.pool_min_size: 30 is larger than "
               "pool_max_size (20)";
        QTest::newRow("database url scheme")
            << QByteArray("{\"performance\": {\"database\": {\"url\": \"mysql://x\"}}}") << true
            << "test.json:1:31: error: performance.database.url: expected empty (SQLite in the "
               "data folder), sqlite:///path or postgresql://user@host:port/database, got "
               "\"mysql://x\"";
        QTest::newRow("an alert rule's name misspelt")
            << QByteArray("{\"monitoring\": {\"alerts\": {\"rules\": {\"cpu_precent\": {}}}}}")
            << false
            << "test.json:1:38: warning: monitoring.alerts.rules.cpu_precent: unknown key "
               "\"cpu_precent\" is ignored; did you mean \"cpu_percent\"?";
        QTest::newRow("duplicate key")
            << QByteArray("{\"default_agent\": \"react\",\n\"default_agent\": \"react\"}") << false
            << "test.json:2:1: warning: default_agent: key appears twice; the last value is used";
    }

    void diagnostics()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, isError);
        QFETCH(QString, expected);
        const ConfigLoadResult result = parse(json);
        const auto found =
            std::find_if(result.diagnostics.cbegin(), result.diagnostics.cend(),
                         [&](const ConfigDiagnostic &d) { return d.toString() == expected; });
        QVERIFY2(found != result.diagnostics.cend(), qPrintable(describeAll(result.diagnostics)));
        QCOMPARE(found->isError(), isError);
        QCOMPARE(result.isValid(), !isError);
    }

    void everyProblemIsReportedInOnePass()
    {
        const ConfigLoadResult result =
            parse(quoted("{ "
                         "'perfomance': {}, "
                         "'performance': {'llm': {'retry_attempts': -1, 'batch_size': 'x'}}, "
                         "'default_agent': 'nobody', "
                         "'monitoring': {'thresholds': {'cpu_percent': 'high'}} "
                         "}"));
        QCOMPARE(countErrors(result.diagnostics), 4);
        QCOMPARE(countWarnings(result.diagnostics), 1);
        // Sorted by position, as a compiler lists them.
        for (qsizetype i = 1; i < result.diagnostics.size(); ++i)
            QVERIFY(result.diagnostics.at(i - 1).line <= result.diagnostics.at(i).line);
        // Bad values fall back to the defaults, so a reporting caller still has a Config.
        QCOMPARE(result.config.performance.llm.retryAttempts, 3);
    }

    void aBadToolTypeIsReportedOnce()
    {
        const ConfigLoadResult result =
            parse(quoted("{'agents': {'a': {'tools': [{'name': 'fs', 'type': 'mpc'}]}}}"));
        QCOMPARE(countErrors(result.diagnostics), 1);
    }

    // appearance.language names the locale the console speaks; "system" is the desktop's.
    void appearanceLanguageNamesTheLocale_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("default") << QByteArray("{}") << QLocale::system();
        QTest::newRow("en") << QByteArray(R"({"appearance": {"language": "en"}})")
                            << QLocale(QLocale::English, QLocale::UnitedStates);
        QTest::newRow("zh_CN") << QByteArray(R"({"appearance": {"language": "zh_CN"}})")
                               << QLocale(QLocale::Chinese, QLocale::China);
    }
    void appearanceLanguageNamesTheLocale()
    {
        QFETCH(QByteArray, json);
        const ConfigLoadResult loaded = parse(json);
        QVERIFY(loaded.isValid());
        QTEST(loaded.config.appearance.locale(), "locale");
    }

    void whoNeedsAKey_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("baseUrlFromEnvironment");
        QTest::addColumn<bool>("needsKey");
        QTest::newRow("hosted") << "{'base_url': 'https://llm.example.com/v1', 'model': 'm'}"
                                << QString() << true;
        QTest::newRow("localhost")
            << "{'base_url': 'http://localhost:8080/v1', 'model': 'm'}" << QString() << false;
        QTest::newRow("127.0.0.1")
            << "{'base_url': 'http://127.0.0.1:8080/v1', 'model': 'm'}" << QString() << false;
        QTest::newRow("::1") << "{'base_url': 'http://[::1]:8080/v1', 'model': 'm'}" << QString()
                             << false;
        QTest::newRow("local, told to send one")
            << "{'base_url': 'http://127.0.0.1:8080/v1', 'model': 'm', 'needs_key': true}"
            << QString() << true;
        QTest::newRow("hosted, told not to")
            << "{'base_url': 'https://llm.example.com/v1', 'model': 'm', 'needs_key': false}"
            << QString() << false;
        QTest::newRow("moved away by the environment")
            << "{'base_url': 'http://127.0.0.1:8080/v1', 'model': 'm'}"
            << "https://llm.example.com/v1" << true;
        QTest::newRow("moved here by the environment")
            << "{'base_url': 'https://llm.example.com/v1', 'model': 'm'}"
            << "http://localhost:8000/v1" << false;
    }
    void whoNeedsAKey()
    {
        QFETCH(QString, json);
        QFETCH(QString, baseUrlFromEnvironment);
        QFETCH(bool, needsKey);
        QProcessEnvironment env;
        if (!baseUrlFromEnvironment.isEmpty())
            env.insert(QStringLiteral("MINE_BASE_URL"), baseUrlFromEnvironment);
        const std::string text = "{'providers': {'mine': " + json.toStdString() + "}}";
        const ConfigLoadResult result = parse(quoted(text.c_str()), env);
        QVERIFY2(result.isValid(), qPrintable(describeAll(result.diagnostics)));
        QCOMPARE(result.config.provider(u"mine")->needsKey, needsKey);
    }

    void environmentOverrides()
    {
        const QProcessEnvironment env = environment({
            {"OPENAI_API_KEY", "sk-proj-abcdefghijklmnopqrstuvwxyz123456"},
            {"ANTHROPIC_API_KEY", "sk-ant-0123456789abcdef0123456789"},
            {"ANTHROPIC_MODEL", "claude-opus-4"},
            {"MY_VLLM_BASE_URL", "http://10.0.0.5:8000/v1"},
            {"LOG_LEVEL", "DEBUG"},
            {"LOG_FORMAT", "json"},
        });
        const ConfigLoadResult result = parse(quoted("{'providers': {'my-vllm': {'base_url': "
                                                     "'http://localhost:8000/v1', 'model': 'q'}}}"),
                                              env);
        QVERIFY2(result.isValid(), qPrintable(describeAll(result.diagnostics)));
        const Config &c = result.config;
        const ProviderConfig *openai = c.provider(u"openai");
        QVERIFY(openai); // known provider, present through its key alone
        QVERIFY(!openai->fromFile);
        QCOMPARE(openai->apiKey.reveal(),
                 QStringLiteral("sk-proj-abcdefghijklmnopqrstuvwxyz123456"));
        QCOMPARE(openai->apiKey.masked(), QStringLiteral("sk-****56"));
        const ProviderConfig *anthropic = c.provider(u"anthropic");
        QVERIFY(anthropic);
        QCOMPARE(anthropic->type, ProviderType::Anthropic);
        QCOMPARE(anthropic->model, QStringLiteral("claude-opus-4"));
        QVERIFY(anthropic->overriddenBy.contains(QStringLiteral("ANTHROPIC_MODEL")));
        const ProviderConfig *vllm = c.provider(u"my-vllm");
        QCOMPARE(vllm->baseUrl, QStringLiteral("http://10.0.0.5:8000/v1"));
        QCOMPARE(c.logging.level, QStringLiteral("debug"));
        QCOMPARE(c.logging.format, LogFormat::Json);
        QCOMPARE(c.usableProviders().size(), 2); // my-vllm has no key and needs one
        QVERIFY(!c.provider(u"deepseek"));
    }

    void badEnvironmentValues_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("LOG_FORMAT") << "LOG_FORMAT"
                                    << "xml"
                                    << "environment: error: LOG_FORMAT: expected \"text\" or "
                                       "\"json\", got \"xml\"";
        QTest::newRow("LOG_LEVEL") << "LOG_LEVEL"
                                   << "loud"
                                   << "environment: error: LOG_LEVEL: expected one of debug, info, "
                                      "warning, error, critical, got \"loud\"";
        QTest::newRow("base url") << "OPENAI_BASE_URL"
                                  << "ftp://x"
                                  << "environment: error: OPENAI_BASE_URL: expected an http:// or "
                                     "https:// URL, got \"ftp://x\"";
    }

    void badEnvironmentValues()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QProcessEnvironment env;
        env.insert(variable, value);
        const ConfigLoadResult result = parse("{}", env);
        QVERIFY(!result.isValid());
        QTEST(result.diagnostics.first().toString(), "expected");
    }

    void aKeyInTheFileNeverReachesTheConfig()
    {
        const ConfigLoadResult result = parse(
            quoted("{'providers': {'openai': {'api_key': 'sk-from-file-1234567890abcdef'}}}"));
        QVERIFY(result.isValid());
        QVERIFY(result.config.provider(u"openai")->apiKey.isEmpty());
    }

    void fileLocations()
    {
        QTemporaryDir dir;
        const QProcessEnvironment none;
        // A named file that is missing is an error; the default location may be missing.
        ConfigLoadResult named =
            ConfigLoader::load(ConfigLocation{dir.filePath(QStringLiteral("nope.json")),
                                              ConfigLocation::Source::CommandLine},
                               none);
        QVERIFY(!named.isValid());
        QVERIFY(named.diagnostics.first().toString().endsWith(
            QStringLiteral("error: no such file (named by --config)")));
        ConfigLoadResult fromEnv =
            ConfigLoader::load(ConfigLocation{dir.filePath(QStringLiteral("nope.json")),
                                              ConfigLocation::Source::Environment},
                               none);
        QVERIFY(fromEnv.diagnostics.first().message.contains(QStringLiteral("SPOON_CONFIG")));
        ConfigLoadResult implicit =
            ConfigLoader::load(ConfigLocation{dir.filePath(QStringLiteral("nope.json")),
                                              ConfigLocation::Source::UserConfigFolder},
                               none);
        QVERIFY(implicit.isValid());
        QVERIFY(!implicit.found);
        QCOMPARE(implicit.config.performance.llm.batchSize, 5);

        ConfigLoadResult folder = ConfigLoader::load(
            ConfigLocation{dir.path(), ConfigLocation::Source::CommandLine}, none);
        QVERIFY(!folder.isValid());
        QVERIFY(folder.diagnostics.first().message.contains(QStringLiteral("directory")));
    }

    // What is not a regular file is refused before it is opened: a device never ends, and a
    // FIFO with no writer would block the open itself. A regular file is read up to the cap.
    void onlyARegularFileOfBoundedSizeIsRead_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("said");
        QTest::newRow("/dev/zero") << "device"
                                   << "is not a regular file";
        QTest::newRow("FIFO") << "fifo"
                              << "is not a regular file";
        QTest::newRow("17 MB") << "large"
                               << "is larger than 16777216 bytes";
    }
    void onlyARegularFileOfBoundedSizeIsRead()
    {
        QFETCH(QString, kind);
        QFETCH(QString, said);
        QTemporaryDir dir;
        QString path = QStringLiteral("/dev/zero");
        if (kind == QLatin1String("fifo")) {
            path = dir.filePath(QStringLiteral("config.fifo"));
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (kind == QLatin1String("large")) {
            path = dir.filePath(QStringLiteral("large.json"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(17 * 1024 * 1024)); // sparse: cheap to make
        }
        const ConfigLoadResult result = ConfigLoader::load(
            ConfigLocation{path, ConfigLocation::Source::CommandLine}, QProcessEnvironment());
        QVERIFY(!result.isValid());
        QVERIFY2(result.diagnostics.first().message.contains(said),
                 qPrintable(describeAll(result.diagnostics)));
    }

    void locationPrecedence()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SPOON_CONFIG"), QStringLiteral("/etc/spoon.json"));
        QCOMPARE(locateConfig(QStringLiteral("/a.json"), env).path, QStringLiteral("/a.json"));
        QCOMPARE(locateConfig(QString(), env).path, QStringLiteral("/etc/spoon.json"));
        QCOMPARE(locateConfig(QString(), env).source, ConfigLocation::Source::Environment);
        const ConfigLocation fallback = locateConfig(QString(), QProcessEnvironment());
        QCOMPARE(fallback.source, ConfigLocation::Source::UserConfigFolder);
        QVERIFY(fallback.path.endsWith(QStringLiteral("/spoon-console/config.json")));
    }

    void exampleConfigIsValidAndShowsEveryKey()
    {
        QFile file(QStringLiteral(SPOON_SOURCE_DIR "/examples/config.example.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        const ConfigLoadResult result = parse(json);
        // Valid; its only remarks are the keys that have no effect yet, which it shows too.
        QVERIFY2(result.isValid(), qPrintable(describeAll(result.diagnostics)));
        for (const ConfigDiagnostic &d : result.diagnostics)
            QVERIFY2(d.message.startsWith(QStringLiteral("has no effect yet")),
                     qPrintable(d.toString()));

        QStringList wanted;
        schema::forEachLeaf(schema::configSchema(), [&](const QString &path, const schema::Node &) {
            wanted.append(path);
        });
        QSet<QString> shown;
        documentPaths(schema::configSchema(), QJsonDocument::fromJson(json).object(), QString(),
                      shown);
        for (const QString &path : std::as_const(wanted))
            QVERIFY2(shown.contains(path), qPrintable(path + QStringLiteral(" is missing")));
    }

    void fuzzedInputNeverCrashes()
    {
        // Cheap mutation pass over the example; the libFuzzer target goes further.
        QFile file(QStringLiteral(SPOON_SOURCE_DIR "/examples/config.example.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QRandomGenerator random(7);
        for (int i = 0; i < 2000; ++i) {
            QByteArray mutated = json;
            for (int edits = 0; edits < 3; ++edits) {
                const int at = random.bounded(int(mutated.size()));
                switch (random.bounded(3)) {
                case 0:
                    mutated[at] = char(random.bounded(256));
                    break;
                case 1:
                    mutated.remove(at, random.bounded(1, 20));
                    break;
                default:
                    mutated.insert(at, "{\"x\":[");
                }
            }
            const ConfigLoadResult result = parse(mutated);
            // Whatever the damage, each problem has a place and says what is wrong.
            for (const ConfigDiagnostic &d : result.diagnostics) {
                QVERIFY(d.line >= 0);
                QVERIFY2(!d.message.trimmed().isEmpty(), qPrintable(d.toString()));
            }
        }
    }
};

SPOON_TEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
