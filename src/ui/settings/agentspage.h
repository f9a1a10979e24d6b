#pragma once

#include "config/config.h"
#include "config/configdiagnostic.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace spoon {

class ConfigDocument;

// Settings > Agents: the agent selected at start, and for each agent its description, system
// prompt, main config keys (max_steps, temperature, max_tokens, timeout, stream,
// cache_enabled) and which of its tools it is offered. Only what the user changed is
// written. The built-in "react" agent is written whole the first time it changes, because an
// agent in the file replaces the built-in one.
class AgentsPage : public QWidget
{
    Q_OBJECT
public:
    AgentsPage(const Config &current, QWidget *parent = nullptr);

    void writeTo(ConfigDocument &document);
    // After a save: what the page shows is what the file holds.
    void markSaved();
    // Marks the field a diagnostic names and shows its agent; false when none is here.
    bool showDiagnostics(const ConfigDiagnostics &diagnostics);
    void showAgent(const QString &name);

private:
    struct Draft
    {
        AgentConfig loaded;
        QString description;
        QString systemPrompt;
        AgentSettings settings;
        QList<bool> toolsEnabled;
    };
    void show(int row);
    void keepShown(); // the form's values into the shown draft
    QWidget *fieldFor(const QString &key) const;
    // True when the box's value is not the loaded one rounded as the box shows it.
    static bool differs(double shown, double loaded, const QDoubleSpinBox *box);

    QList<Draft> m_drafts;
    int m_shown = -1;
    QString m_loadedDefault;
    QComboBox *m_defaultAgent;
    QListWidget *m_agents;
    QLineEdit *m_description;
    QPlainTextEdit *m_prompt;
    QSpinBox *m_maxSteps;
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_maxTokens;
    QDoubleSpinBox *m_timeout;
    QCheckBox *m_stream;
    QCheckBox *m_cache;
    QListWidget *m_tools;
};

} // namespace spoon
