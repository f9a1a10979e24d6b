# One interface target carries the language level, warnings and Qt safety macros.
# Every target in the project links spoon_common, so a setting lives in one place.
add_library(spoon_common INTERFACE)
target_compile_features(spoon_common INTERFACE cxx_std_20)
target_compile_options(spoon_common INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
target_compile_definitions(spoon_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    SPOON_VERSION="${PROJECT_VERSION}")

option(SPOON_WERROR "Treat warnings as errors" OFF)
if(SPOON_WERROR)
    target_compile_options(spoon_common INTERFACE -Werror)
endif()

option(SPOON_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(SPOON_SANITIZE)
    # -O1 -g1 after the build type's -O2 -g: the sanitizers' advice for readable reports, line
    # tables are all their stack traces use, and both cut the compile and link CI pays each run.
    target_compile_options(spoon_common INTERFACE -O1 -g1
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(spoon_common INTERFACE -fsanitize=address,undefined)
endif()

option(SPOON_FUZZ "Build the libFuzzer targets in fuzz/ (needs clang)" OFF)
if(SPOON_FUZZ)
    target_compile_options(spoon_common INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    target_link_options(spoon_common INTERFACE -fsanitize=address,undefined)
endif()

# mold links the 60-odd test executables, each carrying the static libraries and their debug
# information, in well under half the time of GNU ld (Debian's mold package; ld when absent).
find_program(SPOON_MOLD mold)
if(SPOON_MOLD)
    target_link_options(spoon_common INTERFACE -fuse-ld=mold)
endif()
