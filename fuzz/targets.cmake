# The fuzz targets, one fuzz/<name>.cpp each; read by fuzz/ (libFuzzer
# binaries) and tests/fuzz/ (corpus replay in the normal build).
set(ANKANG_FUZZ_TARGETS
  csv xlsx gift moodle_xml aiken text docx contest_config contest_package score_bundle enterprise_import rollup)
# What every target links: the loaders of outside data.
set(ANKANG_FUZZ_LIBS ankang_question_bank ankang_engine_io ankang_results ankang_tables)
