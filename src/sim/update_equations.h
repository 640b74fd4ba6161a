#pragma once
// The update equations of an optimizer as torch 1.13 computes them (the order and form of its
// _single_tensor_<name> kernel), for the anatomy view to print beside the numbers. Each line is
// made of segments; a segment that stands for one of the anatomy's vectors (sim/anatomy.h) names
// it in `term`, so the UI colours it as it colours that vector's arrow. Symbols follow torch's
// documentation (beta1 is β₁, weight_decay λ, momentum μ, dampening τ, alpha α, rho ρ,
// momentum_decay ψ); the glyphs used are listed in kEquationCodePoints (the UI font must have them).
#include <cstdint>
#include <string>
#include <vector>

#include "core/spec.h"

namespace adamlab {

struct EquationSegment {
  std::string text;  // UTF-8
  std::string term;  // an anatomy vector's name ("exp_avg", "grad", "step", ...); "" = plain text
};

struct EquationLine {
  std::vector<EquationSegment> segments;
  std::string text() const;  // the segments joined
};

struct EquationOptions {
  std::int64_t t = 1;            // the step number of the update (torch's state step after it)
  bool bias_correction = true;   // false: adam/adamw's teaching view (sim/anatomy.h), NOT PyTorch
};

// The lines for `optimizer` (any valid spec; absent options take torch's defaults), ending with
// the parameter update. Branches that depend on the step (SGD's first momentum step, RAdam's
// rectification) follow options.t. Throws Error for an invalid spec (make_optimizer's message).
// An optimizer without equations yields no lines.
std::vector<EquationLine> update_equations(const Spec& optimizer, const EquationOptions& options = {});

// "β₁ = 0.9   β₂ = 0.999   ε = 1e-08 ...": the value of each symbol the lines use (lr excluded:
// a scheduler changes it; the anatomy's table shows this step's lr).
std::string equation_symbols(const Spec& optimizer);

// Every non-ASCII code point the lines and symbols may contain, ascending.
extern const std::vector<char32_t> kEquationCodePoints;

}  // namespace adamlab
