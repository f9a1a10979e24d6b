#pragma once

#include "configloader.h"

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace spoon {

// The config file as JSON, for editing: the settings window changes the keys it shows and
// leaves every other key as the file has it. save() validates with the same loader and
// validator as check-config and writes atomically (QSaveFile), or writes nothing.
class ConfigDocument
{
    Q_DECLARE_TR_FUNCTIONS(spoon::ConfigDocument)
public:
    // The file at `path`; a missing file is an empty document. False with *error when the file
    // cannot be read or is not a JSON object (it is then left for the user to fix).
    bool load(const QString &path, QString *error);

    const QString &path() const { return m_path; }
    const QJsonObject &root() const { return m_root; }
    QJsonValue value(const QStringList &keyPath) const;
    // Sets a value, creating the objects on the way; an undefined value removes the key, and
    // an object left empty by that goes too.
    void setValue(const QStringList &keyPath, const QJsonValue &value);
    void remove(const QStringList &keyPath) { setValue(keyPath, QJsonValue::Undefined); }

    QByteArray toJson() const;
    // What check-config would say of the document as it stands (the environment applied).
    ConfigLoadResult check(const QProcessEnvironment &env) const;
    // Writes the document when check() finds no error; false with *error otherwise, and the
    // file on disk is untouched.
    bool save(const QProcessEnvironment &env, ConfigDiagnostics *diagnostics, QString *error);

private:
    QString m_path;
    QJsonObject m_root;
};

} // namespace spoon
