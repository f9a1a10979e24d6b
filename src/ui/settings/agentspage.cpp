#include "agentspage.h"

#include "config/configbuilder.h"
#include "config/configdocument.h"
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
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace spoon {

using namespace Qt::StringLiterals;

AgentsPage::AgentsPage(const Config &current, QWidget *parent)
    : QWidget(parent)
    , m_defaultAgent(new QComboBox(this))
    , m_agents(new QListWidget(this))
    , m_description(new QLineEdit(this))
    , m_prompt(new QPlainTextEdit(this))
    , m_maxSteps(new QSpinBox(this))
    , m_temperature(new QDoubleSpinBox(this))
    , m_maxTokens(new QSpinBox(this))
    , m_timeout(new QDoubleSpinBox(this))
    , m_stream(new QCheckBox(tr("Stream the answer as it arrives"), this))
    , m_cache(new QCheckBox(tr("Answer a repeated question from the cache"), this))
    , m_tools(new QListWidget(this))
{
    // default_agent may name an alias: the list holds names.
    const AgentConfig *chosen = current.agent(current.defaultAgent);
    m_loadedDefault = chosen ? chosen->name : current.defaultAgent;
    for (const AgentConfig &agent : current.agents) {
        m_drafts.append({agent, agent.description, agent.systemPrompt, agent.settings, {}});
        for (const ToolConfig &tool : agent.tools)
            m_drafts.last().toolsEnabled.append(tool.enabled);
        m_defaultAgent->addItem(agent.name, agent.name);
        m_agents->addItem(agent.name);
    }
    m_defaultAgent->setObjectName(u"defaultAgent"_s);
    m_defaultAgent->setCurrentIndex(std::max(0, m_defaultAgent->findData(m_loadedDefault)));
    m_agents->setObjectName(u"agentList"_s);
    m_agents->setMaximumWidth(m_agents->fontMetrics().horizontalAdvance(u"M"_s) * 14);

    // The ranges are the schema's: a value the spin boxes allow, the validator takes.
    m_description->setObjectName(u"config.description"_s);
    m_prompt->setObjectName(u"config.system_prompt"_s);
    m_prompt->setPlaceholderText(
        tr("Empty: \"You are <name>, an AI agent in Spoon Console.\" and the description"));
    m_prompt->setTabChangesFocus(true);
    m_maxSteps->setObjectName(u"config.max_steps"_s);
    m_maxSteps->setRange(1, 1000);
    m_temperature->setObjectName(u"config.temperature"_s);
    m_temperature->setRange(0, 2);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_maxTokens->setObjectName(u"config.max_tokens"_s);
    m_maxTokens->setRange(1, 10000000);
    m_timeout->setObjectName(u"config.timeout"_s);
    m_timeout->setRange(0.1, 3600);
    m_timeout->setDecimals(1);
    m_timeout->setSuffix(tr(" s"));
    m_stream->setObjectName(u"config.stream"_s);
    m_cache->setObjectName(u"config.cache_enabled"_s);
    m_tools->setObjectName(u"agentTools"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("System prompt"), m_prompt);
    form->addRow(tr("Steps per answer at most"), m_maxSteps);
    form->addRow(tr("Temperature"), m_temperature);
    form->addRow(tr("Answer length at most (tokens)"), m_maxTokens);
    form->addRow(tr("Time per step at most"), m_timeout);
    form->addRow(QString(), m_stream);
    form->addRow(QString(), m_cache);
    form->addRow(tr("Tools offered"), m_tools);

    auto *agents = new QHBoxLayout;
    agents->addWidget(m_agents);
    agents->addLayout(form, 1);
    auto *top = new QFormLayout;
    top->addRow(tr("Agent selected at start"), m_defaultAgent);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(agents, 1);
    auto *note = new QLabel(tr("Changes apply to conversations started after Save."), this);
    note->setWordWrap(true);
    layout->addWidget(note);

    connect(m_agents, &QListWidget::currentRowChanged, this, [this](int row) {
        keepShown();
        show(row);
    });
    m_agents->setCurrentRow(std::max(0, m_defaultAgent->currentIndex()));
}

void AgentsPage::show(int row)
{
    m_shown = row;
    if (row < 0 || row >= m_drafts.size())
        return;
    const Draft &draft = m_drafts.at(row);
    m_description->setText(draft.description);
    m_description->setCursorPosition(0); // its beginning, not its end
    m_prompt->setPlainText(draft.systemPrompt);
    m_maxSteps->setValue(draft.settings.maxSteps);
    m_temperature->setValue(draft.settings.temperature);
    m_maxTokens->setValue(draft.settings.maxTokens);
    m_timeout->setValue(draft.settings.timeout);
    m_stream->setChecked(draft.settings.stream);
    m_cache->setChecked(draft.settings.cacheEnabled);
    m_tools->clear();
    for (qsizetype i = 0; i < draft.loaded.tools.size(); ++i) {
        const ToolConfig &tool = draft.loaded.tools.at(i);
        auto *item = new QListWidgetItem(
            tool.kind == ToolKind::Mcp ? tr("%1 (MCP)").arg(tool.name) : tool.name, m_tools);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(draft.toolsEnabled.at(i) ? Qt::Checked : Qt::Unchecked);
    }
    for (QWidget *field :
         {static_cast<QWidget *>(m_description), static_cast<QWidget *>(m_prompt),
          static_cast<QWidget *>(m_maxSteps), static_cast<QWidget *>(m_temperature),
          static_cast<QWidget *>(m_maxTokens), static_cast<QWidget *>(m_timeout)})
        markInvalid(field, false);
}

void AgentsPage::keepShown()
{
    if (m_shown < 0 || m_shown >= m_drafts.size())
        return;
    Draft &draft = m_drafts[m_shown];
    draft.description = m_description->text();
    draft.systemPrompt = m_prompt->toPlainText();
    draft.settings.maxSteps = m_maxSteps->value();
    draft.settings.temperature = m_temperature->value();
    draft.settings.maxTokens = m_maxTokens->value();
    draft.settings.timeout = m_timeout->value();
    draft.settings.stream = m_stream->isChecked();
    draft.settings.cacheEnabled = m_cache->isChecked();
    for (int i = 0; i < m_tools->count() && i < draft.toolsEnabled.size(); ++i)
        draft.toolsEnabled[i] = m_tools->item(i)->checkState() == Qt::Checked;
}

void AgentsPage::showAgent(const QString &name)
{
    for (int row = 0; row < m_drafts.size(); ++row) {
        if (m_drafts.at(row).loaded.name == name)
            m_agents->setCurrentRow(row);
    }
}

bool AgentsPage::differs(double shown, double loaded, const QDoubleSpinBox *box)
{
    return std::abs(shown - loaded) >= 0.5 * std::pow(10.0, -box->decimals());
}

void AgentsPage::markSaved()
{
    keepShown();
    m_loadedDefault = m_defaultAgent->currentData().toString();
    for (Draft &draft : m_drafts) {
        AgentConfig &was = draft.loaded;
        was.description = draft.description;
        was.systemPrompt = draft.systemPrompt;
        // An unchanged finer file value (0.125 shown as 0.13) stays the one compared with.
        if (!differs(draft.settings.temperature, was.settings.temperature, m_temperature))
            draft.settings.temperature = was.settings.temperature;
        if (!differs(draft.settings.timeout, was.settings.timeout, m_timeout))
            draft.settings.timeout = was.settings.timeout;
        was.settings = draft.settings;
        for (qsizetype i = 0; i < was.tools.size() && i < draft.toolsEnabled.size(); ++i)
            was.tools[i].enabled = draft.toolsEnabled.at(i);
    }
}

void AgentsPage::writeTo(ConfigDocument &document)
{
    keepShown();
    const QString chosen = m_defaultAgent->currentData().toString();
    if (chosen != m_loadedDefault)
        document.setValue({u"default_agent"_s}, chosen);
    for (const Draft &draft : std::as_const(m_drafts)) {
        const AgentConfig &was = draft.loaded;
        const AgentSettings &s = draft.settings;
        const AgentSettings &w = was.settings;
        // A file value finer than the box shows (temperature 0.125) is no change.
        const bool temperatureChanged = differs(s.temperature, w.temperature, m_temperature);
        const bool timeoutChanged = differs(s.timeout, w.timeout, m_timeout);
        const bool toolsChanged = [&] {
            for (qsizetype i = 0; i < was.tools.size(); ++i) {
                if (draft.toolsEnabled.at(i) != was.tools.at(i).enabled)
                    return true;
            }
            return false;
        }();
        const bool changed = draft.description != was.description ||
                             draft.systemPrompt != was.systemPrompt || s.maxSteps != w.maxSteps ||
                             temperatureChanged || s.maxTokens != w.maxTokens || timeoutChanged ||
                             s.stream != w.stream || s.cacheEnabled != w.cacheEnabled ||
                             toolsChanged;
        if (!changed)
            continue;
        const QStringList agent{u"agents"_s, was.name};
        if (was.builtIn && !document.value(agent).isObject())
            document.setValue(agent, configbuild::builtInReactAgentEntry());
        if (draft.description != was.description)
            document.setValue(agent + QStringList{u"description"_s}, draft.description);
        if (draft.systemPrompt != was.systemPrompt) {
            if (draft.systemPrompt.trimmed().isEmpty())
                document.remove(agent + QStringList{u"system_prompt"_s});
            else
                document.setValue(agent + QStringList{u"system_prompt"_s}, draft.systemPrompt);
        }
        const QStringList config = agent + QStringList{u"config"_s};
        const auto set = [&](const char *key, auto now, auto before) {
            if (now != before)
                document.setValue(config + QStringList{QString::fromLatin1(key)}, now);
        };
        set("max_steps", s.maxSteps, w.maxSteps);
        if (temperatureChanged)
            document.setValue(config + QStringList{u"temperature"_s}, s.temperature);
        set("max_tokens", s.maxTokens, w.maxTokens);
        if (timeoutChanged)
            document.setValue(config + QStringList{u"timeout"_s}, s.timeout);
        set("stream", s.stream, w.stream);
        set("cache_enabled", s.cacheEnabled, w.cacheEnabled);
        if (!toolsChanged)
            continue;
        const QStringList toolsPath = agent + QStringList{u"tools"_s};
        QJsonArray tools = document.value(toolsPath).toArray();
        for (qsizetype i = 0; i < was.tools.size() && i < tools.size(); ++i) {
            if (draft.toolsEnabled.at(i) == was.tools.at(i).enabled)
                continue;
            QJsonObject tool = tools.at(i).toObject();
            tool.insert(u"enabled"_s, draft.toolsEnabled.at(i));
            tools.replace(i, tool);
        }
        document.setValue(toolsPath, tools);
    }
}

QWidget *AgentsPage::fieldFor(const QString &key) const
{
    for (QWidget *field : findChildren<QWidget *>()) {
        if (field->objectName() == u"config."_s + key || field->objectName() == key)
            return field;
    }
    return nullptr;
}

bool AgentsPage::showDiagnostics(const ConfigDiagnostics &diagnostics)
{
    for (const ConfigDiagnostic &d : diagnostics) {
        if (!d.isError() || !d.keyPath.startsWith(u"agents."_s))
            continue;
        // agents.<name>.description, agents.<name>.config.temperature, ...
        const QStringList parts = d.keyPath.split(u'.');
        if (parts.size() < 3)
            continue;
        showAgent(parts.at(1));
        QWidget *field = fieldFor(parts.mid(2).join(u'.').remove(u"config."_s));
        if (!field)
            field = m_agents;
        markInvalid(field, true, d.message);
        return true;
    }
    return false;
}

} // namespace spoon
