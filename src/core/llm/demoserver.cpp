#include "demoserver.h"

#include "demoscript.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace spoon {

using namespace Qt::StringLiterals;

std::optional<DemoFault> DemoFault::parse(const QString &spec, QString *error)
{
    DemoFault fault;
    const QStringList parts = spec.split(u',', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const qsizetype equals = part.indexOf(u'=');
        const QString key = part.first(equals < 0 ? part.size() : equals).trimmed();
        bool ok = equals > 0;
        const int value = ok ? part.sliced(equals + 1).trimmed().toInt(&ok) : 0;
        if (!ok) {
            if (error)
                *error = u"\"%1\" is not key=number"_s.arg(part);
            return std::nullopt;
        }
        if (key == "delay_ms"_L1)
            fault.delayMs = value;
        else if (key == "status"_L1)
            fault.status = value;
        else if (key == "retry_after"_L1)
            fault.retryAfterSeconds = value;
        else if (key == "retry_after_date"_L1)
            fault.retryAfterAsDate = value != 0;
        else if (key == "drop_after"_L1)
            fault.dropAfterChunks = value;
        else if (key == "malformed_after"_L1)
            fault.malformedAfterChunks = value;
        else if (key == "no_done"_L1)
            fault.omitDone = value != 0;
        else if (key == "times"_L1)
            fault.times = value;
        else {
            if (error)
                *error =
                    u"unknown fault \"%1\" (known: delay_ms, status, retry_after, "
                    u"retry_after_date, drop_after, malformed_after, no_done, times)"_s.arg(key);
            return std::nullopt;
        }
    }
    return fault;
}

namespace {

QJsonObject errorBody(const QString &message, const QString &type)
{
    return QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, message}, {u"type"_s, type}}}};
}

QByteArray sseData(const QJsonObject &chunk)
{
    return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
}

// Streams one answer, `perWrite` pieces per timer tick, and stops as soon as the client goes
// away.
class DemoStream : public QObject
{
public:
    DemoStream(HttpServerExchange *exchange, QList<QByteArray> pieces, const DemoFault &fault,
               int firstDelayMs, int intervalMs, int perWrite)
        : QObject(exchange)
        , m_exchange(exchange)
        , m_pieces(std::move(pieces))
        , m_fault(fault)
        , m_intervalMs(intervalMs)
        , m_perWrite(perWrite)
    {
        connect(exchange, &HttpServerExchange::closed, this, [this] { m_timer.stop(); });
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &DemoStream::step);
        exchange->beginStream(200, {{"Content-Type", "text/event-stream; charset=utf-8"},
                                    {"Cache-Control", "no-cache"}});
        m_timer.start(firstDelayMs);
    }

private:
    void step()
    {
        if (!m_exchange || !m_exchange->isOpen())
            return;
        if (m_sent == m_fault.dropAfterChunks) {
            m_exchange->dropConnection();
            return;
        }
        if (m_sent == m_fault.malformedAfterChunks) {
            m_exchange->writeChunk("data: {\"choices\": [{\"delta\": {\"content\": \"oops\n\n");
            m_exchange->writeChunk("data: [DONE]\n\n");
            m_exchange->endStream();
            return;
        }
        if (m_sent < m_pieces.size()) {
            QByteArray write;
            // A fault counted in pieces still falls where it was asked for.
            qsizetype until = std::min(m_pieces.size(), m_sent + m_perWrite);
            for (const int faultAt : {m_fault.dropAfterChunks, m_fault.malformedAfterChunks})
                if (faultAt > m_sent)
                    until = std::min(until, qsizetype(faultAt));
            do
                write += m_pieces.at(m_sent++);
            while (m_sent < until);
            m_exchange->writeChunk(write);
            m_timer.start(m_intervalMs);
            return;
        }
        if (!m_fault.omitDone)
            m_exchange->writeChunk("data: [DONE]\n\n");
        m_exchange->endStream();
    }

    QPointer<HttpServerExchange> m_exchange;
    QList<QByteArray> m_pieces;
    DemoFault m_fault;
    int m_intervalMs;
    int m_perWrite;
    qsizetype m_sent = 0;
    QTimer m_timer;
};

} // namespace

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
    , m_server([this](HttpServerExchange *exchange) { handle(exchange); })
{}

DemoServer::~DemoServer() = default;

bool DemoServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

quint16 DemoServer::port() const
{
    return m_server.port();
}

QString DemoServer::errorString() const
{
    return m_server.errorString();
}

QString DemoServer::baseUrl() const
{
    return QString::fromLatin1(m_server.baseUrl());
}

int DemoServer::peakConnections() const
{
    return m_server.peakConnectionCount();
}

std::optional<DemoFault> DemoServer::faultFor(const HttpServerExchange *exchange)
{
    const QByteArray header = exchange->request().header("X-Demo-Fault");
    if (!header.isEmpty()) {
        std::optional<DemoFault> fault = DemoFault::parse(QString::fromUtf8(header));
        if (!fault)
            return std::nullopt;
        int &uses = m_headerFaultUses[header];
        if (fault->times >= 0 && uses >= fault->times)
            return DemoFault{};
        ++uses;
        return fault;
    }
    for (Planned &planned : m_plan) {
        if (planned.fault.times < 0 || planned.used < planned.fault.times) {
            ++planned.used;
            return planned.fault;
        }
    }
    return DemoFault{};
}

void DemoServer::handle(HttpServerExchange *exchange)
{
    ++m_requests;
    const HttpServerRequest &request = exchange->request();
    if (request.path == "/health") {
        exchange->respond(200, "text/plain", "ok\n");
    } else if (request.path == "/v1/models" && request.method == "GET") {
        exchange->respondJson(
            200, QJsonDocument(QJsonObject{
                     {u"object"_s, u"list"_s},
                     {u"data"_s, QJsonArray{QJsonObject{{u"id"_s, QString::fromLatin1(kModel)},
                                                        {u"object"_s, u"model"_s},
                                                        {u"owned_by"_s, u"spoon"_s}}}}}));
    } else if (request.path == "/v1/chat/completions") {
        if (request.method != "POST") {
            exchange->respondJson(
                405, QJsonDocument(errorBody(u"use POST"_s, u"invalid_request_error"_s)));
            return;
        }
        handleChat(exchange);
    } else {
        exchange->respondJson(
            404, QJsonDocument(errorBody(u"no route for "_s + QString::fromUtf8(request.path),
                                         u"not_found"_s)));
    }
}

void DemoServer::handleChat(HttpServerExchange *exchange, std::optional<DemoFault> decided)
{
    const std::optional<DemoFault> maybeFault = decided ? decided : faultFor(exchange);
    if (!maybeFault) {
        exchange->respondJson(400, QJsonDocument(errorBody(u"unreadable X-Demo-Fault header"_s,
                                                           u"invalid_request_error"_s)));
        return;
    }
    const DemoFault fault = *maybeFault;
    if (fault.delayMs > 0) {
        // Answer later, with the fault's delay spent; the rest of the fault still applies.
        DemoFault rest = fault;
        rest.delayMs = 0;
        rest.times = -1;
        QPointer<HttpServerExchange> guard(exchange);
        QTimer::singleShot(fault.delayMs, exchange, [this, guard, rest] {
            if (guard && guard->isOpen())
                handleChat(guard, rest);
        });
        return;
    }
    if (fault.status > 0) {
        HttpHeaders headers;
        if (fault.retryAfterSeconds >= 0) {
            headers.append({"Retry-After", fault.retryAfterAsDate
                                               ? QDateTime::currentDateTimeUtc()
                                                     .addSecs(fault.retryAfterSeconds)
                                                     .toString(u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s)
                                                     .toLatin1()
                                               : QByteArray::number(fault.retryAfterSeconds)});
        }
        const QString type = fault.status == 429   ? u"rate_limit_error"_s
                             : fault.status >= 500 ? u"server_error"_s
                                                   : u"invalid_request_error"_s;
        exchange->respondJson(
            fault.status,
            QJsonDocument(errorBody(u"demo fault: HTTP %1 as asked"_s.arg(fault.status), type)),
            headers);
        return;
    }

    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(exchange->request().body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document[u"messages"].isArray()) {
        exchange->respondJson(
            400,
            QJsonDocument(errorBody(u"the body must be a JSON object with a \"messages\" array"_s,
                                    u"invalid_request_error"_s)));
        return;
    }
    const QJsonObject request = document.object();
    const DemoReply reply = demoReplyFor(request);
    const QString id = u"chatcmpl-demo-%1"_s.arg(m_nextId++);
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    int promptTokens = 0;
    for (const QJsonValue &message : request[u"messages"].toArray())
        promptTokens += estimateTokens(message[u"content"].toString()) + 4;
    const QString callId = u"call_demo_%1"_s.arg(m_nextId);
    const QStringList tokens = reply.isToolCall ? QStringList() : demoTokens(reply.text);
    const int completionTokens =
        reply.isToolCall ? estimateTokens(reply.toolArguments) + 5 : int(tokens.size());
    const QJsonObject usage{{u"prompt_tokens"_s, promptTokens},
                            {u"completion_tokens"_s, completionTokens},
                            {u"total_tokens"_s, promptTokens + completionTokens}};
    const QString finish = reply.isToolCall ? u"tool_calls"_s : u"stop"_s;

    if (!request[u"stream"].toBool()) {
        QJsonObject message{{u"role"_s, u"assistant"_s}};
        if (reply.isToolCall) {
            message.insert(u"content"_s, QJsonValue::Null);
            message.insert(
                u"tool_calls"_s,
                QJsonArray{QJsonObject{
                    {u"id"_s, callId},
                    {u"type"_s, u"function"_s},
                    {u"function"_s, QJsonObject{{u"name"_s, reply.toolName},
                                                {u"arguments"_s, reply.toolArguments}}}}});
        } else {
            message.insert(u"content"_s, reply.text);
        }
        exchange->respondJson(
            200, QJsonDocument(QJsonObject{
                     {u"id"_s, id},
                     {u"object"_s, u"chat.completion"_s},
                     {u"created"_s, created},
                     {u"model"_s, QString::fromLatin1(kModel)},
                     {u"choices"_s,
                      QJsonArray{QJsonObject{
                          {u"index"_s, 0}, {u"message"_s, message}, {u"finish_reason"_s, finish}}}},
                     {u"usage"_s, usage}}));
        return;
    }

    const auto chunk = [&](const QJsonObject &delta, const QJsonValue &finishReason) {
        return sseData(QJsonObject{
            {u"id"_s, id},
            {u"object"_s, u"chat.completion.chunk"_s},
            {u"created"_s, created},
            {u"model"_s, QString::fromLatin1(kModel)},
            {u"choices"_s,
             QJsonArray{QJsonObject{
                 {u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, finishReason}}}}});
    };
    QList<QByteArray> pieces;
    pieces.append(
        chunk(QJsonObject{{u"role"_s, u"assistant"_s}, {u"content"_s, u""_s}}, QJsonValue::Null));
    if (reply.isToolCall) {
        pieces.append(chunk(
            QJsonObject{
                {u"tool_calls"_s,
                 QJsonArray{QJsonObject{{u"index"_s, 0},
                                        {u"id"_s, callId},
                                        {u"type"_s, u"function"_s},
                                        {u"function"_s, QJsonObject{{u"name"_s, reply.toolName},
                                                                    {u"arguments"_s, u""_s}}}}}}},
            QJsonValue::Null));
        // The arguments arrive in pieces, as real models send them.
        const QString arguments = reply.toolArguments;
        const qsizetype step = std::max<qsizetype>(1, (arguments.size() + 2) / 3);
        for (qsizetype at = 0; at < arguments.size(); at += step) {
            pieces.append(
                chunk(QJsonObject{{u"tool_calls"_s,
                                   QJsonArray{QJsonObject{
                                       {u"index"_s, 0},
                                       {u"function"_s,
                                        QJsonObject{{u"arguments"_s, arguments.mid(at, step)}}}}}}},
                      QJsonValue::Null));
        }
    } else {
        for (const QString &token : tokens)
            pieces.append(chunk(QJsonObject{{u"content"_s, token}}, QJsonValue::Null));
    }
    pieces.append(chunk(QJsonObject(), finish));
    if (request[u"stream_options"][u"include_usage"].toBool()) {
        pieces.append(sseData(QJsonObject{{u"id"_s, id},
                                          {u"object"_s, u"chat.completion.chunk"_s},
                                          {u"created"_s, created},
                                          {u"model"_s, QString::fromLatin1(kModel)},
                                          {u"choices"_s, QJsonArray()},
                                          {u"usage"_s, usage}}));
    }

    bool paceOk = false;
    const double pace = exchange->request().header("X-Demo-Pace").toDouble(&paceOk);
    const double rate = paceOk ? pace : m_tokensPerSecond;
    const int interval = rate > 0 ? int(1000.0 * m_eventsPerWrite / rate) : 0;
    const int firstDelay = rate > 0 ? m_firstTokenDelayMs : 0;
    new DemoStream(exchange, pieces, fault, firstDelay, interval, m_eventsPerWrite);
}

} // namespace spoon
