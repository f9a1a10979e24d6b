// Answers render offscreen without reading anything: an image path in a model's markdown
// (/dev/zero, a FIFO, /etc/hostname, a URL) becomes a text placeholder, and whatever
// resource the document still asks for is refused.
#include "chat/untrusteddocument.h"

#include "net/httpserver.h"

#include <QAbstractTextDocumentLayout>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include "support/testenvironment.h"

using namespace spoon;

namespace {
// Lays the document out and paints it, which is when images would be fetched.
void render(UntrustedDocument &document)
{
    document.setTextWidth(400);
    QImage canvas(400, std::max(1, int(document.size().height())), QImage::Format_ARGB32);
    canvas.fill(Qt::white);
    QPainter painter(&canvas);
    document.drawContents(&painter);
}
} // namespace

class TestUntrustedDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void imagesBecomePlaceholders_data()
    {
        QTest::addColumn<QString>("source");
        QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero");
        QTest::newRow("FIFO") << QStringLiteral("FIFO");
        QTest::newRow("/etc/hostname") << QStringLiteral("/etc/hostname");
        QTest::newRow("file URL") << QStringLiteral("file:///etc/passwd");
        QTest::newRow("URL") << QStringLiteral("URL");
    }
    void imagesBecomePlaceholders()
    {
        QFETCH(QString, source);
        QTemporaryDir dir;
        int fetched = 0;
        HttpServer server([&fetched](HttpServerExchange *e) {
            ++fetched;
            e->respond(200, "image/png", QByteArray(100, 'x'));
        });
        QVERIFY(server.listen());
        if (source == QLatin1String("FIFO")) {
            source = dir.filePath(QStringLiteral("image.fifo")); // opening it would block
            QCOMPARE(::mkfifo(QFile::encodeName(source).constData(), 0600), 0);
        } else if (source == QLatin1String("URL")) {
            source = QString::fromLatin1(server.baseUrl() + "/pixel.png");
        }
        UntrustedDocument document;
        document.setUntrustedMarkdown(QStringLiteral("Look: ![a picture](%1) there.").arg(source));
        render(document);
        QVERIFY2(document.toPlainText().contains(UntrustedDocument::imagePlaceholder(source)),
                 qPrintable(document.toPlainText()));
        QCOMPARE(fetched, 0);
    }

    // An image that reaches the layout anyway (raw HTML) is refused with a blank placeholder,
    // never loaded from its path.
    void aResourceStillAskedForIsRefused()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("blocks.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        UntrustedDocument document;
        document.setHtml(QStringLiteral("<p>x <img src=\"%1\"> <img src=\"/dev/zero\"> "
                                        "<img src=\"/etc/hostname\"></p>")
                             .arg(fifo));
        render(document);
        QVERIFY(document.refusedResources() >= 3);
    }
};

SPOON_TEST_MAIN(TestUntrustedDocument)
#include "tst_untrusteddocument.moc"
