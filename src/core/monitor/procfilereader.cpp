#include "procfilereader.h"

#include <QFile>

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace spoon {

ProcFileReader::ProcFileReader(QString path)
    : m_path(std::move(path))
    , m_buffer(4096)
{
}

ProcFileReader::~ProcFileReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QByteArrayView ProcFileReader::read()
{
    if (m_fd < 0) {
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0)
            return {};
    }
    size_t used = 0;
    for (;;) {
        if (used == m_buffer.size())
            m_buffer.resize(m_buffer.size() * 2);
        const ssize_t got = ::pread(m_fd, m_buffer.data() + used, m_buffer.size() - used,
                                    off_t(used));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            // The file went away or became unreadable: reopen next time.
            ::close(m_fd);
            m_fd = -1;
            return {};
        }
        if (got == 0)
            break;
        used += size_t(got);
    }
    return QByteArrayView(m_buffer.data(), qsizetype(used));
}

DirectoryEntryCounter::DirectoryEntryCounter(QString path)
    : m_path(std::move(path))
{
}

DirectoryEntryCounter::~DirectoryEntryCounter()
{
    if (m_dir)
        ::closedir(static_cast<DIR *>(m_dir));
}

int DirectoryEntryCounter::count()
{
    if (!m_dir) {
        m_dir = ::opendir(QFile::encodeName(m_path).constData());
        if (!m_dir)
            return -1;
    } else {
        ::rewinddir(static_cast<DIR *>(m_dir));
    }
    int entries = 0;
    while (const dirent *entry = ::readdir(static_cast<DIR *>(m_dir))) {
        const char *name = entry->d_name;
        if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0')))
            continue;
        ++entries;
    }
    // Our own directory handle is counted too, as psutil's num_fds() counts its listdir().
    return entries;
}

} // namespace spoon
