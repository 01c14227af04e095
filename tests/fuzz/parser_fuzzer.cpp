// libFuzzer target for the front end, sema and fmt. The input is up to three files separated
// by NUL bytes: main.clue, lib.clue and the standard library's common.clue, all held in
// memory, so that imports resolve without touching the disk. Errors in the input are fine;
// a crash, a leak, a hang, or fmt changing what a file means is a bug.
#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/fmt/formatter.h"
#include "compiler/frontend/parser.h"
#include "compiler/sema/program_loader.h"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> splitFiles(const uint8_t* data, size_t size) {
    std::vector<std::string> parts(1);
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0 && parts.size() < 3) {
            parts.emplace_back();
        } else {
            parts.back() += static_cast<char>(data[i]);
        }
    }
    return parts;
}

std::vector<std::string> commentTexts(const clue::ast::Module& module) {
    std::vector<std::string> texts;
    for (const clue::ast::Comment& c : module.comments) {
        texts.push_back(c.text.substr(0, c.text.find_last_not_of(" \t\f") + 1));
    }
    return texts;
}

// fmt must keep the meaning and the comments, and be idempotent.
void checkFormatting(const std::string& source) {
    clue::SourceManager sources;
    clue::DiagnosticEngine diags;
    auto module = clue::parseModule(sources, sources.addFile("f.clue", source), diags);
    if (!module) {
        return;
    }
    clue::CheckedFormat once = clue::formatModuleChecked(*module, sources);
    if (!once.problem.empty()) {
        std::abort();
    }
    auto again = clue::parseModule(sources, sources.addFile("once.clue", once.text), diags);
    if (!again || commentTexts(*module) != commentTexts(*again) ||
        clue::formatModule(*again, sources) != once.text) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<std::string> parts = splitFiles(data, size);
    clue::MemoryReader files;
    const char* paths[] = {"main.clue", "lib.clue", "stdlib/common.clue"};
    for (size_t i = 0; i < parts.size(); ++i) {
        files.add(paths[i], parts[i]);
    }
    clue::LoadOptions options;
    options.stdlibDir = "stdlib";
    options.reader = &files;
    clue::SourceManager sources;
    clue::DiagnosticEngine diags;
    auto program = clue::loadProgram({"main.clue"}, sources, diags, options);
    std::ostringstream out;
    clue::renderAll(diags, sources, clue::DiagnosticFormat::Text, out);
    clue::renderAll(diags, sources, clue::DiagnosticFormat::Json, out);
    checkFormatting(parts.front());
    return 0;
}
