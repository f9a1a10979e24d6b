#pragma once

#include <QByteArrayView>
#include <QString>

#include <vector>

namespace spoon {

// Reads one /proc file again and again through a descriptor opened once. /proc files
// are seq_files, so a read from offset 0 regenerates the text (proc(5)); keeping the
// descriptor saves a path lookup per sample. A file that cannot be opened (an unreadable
// /proc/self/io under some sandboxes) is retried at most every call, never an error.
class ProcFileReader
{
public:
    explicit ProcFileReader(QString path);
    ~ProcFileReader();
    ProcFileReader(const ProcFileReader &) = delete;
    ProcFileReader &operator=(const ProcFileReader &) = delete;

    // The file's whole current text, or an empty view when it cannot be read.
    // The view stays valid until the next read().
    QByteArrayView read();
    const QString &path() const { return m_path; }

private:
    QString m_path;
    int m_fd = -1;
    std::vector<char> m_buffer;
};

// Counts entries of a directory such as /proc/self/fd, keeping the directory open.
class DirectoryEntryCounter
{
public:
    explicit DirectoryEntryCounter(QString path);
    ~DirectoryEntryCounter();
    DirectoryEntryCounter(const DirectoryEntryCounter &) = delete;
    DirectoryEntryCounter &operator=(const DirectoryEntryCounter &) = delete;

    // Entries other than "." and "..", or -1 when the directory cannot be read.
    int count();

private:
    QString m_path;
    int m_fd = -1;
    std::vector<char> m_buffer;
};

} // namespace spoon
