#include "configdocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace spoon {

using namespace Qt::StringLiterals;

namespace {

QJsonObject withValue(QJsonObject object, QStringList keyPath, const QJsonValue &value)
{
    const QString key = keyPath.takeFirst();
    if (keyPath.isEmpty()) {
        if (value.isUndefined())
            object.remove(key);
        else
            object.insert(key, value);
        return object;
    }
    const QJsonObject child = withValue(object.value(key).toObject(), keyPath, value);
    if (child.isEmpty() && value.isUndefined())
        object.remove(key);
    else
        object.insert(key, child);
    return object;
}

} // namespace

bool ConfigDocument::load(const QString &path, QString *error)
{
    m_path = path;
    m_root = QJsonObject();
    if (!QFileInfo::exists(path))
        return true;
    QString why;
    const std::optional<QByteArray> read = ConfigLoader::readFile(path, &why);
    if (!read) {
        *error = tr("%1 %2").arg(path, why);
        return false;
    }
    const QByteArray &text = *read;
    if (text.trimmed().isEmpty())
        return true;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = tr("%1 is not a JSON object (%2); fix it first, spoon-console check-config "
                    "shows where")
                     .arg(path, parseError.errorString());
        return false;
    }
    m_root = document.object();
    return true;
}

QJsonValue ConfigDocument::value(const QStringList &keyPath) const
{
    QJsonValue at = m_root;
    for (const QString &key : keyPath)
        at = at.toObject().value(key);
    return at;
}

void ConfigDocument::setValue(const QStringList &keyPath, const QJsonValue &value)
{
    if (!keyPath.isEmpty())
        m_root = withValue(m_root, keyPath, value);
}

QByteArray ConfigDocument::toJson() const
{
    return QJsonDocument(m_root).toJson(QJsonDocument::Indented);
}

ConfigLoadResult ConfigDocument::check(const QProcessEnvironment &env) const
{
    return ConfigLoader::parse(toJson(), m_path, env);
}

bool ConfigDocument::save(const QProcessEnvironment &env, ConfigDiagnostics *diagnostics,
                          QString *error)
{
    const ConfigLoadResult checked = check(env);
    *diagnostics = checked.diagnostics;
    // Only the file's own errors stop a save: a bad environment variable is not the file's.
    for (const ConfigDiagnostic &d : checked.diagnostics) {
        if (d.isError() && d.source == m_path) {
            *error = tr("not saved: %1")
                         .arg(d.keyPath.isEmpty() ? d.message : d.keyPath + u": "_s + d.message);
            return false;
        }
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    file.write(toJson());
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

} // namespace spoon
