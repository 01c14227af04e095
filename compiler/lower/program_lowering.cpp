// Program-level lowering: canonical file order, module facts, then FormulaLowering.
#include "compiler/lower/program_lowering.h"

#include "common/sha256.h"
#include "compiler/lower/formula_lowering.h"
#include "compiler/lower/unit_order.h"

#include <fmt/format.h>

#include <algorithm>

namespace clue {
namespace {

// The header of the first root file, in canonical order, that has one: not the first on the
// command line, which would make the plan depend on argument order.
const ast::Header* canonicalHeader(const std::vector<OrderedUnit>& units) {
    for (const OrderedUnit& u : units) {
        if (u.unit->isRoot && u.unit->module.header) {
            return &*u.unit->module.header;
        }
    }
    return nullptr;
}

void recordModuleInfo(const std::vector<OrderedUnit>& units, const SourceManager& sources,
                      const objectify::LockedRules* locked, ir::ModuleInfo& info) {
    if (const ast::Header* h = canonicalHeader(units)) {
        info.name = h->name;
        info.version = h->version;
        if (h->description) {
            info.description = h->description->value();
        }
    }
    std::string digestInput;
    for (const OrderedUnit& u : units) {
        for (const ast::CategoryDecl* c : u.unit->module.categories()) {
            info.categories.push_back({c->name, c->title ? c->title->value() : c->name});
        }
        info.sourceFiles.push_back(u.relative);
        digestInput += u.relative;
        digestInput += '\0';
        digestInput += sources.contents(u.unit->file);
        digestInput += '\0';
    }
    std::vector<std::string> lockfiles = locked ? locked->contents() : std::vector<std::string>{};
    std::sort(lockfiles.begin(), lockfiles.end()); // whatever order the roots were listed in
    for (const std::string& lockfile : lockfiles) {
        digestInput += lockfile;
        digestInput += '\0';
    }
    info.sourceDigest = sha256Hex(digestInput);
}

} // namespace

ir::IRModule lowerProgram(const Program& program, const SourceManager& sources,
                          DiagnosticEngine& diagnostics, const std::string& stdlibDir,
                          const objectify::LockedRules* locked,
                          std::vector<std::string>* chainless) {
    std::vector<OrderedUnit> units = orderUnits(program, stdlibDir);
    ir::IRModule module;
    recordModuleInfo(units, sources, locked, module.info());
    FormulaLowering lowering(module, diagnostics,
                             [&](const std::string& name) { return program.predicates.at(name); });
    lowering.setLockedRules(locked);
    lowering.setChainless(chainless);
    for (const OrderedUnit& u : units) {
        for (const ast::PredicateDecl* p : u.unit->module.predicates()) {
            lowering.declarePredicate(*p);
        }
    }
    for (const OrderedUnit& u : units) {
        u.unit->module.forEachRule([&](const ast::RuleDecl& rule) {
            uint32_t line = sources.lineColumn(rule.span.file, rule.span.begin).line;
            lowering.lowerRule(rule, fmt::format("{}:{}", u.relative, line), u.unit->path);
        });
    }
    return module;
}

} // namespace clue
