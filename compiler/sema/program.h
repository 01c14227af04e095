// The checked constitution: every parsed file of one program and its declarations by name.
#pragma once

#include "compiler/ast/module.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace clue {

// One parsed file of a program.
struct SourceUnit {
    FileId file;
    std::string path; // as shown in diagnostics
    ast::Module module;
    bool isRoot;
};

// Names are global to a program: the roots and every file they import, transitively. The
// pointers point into `units`, which own the modules and never move them.
struct Program {
    std::vector<std::unique_ptr<SourceUnit>> units; // roots in given order, then imports (DFS)
    const ast::Header* header = nullptr;            // the first root's header, if any
    const ast::ScoreDecl* score = nullptr;          // the score section, if any
    std::map<std::string, const ast::PredicateDecl*> predicates; // by name, across all units
    std::map<std::string, const ast::RuleDecl*> rules;           // by id
    std::map<std::string, const ast::CategoryDecl*> categories;  // by name
    std::map<std::string, const ast::TestDecl*> tests;           // by name

    // What the first root's header says it judges; images when it says nothing (or something
    // sema reports as unknown).
    ast::Subject subject() const {
        bool responses = header && header->judges && header->judges->name == "responses";
        return responses ? ast::Subject::Responses : ast::Subject::Images;
    }
};

} // namespace clue
