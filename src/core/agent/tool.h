#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <qcoro/qcorotask.h>

#include <memory>

namespace spoon {

// Lets a running tool know it should stop: the agent was cancelled or its step timed out.
class CancelToken : public QObject
{
    Q_OBJECT
public:
    bool isCancelled() const { return m_cancelled; }
    void cancel()
    {
        if (m_cancelled)
            return;
        m_cancelled = true;
        Q_EMIT cancelled();
    }

Q_SIGNALS:
    void cancelled();

private:
    bool m_cancelled = false;
};
using CancelTokenPtr = std::shared_ptr<CancelToken>;

struct ToolResult
{
    QString content; // what the model reads as the tool's answer
    bool isError = false;

    static ToolResult ok(QString text) { return {std::move(text), false}; }
    static ToolResult error(QString text) { return {std::move(text), true}; }
};

// A tool an agent may call: a name, a description and a JSON Schema for its arguments, which
// the agent checks before execute() runs. execute() is a coroutine that ends with a result or
// an error text for the model; it never throws.
class Tool
{
public:
    virtual ~Tool() = default;
    virtual QString name() const = 0;
    virtual QString description() const = 0;
    virtual QJsonObject parameters() const = 0;
    // Whether this call changes nothing outside (reads only). A step whose calls are all
    // read-only runs them concurrently; otherwise they run in the order the model gave.
    virtual bool isReadOnly(const QJsonObject &arguments) const = 0;
    virtual QCoro::Task<ToolResult> execute(QJsonObject arguments, CancelTokenPtr cancel) = 0;
    // The agent starts a turn: a tool that budgets per turn starts its count again.
    virtual void beginTurn() {}
};

} // namespace spoon
