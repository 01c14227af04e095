# Writes a C++ source that holds each prompt file as a string, so that the prompts are part of
# the binary and no installed file can drift from the version string that names them.
# Called at build time: cmake -DOUTPUT=... -DROOT=dir -DINPUTS="v1/a.txt|v1/b.txt" -P embed_prompts.cmake
set(body "// Generated from compiler/objectify/prompts by embed_prompts.cmake; do not edit.\n")
string(APPEND body "#include \"compiler/objectify/prompt_files.h\"\n\nnamespace clue::objectify {\n\n")
string(APPEND body "std::string_view promptFile(std::string_view name) {\n")
string(REPLACE "|" ";" INPUTS "${INPUTS}")
foreach(input IN LISTS INPUTS)
    file(READ "${ROOT}/${input}" text)
    string(FIND "${text}" ")CLUEPROMPT\"" clash)
    if(NOT clash EQUAL -1)
        message(FATAL_ERROR "${input} contains the raw string delimiter")
    endif()
    string(APPEND body "    if (name == \"${input}\") {\n"
                       "        static constexpr char text[] = R\"CLUEPROMPT(${text})CLUEPROMPT\";\n"
                       "        return {text, sizeof text - 1};\n    }\n")
endforeach()
string(APPEND body "    return {};\n}\n\n} // namespace clue::objectify\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
