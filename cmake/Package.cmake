# Deployment: build information for --version, the pieces the `ankang`
# command borrows from the kiosk (no SDL in them), the systemd link of the
# kiosk, and the Debian packages (`make package`, docs/KIOSK-SETUP.md).
include(GNUInstallDirs)

# --- Build information (cli/version.h): regenerated at every build, without
# network; the header changes only when the revision or the date does.
set(ANKANG_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)
set(_build_info_cmd ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
    -DOUTPUT=${ANKANG_GENERATED_DIR}/ankang_build_info.h -DVERSION=${PROJECT_VERSION}
    -P ${PROJECT_SOURCE_DIR}/packaging/build_info.cmake)
file(MAKE_DIRECTORY ${ANKANG_GENERATED_DIR})
execute_process(COMMAND ${_build_info_cmd})
add_custom_target(ankang_build_info COMMAND ${_build_info_cmd}
  BYPRODUCTS ${ANKANG_GENERATED_DIR}/ankang_build_info.h
  COMMENT "Reading the git revision" VERBATIM)

# cli/version.cpp is in the ankang target (cli/*.cpp); the kiosk compiles it too.
target_include_directories(ankang PRIVATE ${ANKANG_GENERATED_DIR})
add_dependencies(ankang ankang_build_info)
# `ankang doctor` reuses the kiosk's font lookup and data directory rules,
# both plain fontconfig and POSIX.
target_sources(ankang PRIVATE ${PROJECT_SOURCE_DIR}/kiosk/font_lookup.cpp ${PROJECT_SOURCE_DIR}/kiosk/data_dir.cpp)
target_link_libraries(ankang PRIVATE PkgConfig::FONTCONFIG PkgConfig::SQLITE3 PkgConfig::SODIUM
  PkgConfig::XLSXWRITER PkgConfig::LIBZIP pugixml::pugixml)
target_compile_definitions(ankang PRIVATE ANKANG_INSTALL_DATADIR="${CMAKE_INSTALL_FULL_DATADIR}/ankang"
  ANKANG_SOURCE_DATADIR="${PROJECT_SOURCE_DIR}/data")

if(TARGET ankang_kiosk)
  pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)  # sd_notify (kiosk/watchdog.cpp)
  target_sources(ankang_kiosk PRIVATE ${PROJECT_SOURCE_DIR}/cli/version.cpp)
  target_include_directories(ankang_kiosk PRIVATE ${ANKANG_GENERATED_DIR})
  add_dependencies(ankang_kiosk ankang_build_info)
  target_link_libraries(ankang_kiosk PUBLIC PkgConfig::SYSTEMD PkgConfig::XLSXWRITER PkgConfig::LIBZIP pugixml::pugixml)
endif()

# --- Man pages (man/*.1.in), dated by the build date of --version.
string(TIMESTAMP ANKANG_MAN_DATE "%Y-%m-%d" UTC)
foreach(page ankang ankang-kiosk)
  configure_file(${PROJECT_SOURCE_DIR}/man/${page}.1.in ${ANKANG_GENERATED_DIR}/man/${page}.1 @ONLY)
endforeach()

# --- What the packages install (the install() rules of the programs are in
# cli/ and kiosk/). Components: `cli` -> ankang, `kiosk` -> ankang-kiosk.
set(ANKANG_SHARE ${CMAKE_INSTALL_DATADIR}/ankang)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/bank ${PROJECT_SOURCE_DIR}/data/contests
  DESTINATION ${ANKANG_SHARE} COMPONENT cli)
install(FILES ${ANKANG_GENERATED_DIR}/man/ankang.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
install(FILES ${ANKANG_GENERATED_DIR}/man/ankang-kiosk.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/ankang-kiosk.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/icons/ankang-kiosk.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT kiosk)
foreach(size 48 128 256)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/icons/ankang-kiosk-${size}.png
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME ankang-kiosk.png COMPONENT kiosk)
endforeach()
# Debian 12 merges /lib into /usr/lib: the unit goes to /usr/lib/systemd/system.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/ankang-kiosk.service
  DESTINATION lib/systemd/system COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/docs/KIOSK-SETUP.md DESTINATION ${CMAKE_INSTALL_DOCDIR}-kiosk COMPONENT kiosk)

# --- Debian packages: `make package` (cpack -G DEB in the build directory).
# cpack installs what is built; it does not build every test and benchmark
# first (`make package` builds before it calls cpack).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ankang)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Ankang")
set(CPACK_PACKAGE_CONTACT "Ankang maintainers <ankang@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)  # debug information stays in the build tree
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli kiosk)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # ankang_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from the linked libraries (dpkg-shlibdeps)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_DEBIAN_CLI_PACKAGE_NAME ankang)
set(CPACK_DEBIAN_CLI_PACKAGE_SUGGESTS "ankang-kiosk")
set(CPACK_COMPONENT_CLI_DESCRIPTION "Ankang (安康杯) safety-knowledge contests: command line
The organiser's tool: question banks (Excel, CSV, GIFT, Moodle XML, Aiken),
contests, signed score bundles from the kiosks, the 参赛企业汇总表 and the
annual summary. Includes the starter bank and the example contests.")
set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME ankang-kiosk)
# The screen needs a CJK font; cage runs it on boot (the systemd unit).
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "fonts-noto-cjk | fonts-wqy-zenhei | fonts-wqy-microhei")
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "cage, ankang")
set(CPACK_COMPONENT_KIOSK_DESCRIPTION "Ankang (安康杯) safety-knowledge contests: touch kiosk
Full-screen kiosk for break rooms: workers practise and take timed tests,
hosts run team buzzer contests. Includes a systemd unit that starts it on
boot in cage and restarts it, with a watchdog.")
include(CPack)
