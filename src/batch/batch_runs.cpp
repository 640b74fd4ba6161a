#include "batch/batch_runs.h"

#include <algorithm>
#include <array>

#include "batch/chunk_problem.h"
#include "batch/families_adam.h"
#include "batch/families_other.h"
#include "optim/options_text.h"

namespace adamlab::batch {
inline namespace ADAMLAB_BATCH_ABI {

Arithmetic default_arithmetic() {
#ifdef __EMSCRIPTEN__
  return Arithmetic::kUnfused;
#else
  return Arithmetic::kFused;
#endif
}

namespace {

// Steps per pass over the chunks: the libm tables cover one window, and each chunk's state stays
// in cache for the whole window.
constexpr std::int64_t kWindow = 256;

template <class F>
int key_index(const std::string& key) {
  for (std::size_t i = 0; i < F::keys.size(); ++i)
    if (key == F::keys[i].name) return static_cast<int>(i);
  return -1;
}

// A key the optimizer has but not among its numeric keys: a flag such as amsgrad.
template <class F>
bool has_option(const std::string& key) {
  const Spec probe{F::Algorithm::name, {{"lr", "0.1"}}};
  SpecReader reader(probe, "optimizer");
  return F::Algorithm::to_spec(F::Algorithm::read(reader)).has(key);
}

template <class F>
Spec effective_spec(const BatchConfig& c) {
  if (c.runs < 1) throw Error("a batch needs at least one run");
  Spec spec = c.optimizer;
  for (const auto& kv : c.per_run) {
    if (key_index<F>(kv.first) < 0) {
      if (has_option<F>(kv.first))
        throw Error("optimizer key '" + kv.first + "' of " + F::Algorithm::name + " is not numeric (cannot vary per run)");
      throw Error("unknown optimizer key '" + kv.first + "' for " + F::Algorithm::name);
    }
    if (kv.second.size() != c.runs)
      throw Error("per-run values of '" + kv.first + "' have size " + std::to_string(kv.second.size()) + ", expected " +
                  std::to_string(c.runs));
    // torch's SGD requires lr: a per-run lr counts as given.
    if (!spec.has(kv.first)) spec.set(kv.first, format_number(kv.second[0]));
  }
  return spec;
}

template <class F>
typename F::Options read_base(const Spec& spec) {
  SpecReader reader(spec, "optimizer");
  const typename F::Options options = F::Algorithm::read(reader);
  reader.finish();
  return options;
}

template <class F>
void validate_runs(const BatchConfig& c, const Spec& spec, const typename F::Options& base) {
  SpecText text = spec_text(spec);
  std::vector<std::pair<double F::Options::*, const Eigen::ArrayXd*>> overrides;
  for (const auto& kv : c.per_run) {
    overrides.emplace_back(F::keys[key_index<F>(kv.first)].member, &kv.second);
    text.erase(kv.first);  // messages quote the per-run value, formatted as Python would
  }
  if (overrides.empty()) {
    try {
      validate(base, text);
    } catch (const Error& e) {
      throw RunOptionsError(0, e.what());
    }
    return;
  }
  typename F::Options o = base;
  for (Eigen::Index i = 0; i < c.runs; ++i) {
    for (const auto& ov : overrides) o.*(ov.first) = (*ov.second)[i];
    try {
      validate(o, text);
    } catch (const Error& e) {
      throw RunOptionsError(i, e.what());
    }
  }
}

template <class F, class P>
class FamilyEngine final : public detail::Engine {
  using Options = typename F::Options;
  static constexpr std::size_t kKeys = F::keys.size();
  static constexpr std::size_t kTables = F::tables.size();
  struct ChunkData {
    Chunk h[kKeys];
    typename F::State s;
    Chunk p[2];
    Chunk loss, best, diverged_at, reached_at;
  };

 public:
  FamilyEngine(const BatchConfig& c, const Options& base)
      : options_(base),
        problem_(c.problem),
        chunk_problem_(make_chunk_problem(*problem_)),
        noise_(c.noise),
        threshold_(c.threshold),
        runs_(c.runs) {
    const std::size_t chunks = static_cast<std::size_t>((c.runs + kChunk - 1) / kChunk);
    const std::size_t padded = chunks * kChunk;
    std::vector<std::vector<double>> values(kKeys);
    for (std::size_t k = 0; k < kKeys; ++k) values[k].assign(padded, base.*(F::keys[k].member));
    for (const auto& kv : c.per_run) {
      auto& v = values[static_cast<std::size_t>(key_index<F>(kv.first))];
      for (std::size_t i = 0; i < padded; ++i)
        v[i] = kv.second[std::min<Eigen::Index>(static_cast<Eigen::Index>(i), c.runs - 1)];  // pad: repeat the last run
    }
    for (std::size_t t = 0; t < kTables; ++t)
      tables_[t] = F::tables[t].numerator < 0
                       ? StepTable(values[static_cast<std::size_t>(F::tables[t].key)], F::tables[t].f)
                       : StepTable(values[static_cast<std::size_t>(F::tables[t].key)], F::tables[t].f,
                                   values[static_cast<std::size_t>(F::tables[t].numerator)]);
    chunks_.resize(chunks);
    for (std::size_t ci = 0; ci < chunks; ++ci) {
      ChunkData& d = chunks_[ci];
      for (std::size_t k = 0; k < kKeys; ++k)
        for (int i = 0; i < kChunk; ++i) d.h[k][i] = values[k][ci * kChunk + static_cast<std::size_t>(i)];
      F::init(options_, d.h, d.s);
      d.p[0].setConstant(c.start.x());
      d.p[1].setConstant(c.start.y());
      chunk_problem_->value(d.p[0], d.p[1], d.loss);
      d.best = d.loss;
      d.diverged_at.setConstant(-1.0);
      d.reached_at.setConstant(-1.0);
      track(d, 0.0);
    }
  }

  void advance(std::int64_t steps) override {
    while (steps > 0) {
      const std::int64_t w = std::min(steps, kWindow);
      const std::int64_t first = step_ + 1;
      for (auto& t : tables_) t.fill(first, w);
      scales_.resize(static_cast<std::size_t>(w));
      if (noise_.enabled())
        for (std::int64_t j = 0; j < w; ++j)
          for (int i = 0; i < 2; ++i) scales_[static_cast<std::size_t>(j)][i] = noise_.scale(first + j, i);
      for (std::size_t ci = 0; ci < chunks_.size(); ++ci) run_chunk(ci, first, w);
      step_ += w;
      steps -= w;
    }
  }

  std::int64_t steps_taken() const override { return step_; }

  Eigen::ArrayXd read(Quantity q) const override {
    Eigen::ArrayXd out(runs_);
    for (Eigen::Index r = 0; r < runs_; ++r) {
      const ChunkData& d = chunks_[static_cast<std::size_t>(r / kChunk)];
      const int i = static_cast<int>(r % kChunk);
      switch (q) {
        case kX: out[r] = d.p[0][i]; break;
        case kY: out[r] = d.p[1][i]; break;
        case kLoss: out[r] = d.loss[i]; break;
        case kBestLoss: out[r] = d.best[i]; break;
        case kDivergedAt: out[r] = d.diverged_at[i]; break;
        case kReachedAt: out[r] = d.reached_at[i]; break;
      }
    }
    return out;
  }

 private:
  // The loss of step k's new point and the gradient of step k + 1 come from one evaluation.
  void run_chunk(std::size_t ci, std::int64_t first, std::int64_t w) {
    ChunkData& d = chunks_[ci];
    std::array<Chunk, kTables> t;
    Chunk g[2];
    chunk_problem_->gradient(d.p[0], d.p[1], g[0], g[1]);
    for (std::int64_t j = 0; j < w; ++j) {
      const std::int64_t k = first + j;
      if (noise_.enabled()) {
        for (int i = 0; i < 2; ++i) {
          const double s = scales_[static_cast<std::size_t>(j)][i];
          if (noise_.relative)
            g[i] = g[i] + s * g[i];
          else
            g[i] = g[i] + s;
        }
      }
      for (std::size_t ti = 0; ti < kTables; ++ti) tables_[ti].gather(ci, k + F::tables[ti].step_offset, t[ti]);
      F::template step<P>(options_, d.h, t.data(), d.s, d.p, g, static_cast<double>(k));
      if (j + 1 < w)
        chunk_problem_->value_and_gradient(d.p[0], d.p[1], d.loss, g[0], g[1]);
      else
        chunk_problem_->value(d.p[0], d.p[1], d.loss);
      track(d, static_cast<double>(k));
    }
  }

  // Run's bookkeeping: a row is finite when x, y and loss are (x - x is 0 exactly then, NaN
  // otherwise); best and first-reached over rows. One lane loop (see chunk.h).
  void track(ChunkData& d, double k) const {
    const double* ADAMLAB_RESTRICT x = d.p[0].data();
    const double* ADAMLAB_RESTRICT y = d.p[1].data();
    const double* ADAMLAB_RESTRICT loss = d.loss.data();
    double* ADAMLAB_RESTRICT diverged_at = d.diverged_at.data();
    double* ADAMLAB_RESTRICT best = d.best.data();
    double* ADAMLAB_RESTRICT reached_at = d.reached_at.data();
    ADAMLAB_LANES
    for (int i = 0; i < kChunk; ++i) {
      const double bad = (x[i] - x[i]) + (y[i] - y[i]) + (loss[i] - loss[i]);
      diverged_at[i] = diverged_at[i] < 0.0 && bad != 0.0 ? k : diverged_at[i];
      best[i] = loss[i] < best[i] ? loss[i] : best[i];
    }
    if (threshold_ > -std::numeric_limits<double>::infinity()) {
      const double threshold = threshold_;
      ADAMLAB_LANES
      for (int i = 0; i < kChunk; ++i) reached_at[i] = reached_at[i] < 0.0 && loss[i] <= threshold ? k : reached_at[i];
    }
  }

  Options options_;
  std::shared_ptr<const Problem> problem_;
  std::unique_ptr<ChunkProblem> chunk_problem_;
  GradientNoise noise_;
  double threshold_;
  Eigen::Index runs_;
  std::int64_t step_ = 0;
  std::array<StepTable, kTables> tables_;
  std::vector<std::array<double, 2>> scales_;
  std::vector<ChunkData> chunks_;
};

struct Family {
  const char* name;
  void (*validate)(const BatchConfig&);
  std::unique_ptr<detail::Engine> (*build)(const BatchConfig&);
  std::vector<std::string> (*keys)();
};

template <class F>
Family family() {
  Family f;
  f.name = F::Algorithm::name;
  f.validate = [](const BatchConfig& c) {
    const Spec spec = effective_spec<F>(c);
    validate_runs<F>(c, spec, read_base<F>(spec));
  };
  f.build = [](const BatchConfig& c) -> std::unique_ptr<detail::Engine> {
    const Spec spec = effective_spec<F>(c);
    const auto base = read_base<F>(spec);
    validate_runs<F>(c, spec, base);
    if (!c.problem) throw Error("a batch needs a problem");
    if (c.arithmetic == Arithmetic::kFused) return std::make_unique<FamilyEngine<F, Fused>>(c, base);
    return std::make_unique<FamilyEngine<F, Unfused>>(c, base);
  };
  f.keys = [] {
    std::vector<std::string> out;
    for (const auto& k : F::keys) out.emplace_back(k.name);
    return out;
  };
  return f;
}

const std::vector<Family>& families() {
  static const std::vector<Family> all = {
      family<AdadeltaFamily>(), family<AdagradFamily>(), family<AdamFamily>(),
      family<AdamaxFamily>(),   family<AdamWFamily>(),   family<NadamFamily>(),
      family<RadamFamily>(),    family<RmspropFamily>(), family<SgdFamily>(),
  };
  return all;
}

const Family& find_family(const std::string& name) {
  for (const auto& f : families())
    if (name == f.name) return f;
  std::string known;
  for (const auto& f : families()) known += (known.empty() ? "" : ", ") + std::string(f.name);
  throw Error("unknown optimizer '" + name + "' (known: " + known + ")");
}

}  // namespace

std::vector<std::string> batch_numeric_keys(const std::string& optimizer) { return find_family(optimizer).keys(); }

void validate_batch(const BatchConfig& config) { find_family(config.optimizer.name).validate(config); }

BatchRuns::BatchRuns(const BatchConfig& config)
    : engine_(find_family(config.optimizer.name).build(config)), runs_(config.runs) {}
BatchRuns::BatchRuns(BatchRuns&&) noexcept = default;
BatchRuns& BatchRuns::operator=(BatchRuns&&) noexcept = default;
BatchRuns::~BatchRuns() = default;

void BatchRuns::advance(std::int64_t steps) { engine_->advance(steps); }
std::int64_t BatchRuns::steps_taken() const { return engine_->steps_taken(); }
Eigen::ArrayXd BatchRuns::x() const { return engine_->read(detail::Engine::kX); }
Eigen::ArrayXd BatchRuns::y() const { return engine_->read(detail::Engine::kY); }
Eigen::ArrayXd BatchRuns::loss() const { return engine_->read(detail::Engine::kLoss); }
Eigen::ArrayXd BatchRuns::best_loss() const { return engine_->read(detail::Engine::kBestLoss); }
Eigen::ArrayXd BatchRuns::diverged_at() const { return engine_->read(detail::Engine::kDivergedAt); }
Eigen::ArrayXd BatchRuns::reached_at() const { return engine_->read(detail::Engine::kReachedAt); }

}  // namespace ADAMLAB_BATCH_ABI
}  // namespace adamlab::batch
