// Keys in a real Secret Service: ctest runs this under dbus-run-session with
// gnome-keyring-daemon and an unlocked keyring in a throwaway home (support/with-keyring.sh).
#include "config/configloader.h"
#include "config/keyvault.h"
#include "engine.h"
#include "llm/llmrouter.h"
#include "llm/providerclient.h"

#include <QSignalSpy>
#include <QtTest>

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
