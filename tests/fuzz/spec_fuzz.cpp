// libFuzzer target: any text through the spec grammar and every factory (optimizer, scheduler,
// problem, dataset) and the noise grammar. The only acceptable outcomes are a value or an adamlab::Error; and a spec that
// parses must print back to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/error.h"
#include "core/spec.h"
#include "data/dataset.h"
#include "optim/optimizer.h"
#include "problems/problem.h"
#include "sched/scheduler.h"
#include "sim/noise.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  adamlab::Spec spec;
  try {
    spec = adamlab::parse_spec(text);
  } catch (const adamlab::Error&) {
    return 0;
  }
  if (adamlab::to_string(spec) != text) std::abort();
  try {
    auto opt = adamlab::make_optimizer(spec);
    // The canonical spec of a valid optimizer must itself be valid and stable.
    const auto canonical = adamlab::to_string(opt->spec());
    if (adamlab::to_string(adamlab::make_optimizer(adamlab::parse_spec(canonical))->spec()) != canonical) std::abort();
    adamlab::Vec p = adamlab::Vec::Ones(2), g = adamlab::Vec::Constant(2, 0.5);
    for (int i = 0; i < 3; ++i) opt->step(p, g);
  } catch (const adamlab::Error&) {
  }
  try {
    auto sched = adamlab::make_scheduler(spec);
    double lr = sched->start(0.1);
    for (int i = 0; i < 3; ++i) lr = sched->step(lr);
  } catch (const adamlab::Error&) {
  }
  try {
    const auto noise = adamlab::parse_noise(text);
    const auto canonical = adamlab::to_string(adamlab::noise_spec(noise));
    if (adamlab::to_string(adamlab::noise_spec(adamlab::parse_noise(canonical))) != canonical) std::abort();
  } catch (const adamlab::Error&) {
  }
  try {
    // A dataset's full spec must give the same data again.
    const auto data = adamlab::make_dataset(spec, 1);
    const auto again = adamlab::make_dataset(data.spec, 1);
    if (again.spec != data.spec || adamlab::dataset_fingerprint(again) != adamlab::dataset_fingerprint(data)) std::abort();
  } catch (const adamlab::Error&) {
  }
  try {
    auto problem = adamlab::make_problem(spec);
    const auto s = problem->start();
    (void)problem->value(s[0], s[1]);
    (void)problem->gradient(s[0], s[1]);
  } catch (const adamlab::Error&) {
  }
  return 0;
}
