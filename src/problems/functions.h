#pragma once
// The test functions, each written once as templates over the number type: T = double for one
// point, T = Eigen::ArrayXd for many points element-wise (sweeps). Gradients follow the order of
// operations torch autograd would use on the same expression, so golden parity stays close.
// Pass plain objects (double or Eigen::ArrayXd), not Eigen expressions, so T deduces to them.
// Metadata (view, start, minima) lives in functions.cpp.
#include <Eigen/Core>
#include <limits>
#include <vector>

#include "core/spec.h"
#include "problems/elementwise.h"
#include "problems/problem.h"

namespace adamlab {

namespace constants {
inline constexpr double kPi = 3.141592653589793;
inline constexpr double kE = 2.718281828459045;
}  // namespace constants

// Each function type has: kName; read(SpecReader&) (its keys); validate() (throws Error);
// write(Spec&) (every key); value<T>; gradient<T>; view(); start(); minima(); min_value().
struct NoKeys {
  void read(SpecReader&) {}
  void validate() const {}
  void write(Spec&) const {}
};

// (a-x)^2 + b(y-x^2)^2
struct Rosenbrock {
  static constexpr const char* kName = "rosenbrock";
  double a = 1.0, b = 100.0;
  void read(SpecReader& r);
  void validate() const;
  void write(Spec& s) const;
  template <class T>
  T value(const T& x, const T& y) const {
    const T d = a - x, e = y - x * x;
    return d * d + b * (e * e);
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    const T d = a - x, t = 2.0 * b * (y - x * x);
    gx = -(2.0 * d) - (t * 2.0) * x;
    gy = t;
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const { return 0.0; }
};

// (1.5-x+xy)^2 + (2.25-x+xy^2)^2 + (2.625-x+xy^3)^2
struct Beale : NoKeys {
  static constexpr const char* kName = "beale";
  template <class T>
  T value(const T& x, const T& y) const {
    const T y2 = y * y, y3 = y2 * y;
    const T t1 = 1.5 - x + x * y, t2 = 2.25 - x + x * y2, t3 = 2.625 - x + x * y3;
    return t1 * t1 + t2 * t2 + t3 * t3;
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    const T y2 = y * y, y3 = y2 * y;
    const T d1 = 2.0 * (1.5 - x + x * y), d2 = 2.0 * (2.25 - x + x * y2), d3 = 2.0 * (2.625 - x + x * y3);
    gx = d1 * (y - 1.0) + d2 * (y2 - 1.0) + d3 * (y3 - 1.0);
    gy = d1 * x + d2 * x * (2.0 * y) + d3 * x * (3.0 * y2);
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const { return 0.0; }
};

// (x^2+y-11)^2 + (x+y^2-7)^2
struct Himmelblau : NoKeys {
  static constexpr const char* kName = "himmelblau";
  template <class T>
  T value(const T& x, const T& y) const {
    const T p = x * x + y - 11.0, q = x + y * y - 7.0;
    return p * p + q * q;
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    const T p2 = 2.0 * (x * x + y - 11.0), q2 = 2.0 * (x + y * y - 7.0);
    gx = p2 * (2.0 * x) + q2;
    gy = p2 + q2 * (2.0 * y);
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const { return 0.0; }
};

// (x+2y-7)^2 + (2x+y-5)^2
struct Booth : NoKeys {
  static constexpr const char* kName = "booth";
  template <class T>
  T value(const T& x, const T& y) const {
    const T p = x + 2.0 * y - 7.0, q = 2.0 * x + y - 5.0;
    return p * p + q * q;
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    const T p2 = 2.0 * (x + 2.0 * y - 7.0), q2 = 2.0 * (2.0 * x + y - 5.0);
    gx = p2 + q2 * 2.0;
    gy = p2 * 2.0 + q2;
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const { return 0.0; }
};

// 2A + x^2 - A cos(2 pi x) + y^2 - A cos(2 pi y)
struct Rastrigin {
  static constexpr const char* kName = "rastrigin";
  double A = 10.0;
  void read(SpecReader& r);
  void validate() const;
  void write(Spec& s) const;
  template <class T>
  T value(const T& x, const T& y) const {
    constexpr double w = 2.0 * constants::kPi;
    return 2.0 * A + x * x - A * elementwise::cos(w * x) + y * y - A * elementwise::cos(w * y);
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    constexpr double w = 2.0 * constants::kPi;
    gx = 2.0 * x + A * elementwise::sin(w * x) * w;
    gy = 2.0 * y + A * elementwise::sin(w * y) * w;
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const { return 0.0; }
};

// -a exp(-b sqrt((x^2+y^2)/2)) - exp((cos cx + cos cy)/2) + a + e; summed as
// (a - a exp(..)) + (e - exp(..)) so the origin gives exactly 0. Gradient at the origin: 0.
struct Ackley {
  static constexpr const char* kName = "ackley";
  double a = 20.0, b = 0.2, c = 2.0 * constants::kPi;
  void read(SpecReader& r);
  void validate() const;
  void write(Spec& s) const;
  template <class T>
  T value(const T& x, const T& y) const {
    const T r = elementwise::sqrt(0.5 * (x * x + y * y));
    const T s = 0.5 * (elementwise::cos(c * x) + elementwise::cos(c * y));
    return (a - a * elementwise::exp(-b * r)) + (constants::kE - elementwise::exp(s));
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    const T r = elementwise::sqrt(0.5 * (x * x + y * y));
    const T k = a * b * elementwise::exp(-b * r);  // d/dr of -a exp(-b r)
    const T es = elementwise::exp(0.5 * (elementwise::cos(c * x) + elementwise::cos(c * y)));
    // dr/dx = 0.5 x / r, undefined at r = 0 where the gradient is defined as 0.
    gx = k * elementwise::ratio_or_zero(T(0.5 * x), r) + es * (0.5 * c) * elementwise::sin(c * x);
    gy = k * elementwise::ratio_or_zero(T(0.5 * y), r) + es * (0.5 * c) * elementwise::sin(c * y);
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const { return 0.0; }
};

// a x^2 + b y^2
struct Quadratic {
  static constexpr const char* kName = "quadratic";
  double a = 0.05, b = 1.0;
  void read(SpecReader& r);
  void validate() const;
  void write(Spec& s) const;
  template <class T>
  T value(const T& x, const T& y) const {
    return a * (x * x) + b * (y * y);
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    gx = (2.0 * a) * x;
    gy = (2.0 * b) * y;
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const { return 0.0; }
};

// x^2 - y^2: unbounded below, no minimum.
struct Saddle : NoKeys {
  static constexpr const char* kName = "saddle";
  template <class T>
  T value(const T& x, const T& y) const {
    return x * x - y * y;
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    gx = 2.0 * x;
    gy = -2.0 * y;
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const { return {}; }
  double min_value() const { return -std::numeric_limits<double>::infinity(); }
};

// 0.5 * sum over t in {x, y} of (t^4 - 16 t^2 + 5 t)
struct StyblinskiTang : NoKeys {
  static constexpr const char* kName = "styblinski_tang";
  template <class T>
  T value(const T& x, const T& y) const {
    const T x2 = x * x, y2 = y * y;
    return 0.5 * ((x2 * x2 - 16.0 * x2 + 5.0 * x) + (y2 * y2 - 16.0 * y2 + 5.0 * y));
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    gx = 0.5 * (4.0 * (x * x * x) - 32.0 * x + 5.0);
    gy = 0.5 * (4.0 * (y * y * y) - 32.0 * y + 5.0);
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const;
};

// [1 + (x+y+1)^2 (19-14x+3x^2-14y+6xy+3y^2)] * [30 + (2x-3y)^2 (18-32x+12x^2+48y-36xy+27y^2)]
struct GoldsteinPrice : NoKeys {
  static constexpr const char* kName = "goldstein_price";
  template <class T>
  T value(const T& x, const T& y) const {
    const T s = x + y + 1.0, u = 2.0 * x - 3.0 * y;
    const T p = 19.0 - 14.0 * x + 3.0 * (x * x) - 14.0 * y + 6.0 * (x * y) + 3.0 * (y * y);
    const T q = 18.0 - 32.0 * x + 12.0 * (x * x) + 48.0 * y - 36.0 * (x * y) + 27.0 * (y * y);
    return (1.0 + s * s * p) * (30.0 + u * u * q);
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    const T s = x + y + 1.0, u = 2.0 * x - 3.0 * y;
    const T p = 19.0 - 14.0 * x + 3.0 * (x * x) - 14.0 * y + 6.0 * (x * y) + 3.0 * (y * y);
    const T q = 18.0 - 32.0 * x + 12.0 * (x * x) + 48.0 * y - 36.0 * (x * y) + 27.0 * (y * y);
    const T s2 = s * s, u2 = u * u;
    const T A = 1.0 + s2 * p, B = 30.0 + u2 * q;
    // p's partial derivatives in x and y coincide: -14 + 6x + 6y.
    const T dA = 2.0 * s * p + s2 * (-14.0 + 6.0 * x + 6.0 * y);
    const T dBx = 2.0 * u * 2.0 * q + u2 * (-32.0 + 24.0 * x - 36.0 * y);
    const T dBy = 2.0 * u * -3.0 * q + u2 * (48.0 - 36.0 * x + 54.0 * y);
    gx = dA * B + A * dBx;
    gy = dA * B + A * dBy;
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const { return 3.0; }
};

// 0.26 (x^2 + y^2) - 0.48 x y
struct Matyas : NoKeys {
  static constexpr const char* kName = "matyas";
  template <class T>
  T value(const T& x, const T& y) const {
    return 0.26 * (x * x + y * y) - 0.48 * x * y;
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    gx = 0.26 * (2.0 * x) - 0.48 * y;
    gy = 0.26 * (2.0 * y) - 0.48 * x;
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const { return 0.0; }
};

// 2x^2 - 1.05x^4 + x^6/6 + xy + y^2
struct ThreeHumpCamel : NoKeys {
  static constexpr const char* kName = "three_hump_camel";
  template <class T>
  T value(const T& x, const T& y) const {
    const T x2 = x * x, x4 = x2 * x2;
    return 2.0 * x2 - 1.05 * x4 + x4 * x2 / 6.0 + x * y + y * y;
  }
  template <class T>
  void gradient(const T& x, const T& y, T& gx, T& gy) const {
    const T x2 = x * x;
    gx = 4.0 * x - 4.2 * (x2 * x) + x2 * x2 * x + y;
    gy = x + 2.0 * y;
  }
  Rect view() const;
  Eigen::Vector2d start() const;
  std::vector<Eigen::Vector2d> minima() const;
  double min_value() const { return 0.0; }
};

}  // namespace adamlab
