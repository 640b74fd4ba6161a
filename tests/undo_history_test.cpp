// Undo/redo over scene links (sim/undo_history.h): steps, gestures, bounds, and that a scene
// restored from its snapshot is the scene it was, trajectories included.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "nn/net_link.h"
#include "nn/net_scene.h"
#include "sim/link.h"
#include "sim/scene.h"
#include "sim/undo_history.h"

namespace adamlab {
namespace {

UndoState state(const std::string& link) { return UndoState{link, ""}; }

// The landscape's snapshot as the app writes it: the scene and the view, no playback.
std::string snapshot(const Scene& s, std::optional<Rect> view = std::nullopt) {
  UiLinkState ui;
  ui.view = view;
  return to_link(link_from_scene(s, ui));
}

Scene restored(const std::string& link) {
  Scene s;
  const ParsedLink parsed = parse_link(link);
  EXPECT_TRUE(parsed.errors.empty()) << link;
  EXPECT_TRUE(load_link(parsed.link, s).errors.empty()) << link;
  return s;
}

// Everything a run draws: every kept row of its trajectory, bit for bit.
void expect_same_paths(const Scene& a, const Scene& b) {
  ASSERT_EQ(a.runs().size(), b.runs().size());
  for (std::size_t i = 0; i < a.runs().size(); ++i) {
    const auto& ra = a.runs()[i].history.rows();
    const auto& rb = b.runs()[i].history.rows();
    ASSERT_EQ(ra.size(), rb.size()) << "run " << i;
    for (std::size_t k = 0; k < ra.size(); ++k) {
      EXPECT_EQ(ra[k].step, rb[k].step);
      EXPECT_EQ(ra[k].x, rb[k].x) << "run " << i << " row " << k;
      EXPECT_EQ(ra[k].y, rb[k].y) << "run " << i << " row " << k;
      EXPECT_EQ(ra[k].loss, rb[k].loss);
    }
  }
}

TEST(UndoHistory, NothingToUndoAtFirst) {
  UndoHistory h;
  h.reset(state("#a=1"));
  EXPECT_FALSE(h.can_undo());
  EXPECT_FALSE(h.can_redo());
  EXPECT_FALSE(h.undo().has_value());
  EXPECT_FALSE(h.redo().has_value());
  EXPECT_EQ(h.current().link, "#a=1");
}

TEST(UndoHistory, EachChangeIsOneStepBackAndForth) {
  UndoHistory h;
  h.reset(state("#a=1"));
  EXPECT_TRUE(h.record(state("#a=2")));
  EXPECT_TRUE(h.record(state("#a=3")));
  EXPECT_FALSE(h.record(state("#a=3")));  // recording an unchanged state is no step
  EXPECT_EQ(h.undo_depth(), 2u);
  EXPECT_EQ(h.undo()->link, "#a=2");
  EXPECT_EQ(h.undo()->link, "#a=1");
  EXPECT_FALSE(h.undo().has_value());
  EXPECT_EQ(h.redo()->link, "#a=2");
  EXPECT_EQ(h.redo()->link, "#a=3");
  EXPECT_FALSE(h.redo().has_value());
  EXPECT_EQ(h.current().link, "#a=3");
}

TEST(UndoHistory, ANewChangeClearsRedo) {
  UndoHistory h;
  h.reset(state("#a=1"));
  h.record(state("#a=2"));
  h.record(state("#a=3"));
  h.undo();
  EXPECT_TRUE(h.can_redo());
  h.record(state("#a=9"));
  EXPECT_FALSE(h.can_redo());
  EXPECT_EQ(h.undo()->link, "#a=2");
  EXPECT_EQ(h.undo()->link, "#a=1");
}

TEST(UndoHistory, AGestureIsOneStep) {
  UndoHistory h;
  h.reset(state("#lr=1"));
  for (int v = 2; v <= 30; ++v) h.record(state("#lr=" + std::to_string(v)), 7);  // a slider drag
  EXPECT_EQ(h.undo_depth(), 1u);
  h.record(state("#lr=40"), 8);  // the next drag of the same slider is its own step
  EXPECT_EQ(h.undo_depth(), 2u);
  h.record(state("#lr=41"));      // a typed value too
  EXPECT_EQ(h.undo_depth(), 3u);
  EXPECT_EQ(h.undo()->link, "#lr=40");
  EXPECT_EQ(h.undo()->link, "#lr=30");
  EXPECT_EQ(h.undo()->link, "#lr=1");
}

TEST(UndoHistory, AGestureThatEndsWhereItBeganIsNoStep) {
  UndoHistory h;
  h.reset(state("#lr=1"));
  h.record(state("#lr=2"), 3);
  h.record(state("#lr=1"), 3);
  EXPECT_FALSE(h.can_undo());
}

TEST(UndoHistory, AGestureAfterAnUndoStartsANewStep) {
  UndoHistory h;
  h.reset(state("#x=1"));
  h.record(state("#x=2"), 5);
  h.undo();
  h.record(state("#x=3"), 5);
  EXPECT_EQ(h.undo_depth(), 1u);
  EXPECT_EQ(h.undo()->link, "#x=1");
}

TEST(UndoHistory, QuietPiecesAreKeptButMakeNoStep) {
  UndoHistory h({"view", "select"});
  h.reset(state("#problem=beale&view=0,1,0,1"));
  EXPECT_FALSE(h.record(state("#problem=beale&view=0,2,0,2&select=2")));
  EXPECT_FALSE(h.can_undo());
  EXPECT_EQ(h.current().link, "#problem=beale&view=0,2,0,2&select=2");
  EXPECT_TRUE(h.record(state("#problem=booth&view=0,2,0,2")));
  // The step restores the view the scene had when it changed, not the one it first had.
  EXPECT_EQ(h.undo()->link, "#problem=beale&view=0,2,0,2&select=2");
  EXPECT_EQ(h.significant("#view=1&problem=a&select=3&viewx=2"), "problem=a&viewx=2&");
}

TEST(UndoHistory, DepthIsBounded) {
  UndoHistory h({}, UndoHistory::Limits{100, 1 << 20});
  h.reset(state("#n=0"));
  for (int i = 1; i <= 250; ++i) h.record(state("#n=" + std::to_string(i)));
  EXPECT_EQ(h.undo_depth(), 100u);
  std::string last;
  while (auto s = h.undo()) last = s->link;
  EXPECT_EQ(last, "#n=150");  // the oldest steps went first
  EXPECT_EQ(h.redo_depth(), 100u);
}

TEST(UndoHistory, MemoryIsBoundedAndTheCurrentStateAlwaysStays) {
  UndoHistory h({}, UndoHistory::Limits{100, 10000});
  h.reset(state("#n=0"));
  const std::string big(3000, 'x');
  for (int i = 1; i <= 20; ++i) h.record(state("#csv=" + big + std::to_string(i)));
  EXPECT_LE(h.bytes(), 10000u);
  EXPECT_EQ(h.undo_depth(), 2u);  // 3 states of ~3 KB fit in 10 KB
  const UndoState huge = state("#csv=" + std::string(50000, 'y'));
  h.record(huge);
  EXPECT_EQ(h.current(), huge);  // larger than the budget alone: kept, with nothing to undo
  EXPECT_FALSE(h.can_undo());
}

TEST(UndoHistory, ContextComesBackWithItsState) {
  UndoHistory h;
  h.reset(UndoState{"#a=1", "lesson-1"});
  h.record(UndoState{"#a=2", "lesson-2"});
  EXPECT_EQ(h.undo()->context, "lesson-1");
}

// Round trip: every kind of scene change, recorded as the app records it, undone and redone by
// loading the snapshots; each restored scene equals the scene it was, paths included.
TEST(UndoHistory, LandscapeScenesComeBackExactly) {
  Scene s = Scene::with_default_runs();
  std::vector<std::string> links{snapshot(s)};
  UndoHistory h({"view", "select", "anatomy"});
  h.reset(state(links.back()));
  const int adam = s.runs().front().id;
  std::vector<std::function<void(Scene&)>> edits{
      [&](Scene& x) { x.add_run("adamw:lr=0.02,weight_decay=0.1", "cosine:T_max=200"); },
      [&](Scene& x) { x.update_run(adam, "adam:lr=0.0123,beta1=0.8"); },
      [&](Scene& x) { x.set_start(-0.75, 1.25); },
      [&](Scene& x) { x.set_visible(x.runs()[1].id, false); },
      [&](Scene& x) { x.duplicate_run(x.runs()[2].id); },
      [&](Scene& x) { x.remove_run(x.runs()[3].id); },
      [&](Scene& x) { x.set_noise(GradientNoise{0.5, false, 7}); },
      [&](Scene& x) { x.set_step_limit(400); },
      [&](Scene& x) { x.set_problem("beale"); },
  };
  for (auto& edit : edits) {
    edit(s);
    links.push_back(snapshot(s));
    ASSERT_TRUE(h.record(state(links.back()))) << links.back();
  }
  ASSERT_EQ(h.undo_depth(), edits.size());
  for (std::size_t k = links.size() - 1; k-- > 0;) {
    const auto back = h.undo();
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->link, links[k]);
    Scene a = restored(back->link);
    EXPECT_EQ(snapshot(a), links[k]);  // the link reads back as itself
    // ... and is the scene it was: replay both to the same step and compare every path.
    Scene b = restored(links[k]);
    a.step(150);
    b.step(150);
    expect_same_paths(a, b);
  }
  for (std::size_t k = 1; k < links.size(); ++k) EXPECT_EQ(h.redo()->link, links[k]);
}

TEST(UndoHistory, RestoredPathsEqualTheOriginalScenes) {
  // Not only link == link: the scene rebuilt from an undo step traces what the live scene traced.
  Scene live = Scene::with_default_runs();
  live.update_run(live.runs()[0].id, "adam:lr=0.07");
  live.set_start(0.5, -1);
  const std::string before = snapshot(live);
  live.step(300);
  Scene back = restored(before);
  back.step(300);
  expect_same_paths(live, back);
}

TEST(UndoHistory, NetworkScenesComeBackExactly) {
  NetScene s = NetScene::with_default_runs();
  std::vector<std::string> links{to_link(net_link_from_scene(s))};
  UndoHistory h({"select"});
  h.reset(state(links.back()));
  std::vector<std::function<void(NetScene&)>> edits{
      [](NetScene& x) { x.set_data("moons:n=200,noise=0.2"); },
      [](NetScene& x) { x.set_model("mlp:hidden=8,activation=tanh"); },
      [](NetScene& x) { x.set_seed(42); },
      [](NetScene& x) { x.set_batch_size(16); },
      [](NetScene& x) { x.update_run(x.runs()[0].id, "adam:lr=0.03"); },
  };
  for (auto& edit : edits) {
    edit(s);
    links.push_back(to_link(net_link_from_scene(s)));
    ASSERT_TRUE(h.record(state(links.back()))) << links.back();
  }
  for (std::size_t k = links.size() - 1; k-- > 0;) {
    const auto back = h.undo();
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->link, links[k]);
    NetScene a;
    const ParsedNetLink parsed = parse_net_link(back->link);
    ASSERT_TRUE(parsed.errors.empty());
    ASSERT_TRUE(load_net_link(parsed.link, a).errors.empty());
    EXPECT_EQ(to_link(net_link_from_scene(a)), links[k]);
  }
}

}  // namespace
}  // namespace adamlab
