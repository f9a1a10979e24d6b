#include "providerspage.h"

#include "config/configbuilder.h"
#include "config/configdocument.h"
#include "config/knownproviders.h"
#include "llm/modellister.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

// Optional numbers: the spin box's minimum stands for "not in the file".
void setOptional(QDoubleSpinBox *box, const QJsonValue &value)
{
    box->setValue(value.isDouble() ? value.toDouble() : box->minimum());
}

QJsonValue optionalValue(const QDoubleSpinBox *box)
{
    return box->value() == box->minimum() ? QJsonValue(QJsonValue::Undefined)
                                          : QJsonValue(box->value());
}

void setOrRemove(QJsonObject &entry, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        entry.remove(key);
    else
        entry.insert(key, value);
}

} // namespace

ProvidersPage::ProvidersPage(const ConfigDocument &document, const Config &current, HttpPool &pool,
                             QWidget *parent)
    : QWidget(parent)
    , m_current(current)
    , m_pool(pool)
    , m_list(new QListWidget(this))
{
    const QJsonObject providers = document.value({u"providers"_s}).toObject();
    for (auto it = providers.begin(); it != providers.end(); ++it) {
        Draft draft;
        draft.name = it.key();
        draft.entry = it.value().toObject();
        draft.fromFile = true;
        m_drafts.append(draft);
    }
    // Providers the environment alone brings are shown too: saving one lists it in the file.
    for (const ProviderConfig &provider : current.providers) {
        auto known = std::find_if(m_drafts.begin(), m_drafts.end(),
                                  [&](const Draft &d) { return d.name == provider.name; });
        if (known == m_drafts.end()) {
            m_drafts.append(Draft{provider.name, {}, false, {}, false, {}, {}});
            known = m_drafts.end() - 1;
        }
        known->keySource = provider.keySource;
        known->keyEnv = provider.apiKeyEnv;
    }
    for (Draft &draft : m_drafts) {
        if (draft.keyEnv.isEmpty())
            draft.keyEnv = providerEnvPrefix(draft.name) + "_API_KEY"_L1;
    }
    m_defaultProvider = document.value({u"llm_settings"_s, u"default_provider"_s}).toString();
    for (const QJsonValue &name :
         document.value({u"llm_settings"_s, u"fallback_chain"_s}).toArray())
        m_fallbackChain.append(name.toString());

    m_list->setObjectName(u"providerList"_s);
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(u"addProvider"_s);
    auto *addMenu = new QMenu(add);
    addMenu->addAction(tr("OpenAI-compatible (OpenAI, vLLM, llama.cpp, Ollama, ...)"), this,
                       [this] { addProvider(ProviderType::OpenAiCompatible); });
    addMenu->addAction(tr("Anthropic"), this, [this] { addProvider(ProviderType::Anthropic); });
    add->setMenu(addMenu);
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(u"removeProvider"_s);
    connect(m_remove, &QPushButton::clicked, this, &ProvidersPage::removeCurrent);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto *top = new QHBoxLayout;
    top->addLayout(left, 1);
    top->addWidget(buildForm(), 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(buildRouting());

    refreshList();
    refreshRouting();
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm(); // may refresh the list (a renamed provider): select the new row again
        m_index = row;
        {
            const QSignalBlocker blocker(m_list);
            m_list->setCurrentRow(row);
        }
        loadForm();
    });
    if (!m_drafts.isEmpty())
        m_list->setCurrentRow(0);
    else
        loadForm();
}

ProvidersPage::~ProvidersPage() = default;

QWidget *ProvidersPage::buildForm()
{
    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(u"providerName"_s);
    m_nameNote = new QLabel(m_form);
    m_nameNote->setObjectName(u"providerNameNote"_s);
    m_nameNote->setWordWrap(true);
    m_nameNote->setTextFormat(Qt::PlainText);
    m_type = new QComboBox(m_form);
    m_type->setObjectName(u"providerType"_s);
    m_type->addItem(tr("OpenAI-compatible"), u"openai"_s);
    m_type->addItem(tr("Anthropic"), u"anthropic"_s);
    m_baseUrl = new QLineEdit(m_form);
    m_baseUrl->setObjectName(u"providerBaseUrl"_s);
    m_model = new QComboBox(m_form);
    m_model->setObjectName(u"providerModel"_s);
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_timeout = new QDoubleSpinBox(m_form);
    m_timeout->setObjectName(u"providerTimeout"_s);
    m_timeout->setRange(0, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("default (performance.llm.request_timeout)"));
    m_retries = new QSpinBox(m_form);
    m_retries->setObjectName(u"providerRetries"_s);
    m_retries->setRange(-1, 10);
    m_retries->setSpecialValueText(tr("default (performance.llm.retry_attempts)"));
    m_priceIn = new QDoubleSpinBox(m_form);
    m_priceIn->setObjectName(u"providerPriceIn"_s);
    m_priceOut = new QDoubleSpinBox(m_form);
    m_priceOut->setObjectName(u"providerPriceOut"_s);
    for (QDoubleSpinBox *price : {m_priceIn, m_priceOut}) {
        price->setRange(-0.001, 1e6);
        price->setDecimals(3);
        price->setSpecialValueText(tr("not set"));
    }
    m_needsKey = new QCheckBox(tr("Sends an API key (local servers often need none)"), m_form);
    m_needsKey->setObjectName(u"providerNeedsKey"_s);
    m_key = new QLineEdit(m_form);
    m_key->setObjectName(u"providerKey"_s);
    m_key->setEchoMode(QLineEdit::Password);
    m_keySource = new QLabel(m_form);
    m_keySource->setObjectName(u"providerKeySource"_s);
    m_keySource->setWordWrap(true);
    m_forgetKey = new QPushButton(tr("Forget stored key"), m_form);
    m_forgetKey->setObjectName(u"forgetKey"_s);
    connect(m_forgetKey, &QPushButton::clicked, this, [this] {
        if (Draft *draft = current()) {
            draft->forgetKey = true;
            draft->key = Secret();
            m_key->clear();
            showKeySource();
        }
    });
    m_test = new QPushButton(tr("Test connection"), m_form);
    m_test->setObjectName(u"testConnection"_s);
    connect(m_test, &QPushButton::clicked, this, &ProvidersPage::testConnection);
    m_testResult = new QLabel(m_form);
    m_testResult->setObjectName(u"testResult"_s);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fieldError = new QLabel(m_form);
    m_fieldError->setObjectName(u"fieldError"_s);
    m_fieldError->setWordWrap(true);
    m_fieldError->setProperty("invalid", true);
    m_fieldError->hide();

    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_forgetKey);
    form->addRow(tr("Name"), m_name);
    form->addRow(QString(), m_nameNote);
    form->addRow(tr("Protocol"), m_type);
    form->addRow(tr("Base URL"), m_baseUrl);
    form->addRow(tr("Default model"), m_model);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Retries"), m_retries);
    form->addRow(tr("Price per million input tokens"), m_priceIn);
    form->addRow(tr("Price per million output tokens"), m_priceOut);
    form->addRow(QString(), m_needsKey);
    form->addRow(tr("API key"), keyRow);
    form->addRow(QString(), m_keySource);
    form->addRow(m_test, m_testResult);
    form->addRow(m_fieldError);
    connect(m_needsKey, &QCheckBox::toggled, this, &ProvidersPage::showKeySource);
    connect(m_needsKey, &QCheckBox::clicked, this, [this] { m_needsKeyChosen = true; });
    // Until the user decides, the default follows the address: none for this machine.
    connect(m_baseUrl, &QLineEdit::textEdited, this, [this](const QString &url) {
        const Draft *draft = current();
        if (draft && !m_needsKeyChosen && !draft->entry.contains("needs_key"_L1))
            m_needsKey->setChecked(configbuild::needsKeyByDefault(draft->name, url.trimmed()));
    });
    return m_form;
}

QWidget *ProvidersPage::buildRouting()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    m_default = new QComboBox(box);
    m_default->setObjectName(u"defaultProvider"_s);
    connect(m_default, &QComboBox::activated, this,
            [this] { m_defaultProvider = m_default->currentData().toString(); });
    m_fallbacks = new QListWidget(box);
    m_fallbacks->setObjectName(u"fallbackChain"_s);
    m_fallbacks->setMaximumHeight(m_fallbacks->fontMetrics().height() * 6);
    connect(m_fallbacks, &QListWidget::itemChanged, this, [this] {
        m_fallbackChain.clear();
        for (int i = 0; i < m_fallbacks->count(); ++i) {
            if (m_fallbacks->item(i)->checkState() == Qt::Checked)
                m_fallbackChain.append(m_fallbacks->item(i)->text());
        }
    });
    auto *up = new QPushButton(tr("Up"), box);
    up->setObjectName(u"fallbackUp"_s);
    auto *down = new QPushButton(tr("Down"), box);
    down->setObjectName(u"fallbackDown"_s);
    connect(up, &QPushButton::clicked, this, [this] { moveFallback(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveFallback(1); });
    auto *order = new QVBoxLayout;
    order->addWidget(up);
    order->addWidget(down);
    order->addStretch();
    auto *chain = new QHBoxLayout;
    chain->addWidget(m_fallbacks, 1);
    chain->addLayout(order);
    form->addRow(tr("Default provider"), m_default);
    form->addRow(tr("When it fails, try (in order)"), chain);
    return box;
}

ProvidersPage::Draft *ProvidersPage::current()
{
    return m_index >= 0 && m_index < m_drafts.size() ? &m_drafts[m_index] : nullptr;
}

void ProvidersPage::refreshList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Draft &draft : std::as_const(m_drafts)) {
        auto *item = new QListWidgetItem(draft.name, m_list);
        if (!draft.fromFile)
            item->setToolTip(tr("From the environment; saving lists it in the config file"));
    }
    m_list->setCurrentRow(m_index);
    m_remove->setEnabled(m_index >= 0);
}

void ProvidersPage::refreshRouting()
{
    m_default->clear();
    m_default->addItem(tr("Automatic (the first with a key)"), QString());
    for (const Draft &draft : std::as_const(m_drafts))
        m_default->addItem(draft.name, draft.name);
    m_default->setCurrentIndex(std::max(0, m_default->findData(m_defaultProvider)));

    const QSignalBlocker blocker(m_fallbacks);
    m_fallbacks->clear();
    QStringList order = m_fallbackChain;
    for (const Draft &draft : std::as_const(m_drafts)) {
        if (!order.contains(draft.name))
            order.append(draft.name);
    }
    for (const QString &name : std::as_const(order)) {
        const bool exists = std::any_of(m_drafts.begin(), m_drafts.end(),
                                        [&](const Draft &d) { return d.name == name; });
        if (!exists)
            continue;
        auto *item = new QListWidgetItem(name, m_fallbacks);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_fallbackChain.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
}

void ProvidersPage::moveFallback(int delta)
{
    const int row = m_fallbacks->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_fallbacks->count())
        return;
    {
        const QSignalBlocker blocker(m_fallbacks);
        QListWidgetItem *item = m_fallbacks->takeItem(row);
        m_fallbacks->insertItem(to, item);
        m_fallbacks->setCurrentRow(to);
    }
    Q_EMIT m_fallbacks->itemChanged(m_fallbacks->item(to));
}

void ProvidersPage::loadForm()
{
    clearMarks();
    const Draft *draft = current();
    m_form->setEnabled(draft != nullptr);
    m_remove->setEnabled(draft != nullptr);
    m_testResult->clear();
    if (!draft) {
        m_name->clear();
        m_nameNote->hide();
        m_baseUrl->clear();
        m_model->clear();
        m_key->clear();
        m_keySource->clear();
        return;
    }
    const QJsonObject &e = draft->entry;
    const KnownProvider *known = findKnownProvider(draft->name);
    m_name->setText(draft->name);
    // A name is the key of its entry and of its keychain item: fixed once saved. The field
    // then looks like the text it is, and says why it cannot change.
    const bool nameFixed = draft->fromFile || known;
    m_name->setReadOnly(nameFixed);
    m_name->setFrame(!nameFixed);
    m_nameNote->setVisible(nameFixed);
    m_nameNote->setText(
        draft->fromFile
            ? tr("A saved provider keeps its name: it names the provider's keychain item, and "
                 "agents and the fallback order refer to it. To rename it, add a provider under "
                 "the new name and remove this one.")
            : tr("This name picks a well-known provider's defaults (base URL, model, key "
                 "variable). For another name, add a provider."));
    const QString type = e.value("type"_L1).toString(
        known && known->type == ProviderType::Anthropic ? u"anthropic"_s : u"openai"_s);
    m_type->setCurrentIndex(std::max(0, m_type->findData(type)));
    m_baseUrl->setText(e.value("base_url"_L1).toString());
    m_baseUrl->setPlaceholderText(known ? QString::fromUtf16(known->baseUrl)
                                        : u"http://127.0.0.1:8080/v1"_s);
    m_model->clear();
    m_model->setEditText(e.value("model"_L1).toString());
    m_model->lineEdit()->setPlaceholderText(known ? QString::fromUtf16(known->model) : QString());
    m_timeout->setValue(e.value("timeout"_L1).toDouble(0));
    m_retries->setValue(e.value("retry_attempts"_L1).toInt(-1));
    setOptional(m_priceIn, e.value("price_input_per_million"_L1));
    setOptional(m_priceOut, e.value("price_output_per_million"_L1));
    {
        const QSignalBlocker blocker(m_needsKey);
        const QJsonValue needsKey = e.value("needs_key"_L1);
        m_needsKey->setChecked(
            needsKey.isBool()
                ? needsKey.toBool()
                : configbuild::needsKeyByDefault(draft->name, m_baseUrl->text().isEmpty()
                                                                  ? m_baseUrl->placeholderText()
                                                                  : m_baseUrl->text()));
    }
    m_needsKeyChosen = false;
    m_key->setText(draft->key.reveal());
    showKeySource();
}

void ProvidersPage::showKeySource()
{
    const Draft *draft = current();
    if (!draft)
        return;
    const bool fromEnvironment = draft->keySource == ProviderConfig::KeySource::Environment;
    const bool stored =
        draft->keySource == ProviderConfig::KeySource::Keychain && !draft->forgetKey;
    m_key->setEnabled(m_needsKey->isChecked() && !fromEnvironment);
    m_forgetKey->setVisible(stored);
    QString source;
    if (!m_needsKey->isChecked())
        source = tr("No key is sent.");
    else if (fromEnvironment)
        source = tr("The key comes from %1 in the environment, which wins over the keychain.")
                     .arg(draft->keyEnv);
    else if (stored)
        source = tr("A key is stored in the system keychain. Type a new one to replace it.");
    else if (draft->forgetKey)
        source = tr("The stored key will be removed from the keychain on Save.");
    else if (draft->keyOnlyInMemory)
        source = tr("The key works until the console quits: the system keychain did not store "
                    "it. Set %1 in the environment to keep it.")
                     .arg(draft->keyEnv);
    else
        source = tr("No key yet: paste it here (it goes to the system keychain, never to the "
                    "config file), or set %1 in the environment.")
                     .arg(draft->keyEnv);
    m_keySource->setText(source);
    m_key->setPlaceholderText(stored ? tr("stored in the keychain") : QString());
}

void ProvidersPage::storeForm()
{
    Draft *draft = current();
    if (!draft)
        return;
    QJsonObject &e = draft->entry;
    const QString name = m_name->text().trimmed();
    if (!m_name->isReadOnly() && !name.isEmpty() && name != draft->name) {
        const bool taken = std::any_of(m_drafts.begin(), m_drafts.end(),
                                       [&](const Draft &d) { return d.name == name; });
        if (taken) {
            m_fieldError->setText(tr("A provider is already called %1.").arg(name));
            m_fieldError->show();
            m_name->setText(draft->name);
        } else {
            // The routing names it too.
            if (m_defaultProvider == draft->name)
                m_defaultProvider = name;
            m_fallbackChain.replaceInStrings(
                QRegularExpression(u"^"_s + QRegularExpression::escape(draft->name) + u"$"_s),
                name);
            draft->name = name;
            draft->keyEnv = providerEnvPrefix(name) + "_API_KEY"_L1;
        }
    }
    const KnownProvider *known = findKnownProvider(draft->name);
    const QString knownType =
        known && known->type == ProviderType::Anthropic ? u"anthropic"_s : u"openai"_s;
    const QString type = m_type->currentData().toString();
    setOrRemove(e, u"type"_s,
                type == knownType && !e.contains("type"_L1) ? QJsonValue::Undefined
                                                            : QJsonValue(type));
    const QString baseUrl = m_baseUrl->text().trimmed();
    setOrRemove(e, u"base_url"_s, baseUrl.isEmpty() ? QJsonValue::Undefined : QJsonValue(baseUrl));
    const QString model = m_model->currentText().trimmed();
    setOrRemove(e, u"model"_s, model.isEmpty() ? QJsonValue::Undefined : QJsonValue(model));
    setOrRemove(e, u"timeout"_s,
                m_timeout->value() == 0 ? QJsonValue::Undefined : QJsonValue(m_timeout->value()));
    setOrRemove(e, u"retry_attempts"_s,
                m_retries->value() < 0 ? QJsonValue::Undefined : QJsonValue(m_retries->value()));
    setOrRemove(e, u"price_input_per_million"_s, optionalValue(m_priceIn));
    setOrRemove(e, u"price_output_per_million"_s, optionalValue(m_priceOut));
    // Written only when the user chose it; else the file's value, or the default that
    // follows the base URL, stays.
    if (m_needsKeyChosen)
        e.insert(u"needs_key"_s, m_needsKey->isChecked());
    const QString typed = m_key->text().trimmed();
    if (!typed.isEmpty()) {
        draft->key = Secret(typed);
        draft->forgetKey = false;
    }
    const int row = m_index;
    if (m_list->item(row) && m_list->item(row)->text() != draft->name) {
        refreshList();
        refreshRouting();
    }
}

void ProvidersPage::addProvider(ProviderType type)
{
    storeForm();
    QString name = type == ProviderType::Anthropic ? u"anthropic"_s : u"local"_s;
    for (int n = 2; std::any_of(m_drafts.begin(), m_drafts.end(),
                                [&](const Draft &d) { return d.name == name; });
         ++n)
        name =
            (type == ProviderType::Anthropic ? u"anthropic-"_s : u"local-"_s) + QString::number(n);
    Draft draft;
    draft.name = name;
    if (type == ProviderType::Anthropic)
        draft.entry.insert(u"type"_s, u"anthropic"_s);
    draft.keyEnv = providerEnvPrefix(name) + "_API_KEY"_L1;
    m_drafts.append(draft);
    m_index = int(m_drafts.size()) - 1;
    refreshList();
    refreshRouting();
    loadForm();
    m_name->setFocus();
    m_name->selectAll();
}

void ProvidersPage::selectProvider(const QString &name)
{
    for (int i = 0; i < m_drafts.size(); ++i) {
        if (m_drafts.at(i).name == name)
            m_list->setCurrentRow(i);
    }
}

void ProvidersPage::removeCurrent()
{
    const Draft *draft = current();
    if (!draft)
        return;
    if (draft->fromFile)
        m_removed.append(draft->name);
    m_fallbackChain.removeAll(draft->name);
    if (m_defaultProvider == draft->name)
        m_defaultProvider.clear();
    m_drafts.removeAt(m_index);
    m_index = std::min(m_index, int(m_drafts.size()) - 1);
    refreshList();
    refreshRouting();
    loadForm();
}

void ProvidersPage::testConnection()
{
    storeForm();
    const Draft *draft = current();
    if (!draft)
        return;
    ProviderConfig provider =
        configbuild::provider(draft->name, draft->entry, m_current.performance);
    provider.needsKey = m_needsKey->isChecked();
    const ProviderConfig *running = m_current.provider(draft->name);
    const auto origin = [](const QString &url) {
        return QUrl(url).adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                                  QUrl::RemoveUserInfo);
    };
    if (!draft->key.isEmpty()) {
        provider.apiKey = draft->key;
    } else if (running && !draft->forgetKey &&
               origin(running->baseUrl) == origin(provider.baseUrl)) {
        // The stored key goes only where it went before: a base URL typed here since then
        // gets no key until one is typed too.
        provider.apiKey = running->apiKey;
    }
    if (provider.baseUrl.isEmpty()) {
        m_testResult->setText(tr("Give the base URL first."));
        Q_EMIT connectionTested(false, {}, m_testResult->text());
        return;
    }
    if (m_listing)
        m_listing->cancel();
    m_testResult->setText(tr("Asking %1 for its models...").arg(provider.baseUrl));
    m_test->setEnabled(false);
    m_listing = new ModelListing(provider, m_pool, this);
    connect(m_listing, &ModelListing::finished, this,
            [this, name = draft->name](const QStringList &models, const QString &error) {
                m_test->setEnabled(true);
                if (!error.isEmpty()) {
                    m_testResult->setText(error);
                    markInvalid(m_testResult, true);
                } else {
                    markInvalid(m_testResult, false);
                    m_testResult->setText(
                        tr("Connected: %n model(s) offered.", nullptr, int(models.size())));
                    const Draft *shown = current();
                    if (shown && shown->name == name) {
                        const QString chosen = m_model->currentText();
                        m_model->clear();
                        m_model->addItems(models);
                        m_model->setEditText(chosen.isEmpty() && !models.isEmpty() ? models.first()
                                                                                   : chosen);
                    }
                }
                Q_EMIT connectionTested(error.isEmpty(), models, error);
            });
}

void ProvidersPage::writeTo(ConfigDocument &document)
{
    storeForm();
    for (const QString &name : std::as_const(m_removed))
        document.remove({u"providers"_s, name});
    for (const Draft &draft : std::as_const(m_drafts)) {
        QJsonObject entry = draft.entry;
        entry.remove("api_key"_L1); // never in the file, whatever was there
        document.setValue({u"providers"_s, draft.name}, entry);
    }
    document.setValue({u"llm_settings"_s, u"default_provider"_s},
                      m_defaultProvider.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                  : QJsonValue(m_defaultProvider));
    document.setValue({u"llm_settings"_s, u"fallback_chain"_s},
                      m_fallbackChain.isEmpty()
                          ? QJsonValue(QJsonValue::Undefined)
                          : QJsonValue(QJsonArray::fromStringList(m_fallbackChain)));
}

void ProvidersPage::markSaved()
{
    for (Draft &draft : m_drafts) {
        draft.fromFile = true;
        draft.key = Secret();
        draft.forgetKey = false;
    }
    m_removed.clear();
    loadForm();
}

void ProvidersPage::keyStored(const QString &provider, KeyChange change, bool ok)
{
    for (qsizetype i = 0; i < m_drafts.size(); ++i) {
        Draft &draft = m_drafts[i];
        if (draft.name != provider || draft.keySource == ProviderConfig::KeySource::Environment)
            continue;
        if (change == KeyChange::Written) {
            draft.keySource =
                ok ? ProviderConfig::KeySource::Keychain : ProviderConfig::KeySource::None;
            draft.keyOnlyInMemory = !ok;
        } else if (ok) {
            draft.keySource = ProviderConfig::KeySource::None;
            draft.keyOnlyInMemory = false;
        }
        if (i == m_index)
            showKeySource();
    }
}

void ProvidersPage::clearMarks()
{
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_name, m_baseUrl, m_model, m_timeout, m_retries,
                                          m_priceIn, m_priceOut, m_type, m_needsKey, m_testResult})
        markInvalid(field, false);
    m_fieldError->hide();
}

bool ProvidersPage::showDiagnostics(const ConfigDiagnostics &diagnostics)
{
    const QHash<QString, QWidget *> fields{
        {u"type"_s, m_type},
        {u"base_url"_s, m_baseUrl},
        {u"model"_s, m_model},
        {u"timeout"_s, m_timeout},
        {u"retry_attempts"_s, m_retries},
        {u"price_input_per_million"_s, m_priceIn},
        {u"price_output_per_million"_s, m_priceOut},
        {u"needs_key"_s, m_needsKey},
    };
    for (const ConfigDiagnostic &d : diagnostics) {
        if (!d.isError())
            continue;
        QString provider;
        QString field;
        if (d.keyPath.startsWith("providers."_L1)) {
            const QString rest = d.keyPath.mid(10);
            // The name may hold dots; the field is the last part.
            const qsizetype dot = rest.lastIndexOf(u'.');
            provider = dot < 0 ? rest : rest.left(dot);
            field = dot < 0 ? QString() : rest.mid(dot + 1);
        } else if (d.keyPath.startsWith("llm_settings."_L1)) {
            markInvalid(d.keyPath.endsWith("default_provider"_L1)
                            ? static_cast<QWidget *>(m_default)
                            : m_fallbacks,
                        true, d.message);
            return true;
        } else {
            continue;
        }
        selectProvider(provider);
        // "providers.local: \"model\" is required" names its field in the message.
        if (!fields.contains(field)) {
            for (auto it = fields.begin(); it != fields.end(); ++it) {
                if (d.message.contains(u'"' + it.key() + u'"'))
                    field = it.key();
            }
        }
        QWidget *widget = fields.value(field, m_name);
        markInvalid(widget, true, d.message);
        widget->setFocus();
        m_fieldError->setText(tr("%1: %2").arg(d.keyPath, d.message));
        m_fieldError->show();
        return true;
    }
    return false;
}

} // namespace spoon
