#pragma once
// Shared by every optimizer's validate(), read and write: how a hyperparameter is spelled in a
// torch message and in a spec.
#include <map>
#include <string>
#include <type_traits>

#include "core/spec.h"

namespace adamlab {

// The value text of each key as the user wrote it in a spec. torch formats the offending value
// with Python's str(), which prints a literal as written for the values people type (-1, 1.0,
// -0.5); quoting the user's own token gives the same message. Empty when options come from code.
using SpecText = std::map<std::string, std::string>;
SpecText spec_text(const Spec& spec);

// Python's repr of a float for the values that matter here: -1.0, 0.5, 1e-08, nan, inf.
std::string python_float(double value);

// Throws Error(prefix + value) unless `ok` and the value is finite. Every number is checked for
// finiteness even where torch checks nothing (a NaN or infinite hyperparameter is never useful,
// and options built in code bypass the spec parser's own rejection of inf/nan).
void require(bool ok, double value, const std::string& prefix, const SpecText& text, const std::string& key);

// The checks torch's Adam, AdamW, Adamax, NAdam and RAdam constructors share, in their order.
template <class Options>
void require_adam_family(const Options& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.eps, o.eps, "Invalid epsilon value: ", text, "eps");
  require(0.0 <= o.beta1 && o.beta1 < 1.0, o.beta1, "Invalid beta parameter at index 0: ", text, "beta1");
  require(0.0 <= o.beta2 && o.beta2 < 1.0, o.beta2, "Invalid beta parameter at index 1: ", text, "beta2");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
}

// Each optimizer lists its keys once, as `keys(options, visit)` calling visit("key", options.key)
// in torch's argument order; reading a spec and writing one both walk that list, so the keys
// accepted and the keys written cannot drift apart.
template <class Options, class Keys>
Options read_keys(SpecReader& reader, Options o, const Keys& keys) {
  keys(o, [&reader](const char* key, auto& value) {
    if constexpr (std::is_same_v<std::decay_t<decltype(value)>, bool>)
      value = reader.boolean(key, value);
    else
      value = reader.number(key, value);
  });
  return o;
}

template <class Options, class Keys>
Spec write_keys(const char* name, const Options& o, const Keys& keys) {
  Spec spec{name, {}};
  keys(o, [&spec](const char* key, const auto& value) {
    if constexpr (std::is_same_v<std::decay_t<decltype(value)>, bool>)
      spec.set(key, format_bool(value));
    else
      spec.set(key, format_number(value));
  });
  return spec;
}

}  // namespace adamlab
