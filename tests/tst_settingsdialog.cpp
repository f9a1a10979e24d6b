// File > Settings, driven offscreen as a new user would: add a provider that points at a
// local server, test it, pick its model, give a key, save, and chat through it.
#include "agent/agentcatalog.h"
#include "agent/reactagent.h"
#include "chat/chatpane.h"
#include "chat/modelswitcher.h"
#include "config/configbuilder.h"
#include "config/configloader.h"
#include "config/keyvault.h"
#include "engine.h"
#include "llm/demoserver.h"
#include "llm/llmrouter.h"
#include "mainwindow.h"
#include "settings/agentspage.h"
#include "settings/appearancepage.h"
#include "settings/monitoringpage.h"
#include "settings/providerspage.h"
#include "settings/settingsdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "appinfo.h"
#include "dashboardpane.h"
#include "elidedlabel.h"
#include "support/testenvironment.h"
#include "theme.h"
#include "trayicon.h"

using namespace spoon;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kConfig = R"({
  "providers": {"openai": {"model": "gpt-4.1-mini"}},
  "performance": {"llm": {"cache_size": 123}},
  "monitoring": {"sample_interval_ms": 500}
})";

const char kTypedKey[] = "sk-typed-in-settings-0123456789";

// A console on a config file of its own, with Settings ready to open.
struct Console
{
    Console()
    {
        path = dir.filePath(u"config.json"_s);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(kConfig);
        file.close();
        const ConfigLoadResult loaded =
            ConfigLoader::load(ConfigLocation{path, ConfigLocation::Source::CommandLine}, {});
        engine = std::make_unique<Engine>(loaded.config);
        engine->ensureLlmEndpoint();
        window = std::make_unique<MainWindow>(*engine);
        window->setSettingsSource(ConfigLocation{path, ConfigLocation::Source::CommandLine}, &vault,
                                  QProcessEnvironment());
        demo.setTokensPerSecond(0); // answers at once
        demo.listen();
    }

    SettingsDialog *open()
    {
        QAction *action = window->findChild<QAction *>(u"settingsAction"_s);
        if (!action)
            return nullptr;
        action->trigger();
        auto *dialog = window->findChild<SettingsDialog *>(u"settingsDialog"_s);
        if (dialog)
            page = dialog->providersPage();
        return dialog;
    }

    template <typename T> T *field(const char *name) const
    {
        return page->findChild<T *>(QLatin1String(name));
    }

    void addLocalProvider(const QString &baseUrl)
    {
        auto *add = field<QPushButton>("addProvider");
        add->menu()->actions().first()->trigger(); // "OpenAI-compatible ..."
        auto *url = field<QLineEdit>("providerBaseUrl");
        url->selectAll();
        QTest::keyClicks(url, baseUrl);
    }

    // The demo server as provider "local", the default, with `retries` retries.
    void useLocalProvider(int retries)
    {
        QJsonObject entry{{u"base_url"_s, QString(demo.baseUrl() + u"/v1"_s)},
                          {u"model"_s, u"spoon-demo"_s},
                          {u"retry_attempts"_s, QJsonValue(retries)}};
        QList<ProviderConfig> providers{
            configbuild::provider(u"local"_s, entry, engine->config().performance)};
        LlmSettings llm = engine->config().llm;
        llm.defaultProvider = u"local"_s;
        engine->setLlmSettings(providers, llm);
    }

    void send(const QString &text)
    {
        auto *input = window->chat()->findChild<QPlainTextEdit *>(u"messageInput"_s);
        input->setPlainText(text);
        QTest::mouseClick(window->chat()->findChild<QPushButton *>(u"sendButton"_s),
                          Qt::LeftButton);
    }

    bool waitForTheTurnToEnd() const
    {
        auto *send = window->chat()->findChild<QPushButton *>(u"sendButton"_s);
        return QTest::qWaitFor([send] { return send->property("busy") == false; }, 20'000);
    }

    QByteArray fileBytes() const
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QJsonObject file() const { return QJsonDocument::fromJson(fileBytes()).object(); }

    bool save(SettingsDialog *dialog) const
    {
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QSignalSpy saved(dialog, &SettingsDialog::saved);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
        return saved.size() == 1;
    }

    QTemporaryDir dir;
    QString path;
    DemoServer demo;
    KeyVault vault{u"spoon-console-test"_s};
    std::unique_ptr<Engine> engine;
    std::unique_ptr<MainWindow> window;
    ProvidersPage *page = nullptr;
};

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aNewUserAddsALocalServerTestsItAndChats()
    {
        Console c;
        QVERIFY(c.engine->usesDemoEndpoint());
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        const QString baseUrl = c.demo.baseUrl() + u"/v1"_s;
        c.addLocalProvider(baseUrl);
        QCOMPARE(c.field<QLineEdit>("providerName")->text(), u"local"_s);
        // A server on this machine needs no key unless told otherwise; this one is told.
        QVERIFY(!c.field<QCheckBox>("providerNeedsKey")->isChecked());
        c.field<QCheckBox>("providerNeedsKey")->click(); // as the user does
        QTest::keyClicks(c.field<QLineEdit>("providerKey"), QLatin1String(kTypedKey));

        QSignalSpy tested(c.page, &ProvidersPage::connectionTested);
        QTest::mouseClick(c.field<QPushButton>("testConnection"), Qt::LeftButton);
        QVERIFY(tested.wait(10'000));
        QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(tested.at(0).at(2).toString()));
        auto *model = c.field<QComboBox>("providerModel");
        QVERIFY(model->findText(u"spoon-demo"_s) >= 0);
        QCOMPARE(model->currentText(), u"spoon-demo"_s);
        QVERIFY(c.field<QLabel>("testResult")->text().contains(u"Connected"_s));
        QCOMPARE(c.demo.requestsServed(), 1);

        auto *defaultProvider = c.field<QComboBox>("defaultProvider");
        const int local = defaultProvider->findData(u"local"_s);
        QVERIFY(local > 0);
        defaultProvider->setCurrentIndex(local);
        Q_EMIT defaultProvider->activated(local);

        QSignalSpy keys(dialog, &SettingsDialog::keysStored);
        QVERIFY(c.save(dialog));
        // The file: the provider and the default, every other key as it was, never the key.
        const QJsonObject saved = c.file();
        QCOMPARE(saved[u"providers"][u"local"][u"base_url"].toString(), baseUrl);
        QCOMPARE(saved[u"providers"][u"local"][u"model"].toString(), u"spoon-demo"_s);
        QCOMPARE(saved[u"providers"][u"local"][u"needs_key"], QJsonValue(true));
        QCOMPARE(saved[u"providers"][u"openai"][u"model"].toString(), u"gpt-4.1-mini"_s);
        QCOMPARE(saved[u"llm_settings"][u"default_provider"].toString(), u"local"_s);
        QCOMPARE(saved[u"performance"][u"llm"][u"cache_size"].toInt(), 123);
        QCOMPARE(saved[u"monitoring"][u"sample_interval_ms"].toInt(), 500);
        QVERIFY(!c.fileBytes().contains(kTypedKey));
        QVERIFY(!c.fileBytes().contains("api_key"));

        // No keychain runs for this test: the dialog says so, and the key still works now.
        QVERIFY(keys.wait(20'000));
        QVERIFY(!keys.at(0).at(0).toString().isEmpty());
        QVERIFY(dialog->lastError().contains(u"keychain"_s));

        QCOMPARE(c.engine->llm().defaultProvider(), u"local"_s);
        QVERIFY(!c.engine->usesDemoEndpoint());
        auto *notice = c.window->chat()->findChild<QLabel *>(u"endpointNotice"_s);
        QVERIFY(notice);
        QVERIFY(notice->text().contains(u"spoon-demo"_s));
        QVERIFY(notice->text().contains(u"local"_s));

        auto *input = c.window->chat()->findChild<QPlainTextEdit *>(u"messageInput"_s);
        input->setPlainText(u"Hello from settings"_s);
        QTest::mouseClick(c.window->chat()->findChild<QPushButton *>(u"sendButton"_s),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(c.demo.requestsServed() >= 2, 20'000);
        QVERIFY(c.waitForTheTurnToEnd()); // a turn cut short by the test's end leaks its frame
    }

    void theModelSwitcherOffersTheServersModelsAndRoutesToThem()
    {
        Console c;
        c.useLocalProvider(0);
        auto *switcher = c.window->chat()->findChild<ModelSwitcher *>(u"modelSwitcher"_s);
        QVERIFY(switcher);
        QCOMPARE(switcher->itemText(0), u"Default model"_s);
        QVERIFY(switcher->findData(QStringList{u"local"_s, u"spoon-demo"_s}) > 0);
        QSignalSpy listed(switcher, &ModelSwitcher::modelsListed);
        switcher->showPopup();
        QVERIFY(listed.wait(10'000));
        switcher->hidePopup();
        QCOMPARE(c.demo.requestsServed(), 1); // GET /v1/models
        const int chosen = switcher->findData(QStringList{u"local"_s, u"spoon-demo"_s});
        switcher->setCurrentIndex(chosen);
        Q_EMIT switcher->activated(chosen);
        c.send(u"Which model?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(c.demo.requestsServed() >= 2, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(
            c.window->chat()->findChild<QPushButton *>(u"sendButton"_s)->text(), u"Send"_s, 20'000);
        auto *answeredBy = c.window->chat()->findChild<ElidedLabel *>(u"answeredBy"_s);
        QVERIFY(answeredBy);
        QVERIFY2(answeredBy->text().contains(u"local"_s), qPrintable(answeredBy->text()));
    }

    void aFailedAnswerSaysWhatToCheckAndRetries()
    {
        Console c;
        c.demo.addFault(*DemoFault::parse(u"status=401,times=1"_s));
        c.useLocalProvider(0);
        auto *retry = c.window->chat()->findChild<QPushButton *>(u"retryButton"_s);
        QVERIFY(retry);
        QVERIFY(retry->isHidden());
        c.send(u"Hello"_s);
        auto *status = c.window->chat()->findChild<ElidedLabel *>(u"chatStatus"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->property("error").toBool(), 20'000);
        QVERIFY2(status->text().contains(u"Check the API key in Settings > Providers"_s),
                 qPrintable(status->text()));
        QVERIFY(!retry->isHidden());
        const int served = c.demo.requestsServed();
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(c.demo.requestsServed() > served, 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(!status->property("error").toBool() &&
                                     status->text().startsWith(u"Answered"_s),
                                 20'000);
        QVERIFY(retry->isHidden());
    }

    void anOutsideEditReloadsOrSaysWhatIsWrong()
    {
        Console c;
        QSignalSpy providers(c.engine.get(), &Engine::providersChanged);
        QSaveFile edit(c.path);
        QVERIFY(edit.open(QIODevice::WriteOnly));
        edit.write(QStringLiteral(R"({"providers": {"local": {"base_url": "%1/v1",
                                      "model": "spoon-demo"}}})")
                       .arg(c.demo.baseUrl())
                       .toUtf8());
        QVERIFY(edit.commit());
        QVERIFY(providers.wait(10'000));
        QCOMPARE(c.engine->llm().defaultProvider(), u"local"_s);
        QVERIFY(!c.engine->usesDemoEndpoint());

        QSaveFile broken(c.path);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"providers\": {\"local\": {\"base_url\": \"http://127.0.0.1:9/v1\", "
                     "\"model\": \"m\", \"timeout\": -5}}}");
        QVERIFY(broken.commit());
        QTRY_VERIFY2_WITH_TIMEOUT(
            c.window->statusBar()->currentMessage().contains(u"providers.local.timeout"_s),
            qPrintable(c.window->statusBar()->currentMessage()), 10'000);
        QCOMPARE(c.engine->llm().defaultProvider(), u"local"_s); // kept as it was
    }

    void aBadValueIsMarkedAtItsFieldAndNotSaved()
    {
        Console c;
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        c.addLocalProvider(u"ftp://example.com/v1"_s);
        QTest::keyClicks(c.field<QComboBox>("providerModel")->lineEdit(), u"llama"_s);
        QVERIFY(!c.save(dialog));
        auto *url = c.field<QLineEdit>("providerBaseUrl");
        QVERIFY(url->property("invalid").toBool());
        QVERIFY(!url->toolTip().isEmpty());
        auto *error = c.field<QLabel>("fieldError");
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(u"providers.local.base_url"_s), qPrintable(error->text()));
        QVERIFY(dialog->lastError().contains(u"providers.local.base_url"_s));
        QCOMPARE(c.fileBytes(), kConfig);
        QVERIFY(c.engine->usesDemoEndpoint());
    }

    void aMissingModelIsMarkedAtItsField()
    {
        Console c;
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        c.addLocalProvider(u"http://127.0.0.1:8080/v1"_s);
        QVERIFY(!c.save(dialog));
        QVERIFY(c.field<QComboBox>("providerModel")->property("invalid").toBool());
        QCOMPARE(c.fileBytes(), kConfig);
    }

    void aFailedTestSaysWhatToCheck()
    {
        Console c;
        QString closed;
        {
            DemoServer gone;
            gone.listen();
            closed = gone.baseUrl() + u"/v1"_s;
        }
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        c.addLocalProvider(closed);
        QSignalSpy tested(c.page, &ProvidersPage::connectionTested);
        QTest::mouseClick(c.field<QPushButton>("testConnection"), Qt::LeftButton);
        QVERIFY(tested.wait(10'000));
        QVERIFY(!tested.at(0).at(0).toBool());
        const QString shown = c.field<QLabel>("testResult")->text();
        QVERIFY2(shown.contains(u"is the server running?"_s), qPrintable(shown));
        QVERIFY(shown.contains(closed));
    }

    void renamingAProviderRenamesItsRouteAndRefusesATakenName()
    {
        Console c;
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        c.addLocalProvider(c.demo.baseUrl() + u"/v1"_s);
        QTest::keyClicks(c.field<QComboBox>("providerModel")->lineEdit(), u"spoon-demo"_s);
        auto *defaultProvider = c.field<QComboBox>("defaultProvider");
        const int local = defaultProvider->findData(u"local"_s);
        defaultProvider->setCurrentIndex(local);
        Q_EMIT defaultProvider->activated(local);
        auto *name = c.field<QLineEdit>("providerName");
        name->selectAll();
        QTest::keyClicks(name, u"openai"_s); // taken
        QSignalSpy tested(c.page, &ProvidersPage::connectionTested);
        QTest::mouseClick(c.field<QPushButton>("testConnection"), Qt::LeftButton); // takes the form
        QVERIFY(!c.field<QLabel>("fieldError")->isHidden());
        QVERIFY(c.field<QLabel>("fieldError")->text().contains(u"already called openai"_s));
        QCOMPARE(name->text(), u"local"_s);
        QVERIFY(tested.wait(10'000));
        name->selectAll();
        QTest::keyClicks(name, u"my-llama"_s);
        QVERIFY(c.save(dialog));
        QCOMPARE(c.file()[u"llm_settings"][u"default_provider"].toString(), u"my-llama"_s);
        QVERIFY(c.file()[u"providers"].toObject().contains(u"my-llama"));
        QVERIFY(!c.file()[u"providers"].toObject().contains(u"local"));
        QCOMPARE(c.engine->llm().defaultProvider(), u"my-llama"_s);
    }

    // After Save the page shows the provider as saved: the name fixed, looking so and saying
    // why (typing into it did nothing), and the key hint naming the saved name's variable and
    // where the key went (it still named LOCAL_API_KEY and said "No key yet").
    void afterSaveTheProviderShowsAsSaved()
    {
        Console c;
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        c.addLocalProvider(c.demo.baseUrl() + u"/v1"_s);
        QTest::keyClicks(c.field<QComboBox>("providerModel")->lineEdit(), u"spoon-demo"_s);
        auto *name = c.field<QLineEdit>("providerName");
        QVERIFY(!name->isReadOnly());
        QVERIFY(c.field<QLabel>("providerNameNote")->isHidden());
        name->selectAll();
        QTest::keyClicks(name, u"cloudy"_s);
        c.field<QCheckBox>("providerNeedsKey")->click();
        QTest::keyClicks(c.field<QLineEdit>("providerKey"), QLatin1String(kTypedKey));
        QSignalSpy keys(dialog, &SettingsDialog::keysStored);
        QVERIFY(c.save(dialog));
        QVERIFY(keys.size() == 1 || keys.wait(20'000)); // no keychain runs for this test
        QCOMPARE(name->text(), u"cloudy"_s);
        QVERIFY(name->isReadOnly());
        QVERIFY(!name->hasFrame());
        QVERIFY(!c.field<QLabel>("providerNameNote")->isHidden());
        QVERIFY(!c.field<QLabel>("providerNameNote")->text().isEmpty());
        const QString hint = c.field<QLabel>("providerKeySource")->text();
        QVERIFY2(!hint.contains(u"LOCAL_API_KEY"_s), qPrintable(hint));
        QVERIFY2(hint.contains(u"CLOUDY_API_KEY"_s), qPrintable(hint));
        QVERIFY2(!hint.startsWith(u"No key yet"_s), qPrintable(hint));
        QVERIFY(c.field<QLineEdit>("providerKey")->text().isEmpty());
    }

    void removingAProviderKeepsTheRest()
    {
        Console c;
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        c.page->selectProvider(u"openai"_s);
        QTest::mouseClick(c.field<QPushButton>("removeProvider"), Qt::LeftButton);
        QVERIFY(c.save(dialog));
        QVERIFY(!c.file()[u"providers"].toObject().contains(u"openai"));
        QCOMPARE(c.file()[u"performance"][u"llm"][u"cache_size"].toInt(), 123);
        QVERIFY(!c.engine->config().provider(u"openai"));
    }

    void monitoringValuesAreWrittenOnlyWhenChanged()
    {
        Console c;
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        dialog->showPage(SettingsDialog::Monitoring);
        auto *interval = dialog->monitoringPage()->findChild<QDoubleSpinBox *>(
            u"monitoring.sample_interval_ms"_s);
        QVERIFY(interval);
        QCOMPARE(interval->value(), 500.0);
        interval->setValue(2000);
        auto *cpu = dialog->monitoringPage()->findChild<QDoubleSpinBox *>(
            u"monitoring.thresholds.cpu_percent"_s);
        QVERIFY(cpu);
        QVERIFY(c.save(dialog));
        const QJsonObject saved = c.file();
        QCOMPARE(saved[u"monitoring"][u"sample_interval_ms"], QJsonValue(2000));
        QVERIFY(!saved[u"monitoring"].toObject().contains(u"thresholds")); // untouched: not written
    }

    // A field shows what is set, never rounded to its usual decimals: a 0.05 % threshold
    // shown as 0.1 % contradicts the alert that quotes it.
    void monitoringFieldsShowTheValueAsSet_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("shown");
        QTest::newRow("memory percent") << u"monitoring.thresholds.memory_percent"_s << 0.05;
        QTest::newRow("error rate") << u"monitoring.thresholds.error_rate"_s << 0.05;
        QTest::newRow("response time") << u"monitoring.thresholds.response_time"_s << 0.125;
        QTest::newRow("memory level") << u"performance.memory.warning_threshold"_s << 80.5;
    }

    void monitoringFieldsShowTheValueAsSet()
    {
        QFETCH(QString, field);
        QFETCH(double, shown);
        Config config = Config::defaults();
        config.monitoring.thresholds.memoryPercent = 0.05;
        config.monitoring.thresholds.errorRate = 0.0005;
        config.monitoring.thresholds.responseTime = 0.125;
        config.performance.memoryWarningThreshold = 0.805;
        MonitoringPage page(config);
        auto *box = page.findChild<QDoubleSpinBox *>(field);
        QVERIFY(box);
        QCOMPARE(box->value(), shown);
    }

    // The built-in agent, edited: the file gets it whole (it replaces the built-in one) with
    // the changed keys, and the next conversation's agent has them.
    void anAgentsPromptKeysAndToolsAreSavedAndApplied()
    {
        Console c;
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        dialog->showPage(SettingsDialog::Agents);
        AgentsPage *page = dialog->agentsPage();
        auto *prompt = page->findChild<QPlainTextEdit *>(u"config.system_prompt"_s);
        auto *temperature = page->findChild<QDoubleSpinBox *>(u"config.temperature"_s);
        auto *stream = page->findChild<QCheckBox *>(u"config.stream"_s);
        auto *tools = page->findChild<QListWidget *>(u"agentTools"_s);
        QVERIFY(prompt && temperature && stream && tools);
        QCOMPARE(temperature->value(), 0.7);
        QCOMPARE(tools->count(), 2);
        QVERIFY(prompt->toPlainText().isEmpty());
        prompt->setPlainText(u"Answer in one sentence."_s);
        temperature->setValue(0.25);
        QListWidgetItem *http = tools->findItems(u"http_request"_s, Qt::MatchExactly).value(0);
        QVERIFY(http);
        http->setCheckState(Qt::Unchecked);
        QVERIFY(c.save(dialog));

        const QJsonObject react = c.file()[u"agents"][u"react"].toObject();
        QCOMPARE(react[u"system_prompt"].toString(), u"Answer in one sentence."_s);
        QCOMPARE(react[u"config"][u"temperature"].toDouble(), 0.25);
        QVERIFY(!react[u"config"].toObject().contains(u"stream")); // untouched: not written
        QCOMPARE(react[u"aliases"].toArray(), QJsonArray{u"spoon_react"_s});
        const QJsonArray fileTools = react[u"tools"].toArray();
        QCOMPARE(fileTools.size(), 2);
        QCOMPARE(fileTools[1][u"name"].toString(), u"http_request"_s);
        QCOMPARE(fileTools[1][u"enabled"].toBool(true), false);
        QVERIFY(!fileTools[0].toObject().contains(u"enabled"));
        // The file still checks, and other keys are kept.
        QCOMPARE(c.file()[u"performance"][u"llm"][u"cache_size"].toInt(), 123);

        // Back to 0.7 in the same window: a second Save compares with the file, not with
        // what the window first showed.
        temperature->setValue(0.7);
        QVERIFY(c.save(dialog));
        QCOMPARE(c.file()[u"agents"][u"react"][u"config"][u"temperature"].toDouble(), 0.7);
        temperature->setValue(0.25);
        QVERIFY(c.save(dialog));

        std::unique_ptr<ReactAgent> next(c.engine->agents().create(u"react"_s));
        QVERIFY(next);
        QCOMPARE(next->config().settings.temperature, 0.25);
        QVERIFY(next->systemPrompt().startsWith(u"Answer in one sentence."_s));
        QCOMPARE(next->tools().names(), QStringList{u"system_info"_s});
        // Opened again, the page shows what the file now says.
        QPointer<SettingsDialog> closing(dialog);
        dialog->close();
        QTRY_VERIFY(closing.isNull());
        SettingsDialog *again = c.open();
        QVERIFY(again);
        QCOMPARE(again->agentsPage()->findChild<QDoubleSpinBox *>(u"config.temperature"_s)->value(),
                 0.25);
    }

    // A value the validator refuses is marked at its field, on its agent; nothing is written.
    void anAgentsBadValueIsMarked()
    {
        Console c;
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        auto *description = dialog->agentsPage()->findChild<QLineEdit *>(u"config.description"_s);
        QVERIFY(description);
        const QByteArray before = c.fileBytes();
        // Out of the spin boxes' ranges, so it comes from a document edited by hand.
        QString error;
        ConfigDocument broken;
        QVERIFY(broken.load(c.path, &error));
        broken.setValue({u"agents"_s, u"react"_s, u"config"_s, u"max_steps"_s}, 0);
        ConfigDiagnostics diagnostics;
        QVERIFY(!broken.save(QProcessEnvironment(), &diagnostics, &error));
        QVERIFY(dialog->agentsPage()->showDiagnostics(diagnostics));
        auto *steps = dialog->agentsPage()->findChild<QSpinBox *>(u"config.max_steps"_s);
        QVERIFY(steps->property("invalid").toBool());
        QVERIFY(!steps->toolTip().isEmpty());
        QCOMPARE(c.fileBytes(), before);
        QVERIFY(description->property("invalid").toBool() == false);
    }

    // Appearance: the choices are written only when changed, and the theme applies at Save.
    void theThemeAppliesAtSaveAndTheLanguageIsWritten()
    {
        Console c;
        SettingsDialog *dialog = c.open();
        QVERIFY(dialog);
        dialog->showPage(SettingsDialog::Appearance);
        auto *theme = dialog->appearancePage()->findChild<QComboBox *>(u"appearance.theme"_s);
        auto *language = dialog->appearancePage()->findChild<QComboBox *>(u"appearance.language"_s);
        QVERIFY(theme && language);
        QCOMPARE(theme->currentData().toString(), u"system"_s);
        QVERIFY(c.save(dialog));
        QVERIFY(!c.file().contains(u"appearance"_s)); // nothing changed: nothing written

        theme->setCurrentIndex(theme->findData(u"dark"_s));
        language->setCurrentIndex(language->findData(u"zh_CN"_s));
        QVERIFY(c.save(dialog));
        QCOMPARE(c.file()[u"appearance"][u"theme"].toString(), u"dark"_s);
        QCOMPARE(c.file()[u"appearance"][u"language"].toString(), u"zh_CN"_s);
        QCOMPARE(currentTheme(), Theme::Dark);
        QVERIFY(qApp->palette().color(QPalette::Window).lightness() <
                qApp->palette().color(QPalette::WindowText).lightness());
        QCOMPARE(c.engine->config().appearance.theme, u"dark"_s);

        theme->setCurrentIndex(theme->findData(u"light"_s));
        QVERIFY(c.save(dialog));
        QCOMPARE(currentTheme(), Theme::Light);
        qApp->setStyleSheet(QString()); // the tests after this one run unstyled, as before
        qApp->setPalette(QPalette());
    }

    void withATrayClosingKeepsTheEngineRunning()
    {
        Console c;
        // The answer to "Keep running in the tray?", as a user gave it before.
        QSettings(app::uiStatePath(), QSettings::IniFormat).setValue(u"tray/keepRunning"_s, true);
        c.window->enableTray();
        QVERIFY(c.window->tray());
        QVERIFY(c.window->tray()->toolTip().contains(u"no alert"_s));
        c.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(c.window.get()));
        QVERIFY(!c.window->close()); // hidden, not closed
        QVERIFY(!c.window->isVisible());
        c.useLocalProvider(0);
        c.send(u"still there?"_s); // the engine answers with the window hidden
        QTRY_VERIFY_WITH_TIMEOUT(c.demo.requestsServed() >= 1, 20'000);
        QVERIFY(c.waitForTheTurnToEnd()); // a turn cut short by the test's end leaks its frame
        c.window->quit();
        QVERIFY(!c.window->isVisible());
        QApplication::setQuitOnLastWindowClosed(true);
    }

    void theViewMenuChecksTheShownWindow()
    {
        Console c;
        QList<QAction *> checked;
        for (QAction *action : c.window->findChildren<QAction *>()) {
            if (action->isCheckable() && action != c.window->showDashboardAction())
                checked.append(action);
        }
        QCOMPARE(checked.size(), 5);
        c.window->dashboard()->setTimeWindowIndex(2);
        int on = 0;
        for (QAction *action : checked)
            on += action->isChecked() ? 1 : 0;
        QCOMPARE(on, 1);
        QVERIFY(c.window->findChild<QAction *>(u"settingsAction"_s)->shortcut() ==
                QKeySequence(Qt::CTRL | Qt::Key_Comma));
    }
};

SPOON_TEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
