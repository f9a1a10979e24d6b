#include "modellister.h"

#include "net/httppool.h"
#include "protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype kMaxModelName = 200;
} // namespace

ModelListing::ModelListing(const ProviderConfig &provider, HttpPool &pool, QObject *parent)
    : QObject(parent)
    , m_provider(provider)
{
    const std::unique_ptr<Protocol> protocol = Protocol::forProvider(provider);
    HttpRequest request;
    request.method = "GET";
    request.url = protocol->modelsEndpoint(provider);
    request.headers = protocol->headers(provider);
    request.totalTimeoutMs = std::min(kMaxTimeoutMs, int(provider.timeout * 1000.0));
    request.maxResponseBytes = kMaxBytes;
    request.followRedirects = false; // the key goes to the host the settings name, nowhere else
    request.http2PriorKnowledge = provider.http2PriorKnowledge;
    m_job = pool.send(std::move(request));
    connect(m_job, &HttpJob::finished, this, &ModelListing::onFinished);
}

ModelListing::~ModelListing()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
    }
}

void ModelListing::cancel()
{
    if (m_job)
        m_job->cancel();
}

QString ModelListing::describeFailure(const ProviderConfig &provider, const QUrl &url,
                                      const HttpResponse &response)
{
    const QString where = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    switch (response.error) {
    case HttpError::None:
        break;
    case HttpError::ConnectFailed:
        return tr("cannot connect to %1 (%2): is the server running? Check the base URL in "
                  "Settings > Providers")
            .arg(where, response.errorString);
    case HttpError::ConnectTimeout:
    case HttpError::Timeout:
    case HttpError::IdleTimeout:
        return tr("no answer from %1 in time: is the server running and reachable?").arg(where);
    case HttpError::Tls:
        return tr("secure connection to %1 failed: %2").arg(where, response.errorString);
    case HttpError::ResponseTooLarge:
        return tr("the answer from %1 is larger than %2 MiB; is this an LLM server?")
            .arg(where)
            .arg(kMaxBytes / (1024 * 1024));
    case HttpError::ConnectionClosed:
        return tr("%1 closed the connection before answering").arg(where);
    case HttpError::Cancelled:
        return tr("cancelled");
    case HttpError::Other:
        return tr("request to %1 failed: %2").arg(where, response.errorString);
    }
    const LlmError error =
        Protocol::forProvider(provider)->parseError(response.status, response.body);
    const QString said = redactSecrets(error.message);
    if (response.status == 401 || response.status == 403)
        return tr("the server refused the key (HTTP %1: %2): check the API key in Settings > "
                  "Providers")
            .arg(response.status)
            .arg(said);
    if (response.status == 404)
        return tr("nothing at %1 (HTTP 404): check the base URL; OpenAI-compatible ones end in "
                  "/v1")
            .arg(where);
    if (response.status >= 300 && response.status < 400)
        return tr("%1 redirects elsewhere (HTTP %2); put the final address in the base URL")
            .arg(where)
            .arg(response.status);
    return tr("HTTP %1 from %2: %3").arg(response.status).arg(where, said);
}

void ModelListing::onFinished(const HttpResponse &response)
{
    m_job = nullptr;
    const QUrl url = Protocol::forProvider(m_provider)->modelsEndpoint(m_provider);
    QStringList models;
    QString error;
    if (!response.transportOk() || response.status < 200 || response.status >= 300) {
        error = describeFailure(m_provider, url, response);
    } else {
        const QJsonDocument document = QJsonDocument::fromJson(response.body);
        const QJsonValue data = document.isObject() ? document[u"data"] : QJsonValue();
        if (!data.isArray()) {
            error = tr("%1 answered, but not with a model list "
                       "(no \"data\" array): check the base URL")
                        .arg(url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        } else {
            for (const QJsonValue &entry : data.toArray()) {
                const QString id = entry[u"id"].toString().simplified();
                if (!id.isEmpty() && id.size() <= kMaxModelName && !models.contains(id))
                    models.append(id);
                if (models.size() >= kMaxModels)
                    break;
            }
            std::sort(models.begin(), models.end());
        }
    }
    Q_EMIT finished(models, error);
    deleteLater();
}

} // namespace spoon
