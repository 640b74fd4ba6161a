#pragma once
// The scalar baseline, compiled with the core's flags (not -march=native): `runs` sim/Run loops
// of `steps` steps on rosenbrock from (-1.5, 2), lr on the benchmark's log axis. Returns a sink.
#include <cstdint>
#include <string>

double scalar_runs(const std::string& optimizer, std::int64_t runs, std::int64_t steps);
