// A child process for the store's fault tests: opens the SQLite store at PATH and appends
// messages to one conversation as fast as it can, printing "committed ID" after each append
// the store acknowledged, until killed or COUNT are written. With --max-file-bytes it runs
// under RLIMIT_FSIZE (a full disk), prints "failed: WHY" for the first refused write and
// "still running" after it, and exits 0: the writer outlives the error.
// Usage: spoon_store_writer PATH [--count N] [--max-file-bytes N]
#include "futurewait.h"
#include "storage/store.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>

using namespace spoon;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    qint64 count = -1;
    const qsizetype countAt = args.indexOf(QStringLiteral("--count"));
    if (countAt > 0)
        count = args.value(countAt + 1).toLongLong();
    const qsizetype limitAt = args.indexOf(QStringLiteral("--max-file-bytes"));
    if (limitAt > 0) {
        // Past the limit write() fails with EFBIG instead of the process being killed.
        std::signal(SIGXFSZ, SIG_IGN);
        const rlim_t bytes = args.value(limitAt + 1).toULongLong();
        const rlimit limit{bytes, bytes};
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    DatabaseTarget target;
    target.sqlitePath = args.at(1);
    Store store(target, {1, 2, 60000, 10000});
    const SqlOutcome opened = waitForResult(store.open());
    if (!opened.ok()) {
        std::printf("failed: %s\n", qPrintable(opened.error.message));
        return 1;
    }
    const StoreResult<qint64> conversation = waitForResult(
        store.conversations().create(QStringLiteral("writer"), QStringLiteral("react"), 1));
    if (!conversation.ok()) {
        std::printf("failed: %s\n", qPrintable(conversation.error.message));
        return 1;
    }
    const QString padding(400, QLatin1Char('w')); // a message of a realistic size
    for (qint64 i = 0; count < 0 || i < count; ++i) {
        StoredMessage message;
        message.message = ChatMessage::user(QStringLiteral("message %1 ").arg(i) + padding);
        message.createdMs = i;
        const StoreResult<qint64> appended =
            waitForResult(store.conversations().append(conversation.value, message));
        if (!appended.ok()) {
            std::printf("failed: %s\n", qPrintable(appended.error.message));
            std::printf("still running\n");
            std::fflush(stdout);
            return 0;
        }
        std::printf("committed %lld\n", appended.value);
        std::fflush(stdout);
    }
    return 0;
}
