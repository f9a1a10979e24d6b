#include "storage/codec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtEndian>
#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;
using namespace Qt::StringLiterals;

namespace {
QJsonValue nested(int depth)
{
    QJsonValue value = u"bottom"_s;
    for (int i = 0; i < depth; ++i)
        value = (i % 2) ? QJsonValue(QJsonArray{value}) : QJsonValue(QJsonObject{{u"k"_s, value}});
    return value;
}

QJsonArray rows(int count)
{
    QJsonArray array;
    for (int i = 0; i < count; ++i)
        array.append(QJsonObject{{u"id"_s, i},
                                 {u"name"_s, u"row %1"_s.arg(i)},
                                 {u"ok"_s, i % 3 == 0},
                                 {u"score"_s, i * 0.25}});
    return array;
}
} // namespace

class TestCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripsExactly_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("empty object") << QJsonValue(QJsonObject());
        QTest::newRow("empty array") << QJsonValue(QJsonArray());
        QTest::newRow("empty string") << QJsonValue(QString());
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("false") << QJsonValue(false);
        QTest::newRow("zero") << QJsonValue(0);
        QTest::newRow("negative fraction") << QJsonValue(-1234.5625);
        QTest::newRow("large integer") << QJsonValue(qint64(1) << 52);
        QTest::newRow("unicode") << QJsonValue(
            u"中文 ﷽ 🥄 \u202e bidi \u0000 nul \"q\" \\"_s);
        QTest::newRow("unicode keys")
            << QJsonValue(QJsonObject{{u"ключ"_s, u"значение"_s}, {u"🥄"_s, 1}});
        QTest::newRow("deep nesting") << nested(500);
        QTest::newRow("large array") << QJsonValue(rows(20000));
        QTest::newRow("tool result")
            << QJsonValue(QJsonObject{{u"status"_s, 200},
                                      {u"body"_s, QString(5000, u'x')},
                                      {u"headers"_s, QJsonObject{{u"a"_s, u"b"_s}}}});
    }
    void roundTripsExactly()
    {
        QFETCH(QJsonValue, value);
        for (codec::Form form : {codec::Form::Json, codec::Form::Compressed}) {
            QString error;
            const std::optional<QJsonValue> back =
                codec::decode(codec::encodeAs(value, form), &error);
            QVERIFY2(back, qPrintable(error));
            QCOMPARE(*back, value);
        }
        const codec::Encoded chosen = codec::encode(value);
        QCOMPARE(*codec::decode(chosen.bytes), value);
    }

    // The seed's rule: JSON unless it is more than 1.2 times the compressed form.
    void keepsTheSmallerTheSeedsWay()
    {
        const QJsonValue repetitive = rows(2000);
        const codec::Encoded big = codec::encode(repetitive);
        QCOMPARE(big.form, codec::Form::Compressed);
        QVERIFY(big.bytes.size() * 3 < codec::encodeAs(repetitive, codec::Form::Json).size());
        QCOMPARE(big.bytes.front(), 'Z');

        const QJsonValue small = QJsonObject{{u"a"_s, 1}};
        const codec::Encoded tiny = codec::encode(small);
        QCOMPARE(tiny.form, codec::Form::Json);
        QCOMPARE(tiny.bytes, "J{\"a\":1}"_ba);
    }

    void refusesDamagedBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray() << u"empty"_s;
        QTest::newRow("unknown form") << "Xabc"_ba << u"unknown form"_s;
        QTest::newRow("bad json") << "J{\"a\":"_ba << u"malformed"_s;
        QTest::newRow("two scalars") << "J1,2"_ba << u"more than one"_s;
        QTest::newRow("truncated frame") << "Z\x28\xb5"_ba << u"truncated"_s;
        QByteArray cut = codec::encodeAs(rows(100), codec::Form::Compressed);
        cut.truncate(cut.size() / 2);
        QTest::newRow("cut frame") << cut << u"truncated"_s;
        QByteArray flipped = codec::encodeAs(rows(100), codec::Form::Compressed);
        flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x5a);
        QTest::newRow("flipped byte") << flipped << u"corrupt"_s;
    }
    void refusesDamagedBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!codec::decode(bytes, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    // What a value claims to unpack to is checked against the cap before any allocation.
    void refusesWhatUnpacksPastTheCap()
    {
        const QByteArray packed = codec::encodeAs(rows(1000), codec::Form::Compressed);
        QString error;
        QVERIFY(!codec::decode(packed, &error, 4096));
        QVERIFY2(error.contains(u"unpacks to"_s), qPrintable(error));
        QVERIFY(codec::decode(packed, &error));
    }
};

SPOON_TEST_GUILESS_MAIN(TestCodec)
#include "tst_codec.moc"
