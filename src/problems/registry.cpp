// make_problem: the one place a problem name becomes a type.
#include <utility>

#include "core/error.h"
#include "problems/expr_problem.h"
#include "problems/function_problem.h"
#include "problems/functions.h"
#include "problems/problem.h"

namespace adamlab {
namespace {

template <class F>
std::unique_ptr<Problem> build(const Spec& spec) {
  F f;
  SpecReader reader(spec, "problem");
  f.read(reader);
  reader.finish();
  f.validate();
  return std::make_unique<FunctionProblem<F>>(f);
}

using Factory = std::unique_ptr<Problem> (*)(const Spec&);

const std::vector<std::pair<std::string, Factory>>& registry() {
  static const std::vector<std::pair<std::string, Factory>> entries = {
      {Rosenbrock::kName, &build<Rosenbrock>},
      {Beale::kName, &build<Beale>},
      {Himmelblau::kName, &build<Himmelblau>},
      {Booth::kName, &build<Booth>},
      {Rastrigin::kName, &build<Rastrigin>},
      {Ackley::kName, &build<Ackley>},
      {Quadratic::kName, &build<Quadratic>},
      {Saddle::kName, &build<Saddle>},
      {StyblinskiTang::kName, &build<StyblinskiTang>},
      {GoldsteinPrice::kName, &build<GoldsteinPrice>},
      {Matyas::kName, &build<Matyas>},
      {ThreeHumpCamel::kName, &build<ThreeHumpCamel>},
  };
  return entries;
}

}  // namespace

std::vector<std::string> problem_names() {
  std::vector<std::string> names;
  for (const auto& entry : registry()) names.push_back(entry.first);
  return names;
}

std::unique_ptr<Problem> make_problem(const Spec& spec) {
  if (spec.name == kExprProblemName) {
    if (spec.params.size() != 1 || !spec.params[0].first.empty())
      throw Error("expr needs a function after 'expr:', e.g. expr:x^2+10*y^2");
    return std::make_unique<ExprProblem>(spec.params[0].second);
  }
  for (const auto& entry : registry())
    if (entry.first == spec.name) return entry.second(spec);
  std::string known;
  for (const auto& entry : registry()) known += (known.empty() ? "" : ", ") + entry.first;
  throw Error("unknown problem '" + spec.name + "' (known: " + known + ", or expr:FUNCTION of x and y)");
}

}  // namespace adamlab
