#include "mcpclient.h"

#include "appinfo.h"
#include "childenvironment.h"
#include "mcpframe.h"
#include "printable.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcessEnvironment>

#include <qcoro/qcorosignal.h>

#include <chrono>

namespace spoon {

Q_LOGGING_CATEGORY(lcMcp, "spoon.mcp")

using namespace Qt::StringLiterals;

namespace {
const QStringList kSupportedVersions{u"2025-06-18"_s, u"2025-03-26"_s, u"2024-11-05"_s};
constexpr int kStderrLines = 5;
} // namespace

// One request waiting for its response.
class McpClient::Pending : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    void complete(Reply reply)
    {
        if (m_done)
            return;
        m_done = true;
        m_reply = std::move(reply);
        Q_EMIT done();
    }
    bool isDone() const { return m_done; }
    const Reply &reply() const { return m_reply; }

Q_SIGNALS:
    void done();

private:
    bool m_done = false;
    Reply m_reply;
};

// Emits once when a start attempt ends, so callers that arrived meanwhile can wait for it.
class McpStartup : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
Q_SIGNALS:
    void ended();
};

QProcessEnvironment McpClient::serverEnvironment(const QProcessEnvironment &ours,
                                                 const QMap<QString, QString> &granted)
{
    return minimalChildEnvironment(ours, granted);
}

McpClient::McpClient(QString name, McpServerConfig config, MetricsRegistry *registry,
                     QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_config(std::move(config))
{
    if (registry) {
        const MetricLabels labels{{"server", m_name.toUtf8()}};
        m_calls = &registry->counter(metric::kMcpCalls, labels);
        m_failures = &registry->counter(metric::kMcpFailures, labels);
        m_restarts = &registry->counter(metric::kMcpStarts, labels);
    }
}

McpClient::~McpClient()
{
    // The process is our child and goes with us. Reaped here after SIGKILL, which takes
    // milliseconds; left running, ~QProcess would warn "Destroyed while process is still
    // running" and then wait just the same.
    if (isRunning()) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
    stop();
}

bool McpClient::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

int McpClient::timeoutMs() const
{
    return std::max(100, int(m_config.timeout * 1000.0));
}

void McpClient::stop()
{
    if (m_process) {
        // Killed without waiting for it on this (the GUI) thread: the process object goes
        // once the kernel has reaped it.
        QProcess *process = m_process;
        process->disconnect(this);
        if (process->state() == QProcess::NotRunning) {
            process->deleteLater();
        } else {
            connect(process, &QProcess::finished, process, &QObject::deleteLater);
            process->kill();
        }
    }
    m_process = nullptr;
    m_state = State::Stopped;
    m_toolsKnown = false;
    m_stdout.clear();
}

void McpClient::breakDown(const QString &why)
{
    qCWarning(lcMcp).noquote() << m_name << why;
    stop();
    const auto waiting = std::exchange(m_pending, {});
    for (const QPointer<Pending> &pending : waiting) {
        if (pending)
            pending->complete(Reply{{}, why});
    }
    if (m_startup)
        endStartup(false, why);
}

void McpClient::endStartup(bool ok, const QString &error)
{
    m_startupOk = ok;
    m_startupError = error;
    if (m_startup) {
        Q_EMIT m_startup->ended();
        // After the queued calls that resume waiting coroutines (see LlmCall::finish).
        QMetaObject::invokeMethod(m_startup.data(), &QObject::deleteLater, Qt::QueuedConnection);
        m_startup = nullptr;
    }
}

void McpClient::send(const QJsonObject &message)
{
    if (!isRunning())
        return;
    // A server that does not read its input would let our writes (answers to its pings, say)
    // pile up without end: past a bound it is broken.
    if (m_process->bytesToWrite() > kMaxUnwrittenBytes) {
        breakDown(u"the server does not read its input (%1 bytes wait to be written)"_s.arg(
            m_process->bytesToWrite()));
        return;
    }
    // stdio transport: one JSON-RPC message per line; compact JSON has no raw newline.
    m_process->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

void McpClient::onStdout()
{
    if (!m_process)
        return;
    m_stdout += m_process->readAllStandardOutput();
    qsizetype newline;
    while (m_process && (newline = m_stdout.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdout.first(newline).trimmed();
        m_stdout.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        const McpFrame frame = McpFrame::parse(line);
        if (frame.kind == McpFrame::Kind::Invalid) {
            breakDown(u"the server wrote something that is %1; it was stopped and will be "
                      u"started again on its next use"_s.arg(frame.problem));
            return;
        }
        onFrame(frame);
    }
    if (m_stdout.size() > kMaxMessageBytes)
        breakDown(u"the server wrote a message longer than %1 bytes"_s.arg(kMaxMessageBytes));
}

void McpClient::onFrame(const McpFrame &frame)
{
    switch (frame.kind) {
    case McpFrame::Kind::Response: {
        const QPointer<Pending> pending = m_pending.take(frame.numericId);
        if (!pending)
            return; // a late answer to a call we gave up on, or an id we never sent
        pending->complete(Reply{frame.result, frame.errorText});
        return;
    }
    case McpFrame::Kind::Request:
        if (frame.method == "ping"_L1) {
            send(QJsonObject{
                {u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, frame.id}, {u"result"_s, QJsonObject()}});
        } else {
            send(QJsonObject{
                {u"jsonrpc"_s, u"2.0"_s},
                {u"id"_s, frame.id},
                {u"error"_s, QJsonObject{{u"code"_s, -32601},
                                         {u"message"_s, QString(u"the client does not offer "_s +
                                                                frame.method)}}}});
        }
        return;
    case McpFrame::Kind::Notification:
        // They may come at any time, before the initialize answer too.
        if (frame.method == "notifications/tools/list_changed"_L1)
            m_toolsKnown = false;
        else if (frame.method == "notifications/message"_L1)
            qCInfo(lcMcp).noquote()
                << m_name << printable(frame.params.value(u"data").toVariant().toString());
        return;
    case McpFrame::Kind::Invalid:
        return;
    }
}

void McpClient::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_state == State::Stopped)
        return;
    QString why = status == QProcess::CrashExit ? u"the server crashed"_s
                                                : u"the server exited with code %1"_s.arg(exitCode);
    if (!m_stderrTail.isEmpty())
        why += u" (it said: %1)"_s.arg(m_stderrTail.last());
    breakDown(why + u"; it will be started again on its next use"_s);
}

QCoro::Task<McpClient::Reply> McpClient::request(QString method, QJsonObject params,
                                                 CancelTokenPtr cancel)
{
    const qint64 id = m_nextId++;
    auto *pending = new Pending(this);
    QPointer<Pending> guard(pending);
    QPointer<McpClient> self(this);
    m_pending.insert(id, pending);
    send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s},
                     {u"id"_s, double(id)},
                     {u"method"_s, method},
                     {u"params"_s, params}});
    if (cancel) {
        connect(cancel.get(), &CancelToken::cancelled, pending, [this, id, pending] {
            m_pending.remove(id);
            send(
                QJsonObject{{u"jsonrpc"_s, u"2.0"_s},
                            {u"method"_s, u"notifications/cancelled"_s},
                            {u"params"_s, QJsonObject{{u"requestId"_s, double(id)},
                                                      {u"reason"_s, u"cancelled by the user"_s}}}});
            pending->complete(Reply{{}, u"cancelled"_s});
        });
    }
    if (!pending->isDone()) {
        auto answered = qCoro(pending, &Pending::done, std::chrono::milliseconds(timeoutMs()));
        co_await answered;
    }
    if (!self || !guard)
        co_return Reply{{}, u"the MCP client went away"_s};
    if (!guard->isDone()) {
        breakDown(u"no answer to %1 within %2 s; the server was stopped and will be started again "
                  u"on its next use"_s.arg(method)
                      .arg(m_config.timeout));
    }
    Reply reply = guard->reply();
    guard->deleteLater();
    co_return reply;
}

QCoro::Task<bool> McpClient::ensureReady(QString *error)
{
    QPointer<McpClient> self(this);
    if (m_state == State::Ready && isRunning())
        co_return true;
    if (m_state == State::Starting && m_startup) {
        auto ended = qCoro(m_startup.data(), &McpStartup::ended);
        co_await ended;
        if (!self)
            co_return false;
        if (!m_startupOk && error)
            *error = m_startupError;
        co_return m_startupOk;
    }

    m_state = State::Starting;
    m_startup = new McpStartup(this);
    m_stderrTail.clear();
    ++m_starts;
    if (m_restarts)
        m_restarts->add();
    auto *process = new QProcess(this);
    m_process = process;
    process->setProcessEnvironment(
        serverEnvironment(QProcessEnvironment::systemEnvironment(), m_config.env));
    if (!m_config.cwd.isEmpty())
        process->setWorkingDirectory(m_config.cwd);
    connect(process, &QProcess::readyReadStandardOutput, this, &McpClient::onStdout);
    connect(process, &QProcess::readyReadStandardError, this, [this, process] {
        for (const QByteArray &line : process->readAllStandardError().split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            qCDebug(lcMcp).noquote() << m_name << "stderr:" << QString::fromUtf8(line);
            m_stderrTail.append(QString::fromUtf8(line.trimmed()).left(300));
            while (m_stderrTail.size() > kStderrLines)
                m_stderrTail.removeFirst();
        }
    });
    connect(process, &QProcess::finished, this, &McpClient::onFinished);
    connect(process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError failure) {
        if (failure == QProcess::FailedToStart)
            breakDown(u"cannot start %1: %2"_s.arg(
                m_config.command, m_process ? m_process->errorString() : QString()));
    });
    process->start(m_config.command, m_config.args);
    if (m_state == State::Stopped) { // it failed to start, and breakDown() said why
        if (error)
            *error = m_startupError;
        co_return false;
    }

    auto initializing =
        request(u"initialize"_s,
                QJsonObject{{u"protocolVersion"_s, QString::fromLatin1(kProtocolVersion)},
                            {u"capabilities"_s, QJsonObject()},
                            {u"clientInfo"_s,
                             QJsonObject{{u"name"_s, QString::fromLatin1(app::kName)},
                                         {u"version"_s, QString::fromLatin1(app::kVersion)}}}});
    const Reply reply = co_await initializing;
    if (!self)
        co_return false;
    QString failure = reply.error;
    const QString version = reply.result.value(u"protocolVersion").toString();
    if (failure.isEmpty() && !kSupportedVersions.contains(version))
        failure = u"the server speaks MCP %1; this client speaks %2"_s.arg(
            version, kSupportedVersions.join(u", "_s));
    if (!failure.isEmpty()) {
        if (m_state != State::Stopped)
            breakDown(failure);
        if (error)
            *error = failure;
        co_return false;
    }
    m_serverName = reply.result.value(u"serverInfo").toObject().value(u"name").toString();
    send(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/initialized"_s}});
    m_state = State::Ready;
    endStartup(true, {});
    co_return true;
}

QCoro::Task<QList<McpToolInfo>> McpClient::listTools(QString *error)
{
    QPointer<McpClient> self(this);
    auto starting = ensureReady(error);
    if (!co_await starting || !self)
        co_return {};
    if (m_toolsKnown)
        co_return m_tools;
    QList<McpToolInfo> tools;
    QString cursor;
    // tools/list is paginated, and a server could page for ever: the whole listing gets the
    // server's timeout, kMaxToolPages pages and kMaxTools tools.
    QElapsedTimer listingClock;
    listingClock.start();
    int pages = 0;
    do {
        if (++pages > kMaxToolPages || tools.size() > kMaxTools ||
            listingClock.elapsed() > timeoutMs()) {
            const QString why =
                u"tools/list did not end within %1 pages, %2 tools and %3 s"_s.arg(kMaxToolPages)
                    .arg(kMaxTools)
                    .arg(timeoutMs() / 1000.0);
            breakDown(why);
            if (error)
                *error = why;
            co_return {};
        }
        QJsonObject params;
        if (!cursor.isEmpty())
            params.insert(u"cursor"_s, cursor);
        auto listing = request(u"tools/list"_s, params);
        const Reply reply = co_await listing;
        if (!self)
            co_return {};
        if (!reply.error.isEmpty()) {
            if (error)
                *error = reply.error;
            co_return {};
        }
        for (const QJsonValue &tool : reply.result.value(u"tools").toArray()) {
            QJsonObject schema = tool[u"inputSchema"].toObject();
            if (schema.isEmpty())
                schema = QJsonObject{{u"type"_s, u"object"_s}};
            tools.append(McpToolInfo{tool[u"name"].toString(), tool[u"description"].toString(),
                                     schema, tool[u"annotations"][u"readOnlyHint"].toBool()});
        }
        cursor = reply.result.value(u"nextCursor").toString();
    } while (!cursor.isEmpty());
    m_tools = tools;
    m_toolsKnown = true;
    co_return tools;
}

QCoro::Task<ToolResult> McpClient::callTool(QString tool, QJsonObject arguments,
                                            CancelTokenPtr cancel)
{
    QPointer<McpClient> self(this);
    if (m_calls)
        m_calls->add();
    QString error;
    auto starting = ensureReady(&error);
    if (!co_await starting || !self) {
        if (self && m_failures)
            m_failures->add();
        co_return ToolResult::error(u"MCP server \"%1\" is not available: %2"_s.arg(m_name, error));
    }
    auto calling = request(u"tools/call"_s,
                           QJsonObject{{u"name"_s, tool}, {u"arguments"_s, arguments}}, cancel);
    const Reply reply = co_await calling;
    if (!self)
        co_return ToolResult::error(u"the MCP client went away"_s);
    if (!reply.error.isEmpty()) {
        if (m_failures)
            m_failures->add();
        co_return ToolResult::error(u"MCP server \"%1\": %2"_s.arg(m_name, reply.error));
    }
    QStringList parts;
    for (const QJsonValue &content : reply.result.value(u"content").toArray()) {
        const QString type = content[u"type"].toString();
        if (type == "text"_L1)
            parts.append(content[u"text"].toString());
        else if (type == "image"_L1 || type == "audio"_L1)
            parts.append(u"[%1 %2, %3 bytes]"_s.arg(type, content[u"mimeType"].toString())
                             .arg(content[u"data"].toString().size() * 3 / 4));
        else if (type == "resource"_L1)
            parts.append(content[u"resource"][u"text"].toString(
                u"[resource "_s + content[u"resource"][u"uri"].toString() + u']'));
        else if (type == "resource_link"_L1)
            parts.append(u"[resource "_s + content[u"uri"].toString() + u']');
    }
    if (parts.isEmpty() && reply.result.contains(u"structuredContent"_s))
        parts.append(
            QString::fromUtf8(QJsonDocument(reply.result.value(u"structuredContent").toObject())
                                  .toJson(QJsonDocument::Compact)));
    const QString text = parts.join(u'\n');
    if (reply.result.value(u"isError").toBool()) {
        if (m_failures)
            m_failures->add();
        co_return ToolResult::error(text);
    }
    co_return ToolResult::ok(text);
}

McpTool::McpTool(std::shared_ptr<McpClient> client, McpToolInfo info)
    : m_client(std::move(client))
    , m_info(std::move(info))
{}

QCoro::Task<ToolResult> McpTool::execute(QJsonObject arguments, CancelTokenPtr cancel)
{
    std::shared_ptr<McpClient> client = m_client; // outlives this call even if the tool goes
    auto calling = client->callTool(m_info.name, arguments, cancel);
    const ToolResult result = co_await calling;
    co_return result;
}

} // namespace spoon

#include "mcpclient.moc"
