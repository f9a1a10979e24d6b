#include "config/secret.h"

#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

class TestSecret : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masking_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("masked");
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("short keys reveal nothing") << "abc"
                                                   << "****";
        QTest::newRow("twenty characters reveal nothing") << "12345678901234567890"
                                                          << "****";
        QTest::newRow("long key: first 3 and last 2") << "sk-proj-0123456789abcdefghijXY"
                                                      << "sk-****XY";
    }

    void masking()
    {
        QFETCH(QString, key);
        QTEST(Secret(key).masked(), "masked");
        QCOMPARE(Secret(key).reveal(), key);
        QCOMPARE(Secret(key).isEmpty(), key.isEmpty());
    }
};

SPOON_TEST_GUILESS_MAIN(TestSecret)
#include "tst_secret.moc"
