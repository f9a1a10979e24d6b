#include "alerthandlers.h"

#include "alertengine.h"
#include "childenvironment.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>

#include <exception>

namespace spoon {

Q_LOGGING_CATEGORY(lcAlerts, "spoon.alerts")

AlertDispatcher::AlertDispatcher(AlertEngine &engine, MetricsRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
{
    connect(&engine, &AlertEngine::alertFired, this, [this](const Alert &alert) {
        dispatch({AlertEvent::Kind::Fired, alert});
    });
    connect(&engine, &AlertEngine::alertResolved, this, [this](const Alert &alert) {
        dispatch({AlertEvent::Kind::Resolved, alert});
    });
}

AlertDispatcher::~AlertDispatcher() = default;

void AlertDispatcher::addHandler(std::unique_ptr<AlertHandler> handler)
{
    AlertHandler *h = handler.get();
    connect(h, &AlertHandler::failed, this,
            [this, h](const QString &why) { reportFailure(*h, why); });
    m_handlers.push_back(std::move(handler));
}

void AlertDispatcher::dispatch(const AlertEvent &event)
{
    for (const std::unique_ptr<AlertHandler> &handler : m_handlers) {
        try {
            handler->deliver(event);
        } catch (const std::exception &e) {
            reportFailure(*handler, QString::fromUtf8(e.what()));
        }
    }
}

void AlertDispatcher::reportFailure(const AlertHandler &handler, const QString &why)
{
    qCWarning(lcAlerts).noquote() << "alert handler" << handler.name() << "failed:" << why;
    m_registry.counter(metric::kAlertHandlerFailures, {{"handler", handler.name().toUtf8()}}).add();
}

void LogAlertHandler::deliver(const AlertEvent &event)
{
    const Alert &a = event.alert;
    if (event.kind == AlertEvent::Kind::Resolved) {
        qCInfo(lcAlerts).noquote() << "resolved:" << a.rule << "peak" << a.peak << "after"
                                   << (a.endedMs - a.startedMs) / 1000.0 << "s";
    } else if (a.level == AlertLevel::Critical) {
        qCCritical(lcAlerts).noquote() << "critical:" << a.message;
    } else {
        qCWarning(lcAlerts).noquote() << "alert:" << a.message;
    }
}

CommandAlertHandler::CommandAlertHandler(QStringList command, int timeoutMs, QObject *parent)
    : AlertHandler(parent)
    , m_command(std::move(command))
    , m_timeoutMs(timeoutMs)
    , m_environment(minimalChildEnvironment(QProcessEnvironment::systemEnvironment(), {}))
{}

CommandAlertHandler::~CommandAlertHandler()
{
    // Every child is killed first, then all are reaped within one kReapWaitMs: a quit never
    // waits a second per child.
    const QList<QProcess *> children = findChildren<QProcess *>();
    for (QProcess *process : children) {
        process->disconnect(this);
        process->kill();
    }
    const QDeadlineTimer deadline(kReapWaitMs);
    int unreaped = 0;
    for (QProcess *process : children) {
        if (!process->waitForFinished(int(qMax<qint64>(0, deadline.remainingTime()))))
            ++unreaped;
    }
    if (unreaped > 0)
        qCWarning(lcAlerts, "quit: %d alert command(s) killed but not yet reaped after %d ms",
                  unreaped, kReapWaitMs);
}

void CommandAlertHandler::deliver(const AlertEvent &event)
{
    if (m_command.isEmpty())
        return;
    if (m_running >= kMaxRunning) {
        Q_EMIT failed(tr("%1 alert commands still running; skipped the alert %2")
                          .arg(m_running)
                          .arg(event.alert.rule));
        return;
    }
    auto *process = new QProcess(this);
    process->setProgram(m_command.first());
    process->setArguments(m_command.mid(1));
    process->setProcessEnvironment(m_environment);
    process->setStandardOutputFile(QProcess::nullDevice());
    auto *deadline = new QTimer(process);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, process, [this, process] {
        Q_EMIT failed(tr("%1 ran longer than %2 s and was stopped")
                          .arg(m_command.first())
                          .arg(m_timeoutMs / 1000.0));
        process->kill();
    });
    ++m_running;
    connect(
        process, &QProcess::finished, this,
        [this, process, deadline](int exitCode, QProcess::ExitStatus status) {
            const bool timedOut = !deadline->isActive();
            deadline->stop();
            --m_running;
            if (!timedOut && (status != QProcess::NormalExit || exitCode != 0)) {
                const QString err =
                    QString::fromUtf8(process->readAllStandardError()).trimmed().left(kStderrShown);
                Q_EMIT failed(tr("%1 exited with %2%3")
                                  .arg(m_command.first())
                                  .arg(status == QProcess::NormalExit ? exitCode : -1)
                                  .arg(err.isEmpty() ? QString() : QStringLiteral(": ") + err));
            }
            Q_EMIT finished(exitCode);
            process->deleteLater();
        });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        --m_running;
        Q_EMIT failed(tr("cannot start %1: %2").arg(m_command.first(), process->errorString()));
        process->deleteLater();
    });
    process->start();
    deadline->start(m_timeoutMs);
    QJsonObject json = event.alert.toJson();
    process->write(QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n');
    process->closeWriteChannel();
}

} // namespace spoon
