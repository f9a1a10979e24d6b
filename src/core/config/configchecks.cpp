#include "configchecks.h"

#include "configbuilder.h"
#include "configvalidator.h"
#include "databasetarget.h"
#include "editdistance.h"
#include "jsonlocator.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate a context it can see; the strings below are translated under it.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(spoon::ConfigChecks)
};

QString withSuggestion(QString message, const QString &word, const QStringList &candidates)
{
    const QString nearest = nearestName(word, candidates);
    if (!nearest.isEmpty())
        message += Text::tr("; did you mean \"%1\"?").arg(nearest);
    else if (!candidates.isEmpty())
        message += Text::tr(" (known: %1)").arg(candidates.join(u", "_s));
    return message;
}

QStringList providerNames(const Config &config)
{
    QStringList names;
    for (const ProviderConfig &provider : config.providers)
        names.append(provider.name);
    for (const QString &name : knownProviderNames()) {
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == "http"_L1 || url.scheme() == "https"_L1) &&
           !url.host().isEmpty();
}

void checkProviders(const Config &config, ConfigValidator &report)
{
    for (const ProviderConfig &provider : config.providers) {
        const QString path = u"providers."_s + provider.name;
        const bool known = findKnownProvider(provider.name) != nullptr;
        if (provider.baseUrl.isEmpty()) {
            report.error(path,
                         Text::tr("\"base_url\" is required for a provider Spoon does not know "
                                  "(known: %1)")
                             .arg(knownProviderNames().join(u", "_s)));
        } else if (!isHttpUrl(provider.baseUrl)) {
            report.error(
                path + u".base_url"_s,
                Text::tr("expected an http:// or https:// URL, got \"%1\"").arg(provider.baseUrl));
        }
        if (provider.http2PriorKnowledge && QUrl(provider.baseUrl).scheme() != "http"_L1)
            report.error(path + u".http2_prior_knowledge"_s,
                         Text::tr("applies to an http:// base_url only; https negotiates HTTP/2 "
                                  "by itself"));
        if (provider.model.isEmpty() && !known)
            report.error(path,
                         Text::tr("\"model\" is required for a provider Spoon does not know"));
    }
}

void checkLlmSettings(const Config &config, ConfigValidator &report)
{
    const QStringList names = providerNames(config);
    if (!config.llm.defaultProvider.isEmpty() && !names.contains(config.llm.defaultProvider)) {
        report.error(
            u"llm_settings.default_provider"_s,
            withSuggestion(Text::tr("no provider is called \"%1\"").arg(config.llm.defaultProvider),
                           config.llm.defaultProvider, names));
    }
    QSet<QString> seen;
    for (qsizetype i = 0; i < config.llm.fallbackChain.size(); ++i) {
        const QString &name = config.llm.fallbackChain.at(i);
        const QString path = JsonLocator::index(u"llm_settings.fallback_chain"_s, i);
        if (!names.contains(name))
            report.error(path, withSuggestion(Text::tr("no provider is called \"%1\"").arg(name),
                                              name, names));
        else if (seen.contains(name))
            report.warning(path, Text::tr("\"%1\" appears twice; it is tried once").arg(name));
        seen.insert(name);
    }
}

void checkTools(const AgentConfig &agent, ConfigValidator &report)
{
    const QString agentPath = u"agents."_s + agent.name;
    QSet<QString> seen;
    for (qsizetype i = 0; i < agent.tools.size(); ++i) {
        const ToolConfig &tool = agent.tools.at(i);
        const QString path = JsonLocator::index(agentPath + u".tools"_s, i);
        if (report.hasErrorUnder(path))
            continue;
        if (tool.name.isEmpty()) {
            report.error(path, Text::tr("a tool needs a \"name\""));
            continue;
        }
        if (seen.contains(tool.name))
            report.error(path + u".name"_s,
                         Text::tr("the tool \"%1\" is listed twice").arg(tool.name));
        seen.insert(tool.name);
        if (tool.kind == ToolKind::Builtin) {
            const QStringList builtins = configbuild::builtinToolNames();
            if (!builtins.contains(tool.name)) {
                QString message = Text::tr("no built-in tool is called \"%1\"").arg(tool.name);
                const QString nearest = nearestName(tool.name, builtins);
                if (!nearest.isEmpty())
                    message += Text::tr("; did you mean \"%1\"?").arg(nearest);
                else
                    message += Text::tr(" (built-in: %1); for a tool from an MCP server set "
                                        "\"type\": \"mcp\"")
                                   .arg(builtins.join(u", "_s));
                report.error(path + u".name"_s, message);
            }
        } else if (tool.mcpServer.command.isEmpty()) {
            report.error(path, Text::tr("an MCP tool needs \"mcp_server\": {\"command\": ...}"));
        }
    }
}

void checkAgents(const Config &config, ConfigValidator &report)
{
    QHash<QString, QString> owner; // name or alias -> agent
    QStringList selectable;
    for (const AgentConfig &agent : config.agents) {
        owner.insert(agent.name, agent.name);
        selectable.append(agent.name);
    }
    for (const AgentConfig &agent : config.agents) {
        for (qsizetype i = 0; i < agent.aliases.size(); ++i) {
            const QString &alias = agent.aliases.at(i);
            const auto taken = owner.constFind(alias);
            if (taken != owner.constEnd() && *taken != agent.name) {
                report.error(JsonLocator::index(u"agents."_s + agent.name + u".aliases"_s, i),
                             Text::tr("\"%1\" already names the agent \"%2\"").arg(alias, *taken));
                continue;
            }
            owner.insert(alias, agent.name);
            selectable.append(alias);
        }
        checkTools(agent, report);
    }
    if (!owner.contains(config.defaultAgent)) {
        report.error(u"default_agent"_s,
                     withSuggestion(Text::tr("no agent is called \"%1\"").arg(config.defaultAgent),
                                    config.defaultAgent, selectable));
    }
}

void checkPerformance(const PerformanceConfig &performance, ConfigValidator &report)
{
    if (performance.database.poolMinSize > performance.database.poolMaxSize) {
        report.error(u"performance.database.pool_min_size"_s,
                     Text::tr("%1 is larger than pool_max_size (%2)")
                         .arg(performance.database.poolMinSize)
                         .arg(performance.database.poolMaxSize));
    }
    // The same parser the store uses, so check-config refuses what the store would.
    QString urlProblem;
    if (!parseDatabaseUrl(performance.database.url, u"/"_s, &urlProblem))
        report.error(u"performance.database.url"_s, urlProblem);
    if (performance.memoryWarningThreshold >= performance.memoryCriticalThreshold) {
        report.error(u"performance.memory.warning_threshold"_s,
                     Text::tr("must be below critical_threshold (%1)")
                         .arg(performance.memoryCriticalThreshold));
    }
    if (performance.tools.connectionLimitPerHost > performance.tools.connectionLimit) {
        report.warning(u"performance.tools.connection_limit_per_host"_s,
                       Text::tr("is above connection_limit (%1), which caps it")
                           .arg(performance.tools.connectionLimit));
    }
}

} // namespace

void checkConfigConsistency(const Config &config, ConfigValidator &report)
{
    checkProviders(config, report);
    checkLlmSettings(config, report);
    checkAgents(config, report);
    checkPerformance(config.performance, report);
}

} // namespace spoon
