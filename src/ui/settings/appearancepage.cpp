#include "appearancepage.h"

#include "config/config.h"
#include "config/configdocument.h"
#include "theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>

namespace spoon {

using namespace Qt::StringLiterals;

AppearancePage::AppearancePage(const Config &current, QWidget *parent)
    : QWidget(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_loadedLanguage(current.appearance.language)
    , m_loadedTheme(current.appearance.theme)
{
    m_language->setObjectName(u"appearance.language"_s);
    m_language->addItem(tr("As the desktop"), u"system"_s);
    m_language->addItem(u"English"_s, u"en"_s); // each language in its own words
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_loadedLanguage)));
    m_theme->setObjectName(u"appearance.theme"_s);
    m_theme->addItem(tr("As the desktop"), u"system"_s);
    m_theme->addItem(tr("Light"), u"light"_s);
    m_theme->addItem(tr("Dark"), u"dark"_s);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(m_loadedTheme)));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Language"), m_language);
    form->addRow(tr("Theme"), m_theme);
    auto *note =
        new QLabel(tr("The theme changes when you save; the language at the next start."), this);
    note->setWordWrap(true);
    form->addRow(note);
}

void AppearancePage::writeTo(ConfigDocument &document) const
{
    const QString language = m_language->currentData().toString();
    if (language != m_loadedLanguage)
        document.setValue({u"appearance"_s, u"language"_s}, language);
    const QString theme = m_theme->currentData().toString();
    if (theme != m_loadedTheme)
        document.setValue({u"appearance"_s, u"theme"_s}, theme);
}

void AppearancePage::markSaved()
{
    m_loadedLanguage = m_language->currentData().toString();
    m_loadedTheme = m_theme->currentData().toString();
}

bool AppearancePage::showDiagnostics(const ConfigDiagnostics &diagnostics)
{
    for (const ConfigDiagnostic &d : diagnostics) {
        for (QComboBox *box : {m_language, m_theme}) {
            if (d.isError() && d.keyPath == box->objectName()) {
                markInvalid(box, true, d.message);
                return true;
            }
        }
    }
    return false;
}

} // namespace spoon
