// TranscriptView: the chat's own row layout. Rows tile the content; a changed row is measured
// again alone; keys, clicks and scrollTo find the rows the layout says; and while an answer
// streams, a frame repaints only its tail, leaving pixels that a full repaint would draw too.
#include "chat/chatmessagedelegate.h"
#include "chat/transcriptview.h"
#include "session/chattranscriptmodel.h"
#include "stablescrollbar.h"
#include "theme.h"

#include <QAccessible>
#include <QPaintEvent>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStringListModel>
#include <QStyledItemDelegate>
#include <QtTest>

using namespace spoon;

namespace {

// Rows as tall as their text is long, so that heights follow no font; counts what it measured.
class LengthDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static int heightOf(const QString &text) { return 10 + 4 * int(text.size()); }
    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        ++measured[index.row()];
        return {100, heightOf(index.data().toString())};
    }
    mutable QHash<int, int> measured;
};

// Collects what the viewport repaints.
class PaintRecorder : public QObject
{
public:
    QRegion painted;
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            painted += static_cast<QPaintEvent *>(event)->region();
            ++paints;
        }
        return false;
    }
};

QStringList rowTexts()
{
    QStringList texts;
    for (int i = 0; i < 40; ++i)
        texts.append(QString(i % 7 + 1, QLatin1Char('x')));
    return texts;
}

// A long answer as models write it: paragraphs, a list, fenced code.
QString longAnswer()
{
    QString text;
    for (int i = 0; i < 12; ++i) {
        text += QStringLiteral("Paragraph %1 says what the engine measures, and why it keeps it "
                               "in a ring buffer.\n\n- one\n- two\n\n```cpp\nint x = %1;\n```\n\n")
                    .arg(i);
    }
    return text;
}

struct ListFixture
{
    QStringListModel model{rowTexts()};
    TranscriptView view;
    LengthDelegate *delegate = new LengthDelegate(&view);
    ListFixture()
    {
        view.setItemDelegate(delegate);
        view.setModel(&model);
        view.resize(300, 200);
        view.show();
    }
};

// Rows follow one another with no gap, each as tall as the delegate says, and indexAt finds
// them where visualRect puts them.
void verifyTiling(TranscriptView &view)
{
    const QAbstractItemModel *model = view.model();
    int expectedTop = view.visualRect(model->index(0, 0)).top();
    int total = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        const QRect rect = view.visualRect(index);
        QCOMPARE(rect.top(), expectedTop);
        QCOMPARE(rect.height(), LengthDelegate::heightOf(index.data().toString()));
        QCOMPARE(rect.width(), view.viewport()->width());
        QCOMPARE(view.indexAt(rect.center()), index);
        QCOMPARE(view.indexAt(QPoint(0, rect.top())), index);
        QCOMPARE(view.indexAt(QPoint(0, rect.bottom())), index);
        expectedTop = rect.bottom() + 1;
        total += rect.height();
    }
    QCOMPARE(view.contentHeight(), total);
}

// The chat's own delegate and model, the answer streaming into a view kept at the bottom as
// ChatPane keeps it.
struct ChatFixture
{
    ChatTranscriptModel model;
    TranscriptView view;
    PaintRecorder recorder;
    ChatFixture()
    {
        view.setObjectName(QStringLiteral("messageView")); // as ChatPane names it: styled so
        view.setItemDelegate(new ChatMessageDelegate(&view));
        view.setModel(&model);
        QScrollBar *bar = view.verticalScrollBar();
        QObject::connect(bar, &QScrollBar::rangeChanged, bar,
                         [bar](int, int maximum) { bar->setValue(maximum); });
        view.resize(500, 400);
        model.addUserMessage(QStringLiteral("How does the engine keep its metrics?"));
        view.show();
        view.viewport()->installEventFilter(&recorder);
    }
    // Streams `text` as one frame and waits until the view has drawn it.
    bool streamFrame(const QString &text)
    {
        // The frame is said at once, not at the model's frame timer: the first paint after it
        // holds all of it.
        const int paints = recorder.paints;
        recorder.painted = QRegion();
        model.appendStreamedText(text);
        model.flushStreamedText();
        return QTest::qWaitFor([&] { return recorder.paints > paints; });
    }
    QImage onScreen() const { return view.screen()->grabWindow(view.winId()).toImage(); }
};

// Puts back what applyTheme changed in the application, so that later tests run as before:
// the light theme's colours for answers, no style sheet, the palette the test started with.
struct AppThemeRestorer
{
    const QPalette palette = qApp->palette();
    ~AppThemeRestorer()
    {
        applyTheme(*qApp, Theme::Light);
        qApp->setStyleSheet(QString());
        qApp->setPalette(palette);
    }
};

} // namespace

class TestTranscriptView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsTileTheContent()
    {
        ListFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        verifyTiling(f.view);
        QVERIFY(!f.view.indexAt(QPoint(0, f.view.contentHeight() + 5)).isValid());
        QCOMPARE(f.view.verticalScrollBar()->maximum(),
                 f.view.contentHeight() - f.view.viewport()->height());
    }

    void aChangedRowIsMeasuredAlone()
    {
        ListFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        const int below = f.view.visualRect(f.model.index(6, 0)).top();
        const int before = f.view.contentHeight();
        f.delegate->measured.clear();
        f.model.setData(f.model.index(5, 0), QStringLiteral("a much longer row"));
        QCOMPARE(f.delegate->measured.keys(), QList<int>{5});
        const int growth = LengthDelegate::heightOf(QStringLiteral("a much longer row")) -
                           LengthDelegate::heightOf(QString(6, QLatin1Char('x')));
        QCOMPARE(f.view.visualRect(f.model.index(6, 0)).top(), below + growth);
        QCOMPARE(f.view.contentHeight(), before + growth);
        verifyTiling(f.view);
    }

    void appendedRowsAreMeasuredAlone()
    {
        ListFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        f.delegate->measured.clear();
        const int rows = f.model.rowCount();
        f.model.insertRows(rows, 2);
        f.model.setData(f.model.index(rows, 0), QStringLiteral("new"));
        QVERIFY(!f.delegate->measured.isEmpty());
        for (int row : f.delegate->measured.keys())
            QVERIFY2(row >= rows, qPrintable(QStringLiteral("row %1 measured").arg(row)));
        verifyTiling(f.view);
    }

    void removedAndResetRowsAreLaidOutAgain()
    {
        ListFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        f.model.removeRows(3, 10);
        verifyTiling(f.view);
        f.model.setStringList({QStringLiteral("one"), QStringLiteral("three")});
        verifyTiling(f.view);
        f.model.sort(0, Qt::DescendingOrder); // layoutChanged: the rows swap places
        QCOMPARE(f.view.indexAt(QPoint(0, 0)).data().toString(), QStringLiteral("three"));
        verifyTiling(f.view);
    }

    void keysMoveRowByRow_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("expected");
        QTest::newRow("down") << 3 << int(Qt::Key_Down) << 4;
        QTest::newRow("up") << 3 << int(Qt::Key_Up) << 2;
        QTest::newRow("up at the first row") << 0 << int(Qt::Key_Up) << 0;
        QTest::newRow("down at the last row") << 39 << int(Qt::Key_Down) << 39;
        QTest::newRow("home") << 20 << int(Qt::Key_Home) << 0;
        QTest::newRow("end") << 2 << int(Qt::Key_End) << 39;
    }

    void keysMoveRowByRow()
    {
        QFETCH(int, from);
        QFETCH(int, key);
        QFETCH(int, expected);
        ListFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        f.view.setCurrentIndex(f.model.index(from, 0));
        QTest::keyClick(&f.view, Qt::Key(key));
        QCOMPARE(f.view.currentIndex().row(), expected);
        // The row the keys reached is on screen.
        QVERIFY(f.view.viewport()->rect().contains(f.view.visualRect(f.view.currentIndex())));
    }

    void pageDownMovesAboutAScreen()
    {
        ListFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        f.view.setCurrentIndex(f.model.index(0, 0));
        QTest::keyClick(&f.view, Qt::Key_PageDown);
        const QModelIndex reached = f.view.currentIndex();
        QVERIFY(reached.row() > 0);
        const int travelled =
            f.view.visualRect(reached).top() - f.view.visualRect(f.model.index(0, 0)).top();
        QVERIFY(travelled <= f.view.viewport()->height());
        QVERIFY(travelled + f.view.visualRect(reached).height() > f.view.viewport()->height());
    }

    void aRowThatFillsTheViewIsNotScrolledToItsTop()
    {
        ListFixture f;
        f.model.setData(f.model.index(5, 0), QString(200, QLatin1Char('x'))); // 810 px tall
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        const QModelIndex tall = f.model.index(5, 0);
        QVERIFY(f.view.visualRect(tall).height() > f.view.viewport()->height());
        QScrollBar *bar = f.view.verticalScrollBar();
        bar->setValue(bar->value() + f.view.visualRect(tall).top() + 100);
        const int reading = bar->value();
        f.view.scrollTo(tall); // EnsureVisible, as a click on it asks
        QCOMPARE(bar->value(), reading);
        f.view.scrollTo(tall, QAbstractItemView::PositionAtBottom); // its top, as QListView
        QCOMPARE(f.view.visualRect(tall).top(), 0);
    }

    void theViewAsksForMoreAtTheBottom()
    {
        // The item view's scroll bar slots follow the bar this view puts in.
        struct MoreModel : QStringListModel
        {
            using QStringListModel::QStringListModel;
            mutable int asked = 0;
            bool canFetchMore(const QModelIndex &) const override { return true; }
            void fetchMore(const QModelIndex &) override { ++asked; }
        } model(rowTexts());
        TranscriptView view;
        view.setItemDelegate(new LengthDelegate(&view));
        view.setModel(&model);
        view.resize(300, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int before = model.asked;
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum());
        QVERIFY(model.asked > before);
    }

    // Assistive technology reads rows through QListView's accessible table, which asks the
    // view where each one is. (Its focus and selection events need a platform that turns
    // accessibility on; offscreen has none, so they are not checked here.)
    void assistiveTechnologyFindsTheRowsWhereTheyAre()
    {
        ListFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QAccessibleInterface *view = QAccessible::queryAccessibleInterface(&f.view);
        QVERIFY(view && view->tableInterface());
        QCOMPARE(view->tableInterface()->rowCount(), f.model.rowCount());
        QAccessibleInterface *cell = view->tableInterface()->cellAt(3, 0);
        QVERIFY(cell);
        const QRect row = f.view.visualRect(f.model.index(3, 0));
        QCOMPARE(cell->rect(), QRect(f.view.viewport()->mapToGlobal(row.topLeft()), row.size()));
        QCOMPARE(cell->text(QAccessible::Name), f.model.index(3, 0).data().toString());
    }

    void aClickSelectsTheRowUnderIt()
    {
        ListFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        const QModelIndex third = f.model.index(2, 0);
        QTest::mouseClick(f.view.viewport(), Qt::LeftButton, {}, f.view.visualRect(third).center());
        QCOMPARE(f.view.selectionModel()->selectedIndexes(), QModelIndexList{third});
    }

    void scrollToPlacesTheRow_data()
    {
        QTest::addColumn<int>("hint");
        QTest::newRow("ensure visible") << int(QAbstractItemView::EnsureVisible);
        QTest::newRow("at top") << int(QAbstractItemView::PositionAtTop);
        QTest::newRow("at bottom") << int(QAbstractItemView::PositionAtBottom);
        QTest::newRow("at centre") << int(QAbstractItemView::PositionAtCenter);
    }

    void scrollToPlacesTheRow()
    {
        QFETCH(int, hint);
        ListFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        const QModelIndex row = f.model.index(25, 0);
        f.view.scrollTo(row, QAbstractItemView::ScrollHint(hint));
        const QRect rect = f.view.visualRect(row);
        const QRect shown = f.view.viewport()->rect();
        QVERIFY(shown.contains(rect));
        if (hint == QAbstractItemView::PositionAtTop)
            QCOMPARE(rect.top(), 0);
        if (hint == QAbstractItemView::PositionAtBottom || hint == QAbstractItemView::EnsureVisible)
            QCOMPARE(rect.bottom(), shown.bottom()); // from the top, the least scroll shows it
        if (hint == QAbstractItemView::PositionAtCenter)
            QVERIFY(qAbs(rect.center().y() - shown.center().y()) <= 1);
    }

    void aStreamingFrameRepaintsOnlyTheTail()
    {
        ChatFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QVERIFY(f.streamFrame(longAnswer()));
        QVERIFY(f.view.contentHeight() > 2 * f.view.viewport()->height());
        QVERIFY(f.streamFrame(QStringLiteral("The last paragraph starts")));
        QVERIFY(f.streamFrame(QStringLiteral(" and grows by a word or two")));
        const QRect painted = f.recorder.painted.boundingRect();
        const QRect shown = f.view.viewport()->rect();
        // The tail: the last line and the box's end, at the bottom of the view.
        QCOMPARE(painted.bottom(), shown.bottom());
        QVERIFY2(
            painted.height() < shown.height() / 3,
            qPrintable(
                QStringLiteral("repainted %1 of %2 px").arg(painted.height()).arg(shown.height())));
    }

    void theScrollBarRepaintsOnlyWhenItsSliderMoves()
    {
        QWidget window;
        auto *bar = new StableScrollBar(Qt::Vertical, &window);
        bar->setGeometry(0, 0, 16, 300);
        bar->setRange(0, 100000);
        bar->setPageStep(300);
        bar->setValue(100000);
        PaintRecorder barPaints;
        bar->installEventFilter(&barPaints);
        auto *other = new QWidget(&window); // painted in the same pass as the bar would be
        other->setGeometry(20, 0, 50, 50);
        PaintRecorder otherPaints;
        other->installEventFilter(&otherPaints);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(QTest::qWaitFor([&] { return barPaints.paints > 0; }));
        // Paints the other widget and waits until it is drawn: whatever else was due is then
        // drawn too.
        const auto paintPass = [&] {
            const int paints = otherPaints.paints;
            other->update();
            return QTest::qWaitFor([&] { return otherPaints.paints > paints; });
        };
        QVERIFY(paintPass());

        // An answer grows by a line: the range and the value move, the slider does not.
        const int before = barPaints.paints;
        bar->setRange(0, 100020);
        bar->setValue(100020);
        QVERIFY(paintPass());
        QCOMPARE(barPaints.paints, before);

        // Scrolled to the top, the slider moves: it is drawn there.
        bar->setValue(0);
        QVERIFY(QTest::qWaitFor([&] { return barPaints.paints > before; }));
        QVERIFY(paintPass());

        // Read from the top while a short answer doubles: only the range changes, and the
        // slider shrinks.
        bar->setRange(0, 300);
        QVERIFY(paintPass());
        const int atTop = barPaints.paints;
        bar->setRange(0, 600);
        QVERIFY(QTest::qWaitFor([&] { return barPaints.paints > atTop; }));
    }

    // The app's style sheet gives the view a background and rounded corners: the viewport must
    // still be opaque, or every scroll repaints all of it.
    void theThemedViewStillRepaintsOnlyTheTail()
    {
        const AppThemeRestorer restore;
        applyTheme(*qApp, Theme::Light);
        ChatFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QCOMPARE(f.view.viewport()->palette().color(QPalette::Base), QColor(0xf9, 0xfa, 0xfb));
        QVERIFY(f.streamFrame(longAnswer()));
        QVERIFY(f.streamFrame(QStringLiteral("The last paragraph starts")));
        QVERIFY(f.streamFrame(QStringLiteral(" and grows by a word or two")));
        const QRect painted = f.recorder.painted.boundingRect();
        QVERIFY2(painted.height() < f.view.viewport()->height() / 3,
                 qPrintable(QStringLiteral("repainted %1 of %2 px")
                                .arg(painted.height())
                                .arg(f.view.viewport()->height())));
    }

    // A theme change mid-answer: every document goes, the rows are measured again, and the
    // answer goes on streaming in the new colours.
    void aThemeChangeMidAnswerRedrawsInTheNewColours()
    {
        const AppThemeRestorer restore;
        ChatFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QVERIFY(f.streamFrame(longAnswer()));
        const auto answerFill = [&] { // inside the answer's box, left of its text
            const QRect row = f.view.visualRect(f.model.index(f.model.rowCount() - 1, 0));
            return f.onScreen().pixelColor(row.left() + 17, row.bottom() - 9);
        };
        QVERIFY(answerFill().lightness() > 128);

        applyTheme(*qApp, Theme::Dark);
        auto *delegate = static_cast<ChatMessageDelegate *>(f.view.itemDelegate());
        delegate->restyle(); // what ChatPane does on the palette's change
        f.view.invalidateLayout();
        QVERIFY(f.streamFrame(QStringLiteral("More text, now in the dark.")));
        QVERIFY(f.streamFrame(QStringLiteral(" And a little more.")));
        QVERIFY(answerFill().lightness() < 128);
        const QImage streamed = f.onScreen();
        const int paints = f.recorder.paints;
        f.view.viewport()->update();
        QVERIFY(QTest::qWaitFor([&] { return f.recorder.paints > paints; }));
        QCOMPARE(streamed, f.onScreen());
    }

    void partialRepaintsDrawWhatAFullRepaintDraws()
    {
        ChatFixture f;
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        const QString answer = longAnswer();
        // Frames that open a list, a code block and a paragraph, and close them.
        auto *delegate = static_cast<ChatMessageDelegate *>(f.view.itemDelegate());
        for (qsizetype at = 0; at < answer.size(); at += 37) {
            if (at != 37 * 20) {
                QVERIFY(f.streamFrame(answer.mid(at, 37)));
                continue;
            }
            // The memory manager asks mid-answer, with text not yet announced, and the view
            // is painted before the next frame: it must draw the answer as measured.
            f.model.appendStreamedText(answer.mid(at, 37));
            delegate->dropDocuments();
            const int paints = f.recorder.paints;
            f.view.viewport()->update(0, f.view.viewport()->height() - 40,
                                      f.view.viewport()->width(), 40);
            QVERIFY(QTest::qWaitFor([&] { return f.recorder.paints > paints; }));
            QVERIFY(f.streamFrame(QString()));
        }
        const QImage streamed = f.onScreen();
        QVERIFY(!streamed.isNull());
        f.recorder.painted = QRegion();
        f.view.viewport()->update();
        const int paints = f.recorder.paints;
        QVERIFY(QTest::qWaitFor([&] { return f.recorder.paints > paints; }));
        QCOMPARE(f.recorder.painted.boundingRect(), f.view.viewport()->rect());
        QCOMPARE(streamed, f.onScreen());
    }
};

QTEST_MAIN(TestTranscriptView)
#include "tst_transcriptview.moc"
