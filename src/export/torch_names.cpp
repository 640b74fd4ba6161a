#include "export/torch_names.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "core/error.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace adamlab::torch_export {
namespace {

struct ClassName {
  const char* name;
  const char* torch_class;
};

// torch.optim's spelling of each of make_optimizer's names.
constexpr ClassName kOptimizerClasses[] = {
    {"adadelta", "Adadelta"}, {"adagrad", "Adagrad"}, {"adam", "Adam"},       {"adamax", "Adamax"},
    {"adamw", "AdamW"},       {"nadam", "NAdam"},     {"radam", "RAdam"},     {"rmsprop", "RMSprop"},
    {"sgd", "SGD"},
};

// The scheduler arguments torch declares as int; every other number is a float.
bool integer_key(const std::string& key) {
  return key == "step_size" || key == "T_max" || key == "total_iters" || key == "T_0" || key == "T_mult";
}

std::string literal(const std::string& key, const std::string& spec_value) {
  if (spec_value == "true") return "True";
  if (spec_value == "false") return "False";
  if (integer_key(key)) return spec_value;
  return python_float(parse_number(spec_value, key));
}

const std::string* find(const Spec& spec, const std::string& key) {
  for (const auto& kv : spec.params)
    if (kv.first == key) return &kv.second;
  return nullptr;
}

// The keys of `full` whose value differs from `defaults` (null: no defaults known) or that
// `always` names, as torch arguments; beta1/beta2 merge into one betas tuple at beta1's place.
// Both specs come from spec() of built objects, so equal values are equal strings.
std::vector<TorchArg> differing(const Spec& full, const Spec* defaults, const std::string& always) {
  const auto differs = [&](const std::string& key) {
    if (key == always || !defaults) return true;
    const std::string* d = find(*defaults, key);
    return !d || *d != *find(full, key);
  };
  std::vector<TorchArg> args;
  for (const auto& [key, value] : full.params) {
    if (key == "beta2") continue;
    if (key == "beta1") {
      const std::string* beta2 = find(full, "beta2");
      if (beta2 && (differs("beta1") || differs("beta2")))
        args.push_back({"betas", "(" + literal(key, value) + ", " + literal("beta2", *beta2) + ")"});
      continue;
    }
    if (differs(key)) args.push_back({key, literal(key, value)});
  }
  return args;
}

std::string call(const std::string& callee, const std::string& first, const std::vector<TorchArg>& args) {
  std::string out = callee + "(" + first;
  for (const auto& a : args) out += ", " + a.key + "=" + a.value;
  return out + ")";
}

}  // namespace

std::string optimizer_class(const std::string& name) {
  for (const auto& c : kOptimizerClasses)
    if (name == c.name) return c.torch_class;
  make_optimizer(Spec{name, {}});  // throws the registry's "unknown optimizer" message
  throw Error("optimizer '" + name + "' has no torch class name");
}

std::string scheduler_class(const std::string& name) { return scheduler_torch_class(name); }

std::string python_float(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return std::signbit(value) ? "-0.0" : "0.0";
  // The shortest digits that read back as the value (what repr() picks: the closest of them).
  char buf[40];
  int precision = 1;
  for (; precision < 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, value);
    if (std::strtod(buf, nullptr) == value) break;
  }
  std::snprintf(buf, sizeof buf, "%.*e", precision - 1, value);
  std::string text(buf);
  const std::size_t e = text.find('e');
  const int exponent = std::atoi(text.c_str() + e + 1);
  std::string digits;
  for (std::size_t i = 0; i < e; ++i)
    if (text[i] >= '0' && text[i] <= '9') digits += text[i];
  const std::string sign = value < 0 ? "-" : "";
  // float_repr_style 'short': positional for 1e-4 <= |v| < 1e16, otherwise scientific with a
  // signed exponent of at least two digits.
  if (exponent < -4 || exponent >= 16) {
    std::string mantissa = digits.substr(0, 1);
    if (digits.size() > 1) mantissa += "." + digits.substr(1);
    char exp_text[16];
    std::snprintf(exp_text, sizeof exp_text, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return sign + mantissa + exp_text;
  }
  if (exponent < 0) return sign + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  const std::size_t point = static_cast<std::size_t>(exponent) + 1;
  if (digits.size() <= point) return sign + digits + std::string(point - digits.size(), '0') + ".0";
  return sign + digits.substr(0, point) + "." + digits.substr(point);
}

std::vector<TorchArg> optimizer_args(const Spec& optimizer) {
  const Spec full = make_optimizer(optimizer)->spec();
  // torch's defaults: the optimizer built from its name alone. SGD has no default lr, so its
  // defaults are read with the given lr and lr is always written.
  std::string always;
  std::unique_ptr<Optimizer> defaults;
  try {
    defaults = make_optimizer(Spec{optimizer.name, {}});
  } catch (const Error&) {
    always = "lr";
    defaults = make_optimizer(Spec{optimizer.name, {{"lr", *find(full, "lr")}}});
  }
  const Spec default_spec = defaults->spec();
  return differing(full, &default_spec, always);
}

std::vector<TorchArg> scheduler_args(const Spec& scheduler) {
  const Spec full = make_scheduler(scheduler)->spec();
  const std::string required = scheduler_required_key(scheduler.name);
  Spec minimal{scheduler.name, {}};
  if (!required.empty()) minimal.set(required, *find(full, required));
  const Spec default_spec = make_scheduler(minimal)->spec();
  return differing(full, &default_spec, required);
}

std::string shell_word(const std::string& text) {
  if (text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:=,.+-") ==
      std::string::npos)
    return text;
  std::string quoted = "'";  // a quote inside closes, writes \' and reopens
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string python_string_body(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    if (static_cast<unsigned char>(c) >= 32) out += c;
  }
  return out;
}

std::string optimizer_constructor(const Spec& optimizer, const std::string& params) {
  return call("torch.optim." + optimizer_class(optimizer.name), params, optimizer_args(optimizer));
}

std::string scheduler_constructor(const Spec& scheduler, const std::string& optimizer) {
  return call("torch.optim.lr_scheduler." + scheduler_class(scheduler.name), optimizer, scheduler_args(scheduler));
}

}  // namespace adamlab::torch_export
