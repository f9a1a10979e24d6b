#pragma once

// The test fixtures under tests/fixtures, read whole. A missing fixture stops the test run:
// it is a broken checkout, not a finding.
#include <QByteArray>
#include <QFile>
#include <QString>

namespace spoon::test {

inline QByteArray readFixture(const QString &relativePath)
{
    QFile file(QStringLiteral(SPOON_TEST_FIXTURES "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relativePath));
    return file.readAll();
}

} // namespace spoon::test
