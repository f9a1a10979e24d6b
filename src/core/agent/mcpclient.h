#pragma once

#include "config/config.h"
#include "tool.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>

#include <qcoro/qcorotask.h>

#include <memory>

namespace spoon {

struct McpFrame;

class Counter;
class McpStartup;
class MetricsRegistry;

struct McpToolInfo
{
    QString name;
    QString description;
    QJsonObject inputSchema;
    bool readOnly = false; // annotations.readOnlyHint
};

// A client of one MCP server over stdio (MCP 2025-06-18, basic protocol and tools):
// newline-delimited JSON-RPC on the server's stdin and stdout, its stderr logged. The server
// starts on first use: initialize, then notifications/initialized; notifications may come
// at any time, before the initialize answer too; requests from the server are answered (ping)
// or refused (-32601). A server that crashes, stops answering within its timeout or writes
// something that is not JSON-RPC is stopped, its waiting calls fail with a clear error, and
// it is started afresh on the next use: it never blocks an agent.
class McpClient : public QObject
{
    Q_OBJECT
public:
    static constexpr char kProtocolVersion[] = "2025-06-18";
    static constexpr int kMaxToolPages = 100;
    static constexpr int kMaxTools = 1000;
    static constexpr qint64 kMaxUnwrittenBytes = 1024 * 1024;
    static constexpr qsizetype kMaxMessageBytes = 16 * 1024 * 1024;

    McpClient(QString name, McpServerConfig config, MetricsRegistry *registry = nullptr,
              QObject *parent = nullptr);
    ~McpClient() override;

    const QString &name() const { return m_name; }
    bool isRunning() const;
    int starts() const { return m_starts; }
    QString serverName() const { return m_serverName; }
    // The server's environment: PATH, HOME and LANG from ours, then what its config entry's
    // `env` grants. Nothing else of ours, provider keys least of all.
    static QProcessEnvironment serverEnvironment(const QProcessEnvironment &ours,
                                                 const QMap<QString, QString> &granted);
    // Requests written to the server and not answered yet.
    int requestsInFlight() const { return int(m_pending.size()); }

    // The server's tools, listed once per start (and again after tools/list_changed).
    QCoro::Task<QList<McpToolInfo>> listTools(QString *error);
    QCoro::Task<ToolResult> callTool(QString tool, QJsonObject arguments, CancelTokenPtr cancel);
    void stop();

private:
    struct Reply
    {
        QJsonObject result;
        QString error; // empty on success
    };
    class Pending;

    QCoro::Task<bool> ensureReady(QString *error);
    QCoro::Task<Reply> request(QString method, QJsonObject params, CancelTokenPtr cancel = {});
    void send(const QJsonObject &message);
    void onStdout();
    void onFrame(const McpFrame &frame);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void breakDown(const QString &why);             // stop the server and fail what waits
    void endStartup(bool ok, const QString &error); // wakes callers waiting for the start
    int timeoutMs() const;

    QString m_name;
    McpServerConfig m_config;
    QPointer<QProcess> m_process;
    QByteArray m_stdout;
    QStringList m_stderrTail;
    QHash<qint64, QPointer<Pending>> m_pending;
    qint64 m_nextId = 1;
    enum class State
    {
        Stopped,
        Starting,
        Ready
    };
    State m_state = State::Stopped;
    QPointer<McpStartup> m_startup; // emits when a start attempt ends, for concurrent callers
    bool m_startupOk = false;
    QString m_startupError;
    QList<McpToolInfo> m_tools;
    bool m_toolsKnown = false;
    QString m_serverName;
    int m_starts = 0;
    Counter *m_calls = nullptr;
    Counter *m_failures = nullptr;
    Counter *m_restarts = nullptr;
};

// One tool of an MCP server, as an agent sees it.
class McpTool : public Tool
{
public:
    McpTool(std::shared_ptr<McpClient> client, McpToolInfo info);
    QString name() const override { return m_info.name; }
    QString description() const override { return m_info.description; }
    QJsonObject parameters() const override { return m_info.inputSchema; }
    bool isReadOnly(const QJsonObject &) const override { return m_info.readOnly; }
    QCoro::Task<ToolResult> execute(QJsonObject arguments, CancelTokenPtr cancel) override;

private:
    std::shared_ptr<McpClient> m_client;
    McpToolInfo m_info;
};

} // namespace spoon
