#pragma once
// A "details" disclosure, collapsed until opened: the place for figures about the program rather
// than the optimizer (compute time, throughput, implementation notes), so they do not sit beside
// the controls. Each panel keeps its DetailsState; adamlab.layout() reports it for tests.
namespace adamlab::ui {

struct DetailsState {
  bool drawn = false;  // drawn this frame (the panel had details to show)
  bool open = false;
};

// Call every frame; true while open (then draw the details, then details_end()).
bool details_begin(const char* id, DetailsState& state);
void details_end();

}  // namespace adamlab::ui
