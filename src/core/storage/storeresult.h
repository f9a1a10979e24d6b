#pragma once

#include "sqltypes.h"

#include <QFuture>

namespace spoon {

// A store call's answer: its value, or why there is none.
template <typename T> struct StoreResult
{
    SqlError error;
    T value{};
    bool ok() const { return error.kind == SqlError::Kind::None; }
};

// A pool job's outcome read into a StoreResult by `read` (on the worker thread that ran it;
// `read` sees only successful outcomes).
template <typename T, typename Read>
QFuture<StoreResult<T>> storeResultOf(QFuture<SqlOutcome> future, Read read)
{
    return future.then([read](const SqlOutcome &outcome) {
        StoreResult<T> result;
        result.error = outcome.error;
        if (outcome.ok())
            result.value = read(outcome);
        return result;
    });
}

} // namespace spoon
