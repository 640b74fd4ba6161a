// A user's CSV: what loads, and every bad row named by its line.
#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "data/dataset.h"

namespace adamlab {
namespace {

std::string error_of(const std::string& text, double test_fraction = 0.3) {
  try {
    parse_csv_dataset(text, test_fraction, 1);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

std::string rows(int count, int columns) {
  std::string text;
  for (int i = 0; i < count; ++i)
    text += std::to_string(i) + ".5," + std::to_string(-i) + (columns == 3 ? "," + std::to_string(i % 2) : "") + "\n";
  return text;
}

TEST(CsvDataset, ClassificationWithHeaderCrlfBlankLinesAndSpaces) {
  const std::string text = "x,y,label\r\n1,2,0\r\n\r\n  -1.5 , 3e-1,1\r\n0,0,2\n \t\n4,4,1.0\n";
  const Dataset d = parse_csv_dataset(text, 0.0, 1);
  EXPECT_EQ(d.spec, "csv");
  EXPECT_EQ(d.input_dim, 2);
  EXPECT_EQ(d.classes, 3);
  EXPECT_EQ(d.train_size(), 4);
  EXPECT_EQ(d.test_size(), 0);
  // Every row arrives intact (in the split's order).
  std::vector<std::tuple<double, double, double>> got;
  for (Eigen::Index i = 0; i < d.train_size(); ++i) got.emplace_back(d.train_x(0, i), d.train_x(1, i), d.train_y(i));
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::tuple<double, double, double>>{{-1.5, 0.3, 1}, {0, 0, 2}, {1, 2, 0}, {4, 4, 1}}));
}

TEST(CsvDataset, TwoColumnsAreARegressionOfYOnX) {
  const Dataset d = parse_csv_dataset("0,1\n1,3\n2,5\n3,7\n", 0.0, 1);
  EXPECT_TRUE(d.regression());
  EXPECT_EQ(d.input_dim, 1);
  ASSERT_EQ(d.train_size(), 4);
  for (Eigen::Index i = 0; i < 4; ++i) EXPECT_EQ(d.train_y(i), 2 * d.train_x(0, i) + 1);
}

TEST(CsvDataset, ClassesAreTheLargestLabelPlusOne) {
  EXPECT_EQ(parse_csv_dataset("0,0,0\n1,1,5\n", 0.0, 1).classes, 6);
  EXPECT_EQ(parse_csv_dataset("0,0,7\n1,1,6\n", 0.0, 1).classes, 8);
}

TEST(CsvDataset, TheSplitIsSeededAndStratified) {
  const std::string text = rows(100, 3);
  const Dataset a = parse_csv_dataset(text, 0.3, 1), b = parse_csv_dataset(text, 0.3, 1),
                c = parse_csv_dataset(text, 0.3, 2);
  EXPECT_TRUE(a.train_x == b.train_x);
  EXPECT_TRUE(a.test_x == b.test_x);
  EXPECT_FALSE(a.train_x == c.train_x);
  EXPECT_EQ(a.test_size(), 30);
  EXPECT_EQ((a.test_y.array() == 1.0).count(), 15);
  // A class with one point keeps it for training.
  const Dataset lone = parse_csv_dataset("0,0,0\n1,1,0\n2,2,0\n3,3,1\n", 0.5, 1);
  EXPECT_EQ((lone.train_y.array() == 1.0).count(), 1);
}

TEST(CsvDataset, EveryBadRowIsNamedByItsLine) {
  EXPECT_EQ(error_of("x,y,label\n1,2,0\n1,abc,1\n"), "line 3: invalid number 'abc' for y in '1,abc,1'");
  EXPECT_EQ(error_of("1,2,0\n\n\n\n\n\nabc,2,1\n"), "line 7: invalid number 'abc' for x in 'abc,2,1'");
  EXPECT_EQ(error_of("1,2,0\nnan,2,1\n"), "line 2: invalid number 'nan' for x in 'nan,2,1'");
  EXPECT_EQ(error_of("1,2,0\n1,inf,1\n"), "line 2: invalid number 'inf' for y in '1,inf,1'");
  EXPECT_EQ(error_of("1,2,0\n1,1e999,1\n"), "line 2: invalid number '1e999' for y in '1,1e999,1'");
  EXPECT_EQ(error_of("1,2,0\n1,,1\n"), "line 2: invalid number '' for y in '1,,1'");
  EXPECT_EQ(error_of("1,2,0\n1,2e7,1\n"), "line 2: y 2e7 is out of range (at most 1000000 in size)");
  EXPECT_EQ(error_of("1,2,0\n1,2,8\n"), "line 2: invalid label '8' (a whole number 0 to 7)");
  EXPECT_EQ(error_of("1,2,0\n1,2,1.5\n"), "line 2: invalid label '1.5' (a whole number 0 to 7)");
  EXPECT_EQ(error_of("1,2,-1\n1,2,1\n"), "line 1: invalid label '-1' (a whole number 0 to 7)");
  EXPECT_EQ(error_of("1,2,0\n1,2,one\n"), "line 2: invalid number 'one' for label in '1,2,one'");
  EXPECT_EQ(error_of("1,2,0,4\n"), "line 1: expected 3 columns (x,y,label) or 2 (x,y), got 4: '1,2,0,4'");
  EXPECT_EQ(error_of("h\n1\n"), "line 2: expected 3 columns (x,y,label) or 2 (x,y), got 1: '1'");
  // Semicolons: the first line has no number in it, so it reads as a header; the second is named.
  EXPECT_EQ(error_of("1;2;0\n3;4;1\n"), "line 2: expected 3 columns (x,y,label) or 2 (x,y), got 1: '3;4;1'");
  EXPECT_EQ(error_of("x,y,label\n1,2,0\n3,4\n"), "line 3: expected 3 columns as on line 2, got 2: '3,4'");
  EXPECT_EQ(error_of("1,2\n3,4,1\n"), "line 2: expected 2 columns as on line 1, got 3: '3,4,1'");
  // A first line with a number in it is data, not a header.
  EXPECT_EQ(error_of("1,abc,0\n1,2,1\n"), "line 1: invalid number 'abc' for y in '1,abc,0'");
  // Control bytes are written out and long rows cut, so the message stays one readable line.
  EXPECT_EQ(error_of("1,2,0\n1,\x1b[2J,1\n"), "line 2: invalid number '\\x1b[2J' for y in '1,\\x1b[2J,1'");
  const std::string long_row = "1," + std::string(100, 'z') + ",1";
  EXPECT_EQ(error_of("1,2,0\n" + long_row + "\n"), "line 2: invalid number '" + std::string(60, 'z') +
                                                       "...' for y in '1," + std::string(58, 'z') + "...'");
}

TEST(CsvDataset, TooFewRowsOrClassesAndEmptyInputAreRefused) {
  EXPECT_EQ(error_of(""), "empty CSV: expected x,y,label or x,y rows");
  EXPECT_EQ(error_of("\n\r\n  \n"), "empty CSV: expected x,y,label or x,y rows");
  EXPECT_EQ(error_of("x,y,label\n"), "CSV has 0 data rows; at least 2 are needed");
  EXPECT_EQ(error_of("1,2\n"), "CSV has 1 data row; at least 2 are needed");
  EXPECT_EQ(error_of("1,2,3\n4,5,3\n"), "CSV has only label 3; at least two classes are needed");
  EXPECT_EQ(error_of("1,2\n3,4\n", 1.0), "invalid test_fraction for csv: 1 (at least 0 and below 1)");
}

TEST(CsvDataset, AtMostTheRowLimitNamedInTheError) {
  EXPECT_EQ(parse_csv_dataset("x,y,label\n" + rows(kMaxCsvRows, 3), 0.3, 1).train_size() +
                parse_csv_dataset("x,y,label\n" + rows(kMaxCsvRows, 3), 0.3, 1).test_size(),
            kMaxCsvRows);
  EXPECT_EQ(error_of("x,y,label\n" + rows(kMaxCsvRows + 1, 3)), "line 2002: too many rows (at most 2000)");
  EXPECT_EQ(error_of(rows(5000, 2)), "line 2001: too many rows (at most 2000)");
}

}  // namespace
}  // namespace adamlab
