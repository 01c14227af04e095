# Builds the parser fuzzer with clang and runs it for SECONDS on the seed corpus: the committed
# seeds plus every constitution of the source tree. Called by the parser_fuzzer_smoke test.
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
set(corpus ${BUILD_DIR}/corpus)
set(seeds ${BUILD_DIR}/seeds)
file(REMOVE_RECURSE ${corpus} ${seeds})
file(MAKE_DIRECTORY ${corpus} ${seeds} ${BUILD_DIR}/artifacts)
file(GLOB_RECURSE fixtures ${SOURCE_DIR}/tests/fuzz/seeds/* ${SOURCE_DIR}/stdlib-rules/*.clue
     ${SOURCE_DIR}/examples/*.clue ${SOURCE_DIR}/tests/golden/*.clue)
set(index 0)
foreach(fixture IN LISTS fixtures)
    math(EXPR index "${index} + 1")
    file(COPY_FILE ${fixture} ${seeds}/seed-${index})
endforeach()

execute_process(
    COMMAND ${BUILD_DIR}/parser_fuzzer ${corpus} ${seeds}
            -dict=${SOURCE_DIR}/tests/fuzz/clue.dict -max_total_time=${SECONDS}
            -max_len=16384 -timeout=10 -rss_limit_mb=2048
            -artifact_prefix=${BUILD_DIR}/artifacts/ -print_final_stats=1
    RESULT_VARIABLE fuzzed)
if(fuzzed)
    message(FATAL_ERROR "the fuzzer found a problem; the input is in ${BUILD_DIR}/artifacts/")
endif()
