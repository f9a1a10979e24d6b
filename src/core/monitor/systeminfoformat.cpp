#include "systeminfoformat.h"

#include "config/keysourcetext.h"

#include "telemetry/figureformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate a context it can see; the strings below are translated under it. The
// context keeps the name it had when this was the system-info command's, so that the
// translations made under it still apply.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(spoon::cli::SystemInfo)
};

QString bytes(quint64 value)
{
    return figureText(double(value), FigureUnit::Bytes, QLocale::c());
}

QString providerTypeName(ProviderType type)
{
    return type == ProviderType::Anthropic ? u"anthropic"_s : u"openai"_s;
}

QJsonArray diagnosticsJson(const ConfigDiagnostics &diagnostics, bool errors)
{
    QJsonArray list;
    for (const ConfigDiagnostic &d : diagnostics) {
        if (d.isError() != errors)
            continue;
        list.append(QJsonObject{{u"source"_s, d.source},
                                {u"line"_s, d.line},
                                {u"column"_s, d.column},
                                {u"key"_s, d.keyPath},
                                {u"message"_s, d.message},
                                {u"text"_s, d.toString()}});
    }
    return list;
}

QJsonArray stringsJson(const QStringList &strings)
{
    return QJsonArray::fromStringList(strings);
}

bool isUsable(const Config &config, const ProviderConfig &provider)
{
    return config.usableProviders().contains(&provider);
}

QString effectiveDefaultProvider(const Config &config)
{
    if (!config.llm.defaultProvider.isEmpty())
        return config.llm.defaultProvider;
    const auto usable = config.usableProviders();
    return usable.isEmpty() ? QString() : usable.first()->name;
}

// Terminal columns: East Asian wide characters take two, so translated labels line up.
int displayWidth(const QString &text)
{
    int width = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) ||
                          (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF) ||
                          (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60) ||
                          (u >= 0xFFE0 && u <= 0xFFE6);
        width += wide ? 2 : 1;
    }
    return width;
}

QString line(const QString &label, const QString &value)
{
    constexpr int kLabelColumns = 16;
    const int padding = std::max(1, kLabelColumns - displayWidth(label));
    return u"  "_s + label + QString(padding, u' ') + value + u'\n';
}

} // namespace

QJsonObject systemInfoJson(const SystemInfoReport &r)
{
    const Config &config = r.config.config;
    QJsonArray providers;
    for (const ProviderConfig &p : config.providers) {
        providers.append(QJsonObject{
            {u"name"_s, p.name},
            {u"type"_s, providerTypeName(p.type)},
            {u"base_url"_s, p.baseUrl},
            {u"model"_s, p.model},
            {u"api_key_env"_s, p.apiKeyEnv},
            {u"api_key_set"_s, !p.apiKey.isEmpty()},
            {u"api_key_masked"_s, p.apiKey.masked()},
            {u"api_key_source"_s,
             keySourceName(p.apiKey.isEmpty() ? ProviderConfig::KeySource::None : p.keySource)},
            {u"needs_key"_s, p.needsKey},
            {u"usable"_s, isUsable(config, p)},
            {u"from_file"_s, p.fromFile},
            {u"overridden_by"_s, stringsJson(p.overriddenBy)}});
    }
    QJsonArray agents;
    for (const AgentConfig &a : config.agents) {
        QJsonArray tools;
        for (const ToolConfig &t : a.tools) {
            tools.append(QJsonObject{{u"name"_s, t.name},
                                     {u"type"_s, t.kind == ToolKind::Mcp ? u"mcp"_s : u"builtin"_s},
                                     {u"enabled"_s, t.enabled}});
        }
        const AgentSettings &s = a.settings;
        agents.append(
            QJsonObject{{u"name"_s, a.name},
                        {u"class"_s, a.className},
                        {u"aliases"_s, stringsJson(a.aliases)},
                        {u"description"_s, a.description},
                        {u"default"_s, config.agent(config.defaultAgent) == &a},
                        {u"built_in"_s, a.builtIn},
                        {u"tools"_s, tools},
                        {u"config"_s, QJsonObject{{u"max_steps"_s, s.maxSteps},
                                                  {u"temperature"_s, s.temperature},
                                                  {u"max_tokens"_s, s.maxTokens},
                                                  {u"timeout"_s, s.timeout},
                                                  {u"stream"_s, s.stream},
                                                  {u"cache_enabled"_s, s.cacheEnabled},
                                                  {u"max_history_length"_s, s.maxHistoryLength},
                                                  {u"cleanup_interval"_s, s.cleanupInterval}}}});
    }
    QJsonArray checks;
    QJsonArray advice;
    for (const HealthCheck &c : r.health.checks) {
        checks.append(QJsonObject{{u"id"_s, c.id},
                                  {u"passed"_s, c.passed},
                                  {u"penalty"_s, c.penalty},
                                  {u"message"_s, c.message},
                                  {u"advice"_s, c.advice}});
        if (!c.advice.isEmpty())
            advice.append(c.advice);
    }
    const auto &p = r.process;
    return QJsonObject{
        {u"schema"_s, QString::fromLatin1(kSystemInfoSchema)},
        {u"app"_s, QJsonObject{{u"name"_s, u"spoon-console"_s},
                               {u"version"_s, r.appVersion},
                               {u"qt_runtime_version"_s, r.qtRuntimeVersion},
                               {u"qt_build_version"_s, r.qtBuildVersion}}},
        {u"platform"_s,
         QJsonObject{{u"os"_s, r.platform.os},
                     {u"kernel_type"_s, r.platform.kernelType},
                     {u"kernel_version"_s, r.platform.kernelVersion},
                     {u"architecture"_s, r.platform.architecture},
                     {u"hostname"_s, r.platform.hostname},
                     {u"cpu_count"_s, r.platform.cpuCount},
                     {u"memory_total_bytes"_s, double(r.platform.memoryTotalBytes)},
                     {u"memory_available_bytes"_s, double(r.platform.memoryAvailableBytes)}}},
        {u"config"_s, QJsonObject{{u"path"_s, r.config.location.path},
                                  {u"source"_s, r.config.location.sourceName()},
                                  {u"found"_s, r.config.found},
                                  {u"valid"_s, r.config.isValid()},
                                  {u"errors"_s, diagnosticsJson(r.config.diagnostics, true)},
                                  {u"warnings"_s, diagnosticsJson(r.config.diagnostics, false)}}},
        {u"llm"_s, QJsonObject{{u"default_provider"_s, effectiveDefaultProvider(config)},
                               {u"fallback_chain"_s, stringsJson(config.llm.fallbackChain)},
                               {u"enable_caching"_s, config.llm.enableCaching},
                               {u"demo_endpoint"_s, config.usableProviders().isEmpty()}}},
        {u"providers"_s, providers},
        {u"default_agent"_s, config.defaultAgent},
        {u"agents"_s, agents},
        {u"process"_s, QJsonObject{{u"pid"_s, double(p.pid)},
                                   {u"cpu_percent"_s, p.cpuPercent},
                                   {u"system_cpu_percent"_s, p.systemCpuPercent},
                                   {u"rss_bytes"_s, double(p.rssBytes)},
                                   {u"vms_bytes"_s, double(p.vmsBytes)},
                                   {u"peak_rss_bytes"_s, double(p.peakRssBytes)},
                                   {u"swap_bytes"_s, double(p.swapBytes)},
                                   {u"memory_percent"_s, p.memoryPercent},
                                   {u"threads"_s, p.threads},
                                   {u"open_fds"_s, p.openFds},
                                   {u"disk_io_available"_s, p.diskIoAvailable},
                                   {u"disk_read_bytes"_s, double(p.diskReadBytes)},
                                   {u"disk_write_bytes"_s, double(p.diskWriteBytes)},
                                   {u"net_sent_bytes"_s, double(p.netSentBytes)},
                                   {u"net_received_bytes"_s, double(p.netReceivedBytes)},
                                   {u"sampled_over_ms"_s, p.sampledOverMs}}},
        {u"storage"_s, QJsonObject{{u"data_folder"_s, r.dataFolder},
                                   {u"free_bytes"_s, double(r.dataFolderFreeBytes)},
                                   {u"open_file_limit"_s, double(r.openFileLimit)}}},
        {u"health"_s, QJsonObject{{u"score"_s, r.health.score},
                                  {u"status"_s, r.health.status},
                                  {u"checks"_s, checks},
                                  {u"advice"_s, advice}}},
    };
}

QString systemInfoText(const SystemInfoReport &r)
{
    const Config &config = r.config.config;
    QString text = Text::tr("Spoon Console %1: system information\n").arg(r.appVersion);

    text += u'\n' + Text::tr("Platform") + u'\n';
    text += line(Text::tr("OS"), r.platform.os);
    text += line(Text::tr("Kernel"), r.platform.kernelType + u' ' + r.platform.kernelVersion);
    text += line(Text::tr("Architecture"), r.platform.architecture);
    text += line(Text::tr("CPUs"), QString::number(r.platform.cpuCount));
    text += line(Text::tr("Memory"), Text::tr("%1 total, %2 available")
                                         .arg(bytes(r.platform.memoryTotalBytes),
                                              bytes(r.platform.memoryAvailableBytes)));
    text += line(Text::tr("Qt"),
                 Text::tr("%1 (built with %2)").arg(r.qtRuntimeVersion, r.qtBuildVersion));

    text += u'\n' + Text::tr("Configuration") + u'\n';
    text += line(Text::tr("File"),
                 r.config.location.path + u" (" + r.config.location.sourceName() + u')');
    QString status;
    const int errors = countErrors(r.config.diagnostics);
    if (!r.config.found && errors == 0)
        status = Text::tr("not found: built-in defaults");
    else if (errors == 0)
        status = Text::tr("valid");
    else
        status = Text::tr("INVALID: %n error(s), see below", nullptr, errors);
    text += line(Text::tr("Status"), status);

    text += u'\n' + Text::tr("LLM providers") + u'\n';
    if (config.providers.isEmpty())
        text += u"  "_s + Text::tr("none configured: the built-in demo endpoint answers") + u'\n';
    for (const ProviderConfig &p : config.providers) {
        const QString key = keySourceText(p);
        text += line(p.name, providerTypeName(p.type) + u"  " + p.model + u"  " + p.baseUrl);
        text +=
            line(QString(), key + (isUsable(config, p) ? QString()
                                                       : u"  ["_s + Text::tr("not usable") + u']'));
    }
    const QString chosen = effectiveDefaultProvider(config);
    text += line(Text::tr("Default"), chosen.isEmpty() ? Text::tr("demo endpoint") : chosen);
    if (!config.llm.fallbackChain.isEmpty())
        text += line(Text::tr("Fallback"), config.llm.fallbackChain.join(u" -> "_s));

    text += u'\n' + Text::tr("Agents") + u'\n';
    for (const AgentConfig &a : config.agents) {
        QStringList tools;
        for (const ToolConfig &t : a.tools)
            tools.append(t.enabled ? t.name : t.name + u" (off)"_s);
        QString name = a.name;
        if (config.agent(config.defaultAgent) == &a)
            name += u" *"_s;
        text += line(name, a.className + (a.aliases.isEmpty()
                                              ? QString()
                                              : u"  ["_s + a.aliases.join(u", "_s) + u']'));
        text += line(
            QString(),
            Text::tr("tools: %1").arg(tools.isEmpty() ? Text::tr("none") : tools.join(u", "_s)));
    }

    const auto &p = r.process;
    text += u'\n' +
            Text::tr("This process (pid %1, sampled over %2 ms)").arg(p.pid).arg(p.sampledOverMs) +
            u'\n';
    text += line(Text::tr("CPU"), Text::tr("%1 % of a core (machine %2 %)")
                                      .arg(p.cpuPercent, 0, 'f', 1)
                                      .arg(p.systemCpuPercent, 0, 'f', 1));
    text += line(Text::tr("Memory"),
                 Text::tr("RSS %1 (%2 %), peak %3, virtual %4, swapped %5")
                     .arg(bytes(p.rssBytes))
                     .arg(p.memoryPercent, 0, 'f', 2)
                     .arg(bytes(p.peakRssBytes), bytes(p.vmsBytes), bytes(p.swapBytes)));
    text += line(Text::tr("Threads"), QString::number(p.threads));
    text += line(Text::tr("Open files"), QString::number(p.openFds));
    text += line(
        Text::tr("Disk IO"),
        p.diskIoAvailable
            ? Text::tr("read %1, written %2").arg(bytes(p.diskReadBytes), bytes(p.diskWriteBytes))
            : Text::tr("unavailable (/proc/self/io unreadable)"));
    text += line(Text::tr("Network"), Text::tr("sent %1, received %2 (all interfaces)")
                                          .arg(bytes(p.netSentBytes), bytes(p.netReceivedBytes)));

    text +=
        u'\n' + Text::tr("Health: %1/100 (%2)").arg(r.health.score).arg(r.health.status) + u'\n';
    for (const HealthCheck &c : r.health.checks)
        text += u"  "_s + (c.passed ? u"[ok]   "_s : u"[warn] "_s) + c.message + u'\n';
    bool anyAdvice = false;
    for (const HealthCheck &c : r.health.checks) {
        if (c.advice.isEmpty())
            continue;
        if (!anyAdvice)
            text += u'\n' + Text::tr("Advice") + u'\n';
        anyAdvice = true;
        text += u"  - "_s + c.advice + u'\n';
    }
    return text;
}

} // namespace spoon
