// Keys, validation and the metadata (view, start, known minima) of each test function.
#include "problems/functions.h"

#include <algorithm>

#include "core/error.h"

namespace adamlab {
namespace {

void require_positive(const char* problem, const char* key, double value) {
  if (!(value > 0.0))
    throw Error(std::string("problem ") + problem + " needs " + key + " > 0, got " + key + "=" +
                format_number(value));
}

}  // namespace

// --- rosenbrock ---
void Rosenbrock::read(SpecReader& r) {
  a = r.number("a", a);
  b = r.number("b", b);
}
// b = 0 leaves a whole line of minima, b < 0 none.
void Rosenbrock::validate() const { require_positive(kName, "b", b); }
void Rosenbrock::write(Spec& s) const {
  s.set("a", format_number(a));
  s.set("b", format_number(b));
}
// The classic picture for a = 1, widened when a moves the minimum (a, a^2) out of it.
Rect Rosenbrock::view() const {
  return {std::min(-2.0, a - 1.0), std::max(2.0, a + 1.0), std::min(-1.0, a * a - 1.0),
          std::max(3.0, a * a + 1.0)};
}
Eigen::Vector2d Rosenbrock::start() const { return {-1.5, 2.0}; }
std::vector<Eigen::Vector2d> Rosenbrock::minima() const { return {{a, a * a}}; }

// --- beale ---
Rect Beale::view() const { return {-4.5, 4.5, -4.5, 4.5}; }
Eigen::Vector2d Beale::start() const { return {1.0, 1.5}; }
std::vector<Eigen::Vector2d> Beale::minima() const { return {{3.0, 0.5}}; }

// --- himmelblau ---
Rect Himmelblau::view() const { return {-5.0, 5.0, -5.0, 5.0}; }
// Just off the local maximum (-0.270845, -0.923039): small steps decide which of the four
// basins an optimizer ends in.
Eigen::Vector2d Himmelblau::start() const { return {-0.3, -0.9}; }
// Roots of the gradient, Newton-refined at 50 digits and rounded to double.
std::vector<Eigen::Vector2d> Himmelblau::minima() const {
  return {{3.0, 2.0},
          {-2.805118086952745, 3.131312518250573},
          {-3.779310253377747, -3.2831859912861696},
          {3.5844283403304917, -1.8481265269644036}};
}

// --- booth ---
Rect Booth::view() const { return {-10.0, 10.0, -10.0, 10.0}; }
Eigen::Vector2d Booth::start() const { return {-8.0, 8.0}; }
std::vector<Eigen::Vector2d> Booth::minima() const { return {{1.0, 3.0}}; }

// --- rastrigin ---
void Rastrigin::read(SpecReader& r) { A = r.number("A", A); }
// A < 0 turns the origin into a local maximum of the ripples; A = 0 is a plain bowl.
void Rastrigin::validate() const {
  if (!(A >= 0.0)) throw Error("problem rastrigin needs A >= 0, got A=" + format_number(A));
}
void Rastrigin::write(Spec& s) const { s.set("A", format_number(A)); }
Rect Rastrigin::view() const { return {-5.12, 5.12, -5.12, 5.12}; }
Eigen::Vector2d Rastrigin::start() const { return {-3.3, 2.7}; }
std::vector<Eigen::Vector2d> Rastrigin::minima() const { return {{0.0, 0.0}}; }

// --- ackley ---
void Ackley::read(SpecReader& r) {
  a = r.number("a", a);
  b = r.number("b", b);
  c = r.number("c", c);
}
void Ackley::validate() const {
  require_positive(kName, "a", a);
  require_positive(kName, "b", b);
}
void Ackley::write(Spec& s) const {
  s.set("a", format_number(a));
  s.set("b", format_number(b));
  s.set("c", format_number(c));
}
Rect Ackley::view() const { return {-5.0, 5.0, -5.0, 5.0}; }
Eigen::Vector2d Ackley::start() const { return {-3.2, 2.4}; }
std::vector<Eigen::Vector2d> Ackley::minima() const { return {{0.0, 0.0}}; }

// --- quadratic ---
void Quadratic::read(SpecReader& r) {
  a = r.number("a", a);
  b = r.number("b", b);
}
void Quadratic::validate() const {
  require_positive(kName, "a", a);
  require_positive(kName, "b", b);
}
void Quadratic::write(Spec& s) const {
  s.set("a", format_number(a));
  s.set("b", format_number(b));
}
Rect Quadratic::view() const { return {-10.0, 10.0, -5.0, 5.0}; }
Eigen::Vector2d Quadratic::start() const { return {-9.0, 4.0}; }
std::vector<Eigen::Vector2d> Quadratic::minima() const { return {{0.0, 0.0}}; }

// --- saddle ---
Rect Saddle::view() const { return {-2.0, 2.0, -2.0, 2.0}; }
// Nearly on the stable axis: how fast an optimizer escapes the saddle is the point.
Eigen::Vector2d Saddle::start() const { return {1.5, 0.01}; }

// --- styblinski_tang ---
namespace {
// Root of 4t^3 - 32t + 5 (50-digit Newton, rounded); the minimum is t* in both coordinates.
constexpr double kStyblinskiTangT = -2.903534027771177;
}  // namespace
Rect StyblinskiTang::view() const { return {-5.0, 5.0, -5.0, 5.0}; }
// y heads for the local minimum t = 2.7468, x for the global t*: momentum decides.
Eigen::Vector2d StyblinskiTang::start() const { return {-0.5, 4.5}; }
std::vector<Eigen::Vector2d> StyblinskiTang::minima() const {
  return {{kStyblinskiTangT, kStyblinskiTangT}};
}
// 2 * 0.5 * (t*^4 - 16 t*^2 + 5 t*) at 50 digits, rounded.
double StyblinskiTang::min_value() const { return -78.33233140754282; }

// --- goldstein_price ---
Rect GoldsteinPrice::view() const { return {-2.0, 2.0, -2.0, 2.0}; }
Eigen::Vector2d GoldsteinPrice::start() const { return {0.5, 1.5}; }
std::vector<Eigen::Vector2d> GoldsteinPrice::minima() const { return {{0.0, -1.0}}; }

// --- matyas ---
Rect Matyas::view() const { return {-10.0, 10.0, -10.0, 10.0}; }
Eigen::Vector2d Matyas::start() const { return {8.0, 3.0}; }
std::vector<Eigen::Vector2d> Matyas::minima() const { return {{0.0, 0.0}}; }

// --- three_hump_camel ---
Rect ThreeHumpCamel::view() const { return {-2.5, 2.5, -2.0, 2.0}; }
// Above the local minimum (1.7476, -0.8738): plain descent settles there, momentum may not.
Eigen::Vector2d ThreeHumpCamel::start() const { return {2.2, -1.8}; }
std::vector<Eigen::Vector2d> ThreeHumpCamel::minima() const { return {{0.0, 0.0}}; }

}  // namespace adamlab
