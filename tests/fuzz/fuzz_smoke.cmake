# Builds the fuzzers with clang and runs FUZZER for SECONDS on a fresh corpus seeded from the
# files that SEEDS (globs under SOURCE_DIR, separated by |) match, with the dictionary
# DICT (none when empty) and inputs of at most MAX_LEN bytes. Called by the *_fuzzer_smoke tests.
set(launcher "")
if(LAUNCHER)
    set(launcher -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER} -DCMAKE_C_COMPILER_LAUNCHER=${LAUNCHER})
endif()
execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/fuzz/project -B ${BUILD_DIR} -G Ninja
            -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER=${CLANGXX} -DCMAKE_C_COMPILER=${CLANG}
            -DCLUE_GRAMMAR_GEN=${GRAMMAR_GEN} ${launcher}
    RESULT_VARIABLE configured)
if(configured)
    message(FATAL_ERROR "configuring the fuzzer failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} RESULT_VARIABLE built)
if(built)
    message(FATAL_ERROR "building the fuzzer failed")
endif()

# A fresh corpus each run (libFuzzer adds new inputs to the first folder), seeded from the tree.
set(corpus ${BUILD_DIR}/${FUZZER}-corpus)
set(seeds ${BUILD_DIR}/${FUZZER}-seeds)
file(REMOVE_RECURSE ${corpus} ${seeds})
file(MAKE_DIRECTORY ${corpus} ${seeds} ${BUILD_DIR}/artifacts)
string(REPLACE "|" ";" SEEDS "${SEEDS}")
list(TRANSFORM SEEDS PREPEND ${SOURCE_DIR}/)
file(GLOB_RECURSE fixtures ${SEEDS})
set(index 0)
foreach(fixture IN LISTS fixtures)
    math(EXPR index "${index} + 1")
    file(COPY_FILE ${fixture} ${seeds}/seed-${index})
endforeach()

set(dictionary "")
if(DICT)
    set(dictionary -dict=${SOURCE_DIR}/${DICT})
endif()
execute_process(
    COMMAND ${BUILD_DIR}/${FUZZER} ${corpus} ${seeds}
            ${dictionary} -max_total_time=${SECONDS}
            -max_len=${MAX_LEN} -timeout=10 -rss_limit_mb=2048
            -artifact_prefix=${BUILD_DIR}/artifacts/ -print_final_stats=1
    RESULT_VARIABLE fuzzed)
if(fuzzed)
    message(FATAL_ERROR "${FUZZER} found a problem; the input is in ${BUILD_DIR}/artifacts/")
endif()
