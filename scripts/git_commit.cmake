# Writes git_commit.h with the checkout's commit (empty outside a git checkout). Run at every build by the
# git_commit target; the header is rewritten only when the commit changed, so nothing recompiles otherwise.
execute_process(COMMAND git -C "${SOURCE_DIR}" rev-parse HEAD
                OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
set(header "#define BAROMETER_GIT_COMMIT \"${commit}\"\n")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" current)
endif()
if(NOT "${current}" STREQUAL "${header}")
  file(WRITE "${OUTPUT}" "${header}")
endif()
