// libFuzzer target: any text as a user's CSV (the first byte picks the test fraction). The only
// acceptable outcomes are an adamlab::Error or a whole dataset: every row kept, labels in range,
// every value finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/error.h"
#include "data/dataset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const double test_fraction = data[0] / 256.0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const adamlab::Dataset d = adamlab::parse_csv_dataset(text, test_fraction, data[0]);
    const auto n = d.train_size() + d.test_size();
    if (n < 2 || n > adamlab::kMaxCsvRows || d.train_size() < 1 || d.spec != "csv") std::abort();
    if (d.classes == 1 || d.classes > 8 || d.input_dim != (d.classes == 0 ? 1 : 2)) std::abort();
    if (!d.train_x.allFinite() || !d.test_x.allFinite() || !d.train_y.allFinite() || !d.test_y.allFinite()) std::abort();
    for (const auto* y : {&d.train_y, &d.test_y})
      for (Eigen::Index i = 0; d.classes > 0 && i < y->size(); ++i)
        if ((*y)(i) < 0 || (*y)(i) >= d.classes || (*y)(i) != std::floor((*y)(i))) std::abort();
  } catch (const adamlab::Error&) {
  }
  return 0;
}
