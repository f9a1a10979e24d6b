#pragma once

#include "alert.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <memory>
#include <vector>

namespace spoon {

class AlertEngine;
class MetricsRegistry;

struct AlertEvent
{
    enum class Kind
    {
        Fired,
        Resolved
    };
    Kind kind;
    Alert alert;
};

// One way of telling someone about an alert, as the seed's alert handlers. deliver() must not
// block; a handler that fails (now or when its work ends) says so through failed().
class AlertHandler : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QString name() const = 0;
    virtual void deliver(const AlertEvent &event) = 0;

Q_SIGNALS:
    void failed(const QString &why);
};

// Hands every fired and resolved alert to each handler in turn. A failing handler is logged
// and counted (spoon_alert_handler_failures_total) and never stops the others.
class AlertDispatcher : public QObject
{
    Q_OBJECT
public:
    AlertDispatcher(AlertEngine &engine, MetricsRegistry &registry, QObject *parent = nullptr);
    ~AlertDispatcher() override;
    void addHandler(std::unique_ptr<AlertHandler> handler);
    void dispatch(const AlertEvent &event);

private:
    void reportFailure(const AlertHandler &handler, const QString &why);

    MetricsRegistry &m_registry;
    std::vector<std::unique_ptr<AlertHandler>> m_handlers;
};

// A log line per alert (warning, or critical for a critical one; info when it resolves), in
// JSON under LOG_FORMAT=json like every other line.
class LogAlertHandler : public AlertHandler
{
    Q_OBJECT
public:
    using AlertHandler::AlertHandler;
    QString name() const override { return QStringLiteral("log"); }
    void deliver(const AlertEvent &event) override;
};

// Runs a configured program for each alert with the alert as one JSON object on stdin, for
// mail or chat hooks. The program gets PATH, HOME and LANG and nothing else (our keys stay
// here), is killed after its timeout, and at most kMaxRunning run at once.
class CommandAlertHandler : public AlertHandler
{
    Q_OBJECT
public:
    static constexpr int kMaxRunning = 4;
    static constexpr int kReapWaitMs = 1000; // at quit, for all the killed children together
    static constexpr int kStderrShown = 300; // characters of its stderr in a failure

    CommandAlertHandler(QStringList command, int timeoutMs, QObject *parent = nullptr);
    ~CommandAlertHandler() override; // stops commands still running
    QString name() const override { return QStringLiteral("command"); }
    void deliver(const AlertEvent &event) override;
    int running() const { return m_running; }
    // Tests give the program an environment of their own.
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    QStringList m_command;
    int m_timeoutMs;
    int m_running = 0;
    QProcessEnvironment m_environment;
};

} // namespace spoon
