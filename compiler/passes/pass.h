// The interface of an IR pass, and what the pipeline hands every pass.
#pragma once

#include "compiler/ir/ir_module.h"

#include <cstddef>
#include <string_view>

namespace clue {

// Settings that passes read; the pipeline owns one per compilation.
struct PassContext {
    // schedule: the most waves a plan may have; later positions join the last wave. 0: no cap.
    size_t maxWaves = 0;
};

class Pass {
public:
    virtual ~Pass() = default;
    virtual std::string_view name() const = 0;
    // Transforms `module` and says whether anything changed.
    virtual bool run(ir::IRModule& module, PassContext& context) = 0;
};

} // namespace clue
