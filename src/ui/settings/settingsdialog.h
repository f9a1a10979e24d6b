#pragma once

#include "config/configdocument.h"

#include <QDialog>
#include <QProcessEnvironment>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace spoon {

class AgentsPage;
class AppearancePage;
class Engine;
class KeyVault;
class MonitoringPage;
class ProvidersPage;

// File > Settings: pages for providers (with their keys), agents, monitoring and
// appearance. Save validates the
// whole file with check-config's validator, writes it atomically, stores or forgets keys in
// the keychain, and hands the new providers to the running engine. A bad value is marked at
// its field and nothing is written.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(Engine &engine, ConfigDocument document, KeyVault &vault,
                   QProcessEnvironment environment, QWidget *parent = nullptr);

    enum Page
    {
        Providers,
        Agents,
        Monitoring,
        Appearance,
    };
    ProvidersPage *providersPage() const { return m_providers; }
    AgentsPage *agentsPage() const { return m_agents; }
    MonitoringPage *monitoringPage() const { return m_monitoring; }
    AppearancePage *appearancePage() const { return m_appearance; }
    void showPage(int index);

    // True when the file was written (the keychain answers later: keysStored()).
    bool save();
    // The file changed on disk while the dialog was open.
    void noteOutsideEdit();
    QString lastError() const;

Q_SIGNALS:
    void saved();
    // Every key change reached the keychain, or `problem` says which did not.
    void keysStored(const QString &problem);

private:
    void storeKeys();

    Engine &m_engine;
    ConfigDocument m_document;
    KeyVault &m_vault;
    QProcessEnvironment m_environment;
    QListWidget *m_pages;
    QStackedWidget *m_stack;
    ProvidersPage *m_providers;
    AgentsPage *m_agents;
    MonitoringPage *m_monitoring;
    AppearancePage *m_appearance;
    QLabel *m_status;
};

} // namespace spoon
