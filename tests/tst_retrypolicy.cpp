#include "llm/retrypolicy.h"

#include <QtTest>

#include "support/testenvironment.h"

using namespace spoon;

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void whatIsRetried_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("tokensDelivered");
        QTest::addColumn<bool>("retried");
        using K = LlmError::Kind;
        QTest::newRow("connect error") << int(K::Network) << 0 << false << true;
        QTest::newRow("timeout") << int(K::Timeout) << 0 << false << true;
        QTest::newRow("408") << int(K::Timeout) << 408 << false << true;
        QTest::newRow("409") << int(K::BadRequest) << 409 << false << true;
        QTest::newRow("429") << int(K::RateLimited) << 429 << false << true;
        QTest::newRow("500") << int(K::Server) << 500 << false << true;
        QTest::newRow("503") << int(K::Server) << 503 << false << true;
        QTest::newRow("529 overloaded") << int(K::Server) << 529 << false << true;
        QTest::newRow("400") << int(K::BadRequest) << 400 << false << false;
        QTest::newRow("401") << int(K::Auth) << 401 << false << false;
        QTest::newRow("403") << int(K::Auth) << 403 << false << false;
        QTest::newRow("404") << int(K::BadRequest) << 404 << false << false;
        QTest::newRow("422") << int(K::BadRequest) << 422 << false << false;
        QTest::newRow("malformed answer") << int(K::MalformedResponse) << 0 << false << false;
        QTest::newRow("cut before tokens") << int(K::TruncatedStream) << 0 << false << true;
        QTest::newRow("error event in a stream, before tokens")
            << int(K::Server) << 0 << false << true;
        QTest::newRow("error event in a stream, after tokens")
            << int(K::Server) << 0 << true << false;
        QTest::newRow("cut after tokens") << int(K::TruncatedStream) << 0 << true << false;
        QTest::newRow("drop after tokens") << int(K::Network) << 0 << true << false;
        QTest::newRow("cancelled") << int(K::Cancelled) << 0 << false << false;
        QTest::newRow("missing key") << int(K::MissingKey) << 0 << false << false;
    }

    void whatIsRetried()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(bool, tokensDelivered);
        const RetryPolicy policy(3);
        const LlmError error{LlmError::Kind(kind), status, QStringLiteral("x"), -1};
        QTEST(policy.shouldRetry(error, 0, tokensDelivered), "retried");
    }

    void retryBudget()
    {
        const RetryPolicy policy(2);
        const LlmError error{LlmError::Kind::Server, 500, {}, -1};
        QVERIFY(policy.shouldRetry(error, 0, false));
        QVERIFY(policy.shouldRetry(error, 1, false));
        QVERIFY(!policy.shouldRetry(error, 2, false));
        QVERIFY(!RetryPolicy(0).shouldRetry(error, 0, false));
    }

    void backoffGrowsWithJitter()
    {
        RetryPolicy policy(5, 500, 8000);
        QRandomGenerator random(1);
        policy.setRandomSource(&random);
        for (int retry = 0; retry < 6; ++retry) {
            const double full = std::min(8000.0, 500.0 * std::pow(2.0, retry));
            for (int i = 0; i < 50; ++i) {
                const qint64 delay = policy.delayMs(retry, -1);
                QVERIFY(delay <= qint64(full));
                QVERIFY(delay >= qint64(full * 0.75) - 1);
            }
        }
    }

    void retryAfterWins()
    {
        const RetryPolicy policy(3, 500, 8000, 60'000);
        QCOMPARE(policy.delayMs(0, 2500), qint64(2500));
        QCOMPARE(policy.delayMs(0, 0), qint64(0));
        QCOMPARE(policy.delayMs(0, 3600'000), qint64(60'000)); // capped
    }

    void parseRetryAfter_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("seconds") << QByteArray("3") << qint64(3000);
        QTest::newRow("fraction") << QByteArray("1.5") << qint64(1500);
        QTest::newRow("zero") << QByteArray("0") << qint64(0);
        QTest::newRow("HTTP-date 30 s ahead")
            << QByteArray("Wed, 21 Oct 2015 07:28:30 GMT") << qint64(30'000);
        QTest::newRow("HTTP-date in the past")
            << QByteArray("Wed, 21 Oct 2015 07:27:00 GMT") << qint64(0);
        QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
        QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
        QTest::newRow("absent") << QByteArray() << qint64(-1);
    }

    void parseRetryAfter()
    {
        QFETCH(QByteArray, value);
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
        QTEST(RetryPolicy::parseRetryAfter(value, now), "ms");
    }
};

SPOON_TEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
