#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QTranslator>

// A translator that "translates" every text of one context by putting a mark before it, so a
// test sees which strings go through QCoreApplication::translate without a .qm file. Installed
// for its lifetime.
class MarkingTranslator : public QTranslator
{
public:
    MarkingTranslator(QByteArray context, QString mark)
        : m_context(std::move(context))
        , m_mark(std::move(mark))
    {
        QCoreApplication::installTranslator(this);
    }
    ~MarkingTranslator() override { QCoreApplication::removeTranslator(this); }

    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (m_context != context)
            return {};
        return m_mark + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }

private:
    QByteArray m_context;
    QString m_mark;
};
