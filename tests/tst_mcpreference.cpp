// The MCP client against the MCP project's own reference servers (npm, pinned), run by
// npm/run-mcp-reference.sh, which installs them and says where they are.
#include "agent/mcpclient.h"
#include "support/awaittask.h"

#include <QTemporaryDir>
#include <QtTest>

#include <qcoro/qcorotask.h>

#include <optional>

#include "support/testenvironment.h"

using namespace spoon;
using spoon::test::awaitOrFail;
using spoon::test::awaitTask;

namespace {

McpServerConfig nodeServer(const char *variable, QStringList args)
{
    return McpServerConfig{
        QStringLiteral("node"), QStringList{qEnvironmentVariable(variable)} + args, {}, {}, 30.0};
}

ToolResult call(McpClient &client, const QString &tool, const QJsonObject &arguments)
{
    return awaitOrFail(client.callTool(tool, arguments, std::make_shared<CancelToken>()),
                       ToolResult::error(QStringLiteral("the test waited too long")));
}

} // namespace

class TestMcpReference : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        for (const char *variable : {"SPOON_MCP_EVERYTHING", "SPOON_MCP_FILESYSTEM"}) {
            QVERIFY2(QFileInfo::exists(qEnvironmentVariable(variable)),
                     qPrintable(QStringLiteral("%1 names no server; run through "
                                               "tests/npm/run-mcp-reference.sh")
                                    .arg(QLatin1String(variable))));
        }
    }

    void everythingServerEchoes()
    {
        McpClient client(QStringLiteral("everything"),
                         nodeServer("SPOON_MCP_EVERYTHING", {QStringLiteral("stdio")}));
        QString error;
        const auto tools = awaitTask(client.listTools(&error));
        QVERIFY2(tools && error.isEmpty(), qPrintable(error));
        QStringList names;
        for (const McpToolInfo &tool : *tools)
            names.append(tool.name);
        QVERIFY2(names.contains(QStringLiteral("echo")), qPrintable(names.join(u' ')));
        const ToolResult echo = call(client, QStringLiteral("echo"),
                                     {{QStringLiteral("message"), QStringLiteral("hi")}});
        QVERIFY2(!echo.isError, qPrintable(echo.content));
        QCOMPARE(echo.content, QStringLiteral("Echo: hi"));
        QCOMPARE(client.starts(), 1);
    }

    void filesystemServerReadsInsideItsRootOnly()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        QFile note(root.filePath(QStringLiteral("note.txt")));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("hello from a file\n");
        note.close();
        McpClient client(QStringLiteral("files"),
                         nodeServer("SPOON_MCP_FILESYSTEM", {root.path()}));
        QString error;
        const auto tools = awaitTask(client.listTools(&error));
        QVERIFY2(tools && error.isEmpty(), qPrintable(error));
        bool readIsReadOnly = false;
        bool writeIsReadOnly = true;
        for (const McpToolInfo &tool : *tools) {
            if (tool.name == QStringLiteral("read_text_file"))
                readIsReadOnly = tool.readOnly;
            if (tool.name == QStringLiteral("write_file"))
                writeIsReadOnly = tool.readOnly;
        }
        QVERIFY(readIsReadOnly);
        QVERIFY(!writeIsReadOnly);
        const ToolResult read = call(client, QStringLiteral("read_text_file"),
                                     {{QStringLiteral("path"), note.fileName()}});
        QVERIFY2(!read.isError, qPrintable(read.content));
        QCOMPARE(read.content, QStringLiteral("hello from a file\n"));
        const ToolResult outside = call(client, QStringLiteral("read_text_file"),
                                        {{QStringLiteral("path"), QStringLiteral("/etc/passwd")}});
        QVERIFY(outside.isError);
        QVERIFY2(outside.content.contains(QStringLiteral("Access denied")),
                 qPrintable(outside.content));
    }
};

SPOON_TEST_GUILESS_MAIN(TestMcpReference)
#include "tst_mcpreference.moc"
