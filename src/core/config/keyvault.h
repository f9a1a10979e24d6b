#pragma once

#include "secret.h"

#include <QObject>
#include <QString>

#include <functional>

namespace spoon {

// Provider API keys in the system keychain (the Secret Service on Linux, through QtKeychain).
// Entries are the service "spoon-console" with the provider's name as the key. Nothing here
// falls back to a plain file: where no keychain service runs, a call fails with
// Status::NoKeychain and the environment is the way to give a key.
class KeyVault : public QObject
{
    Q_OBJECT
public:
    enum class Status
    {
        Ok,
        NotFound,
        NoKeychain, // no service answers (no session bus, no Secret Service)
        Denied,     // the user refused, or the keyring stayed locked
        Failed,
    };
    struct Result
    {
        Status status = Status::Failed;
        Secret key;          // for a read that found one
        QString errorString; // what the keychain said, for a failure
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Result &)>;

    explicit KeyVault(QObject *parent = nullptr);
    // The service name entries are stored under; tests use their own.
    explicit KeyVault(QString service, QObject *parent = nullptr);

    // Each calls back once, on this object's thread; never before the call returns.
    void read(const QString &provider, Callback done);
    void write(const QString &provider, const Secret &key, Callback done);
    void remove(const QString &provider, Callback done);

    // For the command-line paths: waits at most timeoutMs.
    Result readNow(const QString &provider, int timeoutMs);

    static QString describe(Status status);
    static constexpr char kService[] = "spoon-console";

private:
    QString m_service;
};

struct Config;
// For the command-line paths: fills in, from the keychain, the key of every provider that
// needs one and has none from the environment. Stops asking once the keychain is found
// missing; each read waits at most timeoutMs.
void readKeychainKeysNow(Config &config, KeyVault &vault, int timeoutMs);

} // namespace spoon
