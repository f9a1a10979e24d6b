#pragma once

// A scripted OpenAI-compatible server for agent tests: each request gets the next reply
// (the last one repeats), streamed or whole as the request asks, and every request body is
// kept for the test to inspect.
#include "llm/chattypes.h"
#include "net/httpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace spoon::test {

struct FakeReply
{
    QString text;
    QList<ToolCall> calls;
    int delayMs = 0;
    int status = 200;
};

class FakeLlm
{
public:
    explicit FakeLlm(QList<FakeReply> replies)
        : m_replies(std::move(replies))
        , m_server([this](HttpServerExchange *exchange) { answer(exchange); })
    {
        m_server.listen();
    }

    QString baseUrl() const
    {
        return QString::fromLatin1(m_server.baseUrl()) + QStringLiteral("/v1");
    }
    const QList<QJsonObject> &requests() const { return m_requests; }
    // New replies, counted from the next request.
    void setReplies(QList<FakeReply> replies)
    {
        m_replies = std::move(replies);
        m_replyBase = m_requests.size();
    }

private:
    void answer(HttpServerExchange *exchange)
    {
        const QJsonObject request = QJsonDocument::fromJson(exchange->request().body).object();
        m_requests.append(request);
        const qsizetype index = m_requests.size() - 1 - m_replyBase;
        const FakeReply reply = m_replies.at(std::min<qsizetype>(index, m_replies.size() - 1));
        QPointer<HttpServerExchange> guard(exchange);
        QTimer::singleShot(reply.delayMs, exchange, [this, guard, reply, request] {
            if (guard && guard->isOpen())
                respond(guard, reply, request[u"stream"].toBool());
        });
    }

    static void respond(HttpServerExchange *exchange, const FakeReply &reply, bool stream)
    {
        if (reply.status != 200) {
            exchange->respond(reply.status, "application/json",
                              R"({"error":{"message":"scripted failure"}})");
            return;
        }
        QJsonArray calls;
        for (qsizetype i = 0; i < reply.calls.size(); ++i) {
            const ToolCall &call = reply.calls.at(i);
            calls.append(QJsonObject{{QStringLiteral("index"), int(i)},
                                     {QStringLiteral("id"), call.id},
                                     {QStringLiteral("type"), QStringLiteral("function")},
                                     {QStringLiteral("function"),
                                      QJsonObject{{QStringLiteral("name"), call.name},
                                                  {QStringLiteral("arguments"), call.arguments}}}});
        }
        const QString finish =
            reply.calls.isEmpty() ? QStringLiteral("stop") : QStringLiteral("tool_calls");
        const QJsonObject usage{{QStringLiteral("prompt_tokens"), 10},
                                {QStringLiteral("completion_tokens"), 5}};
        if (!stream) {
            QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                                {QStringLiteral("content"), reply.text}};
            if (!calls.isEmpty())
                message.insert(QStringLiteral("tool_calls"), calls);
            exchange->respondJson(
                200, QJsonDocument(QJsonObject{
                         {QStringLiteral("model"), QStringLiteral("fake")},
                         {QStringLiteral("choices"),
                          QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                 {QStringLiteral("message"), message},
                                                 {QStringLiteral("finish_reason"), finish}}}},
                         {QStringLiteral("usage"), usage}}));
            return;
        }
        exchange->beginStream(200, {{"Content-Type", "text/event-stream"}});
        const auto chunk = [](const QJsonObject &delta, const QJsonValue &reason) -> QByteArray {
            return "data: " +
                   QJsonDocument(QJsonObject{{QStringLiteral("model"), QStringLiteral("fake")},
                                             {QStringLiteral("choices"),
                                              QJsonArray{QJsonObject{
                                                  {QStringLiteral("index"), 0},
                                                  {QStringLiteral("delta"), delta},
                                                  {QStringLiteral("finish_reason"), reason}}}}})
                       .toJson(QJsonDocument::Compact) +
                   "\n\n";
        };
        // The text in two pieces, so streaming is really exercised.
        const QString text = reply.text;
        if (!text.isEmpty()) {
            exchange->writeChunk(
                chunk(QJsonObject{{QStringLiteral("content"), text.left(text.size() / 2)}},
                      QJsonValue::Null));
            exchange->writeChunk(
                chunk(QJsonObject{{QStringLiteral("content"), text.mid(text.size() / 2)}},
                      QJsonValue::Null));
        }
        if (!calls.isEmpty())
            exchange->writeChunk(
                chunk(QJsonObject{{QStringLiteral("tool_calls"), calls}}, QJsonValue::Null));
        exchange->writeChunk(chunk(QJsonObject(), finish));
        exchange->writeChunk("data: [DONE]\n\n");
        exchange->endStream();
    }

    QList<FakeReply> m_replies;
    HttpServer m_server;
    QList<QJsonObject> m_requests;
    qsizetype m_replyBase = 0;
};

} // namespace spoon::test
