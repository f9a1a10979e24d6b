#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace spoon {

// Maps each key path of a JSON text ("agents.react.tools[1].name") to its line and column,
// which QJsonDocument does not keep, so config errors can point into the file. It also
// notices duplicate keys, which QJsonDocument silently collapses. Run it on text that
// QJsonDocument accepted; on anything else it stops early and knows fewer paths.
class JsonLocator
{
public:
    struct Position
    {
        int line = 0;   // 1-based; 0 when unknown
        int column = 0; // 1-based, in characters
        bool isValid() const { return line > 0; }
    };
    struct Duplicate
    {
        QString path;
        Position position;
    };

    explicit JsonLocator(QByteArrayView json);

    // Where the path's key (or array item) starts; for a path not in the text, where its
    // nearest ancestor starts.
    Position positionOf(const QString &path) const;
    const QList<Duplicate> &duplicates() const { return m_duplicates; }

    static Position positionAtOffset(QByteArrayView text, qsizetype offset);
    // Joins a child onto a path: "a" + "b" = "a.b"; array items use index().
    static QString child(const QString &parent, const QString &key);
    static QString index(const QString &parent, qsizetype i);

private:
    class Scanner;
    QHash<QString, Position> m_positions;
    QList<Duplicate> m_duplicates;
};

} // namespace spoon
