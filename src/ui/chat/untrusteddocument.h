#pragma once

#include <QTextDocument>

namespace spoon {

// A text document for what a model, a server or a tool wrote. It never reads a file or the
// network for it: QTextDocument's own loader would read a local path named by an image
// (/etc/hostname, /dev/zero, a FIFO that blocks for ever) on the GUI thread, and its image
// handler loads the path itself when a resource comes back empty. Here every image becomes
// the text "[image: <where>]" before layout, and any resource still asked for is refused
// with a blank placeholder, so nothing falls through to a load.
class UntrustedDocument : public QTextDocument
{
    Q_OBJECT
public:
    using QTextDocument::QTextDocument;

    // setMarkdown(), then every image replaced by its text placeholder.
    void setUntrustedMarkdown(const QString &markdown);
    // Resources refused so far (for tests).
    int refusedResources() const { return m_refused; }

    static QString imagePlaceholder(const QString &source);

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    void replaceImages();

    int m_refused = 0;
};

} // namespace spoon
