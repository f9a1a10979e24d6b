#include "procfilereader.h"

#include <QFile>

#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace spoon {

ProcFileReader::ProcFileReader(QString path)
    : m_path(std::move(path))
    , m_buffer(4096)
{}

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
        const size_t room = m_buffer.size() - used;
        const ssize_t got = ::pread(m_fd, m_buffer.data() + used, room, off_t(used));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            // The file went away or became unreadable: reopen next time.
            ::close(m_fd);
            m_fd = -1;
            return {};
        }
        used += size_t(got);
        // A seq_file hands over everything that fits in one read, so a short read is the
        // end; asking again would make the kernel generate the text a second time.
        if (size_t(got) < room)
            break;
        m_buffer.resize(m_buffer.size() * 2);
    }
    return QByteArrayView(m_buffer.data(), qsizetype(used));
}

DirectoryEntryCounter::DirectoryEntryCounter(QString path)
    : m_path(std::move(path))
    , m_buffer(32 * 1024)
{}

DirectoryEntryCounter::~DirectoryEntryCounter()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

int DirectoryEntryCounter::count()
{
    if (m_fd < 0) {
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (m_fd < 0)
            return -1;
    } else if (::lseek(m_fd, 0, SEEK_SET) < 0) {
        return -1;
    }
    // getdents64(2) directly: readdir() would always make one more call just to see the end.
    int entries = 0;
    for (;;) {
        const long got = ::syscall(SYS_getdents64, m_fd, m_buffer.data(), m_buffer.size());
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        for (long offset = 0; offset < got;) {
            const auto *entry = reinterpret_cast<const dirent64 *>(m_buffer.data() + offset);
            const char *name = entry->d_name;
            if (!(name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))))
                ++entries;
            offset += entry->d_reclen;
        }
        // The kernel fills the buffer while entries fit; room for another left means the end.
        if (got == 0 || size_t(got) + sizeof(dirent64) + 256 <= m_buffer.size())
            break;
    }
    // Our own descriptor on the directory is counted too, as psutil's num_fds() counts the
    // one its listdir() opens.
    return entries;
}

} // namespace spoon
