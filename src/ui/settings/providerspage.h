#pragma once

#include "config/config.h"
#include "config/configdiagnostic.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace spoon {

class ConfigDocument;
class HttpPool;
class ModelListing;

// Settings > Providers: add, edit and remove providers, test one against its model list,
// give its key (to the keychain, never the file), and order the default and the fallbacks.
class ProvidersPage : public QWidget
{
    Q_OBJECT
public:
    // `current` is the running config: keys and where they came from.
    ProvidersPage(const ConfigDocument &document, const Config &current, HttpPool &pool,
                  QWidget *parent = nullptr);
    ~ProvidersPage() override;

    // A provider as the page holds it until Save.
    struct Draft
    {
        QString name;
        QJsonObject entry; // the file's entry, with the page's edits (unknown keys kept)
        bool fromFile = false;
        Secret key; // typed here; empty: unchanged
        bool forgetKey = false;
        ProviderConfig::KeySource keySource = ProviderConfig::KeySource::None;
        QString keyEnv;
        bool keyOnlyInMemory = false; // Save gave it to the engine; the keychain refused it
    };

    // Writes the page into `document`: providers, llm_settings.default_provider and
    // fallback_chain. Providers removed here leave the file.
    void writeTo(ConfigDocument &document);
    const QList<Draft> &drafts() const { return m_drafts; }
    QStringList removedProviders() const { return m_removed; }
    // Marks the fields the diagnostics name, and shows the first provider with a problem.
    // True when one of them belongs to this page.
    bool showDiagnostics(const ConfigDiagnostics &diagnostics);
    // After Save: the providers written are the file's now (their names fixed), typed keys
    // have been handed on, removed providers are gone.
    void markSaved();
    // The keychain's answer for a key Save wrote or removed: the hint says where it is.
    enum class KeyChange
    {
        Written,
        Removed
    };
    void keyStored(const QString &provider, KeyChange change, bool ok);

    void addProvider(ProviderType type);
    void selectProvider(const QString &name);
    void testConnection();

Q_SIGNALS:
    // After Test connection: the models, or the error it showed.
    void connectionTested(bool ok, const QStringList &models, const QString &error);

private:
    QWidget *buildForm();
    QWidget *buildRouting();
    void loadForm();
    void storeForm();
    void refreshList();
    void refreshRouting();
    void removeCurrent();
    void moveFallback(int delta);
    void clearMarks();
    void showKeySource();
    Draft *current();

    const Config &m_current;
    HttpPool &m_pool;
    QList<Draft> m_drafts;
    QStringList m_removed;
    int m_index = -1;
    QPointer<ModelListing> m_listing;

    QListWidget *m_list;
    QPushButton *m_remove;
    QWidget *m_form;
    QLineEdit *m_name;
    QLabel *m_nameNote;
    QComboBox *m_type;
    QLineEdit *m_baseUrl;
    QComboBox *m_model;
    QDoubleSpinBox *m_timeout;
    QSpinBox *m_retries;
    QDoubleSpinBox *m_priceIn;
    QDoubleSpinBox *m_priceOut;
    QCheckBox *m_needsKey;
    QLineEdit *m_key;
    QLabel *m_keySource;
    QPushButton *m_forgetKey;
    QPushButton *m_test;
    QLabel *m_testResult;
    QLabel *m_fieldError;
    QComboBox *m_default;
    QListWidget *m_fallbacks;
    bool m_needsKeyChosen = false; // the user set "Sends an API key" for the shown provider
    QString m_defaultProvider;
    QStringList m_fallbackChain;
};

} // namespace spoon
