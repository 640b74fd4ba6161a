// The page's CSV export (sim/scene_json.h scene_traces_csv): RFC 4180, each row naming its run's
// optimizer and scheduler by the spec that rebuilds the run; the CLI's csv stays as it was.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/spec.h"
#include "optim/optimizer.h"
#include "sim/link.h"
#include "sim/scene.h"
#include "sim/scene_json.h"
#include "sim/trace_format.h"

namespace adamlab {
namespace {

// A minimal RFC 4180 reader: records of fields, quoted fields with doubled quotes.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += '"', ++i;
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\n') {
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  EXPECT_FALSE(quoted) << "an unterminated quote";
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

TEST(SceneCsv, EveryRowNamesItsRunsOptimizerAndScheduler) {
  Scene s;
  for (const auto& r : std::vector<SceneRun>(s.runs())) s.remove_run(r.id);
  const int a = s.add_run("adam:lr=0.05,beta1=0.8,beta2=0.99");
  const int b = s.add_run("sgd:lr=0.001,momentum=0.9,nesterov=true", "step:step_size=5,gamma=0.5");
  s.step(4);
  const auto rows = parse_csv(scene_traces_csv(s));
  ASSERT_EQ(rows.size(), 1u + 5 + 5);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"run", "optimizer", "scheduler", "step", "x", "y", "loss", "lr"}));
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), 8u) << i;
    const int id = std::stoi(rows[i][0]);
    const SceneRun* run = s.find(id);
    ASSERT_NE(run, nullptr);
    // The spec columns rebuild the run's optimizer and scheduler exactly.
    EXPECT_EQ(to_string(make_optimizer(parse_spec(rows[i][1]))->spec()), to_string(run->optimizer)) << rows[i][1];
    EXPECT_EQ(rows[i][2], run->scheduler.empty() ? "" : shortest_spec("scheduler", run->scheduler));
    EXPECT_EQ(std::stoll(rows[i][3]), static_cast<long long>((i - 1) % 5));
  }
  EXPECT_EQ(rows[1][0], std::to_string(a));
  EXPECT_EQ(rows[6][0], std::to_string(b));
  EXPECT_EQ(rows[1][2], "") << "no scheduler: an empty field";
  EXPECT_NE(rows[6][2].find("step_size=5"), std::string::npos) << rows[6][2];
  // The numbers are the run's own trace rows.
  const std::vector<std::string> trace = [&] {
    std::vector<std::string> out;
    for (const auto& row : s.find(b)->history.rows()) out.push_back(trace_csv_row(row));
    return out;
  }();
  EXPECT_EQ(rows[7][3] + "," + rows[7][4] + "," + rows[7][5] + "," + rows[7][6] + "," + rows[7][7], trace[1]);
}

TEST(SceneCsv, FieldsAreQuotedOnlyWhereRfc4180NeedsIt) {
  EXPECT_EQ(csv_field("adam"), "adam");
  EXPECT_EQ(csv_field("adam:lr=0.1,beta1=0.8"), "\"adam:lr=0.1,beta1=0.8\"");
  EXPECT_EQ(csv_field("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(csv_field("a\nb"), "\"a\nb\"");
  EXPECT_EQ(csv_field(""), "");
}

TEST(SceneCsv, TheClisTraceCsvIsUnchanged) {
  EXPECT_STREQ(kTraceCsvHeader, "step,x,y,loss,lr");
}

}  // namespace
}  // namespace adamlab
