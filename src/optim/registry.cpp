// The edge where a spec becomes an optimizer: the only place that knows every optimizer's name.
#include <string>
#include <vector>

#include "core/error.h"
#include "optim/adadelta.h"
#include "optim/adagrad.h"
#include "optim/adam.h"
#include "optim/adamax.h"
#include "optim/adamw.h"
#include "optim/adapter.h"
#include "optim/nadam.h"
#include "optim/optimizer.h"
#include "optim/radam.h"
#include "optim/rmsprop.h"
#include "optim/sgd.h"

namespace adamlab {
namespace {

struct Entry {
  const char* name;
  std::unique_ptr<Optimizer> (*build)(const Spec&);
};

template <class Algorithm>
Entry entry() {
  return {Algorithm::name, &build_optimizer<Algorithm>};
}

// Alphabetical, so listings and error messages are stable.
const std::vector<Entry>& registry() {
  static const std::vector<Entry> entries = {
      entry<AdadeltaAlgorithm>(), entry<AdagradAlgorithm>(), entry<AdamAlgorithm>(),
      entry<AdamaxAlgorithm>(),   entry<AdamWAlgorithm>(),   entry<NadamAlgorithm>(),
      entry<RadamAlgorithm>(),    entry<RmspropAlgorithm>(), entry<SgdAlgorithm>(),
  };
  return entries;
}

}  // namespace

std::vector<std::string> optimizer_names() {
  std::vector<std::string> names;
  for (const auto& e : registry()) names.emplace_back(e.name);
  return names;
}

std::unique_ptr<Optimizer> make_optimizer(const Spec& spec) {
  for (const auto& e : registry())
    if (spec.name == e.name) return e.build(spec);
  std::string known;
  for (const auto& name : optimizer_names()) known += (known.empty() ? "" : ", ") + name;
  throw Error("unknown optimizer '" + spec.name + "' (known: " + known + ")");
}

}  // namespace adamlab
