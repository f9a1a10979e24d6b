#pragma once

#include <QString>

namespace spoon {

// An API key. It has no implicit conversion to text, so it cannot slip into a log line or
// a QDebug stream by accident; reveal() is the one way out, for the request header. Every
// key is also remembered process-wide, so that text from elsewhere that echoes it (a
// server's error message) can be redacted before it is shown or logged: redactSecrets().
class Secret
{
public:
    Secret() = default;
    explicit Secret(QString value);

    bool isEmpty() const { return m_value.isEmpty(); }
    const QString &reveal() const { return m_value; }
    // At most the first 3 and last 2 characters, and only of a key long enough that this
    // leaves the rest unguessable; shorter keys are fully hidden.
    QString masked() const;

private:
    QString m_value;
};

// `text` with every key a Secret holds, or held, replaced by its masked form. Keys shorter
// than 8 characters are left alone: they would match ordinary words.
QString redactSecrets(QString text);

} // namespace spoon
