#include "commandline.h"
#include "commands.h"
#include "terminaltext.h"

#include "config/configloader.h"
#include "config/configlocation.h"
#include "futurewait.h"
#include "storage/conversationexport.h"
#include "storage/store.h"
#include "telemetry/logging.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace spoon::cli {

namespace {

QString tr(const char *text)
{
    // The context lupdate gives a tr() call in this namespace.
    return QCoreApplication::translate("spoon::cli", text);
}

int storeFailure(QTextStream &err, const QString &why)
{
    err << tr("error: %1").arg(why) << '\n';
    return kExitFailure;
}

std::optional<qint64> conversationId(const QString &text, QTextStream &err)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        err << tr("error: \"%1\" is not a conversation id (see history list)").arg(text) << '\n';
        return std::nullopt;
    }
    return id;
}

} // namespace

int runHistory(const CommandLine &line, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Stored conversations.\n\n"
           "  history list               newest first: id, last update, messages, agent, title\n"
           "  history show ID            one conversation's messages\n"
           "  history search TEXT        messages that contain every word of TEXT\n"
           "  history export ID --format md|json"));
    parser.addPositionalArgument(u"action"_s, tr("list, show, search or export"));
    const QCommandLineOption json(u"json"_s, tr("print JSON (list, show, search)"));
    const QCommandLineOption format(u"format"_s, tr("export format: md or json"), u"FORMAT"_s,
                                    u"md"_s);
    const QCommandLineOption limit(u"limit"_s, tr("at most N conversations or hits"), u"N"_s,
                                   u"1000"_s);
    parser.addOptions({json, format, limit});
    if (const auto stop = parseCommandArguments(parser, line, 2, out, err))
        return *stop;
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    const bool needsArgument =
        action == "show"_L1 || action == "search"_L1 || action == "export"_L1;
    if (!(action == "list"_L1 || needsArgument) || (needsArgument != (args.size() == 2)) ||
        (action == "list"_L1 && args.size() != 1)) {
        err << tr("usage: spoon-console history list | show ID | search TEXT | "
                  "export ID --format md|json")
            << '\n';
        return kExitUsage;
    }
    bool limitOk = false;
    const int maxRows = parser.value(limit).toInt(&limitOk);
    if (!limitOk || maxRows <= 0) {
        err << tr("error: --limit needs a positive number") << '\n';
        return kExitUsage;
    }
    const QString exportFormat = parser.value(format);
    if (exportFormat != "md"_L1 && exportFormat != "json"_L1) {
        err << tr("error: --format is md or json, not \"%1\"").arg(exportFormat) << '\n';
        return kExitUsage;
    }

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    ConfigLoadResult config = ConfigLoader::load(locateConfig(line.configPath, env), env);
    logging::configure(config.config.logging);
    if (!config.isValid()) {
        for (const ConfigDiagnostic &diagnostic : config.diagnostics)
            err << diagnostic.toString() << '\n';
        return kExitFailure;
    }
    QString problem;
    std::unique_ptr<Store> store =
        Store::fromSettings(config.config.performance.database, nullptr, &problem);
    if (!store)
        return storeFailure(err, problem);
    const SqlOutcome opened = waitForResult(store->open());
    if (!opened.ok())
        return storeFailure(
            err,
            tr("the store at %1 cannot be used: %2").arg(store->location(), opened.error.message));
    ConversationStore &conversations = store->conversations();

    if (action == "list"_L1) {
        const auto listed = waitForResult(conversations.list(maxRows));
        if (!listed.ok())
            return storeFailure(err, listed.error.message);
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const ConversationSummary &c : listed.value)
                array.append(conversationexport::summaryJson(c));
            out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return kExitOk;
        }
        for (const ConversationSummary &c : listed.value) {
            out << c.id << '\t' << conversationexport::isoTime(c.updatedMs) << '\t'
                << c.messageCount << '\t' << printable(c.agent) << '\t' << printable(c.title)
                << '\n';
        }
        return kExitOk;
    }
    if (action == "search"_L1) {
        const auto found = waitForResult(conversations.search(args.at(1), maxRows));
        if (!found.ok())
            return storeFailure(err, found.error.message);
        if (parser.isSet(json)) {
            QJsonArray array;
            for (const SearchHit &hit : found.value)
                array.append(
                    QJsonObject{{u"conversation"_s, hit.conversationId},
                                {u"message"_s, hit.messageId},
                                {u"role"_s, hit.role},
                                {u"title"_s, hit.title},
                                {u"text"_s, hit.text},
                                {u"created"_s, conversationexport::isoTime(hit.createdMs)}});
            out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return kExitOk;
        }
        for (const SearchHit &hit : found.value) {
            out << hit.conversationId << '\t' << hit.messageId << '\t' << hit.role << '\t'
                << printable(hit.title) << '\t' << printable(hit.text) << '\n';
        }
        return kExitOk;
    }

    const std::optional<qint64> id = conversationId(args.at(1), err);
    if (!id)
        return kExitUsage;
    const auto summary = waitForResult(conversations.find(*id));
    if (!summary.ok())
        return storeFailure(err, summary.error.message);
    if (summary.value.id < 0)
        return storeFailure(err, tr("there is no conversation %1").arg(*id));
    const auto messages = waitForResult(conversations.messages(*id));
    if (!messages.ok())
        return storeFailure(err, messages.error.message);
    const bool asJson = action == "export"_L1 ? exportFormat == "json"_L1 : parser.isSet(json);
    const QByteArray document = conversationexport::document(
        summary.value, messages.value,
        asJson ? conversationexport::Format::Json : conversationexport::Format::Markdown);
    // JSON escapes control characters itself; Markdown shows them escaped on a terminal.
    out << (asJson ? QString::fromUtf8(document) : answerForStdout(QString::fromUtf8(document)));
    return kExitOk;
}

} // namespace spoon::cli
