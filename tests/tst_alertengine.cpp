// The alert rules on synthetic series: a registry whose figures the test sets, and a clock
// the test advances, one tick per value.
#include "config/configloader.h"
#include "monitor/alertengine.h"
#include "telemetry/metricnames.h"
#include "telemetry/metricsregistry.h"

#include <QSignalSpy>
#include <QtTest>

#include "support/markingtranslator.h"
#include "support/testenvironment.h"

using namespace spoon;

namespace {

constexpr qint64 kStart = 1'700'000'000'000; // any wall-clock time
constexpr qint64 kTickMs = 1000;

AlertRule cpuRule(qint64 holdForMs = 0, qint64 cooldownMs = 0, qint64 windowMs = kTickMs)
{
    AlertRule rule;
    rule.name = QStringLiteral("cpu_percent");
    rule.type = QStringLiteral("cpu_high");
    rule.input = {AlertInput::Kind::GaugeMean, &metric::kProcessCpuPercent, nullptr, 1.0};
    rule.threshold = 80;
    rule.windowMs = windowMs;
    rule.holdForMs = holdForMs;
    rule.cooldownMs = cooldownMs;
    rule.resolveMargin = 0.1;
    return rule;
}

qint64 tickTime(int tick)
{
    return kStart + tick * kTickMs;
}

int tickOf(const QList<QVariant> &signalArguments)
{
    return int((signalArguments.first().value<Alert>().startedMs - kStart) / kTickMs);
}

} // namespace

class TestAlertEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A family with no series yet is at zero: the first LLM calls are judged (they were the
    // baseline of the window, and a slow first answer never raised response_time).
    void theFirstCallsOfANewSeriesCount()
    {
        MetricsRegistry registry;
        QList<AlertRule> rules;
        for (const AlertRule &rule : alertRulesFromConfig(Config::defaults())) {
            if (rule.name == QLatin1String(alertrule::kResponseTime))
                rules.append(rule);
        }
        QCOMPARE(rules.size(), 1);
        AlertEngine engine(registry, rules);
        engine.evaluate(tickTime(0));
        QVERIFY(!engine.ruleStatus().first().value);
        registry.histogram(metric::kLlmResponseSeconds, {1, 5, 10}).observe(6);
        engine.evaluate(tickTime(1));
        QCOMPARE(engine.ruleStatus().first().value.value_or(-1), 6.0);
    }

    void episodes_data()
    {
        QTest::addColumn<QList<double>>("series");
        QTest::addColumn<qint64>("holdForMs");
        QTest::addColumn<qint64>("cooldownMs");
        QTest::addColumn<QList<int>>("firedAtTicks");
        QTest::addColumn<QList<int>>("resolvedAtTicks");

        QTest::newRow("fires once while high")
            << QList<double>{50, 90, 90, 95, 90} << 0LL << 0LL << QList<int>{1} << QList<int>{};
        QTest::newRow("resolves below the margin")
            << QList<double>{90, 90, 71, 50} << 0LL << 0LL << QList<int>{0} << QList<int>{2};
        QTest::newRow("between margin and threshold it stays firing")
            << QList<double>{90, 75, 78, 73, 79} << 0LL << 0LL << QList<int>{0} << QList<int>{};
        QTest::newRow("at the threshold is not above it")
            << QList<double>{80, 80, 80} << 0LL << 0LL << QList<int>{} << QList<int>{};
        QList<double> flapping;
        for (int i = 0; i < 40; ++i)
            flapping << (i % 2 ? 81.0 : 79.0);
        QTest::newRow("flapping around the threshold does not storm")
            << flapping << 0LL << 0LL << QList<int>{1} << QList<int>{};
        QList<double> wide;
        for (int i = 0; i < 12; ++i)
            wide << (i % 2 ? 70.0 : 90.0);
        QTest::newRow("wide flapping fires once per cooldown")
            << wide << 0LL << 5000LL << QList<int>{0, 6} << QList<int>{1, 7};
        QTest::newRow("without a cooldown each episode fires")
            << QList<double>{90, 70, 90, 70} << 0LL << 0LL << QList<int>{0, 2} << QList<int>{1, 3};
        QTest::newRow("for: fires once the crossing held long enough")
            << QList<double>{90, 90, 90, 90, 90} << 3000LL << 0LL << QList<int>{3} << QList<int>{};
        QTest::newRow("for: a dip starts the wait again")
            << QList<double>{90, 90, 50, 90, 90, 90} << 2000LL << 0LL << QList<int>{5}
            << QList<int>{};
        QTest::newRow("for: a short spike never fires")
            << QList<double>{90, 50, 90, 50} << 1000LL << 0LL << QList<int>{} << QList<int>{};
    }

    void episodes()
    {
        QFETCH(QList<double>, series);
        QFETCH(qint64, holdForMs);
        QFETCH(qint64, cooldownMs);
        QFETCH(QList<int>, firedAtTicks);
        QFETCH(QList<int>, resolvedAtTicks);

        MetricsRegistry registry;
        Gauge &cpu = registry.gauge(metric::kProcessCpuPercent);
        AlertEngine engine(registry, {cpuRule(holdForMs, cooldownMs)});
        QSignalSpy fired(&engine, &AlertEngine::alertFired);
        QSignalSpy resolved(&engine, &AlertEngine::alertResolved);
        for (int tick = 0; tick < series.size(); ++tick) {
            cpu.set(series[tick]);
            engine.evaluate(tickTime(tick));
        }
        QList<int> firedTicks;
        for (const QList<QVariant> &args : std::as_const(fired))
            firedTicks << tickOf(args);
        QList<int> resolvedTicks;
        for (const QList<QVariant> &args : std::as_const(resolved))
            resolvedTicks << int((args.first().value<Alert>().endedMs - kStart) / kTickMs);
        QCOMPARE(firedTicks, firedAtTicks);
        QCOMPARE(resolvedTicks, resolvedAtTicks);
        const double active = registry.gaugeValue(metric::kAlertsActive);
        QCOMPARE(active, double(firedAtTicks.size() - resolvedAtTicks.size()));
        QCOMPARE(
            registry.value(metric::kAlertsFired, {{"rule", "cpu_percent"}, {"level", "warning"}})
                .value_or(-1),
            double(firedAtTicks.size()));
    }

    void anAlertSaysWhatCrossedWhat()
    {
        MetricsRegistry registry;
        registry.gauge(metric::kProcessCpuPercent).set(93.14);
        AlertEngine engine(registry, {cpuRule(60'000, 0, 60'000)}); // once a window has passed
        QSignalSpy fired(&engine, &AlertEngine::alertFired);
        engine.evaluate(kStart - 60'000);
        engine.evaluate(kStart);
        QCOMPARE(fired.size(), 1);
        const Alert alert = fired.first().first().value<Alert>();
        QCOMPARE(alert.message, QStringLiteral("Process CPU 93 % is above 80 % (1 min average)"));
        QVERIFY(alert.isActive());
        // The seed's alert dict, plus the episode.
        const QJsonObject json = alert.toJson();
        QCOMPARE(json.value(u"type").toString(), QStringLiteral("cpu_high"));
        QCOMPARE(json.value(u"value").toDouble(), 93.14);
        QCOMPARE(json.value(u"threshold").toDouble(), 80.0);
        QCOMPARE(json.value(u"message").toString(), alert.message);
        QCOMPARE(json.value(u"state").toString(), QStringLiteral("firing"));
        QCOMPARE(json.value(u"level").toString(), QStringLiteral("warning"));
    }

    // Right after start the mean covers less than the window, and the alert says so: the card
    // shows a later figure, not the minute's average the message would otherwise claim.
    void anAlertSoonAfterStartSaysWhatItAveraged_data()
    {
        QTest::addColumn<QList<double>>("series");
        QTest::addColumn<QString>("message");
        QTest::newRow("the first sample")
            << QList<double>{93.14} << "Process CPU 93 % is above 80 % (one sample)";
        QTest::newRow("three seconds")
            << QList<double>{50, 60, 90, 160} << "Process CPU 90 % is above 80 % (3 s average)";
    }

    void anAlertSoonAfterStartSaysWhatItAveraged()
    {
        QFETCH(QList<double>, series);
        MetricsRegistry registry;
        Gauge &cpu = registry.gauge(metric::kProcessCpuPercent);
        AlertEngine engine(registry, {cpuRule(0, 0, 60'000)});
        QSignalSpy fired(&engine, &AlertEngine::alertFired);
        for (int tick = 0; tick < series.size(); ++tick) {
            cpu.set(series[tick]);
            engine.evaluate(tickTime(tick));
        }
        QCOMPARE(fired.size(), 1);
        QTEST(fired.first().first().value<Alert>().message, "message");
    }

    // Each figure as the card it comes from prints it (Process cards: a decimal below 10 %;
    // LLM tab: ms below 1 s, else 2 decimals), a threshold as it was set, and a value never
    // rounded into reading the same as its threshold.
    void aMessagePrintsFiguresAsTheirCardDoes_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("CPU, at the card's precision")
            << "cpu_percent" << 80.0 << 93.14 << "Process CPU 93 % is above 80 % (1 min average)";
        QTest::newRow("CPU, just over")
            << "cpu_percent" << 80.0 << 80.3 << "Process CPU 80.3 % is above 80 % (1 min average)";
        QTest::newRow("memory, a decimal below 10 %")
            << "memory_percent" << 5.0 << 7.26
            << "Process memory 7.3 % is above 5 % (1 min average)";
        QTest::newRow("a threshold keeps its decimals")
            << "memory_percent" << 0.05 << 0.14
            << "Process memory 0.14 % is above 0.05 % (1 min average)";
        QTest::newRow("never rounded into looking equal")
            << "memory_percent" << 0.049 << 0.05
            << "Process memory 0.050 % is above 0.049 % (1 min average)";
        QTest::newRow("memory level, just over")
            << "memory_critical" << 0.9 << 0.9004
            << "Resident memory 57.6 MiB is 90.04 % of the 64 MiB limit, above the critical "
               "level of 90 % (1 min average)";
        QTest::newRow("memory level") << "memory_warning" << 0.8 << 0.85
                                      << "Resident memory 54.4 MiB is 85 % of the 64 MiB limit, "
                                         "above the warning level of 80 % (1 min average)";
        QTest::newRow("response time")
            << "response_time" << 5.0 << 6.19
            << "Average LLM response time 6.19 s is above 5 s (over 1 min)";
        QTest::newRow("response time, just over")
            << "response_time" << 5.0 << 5.001
            << "Average LLM response time 5.001 s is above 5 s (over 1 min)";
        QTest::newRow("response time under a second")
            << "response_time" << 0.5 << 0.6
            << "Average LLM response time 600 ms is above 500 ms (over 1 min)";
        QTest::newRow("error rate, as the LLM tab has it")
            << "error_rate" << 0.1 << 0.2 << "LLM error rate 20 % is above 10 % (over 1 min)";
        QTest::newRow("error rate, just over")
            << "error_rate" << 0.1 << 0.1004 << "LLM error rate 10.04 % is above 10 % (over 1 min)";
    }

    void aMessagePrintsFiguresAsTheirCardDoes()
    {
        QFETCH(QString, rule);
        QFETCH(double, threshold);
        QFETCH(double, value);
        Config config = Config::defaults();
        config.performance.agents.memoryLimitMb = 64;
        for (AlertRule r : alertRulesFromConfig(config)) {
            if (r.name != rule)
                continue;
            r.threshold = threshold;
            QTEST(alertMessage(r, value), "message");
            return;
        }
        QFAIL("no such rule");
    }

    // The message shows in the toast, the Alerts tab and the status bar: in the UI's language.
    void aMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("CPU") << "cpu_percent" << 80.0 << 93.14
                             << "T:Process CPU 93 % is above 80 %T: (1 min average)";
        QTest::newRow("memory") << "memory_percent" << 90.0 << 97.0
                                << "T:Process memory 97 % is above 90 %T: (1 min average)";
        QTest::newRow("memory level")
            << "memory_warning" << 0.8 << 0.85
            << "T:Resident memory 54.4 MiB is 85 % of the 64 MiB limit, above the warning level "
               "of 80 %T: (1 min average)";
        QTest::newRow("response time")
            << "response_time" << 5.0 << 6.19
            << "T:Average LLM response time 6.19 s is above 5 sT: (over 1 min)";
        QTest::newRow("error rate")
            << "error_rate" << 0.1 << 0.2 << "T:LLM error rate 20 % is above 10 %T: (over 1 min)";
    }

    void aMessageIsTranslated()
    {
        QFETCH(QString, rule);
        QFETCH(double, threshold);
        QFETCH(double, value);
        const MarkingTranslator translator("spoon::AlertRule", QStringLiteral("T:"));
        Config config = Config::defaults();
        config.performance.agents.memoryLimitMb = 64;
        for (AlertRule r : alertRulesFromConfig(config)) {
            if (r.name != rule)
                continue;
            r.threshold = threshold;
            QTEST(alertMessage(r, value), "message");
            if (r.input.kind == AlertInput::Kind::GaugeMean) {
                QCOMPARE(alertMessage(r, value, 0),
                         alertMessage(r, value).section(QStringLiteral("T: ("), 0, 0) +
                             QStringLiteral("T: (one sample)"));
            }
            return;
        }
        QFAIL("no such rule");
    }

    void aGaugeIsAveragedOverItsWindow()
    {
        MetricsRegistry registry;
        Gauge &cpu = registry.gauge(metric::kProcessCpuPercent);
        AlertEngine engine(registry, {cpuRule(0, 0, 3 * kTickMs)});
        const QList<double> series{100, 0, 0, 0};
        const QList<double> means{100, 50, 100.0 / 3, 0};
        for (int tick = 0; tick < series.size(); ++tick) {
            cpu.set(series[tick]);
            engine.evaluate(tickTime(tick));
            const auto value = engine.ruleStatus().first().value;
            QVERIFY(value);
            QVERIFY2(qAbs(*value - means[tick]) < 1e-9, qPrintable(QString::number(*value)));
        }
    }

    void anErrorRateIsTheShareOfFailedCallsInTheWindow()
    {
        MetricsRegistry registry;
        AlertRule rule;
        rule.name = QStringLiteral("error_rate");
        rule.input = {AlertInput::Kind::CounterRatio, &metric::kLlmFailures, &metric::kLlmRequests,
                      1.0};
        rule.threshold = 0.1;
        rule.windowMs = 2 * kTickMs;
        AlertEngine engine(registry, {rule});
        QSignalSpy fired(&engine, &AlertEngine::alertFired);
        QSignalSpy resolved(&engine, &AlertEngine::alertResolved);
        // Two providers; the totals add up across them.
        Counter &requestsA = registry.counter(metric::kLlmRequests, {{"provider", "a"}});
        Counter &requestsB = registry.counter(metric::kLlmRequests, {{"provider", "b"}});
        engine.evaluate(tickTime(0));
        QVERIFY(!engine.ruleStatus().first().value); // no call yet: nothing to judge

        requestsA.add(30);
        requestsB.add(10);
        registry.counter(metric::kLlmFailures, {{"provider", "b"}, {"kind", "timeout"}}).add(8);
        engine.evaluate(tickTime(1));
        QCOMPARE(*engine.ruleStatus().first().value, 0.2);
        QCOMPARE(fired.size(), 1);

        // The failures leave the window; no call since means nothing fails: it resolves.
        engine.evaluate(tickTime(2));
        engine.evaluate(tickTime(3));
        QVERIFY(!engine.ruleStatus().first().value);
        QCOMPARE(resolved.size(), 1);
    }

    void aResponseTimeIsTheMeanLatencyInTheWindow()
    {
        MetricsRegistry registry;
        AlertRule rule;
        rule.name = QStringLiteral("response_time");
        rule.input = {AlertInput::Kind::HistogramMean, &metric::kLlmResponseSeconds, nullptr, 1.0};
        rule.threshold = 5.0;
        rule.windowMs = 10 * kTickMs;
        AlertEngine engine(registry, {rule});
        QSignalSpy fired(&engine, &AlertEngine::alertFired);
        Histogram &latency = registry.histogram(metric::kLlmResponseSeconds, {1, 5, 10});
        latency.observe(20); // before the engine's first look: not in any window
        engine.evaluate(tickTime(0));
        latency.observe(2);
        latency.observe(4);
        engine.evaluate(tickTime(1));
        QCOMPARE(*engine.ruleStatus().first().value, 3.0);
        QCOMPARE(fired.size(), 0);
        latency.observe(12);
        engine.evaluate(tickTime(2));
        QCOMPARE(*engine.ruleStatus().first().value, 6.0);
        QCOMPARE(fired.size(), 1);
    }

    void acknowledgingMarksTheAlertOnce()
    {
        MetricsRegistry registry;
        Gauge &cpu = registry.gauge(metric::kProcessCpuPercent);
        AlertEngine engine(registry, {cpuRule()});
        QSignalSpy acknowledged(&engine, &AlertEngine::alertAcknowledged);
        cpu.set(99);
        engine.evaluate(tickTime(0));
        const quint64 id = engine.activeAlerts().first().id;
        QVERIFY(engine.acknowledge(id, tickTime(1)));
        QVERIFY(!engine.acknowledge(id, tickTime(2)));
        QVERIFY(!engine.acknowledge(id + 100, tickTime(2)));
        QCOMPARE(acknowledged.size(), 1);
        cpu.set(0);
        engine.evaluate(tickTime(3));
        QVERIFY(engine.activeAlerts().isEmpty());
        const Alert past = engine.recentAlerts().first();
        QCOMPARE(past.id, id);
        QCOMPARE(past.acknowledgedMs, tickTime(1));
        QCOMPARE(past.endedMs, tickTime(3));
        QCOMPARE(past.peak, 99.0);
    }

    void activeAlertsComeFirstAndThePastIsBounded()
    {
        MetricsRegistry registry;
        Gauge &cpu = registry.gauge(metric::kProcessCpuPercent);
        Gauge &memory = registry.gauge(metric::kProcessMemoryPercent);
        AlertRule memoryRule = cpuRule();
        memoryRule.name = QStringLiteral("memory_percent");
        memoryRule.input.family = &metric::kProcessMemoryPercent;
        AlertEngine engine(registry, {cpuRule(), memoryRule});
        memory.set(95);
        int tick = 0;
        for (int episode = 0; episode < AlertEngine::kRecentAlertsKept + 20; ++episode) {
            cpu.set(95);
            engine.evaluate(tickTime(tick++));
            cpu.set(10);
            engine.evaluate(tickTime(tick++));
        }
        const QList<Alert> recent = engine.recentAlerts();
        QCOMPARE(recent.size(), AlertEngine::kRecentAlertsKept);
        QCOMPARE(recent.first().rule, QStringLiteral("memory_percent"));
        QVERIFY(recent.first().isActive());
        QVERIFY(!recent.at(1).isActive());
        QVERIFY(recent.at(1).startedMs > recent.at(2).startedMs); // newest first
    }

    void rulesComeFromTheConfigWithTheSeedsDefaults()
    {
        const ConfigLoadResult loaded = ConfigLoader::parse(
            R"({"performance": {"agents": {"memory_limit_mb": 256}},
                "monitoring": {"thresholds": {"cpu_percent": 150},
                               "alerts": {"window": 30, "cooldown": 120,
                                          "rules": {"cpu_percent": {"for": 15, "window": 5}}}}})",
            QStringLiteral("test.json"), {});
        QVERIFY2(loaded.isValid(),
                 qPrintable(loaded.diagnostics.isEmpty() ? QString()
                                                         : loaded.diagnostics.first().message));
        const QList<AlertRule> rules = alertRulesFromConfig(loaded.config);
        QStringList names;
        for (const AlertRule &rule : rules)
            names << rule.name;
        QCOMPARE(names, alertRuleNames());
        auto rule = [&](const char *name) {
            for (const AlertRule &r : rules) {
                if (r.name == QLatin1String(name))
                    return r;
            }
            return AlertRule{};
        };
        QCOMPARE(rule("memory_percent").threshold, 80.0);
        QCOMPARE(rule("cpu_percent").threshold, 150.0);
        QCOMPARE(rule("response_time").threshold, 5.0);
        QCOMPARE(rule("response_time").input.family, &metric::kLlmResponseSeconds);
        QCOMPARE(rule("error_rate").threshold, 0.1);
        QCOMPARE(rule("memory_warning").threshold, 0.8);
        QCOMPARE(rule("memory_critical").threshold, 0.9);
        QCOMPARE(rule("memory_critical").level, AlertLevel::Critical);
        QCOMPARE(rule("memory_warning").input.scale, 1.0 / (256.0 * 1024 * 1024));
        QCOMPARE(rule("cpu_percent").windowMs, 5000);
        QCOMPARE(rule("cpu_percent").holdForMs, 15000);
        QCOMPARE(rule("cpu_percent").cooldownMs, 120000);
        QCOMPARE(rule("memory_percent").windowMs, 30000);
        QCOMPARE(rule("memory_percent").holdForMs, 0);
        QCOMPARE(rule("memory_percent").resolveMargin, 0.1);
    }

    void aMemoryLevelIsAShareOfTheLimit()
    {
        MetricsRegistry registry;
        Config config = Config::defaults();
        config.performance.agents.memoryLimitMb = 100;
        config.monitoring.alerts.rules[QStringLiteral("memory_warning")].window = 1;
        const QList<AlertRule> all = alertRulesFromConfig(config);
        QList<AlertRule> memoryWarning;
        for (const AlertRule &r : all) {
            if (r.name == QLatin1String("memory_warning"))
                memoryWarning << r;
        }
        AlertEngine engine(registry, memoryWarning);
        QSignalSpy fired(&engine, &AlertEngine::alertFired);
        Gauge &rss = registry.gauge(metric::kProcessResidentBytes);
        rss.set(79.0 * 1024 * 1024);
        engine.evaluate(tickTime(0));
        QCOMPARE(fired.size(), 0);
        rss.set(85.0 * 1024 * 1024);
        engine.evaluate(tickTime(1));
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired.first().first().value<Alert>().message,
                 QStringLiteral("Resident memory 85.0 MiB is 85 % of the 100 MiB limit, above the "
                                "warning level of 80 % (1 s average)"));
    }
};

SPOON_TEST_GUILESS_MAIN(TestAlertEngine)
#include "tst_alertengine.moc"
