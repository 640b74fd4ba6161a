#include "scalar_baseline.h"

#include <cmath>
#include <memory>

#include "sim/run.h"

double scalar_runs(const std::string& optimizer, std::int64_t runs, std::int64_t steps) {
  static const std::shared_ptr<const adamlab::Problem> problem = adamlab::make_problem(adamlab::parse_spec("rosenbrock"));
  const adamlab::Spec base = adamlab::parse_spec(optimizer == "sgd" ? "sgd:lr=0.001" : optimizer);
  double sink = 0;
  for (std::int64_t r = 0; r < runs; ++r) {
    adamlab::Spec spec = base;
    spec.set("lr", adamlab::format_number(1e-4 * std::pow(1e4, static_cast<double>(r % 256) / 255.0)));
    adamlab::Run run(problem, {-1.5, 2.0}, adamlab::make_optimizer(spec), nullptr);
    for (std::int64_t k = 0; k < steps; ++k) run.step();
    sink += run.row().loss;
  }
  return sink;
}
