// The chat view streaming an answer (issue 12, item 3): the GUI thread's CPU to stream a
// markdown answer with code blocks of 100, 1,000 and 4,000 tokens into the message view,
// offscreen, tokens arriving at 1,000 per second (a fast model; the view must keep its cost per
// token flat however long the answer already is). The view is wired as ChatPane wires it.
// The transcript view the pane uses is measured beside the QListView it replaced, wired as the
// pane wired that one, in the same rounds. Three interleaved rounds; prints one JSON line with
// min/median/max per size and view.
// Usage: bench_chatview [transcript|list] (run with QT_QPA_PLATFORM=offscreen); naming a view
// streams 4,000 tokens into it once, for a profiler.
#include "chat/chatmessagedelegate.h"
#include "chat/transcriptview.h"
#include "session/chattranscriptmodel.h"

#include <QApplication>
#include <QListView>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

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

enum class View
{
    Transcript, // what ChatPane shows
    List,       // the QListView it replaced
    None,       // no view: what feeding the model costs, the floor of this measure
};

std::unique_ptr<QListView> makeView(View kind, ChatTranscriptModel &model)
{
    std::unique_ptr<QListView> view = kind == View::Transcript ? std::make_unique<TranscriptView>()
                                                               : std::make_unique<QListView>();
    auto *delegate = new ChatMessageDelegate(view.get());
    view->setItemDelegate(delegate);
    if (kind == View::List) {
        view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view->setResizeMode(QListView::Adjust);
        view->setWordWrap(true);
        // A changed row may change height: QListView lays the list out again.
        QObject::connect(
            &model, &QAbstractItemModel::dataChanged, delegate,
            [delegate](const QModelIndex &first) { Q_EMIT delegate->sizeHintChanged(first); });
    }
    view->setModel(&model);
    // Kept at the bottom as ChatPane keeps it: the new range is scrolled to at once.
    QScrollBar *bar = view->verticalScrollBar();
    QObject::connect(bar, &QScrollBar::rangeChanged, bar,
                     [bar](int, int maximum) { bar->setValue(maximum); });
    view->resize(900, 700);
    return view;
}

// The GUI thread's CPU seconds to stream `tokens` into a fresh view, and the frames drawn.
Run streamInto(View kind, const QStringList &tokens)
{
    ChatTranscriptModel model;
    const std::unique_ptr<QListView> view =
        kind == View::None ? std::make_unique<QListView>() : makeView(kind, model);
    model.addUserMessage(QStringLiteral("How does the engine keep its metrics?"));
    if (kind != View::None)
        view->show();
    QCoreApplication::processEvents();
    if (kind == View::List) { // as ChatPane did on the viewport's resize
        static_cast<ChatMessageDelegate *>(view->itemDelegate())
            ->setContentWidth(view->viewport()->width());
        view->doItemsLayout();
    }

    int next = 0;
    QEventLoop loop;
    QTimer feed;
    feed.setTimerType(Qt::PreciseTimer);
    feed.setInterval(1);
    QObject::connect(&feed, &QTimer::timeout, &loop, [&] {
        if (next < tokens.size()) {
            model.appendStreamedText(tokens.at(next++));
            return;
        }
        feed.stop();
        model.finishAnswer({});
        QTimer::singleShot(50, &loop, &QEventLoop::quit); // the last frame is drawn
    });
    FrameCounter counter;
    view->viewport()->installEventFilter(&counter);
    const double before = threadCpuSeconds();
    feed.start();
    loop.exec();
    return {threadCpuSeconds() - before, counter.frames};
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc > 1) {
        const View only = qstrcmp(argv[1], "list") == 0 ? View::List : View::Transcript;
        const Run run = streamInto(only, answerTokens(4000));
        std::printf("{\"us_per_token_4000\": %.1f}\n", run.cpuSeconds / 4000 * 1e6);
        return 0;
    }
    const int sizes[] = {100, 1000, 4000};
    const View views[] = {View::Transcript, View::List, View::None};
    const char *names[] = {"", "list_", "model_only_"};
    std::vector<double> perToken[3][3];
    std::vector<double> perFrame[3][3];
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 3; ++i) {
            const QStringList tokens = answerTokens(sizes[i]);
            for (int v = 0; v < 3; ++v) {
                const Run run = streamInto(views[v], tokens);
                perToken[v][i].push_back(run.cpuSeconds / double(sizes[i]) * 1e6);
                perFrame[v][i].push_back(run.cpuSeconds / std::max(1, run.frames) * 1e6);
            }
        }
    }
    std::printf("{");
    for (int v = 0; v < 3; ++v) {
        for (int i = 0; i < 3; ++i) {
            std::sort(perToken[v][i].begin(), perToken[v][i].end());
            std::sort(perFrame[v][i].begin(), perFrame[v][i].end());
            std::printf("%s\"%sus_per_token_%d\": [%.1f, %.1f, %.1f]", v + i ? ", " : "", names[v],
                        sizes[i], perToken[v][i][0], perToken[v][i][1], perToken[v][i][2]);
            if (views[v] != View::None)
                std::printf(", \"%sus_per_frame_%d\": %.0f", names[v], sizes[i], perFrame[v][i][1]);
        }
    }
    std::printf(", \"flatness_4000_vs_100\": %.2f", perToken[0][2][1] / perToken[0][0][1]);
    std::printf(", \"list_vs_transcript_4000\": %.2f}\n", perToken[1][2][1] / perToken[0][2][1]);
    return 0;
}
