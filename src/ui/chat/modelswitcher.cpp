#include "modelswitcher.h"

#include "config/config.h"
#include "llm/llmrouter.h"
#include "llm/modellister.h"
#include "llm/providerclient.h"

namespace spoon {

using namespace Qt::StringLiterals;

namespace {
QString label(const QString &provider, const QString &model)
{
    return provider + u" · "_s + model;
}
} // namespace

ModelSwitcher::ModelSwitcher(const Config &config, LlmRouter &router, HttpPool &pool,
                             QWidget *parent)
    : QComboBox(parent)
    , m_config(config)
    , m_router(router)
    , m_pool(pool)
{
    setObjectName(u"modelSwitcher"_s);
    setToolTip(tr("The model that answers in this conversation"));
    // Long model names must not widen the window: the list shows them whole.
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(10);
    connect(this, &QComboBox::activated, this, [this](int index) {
        const QStringList route = itemData(index).toStringList();
        Q_EMIT routeChosen(route.value(0), route.value(1));
    });
    refresh();
}

void ModelSwitcher::refresh()
{
    const QStringList shown = currentData().toStringList();
    for (const QPointer<ModelListing> &listing : std::as_const(m_listings)) {
        if (listing) {
            listing->disconnect(this);
            listing->deleteLater(); // cancels its request
        }
    }
    m_listings.clear();
    clear();
    m_listed = false;
    addItem(tr("Default model"), QStringList());
    // The default route first, in its order, then every other provider.
    QStringList names = m_router.route(m_router.defaultProvider());
    for (const ProviderConfig &provider : m_config.providers) {
        if (!names.contains(provider.name))
            names.append(provider.name);
    }
    for (const QString &name : std::as_const(names)) {
        const ProviderClient *client = m_router.client(name);
        if (client && client->hasCredentials())
            addModel(name, client->config().model);
    }
    showRoute(shown.value(0), shown.value(1));
}

void ModelSwitcher::addModel(const QString &provider, const QString &model)
{
    const QStringList route{provider, model};
    if (model.isEmpty() || findData(route) >= 0)
        return;
    // Under its provider, after the ones listed for it already; a new provider at the end.
    int at = count();
    for (int i = count() - 1; i > 0; --i) {
        if (itemData(i).toStringList().value(0) == provider) {
            at = i + 1;
            break;
        }
    }
    insertItem(at, label(provider, model), route);
}

void ModelSwitcher::showRoute(const QString &provider, const QString &model)
{
    // A provider removed in Settings since the conversation chose it is no choice now.
    if (provider.isEmpty() || !m_router.client(provider)) {
        setCurrentIndex(0);
        return;
    }
    addModel(provider, model);
    setCurrentIndex(std::max(0, findData(QStringList{provider, model})));
}

void ModelSwitcher::showPopup()
{
    if (!m_listed)
        listModels();
    QComboBox::showPopup();
}

void ModelSwitcher::listModels()
{
    m_listed = true;
    QStringList providers;
    for (int i = 1; i < count(); ++i) {
        const QString provider = itemData(i).toStringList().value(0);
        if (!providers.contains(provider) && m_router.client(provider))
            providers.append(provider);
    }
    m_pending = int(providers.size());
    if (m_pending == 0) {
        Q_EMIT modelsListed();
        return;
    }
    for (const QString &provider : std::as_const(providers)) {
        const ProviderConfig &config = m_router.client(provider)->config();
        auto *listing = new ModelListing(config, m_pool, this);
        m_listings.append(listing);
        connect(listing, &ModelListing::finished, this,
                [this, provider, configured = config.model](const QStringList &models,
                                                            const QString &error) {
                    const QStringList shown = currentData().toStringList();
                    for (const QString &model : models)
                        addModel(provider, model);
                    // Why no other model is offered, on the entry that stays.
                    if (!error.isEmpty())
                        setItemData(findData(QStringList{provider, configured}), error,
                                    Qt::ToolTipRole);
                    setCurrentIndex(std::max(0, findData(shown)));
                    if (--m_pending == 0)
                        Q_EMIT modelsListed();
                });
    }
}

} // namespace spoon
