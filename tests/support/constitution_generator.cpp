// Formulas are built by splitting a leaf budget recursively among 2 or 3 operands.
#include "tests/support/constitution_generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace clue::testing {

uint64_t Random::next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

size_t Random::skewed(size_t n) {
    double u = static_cast<double>(next() >> 11) * 0x1.0p-53;
    return std::min(n - 1, static_cast<size_t>(static_cast<double>(n) * u * u));
}

namespace {

std::string operand(Random& random, size_t leaves, const FormulaShape& shape,
                    const std::function<std::string(Random&)>& leaf) {
    std::string text;
    if (leaves <= 1) {
        text = random.chance(shape.constantShare) ? (random.chance(0.5) ? "true" : "false")
                                                  : leaf(random);
    } else {
        text = "(" + randomFormula(random, leaves, shape, leaf) + ")";
    }
    return random.chance(shape.notShare) ? "not " + text : text;
}

} // namespace

std::string randomFormula(Random& random, size_t leaves, const FormulaShape& shape,
                          const std::function<std::string(Random&)>& leaf) {
    if (leaves <= 1) {
        return operand(random, 1, shape, leaf);
    }
    size_t parts = std::min<size_t>(leaves, 2 + random.below(2));
    const char* op = random.chance(shape.orShare) ? " or " : " and ";
    std::string out;
    size_t left = leaves;
    for (size_t i = 0; i < parts; ++i) {
        size_t share = i + 1 == parts ? left : 1 + random.below(left - (parts - i - 1));
        left -= share;
        out += (i ? op : "") + operand(random, share, shape, leaf);
    }
    return out;
}

namespace {

std::string statementOf(size_t p) {
    return fmt::format("the image shows object {} in state {}", p, (p * 7919) % 97);
}

// The statement as an inline literal, varied in ways normalization folds away.
std::string inlineVariant(Random& random, size_t p) {
    std::string s = statementOf(p);
    if (random.chance(0.5)) {
        s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    }
    return "\"" + s + (random.chance(0.5) ? "." : "") + "\"";
}

void writePredicates(std::string& out, size_t pool) {
    for (size_t p = 0; p < pool; ++p) {
        out += fmt::format("predicate p{} : \"{}\"\n", p, statementOf(p));
    }
    out += "\n";
}

std::string ruleText(Random& random, size_t r, const GeneratorOptions& o, size_t pool) {
    auto leaf = [&](Random& rnd) {
        size_t p = rnd.skewed(pool);
        return rnd.chance(o.inlineShare) ? inlineVariant(rnd, p) : fmt::format("p{}", p);
    };
    size_t leaves = 1 + random.below(2 * o.leavesPerRule - 1);
    std::string out = fmt::format("rule r{} \"Should not show case {}.\"\n", r, r);
    static const char* severities[] = {"low", "medium", "high", "critical"};
    out += fmt::format("  severity {}\n", severities[random.below(4)]);
    out += "  when " + randomFormula(random, leaves, o.shape, leaf) + "\n";
    if (random.chance(o.unlessShare)) {
        out += "  unless " + randomFormula(random, 1 + random.below(3), o.shape, leaf) + "\n";
    }
    return out;
}

} // namespace

std::string generateConstitution(const GeneratorOptions& o) {
    Random random(o.seed);
    size_t pool = o.poolSize ? o.poolSize : std::max<size_t>(8, o.rules * o.leavesPerRule / 4);
    std::string out = fmt::format("constitution \"generated-{}\" version \"1\"\n\n", o.seed);
    writePredicates(out, pool);
    size_t r = 0;
    size_t category = 0;
    while (r < o.rules) {
        if (!random.chance(o.categoryShare)) {
            out += ruleText(random, r++, o, pool) + "\n";
            continue;
        }
        out += fmt::format("category c{} \"Category {}\" {{\n", category, category);
        for (size_t n = 1 + random.below(5); n > 0 && r < o.rules; --n) {
            out += ruleText(random, r++, o, pool);
        }
        out += "}\n\n";
        ++category;
    }
    return out;
}

} // namespace clue::testing
