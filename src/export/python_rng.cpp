#include "export/python_rng.h"

namespace adamlab::torch_export {

std::string python_splitmix64() {
  return R"(MASK64 = (1 << 64) - 1


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)
)";
}

std::string python_standard_normal() {
  return R"(def log_unit(u):
    # log on (0, 1]: e ln2 + 2 atanh(s) as an odd series, as AdamLab computes it (no libm)
    m, e = math.frexp(u)
    if m < 0.70710678118654752:
        m *= 2.0
        e -= 1
    s = (m - 1.0) / (m + 1.0)
    s2 = s * s
    series = 1.0 / 25.0
    for k in range(23, 0, -2):
        series = series * s2 + 1.0 / k
    return e * 0.69314718055994531 + 2.0 * s * series


def sin_cos_small(a):
    a2 = a * a
    cs = ss = 1.0
    for k in range(20, 1, -2):
        cs = 1.0 - cs * a2 / (k * (k - 1.0))
    for k in range(21, 2, -2):
        ss = 1.0 - ss * a2 / (k * (k - 1.0))
    return a * ss, cs


def cos_two_pi(u):
    t = 4.0 * u
    q = math.floor(t)
    r = t - q
    if r <= 0.5:
        s, c = sin_cos_small(r * 1.5707963267948966)
    else:
        c, s = sin_cos_small((1.0 - r) * 1.5707963267948966)
    return (c, -s, -c, s)[q & 3]


def standard_normal(seed, step, coordinate):
    # Box-Muller on two hashed uniforms: depends only on (seed, step, coordinate)
    base = splitmix64(splitmix64(seed) ^ step)
    h1 = splitmix64(base ^ (2 * coordinate))
    h2 = splitmix64(base ^ (2 * coordinate + 1))
    u1 = ((h1 >> 11) + 1) * (1.0 / 9007199254740992.0)
    u2 = (h2 >> 11) * (1.0 / 9007199254740992.0)
    return math.sqrt(-2.0 * log_unit(u1)) * cos_two_pi(u2)
)";
}

}  // namespace adamlab::torch_export
