#pragma once
// The few non-arithmetic operations the test functions need, overloaded for double and for Eigen
// arrays, so each function's value and gradient are written once as a template over the number
// type. Transcendentals go through std:: element by element on purpose: Eigen 3.4 vectorises
// double exp with its own polynomial, which differs from libm in the last bits, and the batched
// (array) evaluation must equal the scalar one bit for bit.
#include <Eigen/Core>
#include <cmath>

namespace adamlab::elementwise {

inline double exp(double v) { return std::exp(v); }
inline double cos(double v) { return std::cos(v); }
inline double sin(double v) { return std::sin(v); }
inline double sqrt(double v) { return std::sqrt(v); }
// num / den where den > 0, else 0: a derivative defined by continuity at a kink (ackley's origin).
inline double ratio_or_zero(double num, double den) { return den > 0.0 ? num / den : 0.0; }

template <class D>
typename D::PlainObject exp(const Eigen::ArrayBase<D>& v) {
  return v.derived().unaryExpr([](double s) { return std::exp(s); });
}
template <class D>
typename D::PlainObject cos(const Eigen::ArrayBase<D>& v) {
  return v.derived().unaryExpr([](double s) { return std::cos(s); });
}
template <class D>
typename D::PlainObject sin(const Eigen::ArrayBase<D>& v) {
  return v.derived().unaryExpr([](double s) { return std::sin(s); });
}
template <class D>
typename D::PlainObject sqrt(const Eigen::ArrayBase<D>& v) {
  return v.derived().unaryExpr([](double s) { return std::sqrt(s); });
}
template <class N, class R>
typename N::PlainObject ratio_or_zero(const Eigen::ArrayBase<N>& num, const Eigen::ArrayBase<R>& den) {
  return (den.derived() > 0.0).select(num.derived() / den.derived(), 0.0);
}

}  // namespace adamlab::elementwise
