#pragma once
// Network-mode links: the network scene in the URL hash, in the same grammar as sim/link.h
// (key=value pieces joined by '&', each percent-decoded, specs as the CLI writes them):
//
//   #mode=network&data=spirals:noise=0.2&model=mlp:hidden=16x16&batch=10&seed=1&run=adam:lr=0.01&run=sgd:lr=0.1
//
// Keys, in the canonical order to_link() writes them:
//   mode=network          what makes a link a network link (mode=landscape, or no mode, is a
//                         landscape link: sim/link.h, unchanged)
//   preset=NAME           a network preset (nn/net_presets.h, names start "net-"); implies
//                         mode=network when no mode= says otherwise. Expanded first, wherever it
//                         appears; every other key overrides it. It plays (autoplay=1) unless the
//                         link says autoplay=0 or at=K, as a landscape preset link does
//   data=SPEC             a data spec (data/dataset.h), or csv[:test_fraction=F] with csv= below
//   csv=TEXT              the user's CSV, percent-encoded (rows as parse_csv_dataset reads them)
//   model=SPEC            a model spec (nn/model.h), e.g. mlp:hidden=16x16,activation=relu
//   batch=B  seed=S       minibatch size (1..kMaxBatchSize) and the task's seed
//   run=OPT[@SCHED]       one per run, in order (as sim/link.h); hide=N,..  colours=C|auto,..
//   speed=S  limit=N  at=K  autoplay=B  loop=B  embed=B  panels=NAME,..  select=N   (as sim/link.h,
//                         within NetScene's limits)
// Never throws: a refused part is reported as "<key>=<value>: <why>" and the rest loads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nn/net_scene.h"
#include "sim/link.h"

namespace adamlab {

struct NetLink {
  std::optional<std::string> preset;  // the network preset the link names (its parts expanded below)
  std::optional<std::string> data;  // a data spec as written ("csv..." with csv set)
  std::optional<std::string> csv;   // the CSV text, decoded
  std::optional<std::string> model;
  std::optional<std::int64_t> batch;
  std::optional<std::uint64_t> seed;
  std::vector<LinkRun> runs;  // empty = the default runs
  std::optional<double> speed;
  std::optional<std::int64_t> limit;
  std::optional<std::int64_t> at;
  std::optional<bool> autoplay, loop, embed;
  std::optional<std::vector<std::string>> panels;
  std::optional<int> selected;  // index into runs

  bool operator==(const NetLink& o) const;
  bool operator!=(const NetLink& o) const { return !(*this == o); }
};

struct ParsedNetLink {
  NetLink link;
  std::vector<std::string> errors;
};

enum class LinkMode { landscape, network };

// The mode a link opens in: network for a mode=network piece, or for a preset= piece naming a
// network preset when the link has no mode= piece; landscape otherwise. A mode= piece
// with another value is reported in `errors` ("mode=x: unknown mode 'x' (landscape or network)")
// and the link opens as a landscape link.
LinkMode link_mode(const std::string& hash_or_url, std::vector<std::string>* errors = nullptr);
// Whether the link has a mode= piece at all.
bool has_mode_piece(const std::string& hash_or_url);
// The link with its mode= pieces removed (a landscape link then reads exactly as sim/link.h reads it).
std::string without_mode(const std::string& hash_or_url);

ParsedNetLink parse_net_link(const std::string& hash_or_url);
// The canonical hash, "#mode=network&...". parse_net_link(to_link(x)).link == x for every x
// parse_net_link returns.
std::string to_link(const NetLink& link);

// Percent-encodes everything but letters, digits and "-._,+:" (the CSV's newlines become %0A).
std::string percent_encode(const std::string& text);

// What the link carries besides the NetScene (the UI's own state).
struct NetUiLinkState {
  std::optional<std::vector<std::string>> panels;
  std::optional<bool> autoplay, loop, embed;
  std::optional<std::int64_t> at;
  std::optional<int> selected_run_id;
};

// The link for a scene: data, model, batch and seed always; specs shortened to the keys that
// differ from their defaults; speed and limit when they differ from NetScene's defaults.
NetLink net_link_from_scene(const NetScene& scene, const NetUiLinkState& ui = {});

// The scene the link defines: every part it leaves out (or that is refused) takes its default
// as NetScene::with_default_runs() has it. autoplay decides play or pause (absent: paused).
// Never throws. Run ids keep counting up.
AppliedLink load_net_link(const NetLink& link, NetScene& scene);

// The shortest data or model spec that builds the same full configuration (kind "data" or
// "model"); the text unchanged if it does not build.
std::string shortest_net_spec(const std::string& kind, const std::string& text);

}  // namespace adamlab
