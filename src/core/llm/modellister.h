#pragma once

#include "config/config.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace spoon {

class HttpJob;
class HttpPool;
struct HttpResponse;

// "Test connection" and the model switcher: GET the provider's model list (OpenAI-compatible
// GET {base_url}/models, Anthropic GET /v1/models) with its key, and either the model ids or
// an error a person can act on ("connection refused at ...: is the server running?").
// What the server sends is capped: 4 MiB, 2,000 models, 200 characters a name.
class ModelListing : public QObject
{
    Q_OBJECT
public:
    // Starts at once; finished() follows exactly once, then the object deletes itself.
    ModelListing(const ProviderConfig &provider, HttpPool &pool, QObject *parent = nullptr);
    ~ModelListing() override;
    void cancel();

    static constexpr qint64 kMaxBytes = 4 * 1024 * 1024;
    static constexpr int kMaxModels = 2000;
    static constexpr int kMaxTimeoutMs = 30'000;

    // The advice for an answer that is not a model list, shared with the chat's error bubble.
    static QString describeFailure(const ProviderConfig &provider, const QUrl &url,
                                   const HttpResponse &response);

Q_SIGNALS:
    // models sorted, error empty on success.
    void finished(const QStringList &models, const QString &error);

private:
    void onFinished(const HttpResponse &response);

    ProviderConfig m_provider;
    QPointer<HttpJob> m_job;
};

} // namespace spoon
