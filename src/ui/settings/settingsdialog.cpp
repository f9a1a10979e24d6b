#include "settingsdialog.h"

#include "agentspage.h"
#include "appearancepage.h"
#include "monitoringpage.h"
#include "providerspage.h"

#include "config/keyvault.h"
#include "engine.h"
#include "theme.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <memory>

namespace spoon {

using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(Engine &engine, ConfigDocument document, KeyVault &vault,
                               QProcessEnvironment environment, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_document(std::move(document))
    , m_vault(vault)
    , m_environment(std::move(environment))
    , m_pages(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    m_providers = new ProvidersPage(m_document, engine.config(), engine.httpPool(), m_stack);
    m_agents = new AgentsPage(engine.config(), m_stack);
    m_monitoring = new MonitoringPage(engine.config(), m_stack);
    m_appearance = new AppearancePage(engine.config(), m_stack);
    m_pages->setObjectName(u"settingsPages"_s);
    m_pages->addItem(tr("Providers"));
    m_pages->addItem(tr("Agents"));
    m_pages->addItem(tr("Monitoring"));
    m_pages->addItem(tr("Appearance"));
    int widest = 0; // the list fits its longest title in any language
    for (int row = 0; row < m_pages->count(); ++row)
        widest =
            std::max(widest, m_pages->fontMetrics().horizontalAdvance(m_pages->item(row)->text()));
    m_pages->setMaximumWidth(widest + 4 * m_pages->fontMetrics().averageCharWidth() + 16);
    m_stack->addWidget(m_providers);
    m_stack->addWidget(m_agents);
    m_stack->addWidget(m_monitoring);
    m_stack->addWidget(m_appearance);
    connect(m_pages, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_pages->setCurrentRow(0);

    m_status->setObjectName(u"settingsStatus"_s);
    m_status->setWordWrap(true);
    m_status->setText(tr("Settings are kept in %1").arg(m_document.path()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &SettingsDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *pages = new QHBoxLayout;
    pages->addWidget(m_pages);
    pages->addWidget(m_stack, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pages, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
}

void SettingsDialog::showPage(int index)
{
    m_pages->setCurrentRow(index);
}

QString SettingsDialog::lastError() const
{
    return m_status->property("invalid").toBool() ? m_status->text() : QString();
}

void SettingsDialog::noteOutsideEdit()
{
    m_status->setProperty("invalid", true);
    repolish(m_status);
    m_status->setText(tr("The config file changed outside the console. Save writes what this "
                         "window shows over it; Close and open Settings again to see the "
                         "file's values."));
}

bool SettingsDialog::save()
{
    ConfigDocument edited = m_document;
    m_providers->writeTo(edited);
    m_agents->writeTo(edited);
    m_monitoring->writeTo(edited);
    m_appearance->writeTo(edited);
    ConfigDiagnostics diagnostics;
    QString error;
    if (!edited.save(m_environment, &diagnostics, &error)) {
        m_status->setProperty("invalid", true);
        repolish(m_status);
        m_status->setText(error);
        if (m_providers->showDiagnostics(diagnostics))
            showPage(Providers);
        else if (m_agents->showDiagnostics(diagnostics))
            showPage(Agents);
        else if (m_monitoring->showDiagnostics(diagnostics))
            showPage(Monitoring);
        else if (m_appearance->showDiagnostics(diagnostics))
            showPage(Appearance);
        return false;
    }
    m_document = edited;
    // A later Save compares with what is now in the file.
    m_agents->markSaved();
    m_monitoring->markSaved();
    m_appearance->markSaved();
    m_status->setProperty("invalid", false);
    repolish(m_status);
    m_status->setText(tr("Saved to %1").arg(m_document.path()));
    const Config next = m_document.check(m_environment).config;
    m_engine.setLlmSettings(next.providers, next.llm);
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (app && next.appearance.theme != m_engine.config().appearance.theme)
        applyTheme(*app, themeFor(next.appearance.theme, desktopPalette(), m_environment));
    m_engine.setAppearance(next.appearance);
    if (!m_engine.setAgentSettings(next.agents, next.defaultAgent))
        m_status->setText(tr("Saved to %1. Agents added or removed in the file appear at the "
                             "next start.")
                              .arg(m_document.path()));
    storeKeys();
    m_providers->markSaved();
    Q_EMIT saved();
    return true;
}

// Typed keys go to the keychain and, whatever it answers, to the running engine: a key that
// could not be stored still works until the console quits, and the status line says so.
void SettingsDialog::storeKeys()
{
    struct Pending
    {
        int left = 0;
        QStringList problems;
    };
    auto pending = std::make_shared<Pending>();
    // The keychain may answer after the dialog is gone.
    const auto done = [self = QPointer<SettingsDialog>(this),
                       pending](const QString &provider, ProvidersPage::KeyChange change,
                                const KeyVault::Result &result) {
        if (self)
            self->m_providers->keyStored(provider, change, result.ok());
        if (!result.ok())
            pending->problems.append(tr("%1: %2").arg(
                provider, result.errorString.isEmpty() ? KeyVault::describe(result.status)
                                                       : KeyVault::describe(result.status) +
                                                             u" ("_s + result.errorString + u')'));
        if (--pending->left > 0)
            return;
        const QString problem = pending->problems.join(u"; "_s);
        if (!self)
            return;
        if (!problem.isEmpty()) {
            self->m_status->setProperty("invalid", true);
            repolish(self->m_status);
            self->m_status->setText(tr("Saved, but the keychain did not take every key: %1. A key "
                                       "typed here works until the console quits.")
                                        .arg(problem));
        }
        Q_EMIT self->keysStored(problem);
    };
    for (const ProvidersPage::Draft &draft : m_providers->drafts()) {
        if (!draft.key.isEmpty()) {
            ++pending->left;
            m_engine.setKeychainKey(draft.name, draft.key);
            m_vault.write(draft.name, draft.key,
                          [done, name = draft.name](const KeyVault::Result &r) {
                              done(name, ProvidersPage::KeyChange::Written, r);
                          });
        } else if (draft.forgetKey) {
            ++pending->left;
            m_engine.setKeychainKey(draft.name, Secret());
            m_vault.remove(draft.name, [done, name = draft.name](const KeyVault::Result &r) {
                done(name, ProvidersPage::KeyChange::Removed, r);
            });
        }
    }
    for (const QString &name : m_providers->removedProviders()) {
        ++pending->left;
        m_vault.remove(name, [done, name](const KeyVault::Result &r) {
            done(name, ProvidersPage::KeyChange::Removed, r);
        });
    }
    if (pending->left == 0)
        Q_EMIT keysStored(QString());
}

} // namespace spoon
