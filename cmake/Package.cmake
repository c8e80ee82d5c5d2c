# Deployment: where the installed programs find their data, the systemd link
# of the kiosk, man pages, and the Debian packages (`make package`,
# docs/KIOSK-SETUP.md). Build information for --version is in machine/.
include(GNUInstallDirs)

# The shared data the installed `ankang` finds next to itself (doctor, bank init).
target_compile_definitions(ankang PRIVATE ANKANG_INSTALL_DATADIR="${CMAKE_INSTALL_FULL_DATADIR}/ankang"
  ANKANG_SOURCE_DATADIR="${PROJECT_SOURCE_DIR}/data")

if(TARGET ankang_kiosk)
  pkg_check_modules(SYSTEMD REQUIRED IMPORTED_TARGET libsystemd)  # sd_notify (kiosk/watchdog.cpp)
  target_link_libraries(ankang_kiosk PUBLIC PkgConfig::SYSTEMD)
endif()

# --- Man pages (man/*.1.in), dated by the build date of --version.
string(TIMESTAMP ANKANG_MAN_DATE "%Y-%m-%d" UTC)
foreach(page ankang ankang-kiosk ankang-console)
  configure_file(${PROJECT_SOURCE_DIR}/man/${page}.1.in ${ANKANG_GENERATED_DIR}/man/${page}.1 @ONLY)
endforeach()

# --- What the packages install (the install() rules of the programs are in
# cli/, kiosk/ and console/). Components: `cli` -> ankang, `kiosk` ->
# ankang-kiosk, `console` -> ankang-console.
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
install(FILES ${ANKANG_GENERATED_DIR}/man/ankang-console.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT console)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/ankang-console.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT console)
# The kiosk's icon, under the console's name: either package may be alone.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/icons/ankang-kiosk.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ankang-console.svg COMPONENT console)
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
set(CPACK_COMPONENTS_ALL cli kiosk console)
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
set(CPACK_DEBIAN_CONSOLE_PACKAGE_NAME ankang-console)
# Its screens need a CJK font.
set(CPACK_DEBIAN_CONSOLE_PACKAGE_DEPENDS "fonts-noto-cjk | fonts-wqy-zenhei | fonts-wqy-microhei")
set(CPACK_DEBIAN_CONSOLE_PACKAGE_RECOMMENDS "ankang, xdg-utils")
set(CPACK_COMPONENT_CONSOLE_DESCRIPTION "Ankang (安康杯) safety-knowledge contests: organiser console
The organiser's desktop application: question bank, participating
enterprises, contest packages onto USB sticks, collecting the kiosks' score
bundles, results, the 参赛企业汇总表 and annual summary, and the city roll-up,
without a command line.")
include(CPack)
