#pragma once

#include <QComboBox>
#include <QPointer>

namespace spoon {

class HttpPool;
class LlmRouter;
class ModelListing;
struct Config;

// The chat header's model picker: "Default" (the default provider and its fallbacks), then
// each provider that can answer with its configured model and, once the list is opened, the
// models its server offers (GET /v1/models). A chosen provider is asked alone: no fallback
// replaces the model the person picked.
class ModelSwitcher : public QComboBox
{
    Q_OBJECT
public:
    ModelSwitcher(const Config &config, LlmRouter &router, HttpPool &pool,
                  QWidget *parent = nullptr);

    // Lists the providers again (after Settings); their servers are asked on the next open.
    void refresh();
    // Shows a conversation's choice without announcing it.
    void showRoute(const QString &provider, const QString &model);
    void showPopup() override;

Q_SIGNALS:
    void routeChosen(const QString &provider, const QString &model);
    // Every provider's server answered (or failed) after an open.
    void modelsListed();

private:
    void addModel(const QString &provider, const QString &model);
    void listModels();

    const Config &m_config;
    LlmRouter &m_router;
    HttpPool &m_pool;
    bool m_listed = false;
    int m_pending = 0;
    QList<QPointer<ModelListing>> m_listings; // running; dropped by refresh()
};

} // namespace spoon
