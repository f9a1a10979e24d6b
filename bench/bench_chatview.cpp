// The chat view streaming an answer (issue 12, item 3): the GUI thread's CPU to stream a
// markdown answer with code blocks of 100, 1,000 and 4,000 tokens into the message view,
// offscreen, tokens arriving at 1,000 per second (a fast model; the view must keep its cost per
// token flat however long the answer already is). The view is wired as ChatPane wires it.
// Three interleaved rounds; prints one JSON line with min/median/max per size.
// Usage: bench_chatview (run with QT_QPA_PLATFORM=offscreen)
#include "chat/chatmessagedelegate.h"
#include "chat/chattranscriptmodel.h"

#include <QApplication>
#include <QListView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace spoon;

namespace {

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// An answer as models write them: paragraphs, a list, and fenced code, cut into tokens of
// about four characters.
QStringList answerTokens(int count)
{
    const QString paragraph = QStringLiteral(
        "The engine keeps its **metrics** in one registry, and the dashboard reads them once "
        "per second. Each series is a ring buffer, so a window summary never rescans. ");
    const QString list = QStringLiteral("\n\n- first, the sampler\n- then the `alert` engine\n"
                                        "- last, the exporter\n\n");
    const QString code = QStringLiteral(
        "```python\nimport psutil\n\ndef collect_metrics():\n    p = psutil.Process()\n"
        "    return {\"cpu\": p.cpu_percent(), \"rss\": p.memory_info().rss}\n```\n\n");
    QString text;
    int part = 0;
    while (text.size() < count * 4) {
        text += (part % 3 == 0) ? paragraph : (part % 3 == 1) ? list : code;
        ++part;
    }
    QStringList tokens;
    for (int i = 0; i < count; ++i)
        tokens.append(text.mid(i * 4, 4));
    return tokens;
}

// Counts the frames the view paints.
class FrameCounter : public QObject
{
public:
    int frames = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        frames += event->type() == QEvent::Paint;
        return false;
    }
};

struct Run
{
    double cpuSeconds = 0;
    int frames = 0;
};

// The GUI thread's CPU seconds to stream `tokens` into a fresh view, and the frames drawn.
Run streamInto(const QStringList &tokens)
{
    ChatTranscriptModel model;
    QListView view;
    auto *delegate = new ChatMessageDelegate(&view);
    view.setItemDelegate(delegate);
    view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view.setResizeMode(QListView::Adjust);
    view.setWordWrap(true);
    view.resize(900, 700);
    view.setModel(&model);
    QObject::connect(&model, &QAbstractItemModel::dataChanged, &view,
                     [delegate](const QModelIndex &first) { delegate->rowChanged(first); });
    delegate->setContentWidth(view.viewport()->width());
    model.addUserMessage(QStringLiteral("How does the engine keep its metrics?"));
    view.show();
    QCoreApplication::processEvents();

    int next = 0;
    QEventLoop loop;
    QTimer feed;
    feed.setTimerType(Qt::PreciseTimer);
    feed.setInterval(1);
    QObject::connect(&feed, &QTimer::timeout, &loop, [&] {
        if (next < tokens.size()) {
            model.appendStreamedText(tokens.at(next++));
            view.scrollToBottom();
            return;
        }
        feed.stop();
        model.finishAnswer({});
        QTimer::singleShot(50, &loop, &QEventLoop::quit); // the last frame is drawn
    });
    FrameCounter counter;
    view.viewport()->installEventFilter(&counter);
    const double before = threadCpuSeconds();
    feed.start();
    loop.exec();
    return {threadCpuSeconds() - before, counter.frames};
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int sizes[] = {100, 1000, 4000};
    std::vector<double> perToken[3];
    std::vector<double> perFrame[3];
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 3; ++i) {
            const QStringList tokens = answerTokens(sizes[i]);
            const Run run = streamInto(tokens);
            perToken[i].push_back(run.cpuSeconds / double(sizes[i]) * 1e6);
            perFrame[i].push_back(run.cpuSeconds / std::max(1, run.frames) * 1e6);
        }
    }
    std::printf("{");
    for (int i = 0; i < 3; ++i) {
        std::sort(perToken[i].begin(), perToken[i].end());
        std::sort(perFrame[i].begin(), perFrame[i].end());
        std::printf("%s\"us_per_token_%d\": [%.1f, %.1f, %.1f], \"us_per_frame_%d\": %.0f",
                    i ? ", " : "", sizes[i], perToken[i][0], perToken[i][1], perToken[i][2],
                    sizes[i], perFrame[i][1]);
    }
    std::printf(", \"flatness_4000_vs_100\": %.2f}\n", perToken[2][1] / perToken[0][1]);
    return 0;
}
