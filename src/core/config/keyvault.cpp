#include "keyvault.h"

#include "config.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

KeyVault::Status statusOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return KeyVault::Status::Ok;
    case QKeychain::EntryNotFound:
        return KeyVault::Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeyVault::Status::NoKeychain;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return KeyVault::Status::Denied;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return KeyVault::Status::Failed;
}

// A job's outcome, delivered once; the job deletes itself afterwards. Jobs have no parent:
// the keychain backend calls back into a running job, so a job must never be deleted
// before it ends, even when the vault (the connection's context) is gone.
void run(QKeychain::Job *job, QObject *context, KeyVault::Callback done)
{
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         KeyVault::Result result;
                         result.status = statusOf(finished->error());
                         if (!result.ok() && result.status != KeyVault::Status::NotFound)
                             result.errorString = finished->errorString();
                         if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished);
                             read && result.ok())
                             result.key = Secret(read->textData());
                         done(result);
                     });
    job->start();
}

} // namespace

KeyVault::KeyVault(QObject *parent)
    : KeyVault(QString::fromLatin1(kService), parent)
{}

KeyVault::KeyVault(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

void KeyVault::read(const QString &provider, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(provider);
    run(job, this, std::move(done));
}

void KeyVault::write(const QString &provider, const Secret &key, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(provider);
    job->setTextData(key.reveal());
    run(job, this, std::move(done));
}

void KeyVault::remove(const QString &provider, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(provider);
    // Removing what is not there leaves the keychain as asked.
    run(job, this, [done = std::move(done)](Result result) {
        if (result.status == Status::NotFound)
            result.status = Status::Ok;
        done(result);
    });
}

KeyVault::Result KeyVault::readNow(const QString &provider, int timeoutMs)
{
    QEventLoop loop;
    auto result = std::make_shared<Result>();
    result->status = Status::Failed;
    result->errorString = tr("the keychain did not answer within %1 s").arg(timeoutMs / 1000.0);
    auto answered = std::make_shared<bool>(false);
    // The job may outlive this wait: it then writes to the shared result nobody reads.
    read(provider, [result, answered, waiting = QPointer<QEventLoop>(&loop)](const Result &r) {
        *result = r;
        *answered = true;
        if (waiting)
            waiting->quit();
    });
    if (!*answered) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    return *result;
}

void readKeychainKeysNow(Config &config, KeyVault &vault, int timeoutMs)
{
    for (ProviderConfig &provider : config.providers) {
        if (!provider.wantsKeychainKey())
            continue;
        const KeyVault::Result result = vault.readNow(provider.name, timeoutMs);
        if (result.ok() && !result.key.isEmpty()) {
            provider.apiKey = result.key;
            provider.keySource = ProviderConfig::KeySource::Keychain;
        } else if (result.status == KeyVault::Status::NoKeychain) {
            return;
        }
    }
}

QString KeyVault::describe(Status status)
{
    switch (status) {
    case Status::Ok:
        return tr("stored in the keychain");
    case Status::NotFound:
        return tr("not in the keychain");
    case Status::NoKeychain:
        return tr("no keychain service is running (Secret Service, such as GNOME Keyring or "
                  "KWallet); set the key in the environment instead");
    case Status::Denied:
        return tr("the keychain refused access (locked, or access was denied)");
    case Status::Failed:
        break;
    }
    return tr("the keychain failed");
}

} // namespace spoon
