#pragma once
// Run colours, shared by the canvas and the JS state so a legend and an embedding page agree.
// Tableau-10 order: distinct hues that stay apart on the viridis-like landscape.
//
// A run's colour follows its optimizer, so a reader who learned "Adam is orange" on the default
// page sees Adam orange in every lesson: each optimizer has its own hue (SGD with momentum its own,
// since the lessons race it against plain SGD). A second run of the same optimizer takes a spare
// hue, one no optimizer present in the scene claims. An explicit colour (link key `colours`,
// Scene::set_colour) overrides all of this.
#include <cstdint>
#include <vector>

#include "core/spec.h"

namespace adamlab {

constexpr std::uint32_t kRunPalette[] = {0xff7f0e, 0x1f77b4, 0x2ca02c, 0xd62728, 0x9467bd,
                                         0x8c564b, 0xe377c2, 0x17becf, 0xbcbd22, 0x7f7f7f};
constexpr int kRunPaletteSize = sizeof(kRunPalette) / sizeof(kRunPalette[0]);

inline std::uint32_t run_colour_rgb(int index) {
  return kRunPalette[((index % kRunPaletteSize) + kRunPaletteSize) % kRunPaletteSize];
}

// The palette index an optimizer's runs take when it is free: adam orange, sgd blue, sgd with
// momentum green, rmsprop red, adamw purple, adagrad brown, adadelta pink, adamax cyan, nadam
// olive, radam grey. -1 for a name outside that list. `optimizer` may be partial (as written in a
// link): a missing momentum is 0.
int optimizer_colour(const Spec& optimizer);

// The colour for a run of preferred colour `preferred` (-1 = none) when the colours in `used` are
// taken and the ones in `claimed` belong to other optimizers present: `preferred` if free, else a
// spare hue neither used nor claimed, else the smallest index (below `limit`) not used.
int choose_colour(int preferred, const std::vector<int>& used, const std::vector<int>& claimed, int limit);

// Automatic colours for a whole list of runs at once (a link, a preset): explicit[i] >= 0 is kept;
// then the first run of each optimizer takes its own hue, and the other runs take spares. Better
// than adding them one by one, where a second Adam could take the hue of a NAdam listed after it.
std::vector<int> assign_colours(const std::vector<Spec>& optimizers, const std::vector<int>& explicit_colours,
                                int limit);

}  // namespace adamlab
