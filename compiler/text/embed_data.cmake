# Writes a C++ source that holds each data file as a string, so that the lexicons are part of
# the binary. Called at build time: cmake -DOUTPUT=... -DINPUTS="a.txt|b.txt" -P embed_data.cmake
set(body "// Generated from compiler/text/data by embed_data.cmake; do not edit.\n")
string(APPEND body "#include \"compiler/text/builtin_lexicons.h\"\n\nnamespace clue::text {\n")
string(REPLACE "|" ";" INPUTS "${INPUTS}")
foreach(input IN LISTS INPUTS)
    get_filename_component(stem "${input}" NAME_WE)
    file(READ "${input}" text)
    string(FIND "${text}" ")CLUEDATA\"" clash)
    if(NOT clash EQUAL -1)
        message(FATAL_ERROR "${input} contains the raw string delimiter")
    endif()
    string(APPEND body "\nstd::string_view lexiconText_${stem}() {\n"
                       "    static constexpr char text[] = R\"CLUEDATA(${text})CLUEDATA\";\n"
                       "    return {text, sizeof text - 1};\n}\n")
endforeach()
string(APPEND body "\n} // namespace clue::text\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
