# The Debian package, made by cpack from the install rules (scripts/package.sh builds it).
# dpkg-shlibdeps finds the libraries the binary links; the Qt plugins it loads at run time
# are dlopened, so no tool sees them and they are listed here by hand.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME spoon-console)
set(CPACK_PACKAGE_VENDOR "Spoon")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# One line of the package's long description per line here (no semicolons: CMake lists).
set(CPACK_PACKAGE_DESCRIPTION [=[
Chat with AI agents in one pane and, beside it, watch the engine's live health:
process CPU, memory, disk and network figures, LLM calls, latency, tokens, errors
and estimated cost per provider and model, cache and pool hit rates, and alerts
with desktop notifications. The same engine runs headless from the command line.]=])
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Built RelWithDebInfo (-O2, as Debian builds) and stripped in the package.
set(CPACK_STRIP_FILES ON)

set(SPOON_PACKAGE_MAINTAINER
    "Seed d13dcc69 maintainers <maintainers@users.noreply.r-seed-d13dcc69.example>"
    CACHE STRING "Maintainer field of the .deb")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SPOON_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Appended to what dpkg-shlibdeps finds. The SQLite driver holds the default store; the SVG
# plugins draw the window icon (:/spoon/spoon-console.svg).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# Without these the program still runs: the PostgreSQL driver serves only a shared store
# (performance.database.url; without it the store says the driver is missing), a Secret
# Service keeps API keys (else they come from the environment), and qt6-translations-l10n
# translates Qt's own dialogs (main.cpp loads qtbase_*.qm from Qt's translations folder).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "libqt6sql6-psql, gnome-keyring | kwalletmanager, qt6-translations-l10n")

include(CPack)
