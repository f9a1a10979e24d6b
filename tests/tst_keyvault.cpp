// Keys in a real Secret Service: ctest runs this under dbus-run-session with
// gnome-keyring-daemon and an unlocked keyring in a throwaway home (support/with-keyring.sh).
#include "config/configloader.h"
#include "config/keyvault.h"
#include "engine.h"
#include "llm/llmrouter.h"
#include "llm/providerclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

#include "support/consolerun.h"
#include "support/testenvironment.h"

using namespace spoon;
using namespace Qt::StringLiterals;

namespace {

const QString kService = u"spoon-console-test"_s;

KeyVault::Result wait(const std::function<void(KeyVault::Callback)> &start)
{
    KeyVault::Result result;
    bool done = false;
    start([&](const KeyVault::Result &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20'000))
        result.errorString = u"no answer from the keychain"_s;
    return result;
}

Config configWithProviders(const QProcessEnvironment &env)
{
    const ConfigLoadResult loaded =
        ConfigLoader::parse("{\"providers\": {"
                            "\"local\": {\"base_url\": \"http://127.0.0.1:9/v1\", \"model\": "
                            "\"m\", \"needs_key\": true},"
                            "\"other\": {\"base_url\": \"http://127.0.0.1:9/v1\", \"model\": "
                            "\"m\", \"needs_key\": true}},"
                            "\"llm_settings\": {\"default_provider\": \"local\"}}",
                            u"test.json"_s, env);
    return loaded.config;
}

} // namespace

class TestKeyVault : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("SPOON_TEST_PRIVATE_BUS") != "1"_L1)
            QSKIP("needs the private bus and keyring ctest starts (support/with-keyring.sh)");
    }

    void aKeyIsStoredReadAndForgotten()
    {
        KeyVault vault(kService);
        const Secret key(u"sk-vault-0123456789abcdefghij"_s);
        const auto written = wait([&](auto done) { vault.write(u"local"_s, key, done); });
        QVERIFY2(written.ok(), qPrintable(written.errorString));
        const auto read = wait([&](auto done) { vault.read(u"local"_s, done); });
        QVERIFY2(read.ok(), qPrintable(read.errorString));
        QCOMPARE(read.key.reveal(), key.reveal());

        const auto removed = wait([&](auto done) { vault.remove(u"local"_s, done); });
        QVERIFY2(removed.ok(), qPrintable(removed.errorString));
        const auto gone = wait([&](auto done) { vault.read(u"local"_s, done); });
        QCOMPARE(gone.status, KeyVault::Status::NotFound);
        QVERIFY(gone.key.isEmpty());
        // Forgetting what is not there is not an error.
        QVERIFY(wait([&](auto done) { vault.remove(u"local"_s, done); }).ok());
    }

    void commandsReadTheKeychainAndTheEnvironmentWins()
    {
        KeyVault vault(kService);
        QVERIFY(wait([&](auto done) {
                    vault.write(u"local"_s, Secret(u"sk-from-keychain-0123456789"_s), done);
                }).ok());
        QVERIFY(wait([&](auto done) {
                    vault.write(u"other"_s, Secret(u"sk-other-keychain-0123456789"_s), done);
                }).ok());
        QProcessEnvironment env;
        env.insert(u"OTHER_API_KEY"_s, u"sk-from-environment-0123456789"_s);
        Config config = configWithProviders(env);
        readKeychainKeysNow(config, vault, 20'000);
        QCOMPARE(config.provider(u"local")->apiKey.reveal(), u"sk-from-keychain-0123456789"_s);
        QCOMPARE(config.provider(u"local")->keySource, ProviderConfig::KeySource::Keychain);
        QCOMPARE(config.provider(u"other")->apiKey.reveal(), u"sk-from-environment-0123456789"_s);
        QCOMPARE(config.provider(u"other")->keySource, ProviderConfig::KeySource::Environment);
        wait([&](auto done) { vault.remove(u"local"_s, done); });
        wait([&](auto done) { vault.remove(u"other"_s, done); });
    }

    // system-info, its health advice and check-config find keys where `ask` does, and say
    // where each came from. The console reads its own service, in this test's keyring.
    void diagnosticsFindKeysWhereAskDoes()
    {
        KeyVault vault;
        QVERIFY(wait([&](auto done) {
                    vault.write(u"local"_s, Secret(u"sk-Qw7rT2yU9iO4pA6sD8fG3hJ"_s), done);
                }).ok());
        QTemporaryDir dir;
        const QString config = test::writeFile(
            dir, u"config.json"_s,
            "{\"providers\": {"
            "\"local\": {\"base_url\": \"http://127.0.0.1:9/v1\", \"model\": \"m\", \"needs_key\": "
            "true},"
            "\"other\": {\"base_url\": \"http://127.0.0.1:9/v1\", \"model\": \"m\", \"needs_key\": "
            "true}},"
            "\"llm_settings\": {\"default_provider\": \"local\"}}");
        QProcessEnvironment env;
        env.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(u"OTHER_API_KEY"_s, u"sk-from-environment-0123456789"_s);

        const test::ConsoleRun json =
            test::runConsole({u"--config"_s, config, u"system-info"_s, u"--json"_s}, env);
        SPOON_COMPARE_EXIT(json, 0);
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(report[u"llm"_s][u"default_provider"_s].toString(), u"local"_s);
        QCOMPARE(report[u"llm"_s][u"demo_endpoint"_s].toBool(), false);
        QHash<QString, QJsonObject> providers;
        for (const QJsonValue &p : report[u"providers"_s].toArray())
            providers.insert(p[u"name"_s].toString(), p.toObject());
        QCOMPARE(providers[u"local"_s][u"api_key_set"_s].toBool(), true);
        QCOMPARE(providers[u"local"_s][u"usable"_s].toBool(), true);
        QCOMPARE(providers[u"local"_s][u"api_key_source"_s].toString(), u"keychain"_s);
        QCOMPARE(providers[u"other"_s][u"api_key_source"_s].toString(), u"environment"_s);
        for (const QJsonValue &check : report[u"health"_s][u"checks"_s].toArray()) {
            if (check[u"id"_s].toString().endsWith(u"provider"_s))
                QVERIFY2(check[u"passed"_s].toBool(), qPrintable(check[u"message"_s].toString()));
        }

        const test::ConsoleRun text =
            test::runConsole({u"--config"_s, config, u"system-info"_s}, env);
        SPOON_COMPARE_EXIT(text, 0);
        QVERIFY2(text.out.contains(u"key from the keychain (sk-"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"key from OTHER_API_KEY (environment, sk-"_s),
                 qPrintable(text.out));
        QVERIFY(!text.out.contains(u"not usable"_s));
        QVERIFY(!text.out.contains(u"demo endpoint"_s));

        const test::ConsoleRun checked =
            test::runConsole({u"--config"_s, config, u"check-config"_s}, env);
        SPOON_COMPARE_EXIT(checked, 0);
        QVERIFY2(checked.out.contains(u"providers.local: key from the keychain (sk-"_s),
                 qPrintable(checked.out));
        QVERIFY2(checked.out.contains(u"providers.other: key from OTHER_API_KEY (environment"_s),
                 qPrintable(checked.out));
        for (const test::ConsoleRun *run : {&json, &text, &checked})
            QCOMPARE(test::leakedPieceOf(u"sk-Qw7rT2yU9iO4pA6sD8fG3hJ"_s, run->out + run->err),
                     QString());
        wait([&](auto done) { vault.remove(u"local"_s, done); });
    }

    void theConsoleGetsItsKeysAfterStart()
    {
        KeyVault vault(kService);
        QVERIFY(wait([&](auto done) {
                    vault.write(u"local"_s, Secret(u"sk-late-key-0123456789abcd"_s), done);
                }).ok());
        Engine engine(configWithProviders(QProcessEnvironment()));
        QVERIFY(!engine.llm().client(u"local"_s)->hasCredentials());
        QSignalSpy changed(&engine, &Engine::providersChanged);
        engine.readKeychainKeys(vault);
        QVERIFY(changed.wait(20'000));
        QVERIFY(engine.llm().client(u"local"_s)->hasCredentials());
        QCOMPARE(engine.config().provider(u"local")->keySource,
                 ProviderConfig::KeySource::Keychain);
        QVERIFY(!engine.usesDemoEndpoint());
        wait([&](auto done) { vault.remove(u"local"_s, done); });
    }
};

SPOON_TEST_GUILESS_MAIN(TestKeyVault)
#include "tst_keyvault.moc"
