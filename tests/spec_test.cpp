#include "core/spec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/error.h"

namespace adamlab {
namespace {

std::string error_of(const std::string& text) {
  try {
    parse_spec(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(Spec, NameAlone) {
  const Spec s = parse_spec("adam");
  EXPECT_EQ(s.name, "adam");
  EXPECT_TRUE(s.params.empty());
}

TEST(Spec, KeysKeepTheirOrder) {
  const Spec s = parse_spec("adam:lr=0.05,beta1=0.8,amsgrad=true");
  ASSERT_EQ(s.params.size(), 3u);
  EXPECT_EQ(s.params[0], (std::pair<std::string, std::string>{"lr", "0.05"}));
  EXPECT_EQ(s.params[1], (std::pair<std::string, std::string>{"beta1", "0.8"}));
  EXPECT_EQ(s.params[2], (std::pair<std::string, std::string>{"amsgrad", "true"}));
}

TEST(Spec, RoundTripsThroughToString) {
  for (const std::string text : {"sgd", "sgd:lr=0.1,momentum=0.9,nesterov=1", "cosine:T_max=100,eta_min=1e-5",
                                 "rosenbrock:a=1,b=100"})
    EXPECT_EQ(to_string(parse_spec(text)), text);
}

TEST(Spec, EveryMalformedShapeIsAnErrorNamingThePart) {
  EXPECT_EQ(error_of(""), "empty spec");
  EXPECT_EQ(error_of(":lr=1"), "missing name in spec ':lr=1'");
  EXPECT_EQ(error_of("adam:"), "nothing after ':' in spec 'adam:'");
  EXPECT_EQ(error_of("adam:lr=1,,eps=2"), "empty item in spec 'adam:lr=1,,eps=2'");
  EXPECT_EQ(error_of("adam:lr=1,"), "empty item in spec 'adam:lr=1,'");
  EXPECT_EQ(error_of("adam:lr"), "missing '=' in 'lr'");
  EXPECT_EQ(error_of("adam:lr="), "missing value for key 'lr'");
  EXPECT_EQ(error_of("adam:=1"), "invalid key '' in '=1'");
  EXPECT_EQ(error_of("adam:lr=1,lr=2"), "duplicate key 'lr'");
  EXPECT_EQ(error_of("ad am"), "invalid name 'ad am' in spec 'ad am'");
  EXPECT_EQ(error_of("adam:l r=1"), "invalid key 'l r' in 'l r=1'");
}

TEST(Spec, SetReplacesOrAppends) {
  Spec s = parse_spec("adam:lr=1");
  s.set("lr", "2");
  s.set("eps", "3");
  EXPECT_EQ(to_string(s), "adam:lr=2,eps=3");
}

TEST(Number, AcceptsPlainDecimals) {
  EXPECT_EQ(parse_number("-1.5", "x"), -1.5);
  EXPECT_EQ(parse_number("3e-4", "x"), 3e-4);
  EXPECT_EQ(parse_number("+2", "x"), 2.0);
  EXPECT_EQ(parse_number(".5", "x"), 0.5);
  EXPECT_EQ(parse_number("5.", "x"), 5.0);
  EXPECT_EQ(parse_number("1E+2", "x"), 100.0);
}

TEST(Number, RejectsEverythingElseNamingTheToken) {
  for (const std::string bad : {"", "inf", "nan", "-inf", "0x10", " 1", "1 ", "1e", "e5", ".", "-", "1.2.3", "1,5",
                                "abc", "1e999", "infinity"}) {
    try {
      parse_number(bad, "adam lr");
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("adam lr: '" + bad + "'"), std::string::npos) << e.what();
    }
  }
}

TEST(Number, UnderflowIsNotAnError) { EXPECT_EQ(parse_number("1e-400", "x"), 0.0); }

TEST(Integer, WholeNumbersInAnyDecimalForm) {
  EXPECT_EQ(parse_integer("100", "steps"), 100);
  EXPECT_EQ(parse_integer("1e2", "steps"), 100);
  EXPECT_EQ(parse_integer("-3", "steps"), -3);
  EXPECT_THROW(parse_integer("1.5", "steps"), Error);
  EXPECT_THROW(parse_integer("1e300", "steps"), Error);
}

TEST(Bool, OnlyFourSpellingsCaseSensitive) {
  EXPECT_TRUE(parse_bool("true", "b"));
  EXPECT_TRUE(parse_bool("1", "b"));
  EXPECT_FALSE(parse_bool("false", "b"));
  EXPECT_FALSE(parse_bool("0", "b"));
  for (const std::string bad : {"True", "FALSE", "yes", "2", ""}) EXPECT_THROW(parse_bool(bad, "b"), Error) << bad;
}

TEST(Point, TwoNumbers) {
  const Point2 p = parse_point("-1.5,2", "start");
  EXPECT_EQ(p.x, -1.5);
  EXPECT_EQ(p.y, 2.0);
  for (const std::string bad : {"1", "1,2,3", "a,2", "1,", ",2", "nan,1"}) EXPECT_THROW(parse_point(bad, "start"), Error);
}

TEST(FormatNumber, ShortestRoundTrip) {
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(3e-4), "0.0003");
  EXPECT_EQ(format_number(0.999), "0.999");
  EXPECT_EQ(format_number(1e-8), "1e-08");
  EXPECT_EQ(format_number(100), "100");
  for (double v : {1.0 / 3.0, 2.0 / 3.0, 1e-300, 123456789.123456789, -0.0001})
    EXPECT_EQ(parse_number(format_number(v), "v"), v);
}

TEST(SpecReader, TypedReadsAndUnknownKeys) {
  const Spec s = parse_spec("adam:lr=0.5,amsgrad=1,steps=3,typo=1");
  SpecReader r(s, "optimizer");
  EXPECT_EQ(r.number("lr", 1e-3), 0.5);
  EXPECT_EQ(r.number("eps", 1e-8), 1e-8);
  EXPECT_TRUE(r.boolean("amsgrad", false));
  EXPECT_EQ(r.integer("steps", 0), 3);
  try {
    r.finish();
    ADD_FAILURE() << "unknown key accepted";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "unknown optimizer key 'typo' for adam");
  }
}

TEST(SpecReader, BadValueNamesNameAndKey) {
  const Spec s = parse_spec("adam:lr=fast");
  SpecReader r(s, "optimizer");
  try {
    r.number("lr", 1e-3);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "invalid number for adam lr: 'fast'");
  }
}

}  // namespace
}  // namespace adamlab
