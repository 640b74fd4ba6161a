#pragma once
// The few ATen CPU pointwise ops the optimizer kernels use, reproduced with the rounding ATen
// actually performs, so a kernel can be ported from torch one tensor op per line.
//
// Measured against Debian's torch 1.13 (CPU capability AVX2) on float64 tensors:
//   add(self, other, alpha)          == fma(alpha, other, self)        (ATen: vec::fmadd)
//   addcmul(self, t1, t2, value)     == fma(value * t1, t2, self)      (GCC contracts the kernel)
//   addcdiv(self, t1, t2, value)     == self + (value * t1) / t2       (no fusion possible)
//   scalar / tensor (__rtruediv__)   == tensor.reciprocal() * scalar
//   maximum / amax                   propagate NaN
// Writing `self + alpha * other` instead (we build with -ffp-contract=off) differs from torch in
// the last bit on a quarter of single ops; on the golden trajectories it made the worst relative
// error 14x larger (2.1e-13 vs 1.5e-14) and left 85% instead of 95% of values bit-identical.
// fma_each (core/exact_fma.h) is std::fma per element, and in WebAssembly a faster emulation of
// the same result.
#include <Eigen/Core>
#include <cmath>
#include <limits>

#include "core/exact_fma.h"

namespace adamlab {

template <class Scalar>
using VecX = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

namespace aten {

// self.add_(other, alpha=alpha)
template <class Scalar, class Other>
void add_(Eigen::Ref<VecX<Scalar>> self, const Eigen::MatrixBase<Other>& other, Scalar alpha) {
  // Plain pointers (a Ref evaluates an expression once), so the compiler sees the arrays' bounds.
  const Eigen::Ref<const VecX<Scalar>> o(other);
  const Scalar* op = o.data();
  fma_each(self.data(), self.size(), [alpha](std::ptrdiff_t) { return alpha; }, [op](std::ptrdiff_t i) { return op[i]; });
}

// self.addcmul_(t1, t2, value=value)
template <class Scalar, class T1, class T2>
void addcmul_(Eigen::Ref<VecX<Scalar>> self, const Eigen::MatrixBase<T1>& t1,
              const Eigen::MatrixBase<T2>& t2, Scalar value) {
  const Eigen::Ref<const VecX<Scalar>> r1(t1), r2(t2);
  const Scalar *p1 = r1.data(), *p2 = r2.data();
  fma_each(self.data(), self.size(), [p1, value](std::ptrdiff_t i) { return value * p1[i]; },
           [p2](std::ptrdiff_t i) { return p2[i]; });
}

// self.addcdiv_(t1, t2, value=value)
template <class Scalar, class T1, class T2>
void addcdiv_(Eigen::Ref<VecX<Scalar>> self, const Eigen::MatrixBase<T1>& t1,
              const Eigen::MatrixBase<T2>& t2, Scalar value) {
  for (Eigen::Index i = 0; i < self.size(); ++i) self[i] = self[i] + (value * t1[i]) / t2[i];
}

// torch.maximum(a, b) elementwise: NaN if either is NaN (std::max would drop it).
template <class Scalar>
Scalar maximum(Scalar a, Scalar b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<Scalar>::quiet_NaN();
  return a > b ? a : b;
}

// self.sqrt() elementwise; correctly rounded, as ATen's is.
template <class Derived>
VecX<typename Derived::Scalar> sqrt(const Eigen::MatrixBase<Derived>& self) {
  VecX<typename Derived::Scalar> out(self.size());
  for (Eigen::Index i = 0; i < self.size(); ++i) out[i] = std::sqrt(self[i]);
  return out;
}

}  // namespace aten
}  // namespace adamlab
