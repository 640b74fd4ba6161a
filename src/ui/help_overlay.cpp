#include "ui/help_overlay.h"

#include <algorithm>

#include "imgui.h"

namespace adamlab::ui {
namespace {

constexpr const char* kPopupId = "Help##adamlab";
const ImVec4 kHeading(1.0f, 0.75f, 0.35f, 1.0f);

struct Row {
  const char* keys;
  const char* what;
};

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextColored(kHeading, "%s", text);
  ImGui::Separator();
}

// Two columns, keys and what they do; the second wraps to the card's width.
void table(const char* id, const Row* rows, int n, float key_width) {
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingFixedFit)) return;
  ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed, key_width);
  ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
  for (int i = 0; i < n; ++i) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + key_width);
    ImGui::TextUnformatted(rows[i].keys);
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", rows[i].what);
  }
  ImGui::EndTable();
}

void bullet(const char* text) {
  ImGui::Bullet();
  ImGui::TextWrapped("%s", text);
}

void shortcuts(bool touch, float key_width) {
  heading("Keys");
  static const Row keys[] = {
      {"Space", "Play or pause"},
      {"Right arrow", "One step for every run (hold to keep stepping)"},
      {"R", "Reset: every run back to step 0 (in a lesson, also its start and view)"},
      {"Ctrl+Z, Cmd+Z", "Undo the last change to the scene"},
      {"Ctrl+Shift+Z, Ctrl+Y", "Redo"},
      {"?", "This help; Esc closes it"},
      {"Ctrl+click a slider", "Type an exact value (Enter applies it)"},
  };
  table("##keys", keys, static_cast<int>(sizeof keys / sizeof keys[0]), key_width);
  heading(touch ? "Touch" : "Mouse");
  static const Row mouse[] = {
      {"Click the map", "Moves the start point there (desktop)"},
      {"Drag the start", "Moves the start point; the runs restart from it"},
      {"Drag elsewhere", "Pans the map"},
      {"Wheel, pinch", "Zooms about the pointer"},
      {"Click a sweep cell", "Puts the run it trained on the map"},
  };
  table("##mouse", mouse, static_cast<int>(sizeof mouse / sizeof mouse[0]), key_width);
  ImGui::TextWrapped("Every change to the scene can be undone: runs added, removed or edited, options, the start, "
                     "the problem or the data, presets and links. Playing, pausing, stepping and moving the view "
                     "are not changes.");
}

void landscape_help() {
  heading("The map");
  bullet("Colour is the loss of the function at each point, on a log scale: dark is low, bright is high "
         "(the colour bar gives the values). Thin lines are contours, points of equal loss.");
  bullet("The white ring marked \"start\" is where every run begins; the white crosses are the known minima.");
  bullet("Each coloured line is one run's path, in its run's colour (by optimizer: Adam is orange "
         "everywhere), its marker where it is now. The legend names every run.");
  bullet("A run whose loss becomes NaN or infinite stops and says \"diverged at step k\".");
  bullet("Your own landscape: the problem menu's last entry, \"f(x, y) = your own...\", opens a field for a function "
         "of x and y, e.g. sin(x)*cos(y) + 0.1*(x^2+y^2). The map redraws with each valid edit; a mistake is "
         "named with a ^ under its column and changes nothing. The (?) beside the field lists the functions.");
  bullet("Grey is where the function is undefined (NaN: log of a negative, sqrt(-1)); a run that walks in diverges.");
  heading("The chart");
  bullet("Across: the optimizer step. Up: the loss (log scale by default, the \"log\" box switches it), or the "
         "learning rate each step used, or the distance to the nearest minimum (the menu above the chart).");
  bullet("One line per run, in its map colour. In \"Anatomy of a step\", a vertical line marks the inspected step.");
  bullet("The Sweep tab: a heat map of a metric over two hyperparameters of the selected run.");
}

void network_help() {
  heading("The view");
  bullet("The data points, coloured by class, over the selected run's decision boundary (the background: the class "
         "the network predicts there). For the sine task, the curve the network fits; for sparse features, "
         "each feature's gradient and Adam's second moment.");
  bullet("The network diagram: every neuron as a small map of its output over the plane, every link coloured by "
         "its weight's sign.");
  heading("The chart");
  bullet("Across: the optimizer step. Up: the loss (train solid, test dashed) or the accuracy, one colour per run.");
}

}  // namespace

void HelpOverlay::handle_keys() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  // '?' as typed (any keyboard layout), not a key code.
  for (ImWchar c : io.InputQueueCharacters)
    if (c == '?') toggle();
  if (open_ && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) open_ = false;
}

void HelpOverlay::draw(Mode mode, bool touch, UiRequests& requests) {
  card_ = Box{};
  if (open_ && !ImGui::IsPopupOpen(kPopupId)) ImGui::OpenPopup(kPopupId);
  if (!ImGui::IsPopupOpen(kPopupId)) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float margin = display.x < 500 || display.y < 400 ? 6.0f : 24.0f;
  const ImVec2 size(std::min(display.x - 2 * margin, 620.0f), std::min(display.y - 2 * margin, 680.0f));
  ImGui::SetNextWindowPos(ImVec2(display.x / 2, display.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(size);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar;
  // ImGui dims the page behind a modal when it renders, after any Push/Pop: set the colour itself
  // (a dark veil over a dark page; the default is a light grey one).
  ImGui::GetStyle().Colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6);
  if (ImGui::BeginPopupModal(kPopupId, nullptr, flags)) {
    const ImVec2 pos = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    card_ = Box{pos.x, pos.y, sz.x, sz.y};
    ImGui::TextColored(kHeading, "AdamLab help");
    const char* close = "Close";
    const float close_w = ImGui::CalcTextSize(close).x + 2 * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - close_w);
    if (ImGui::Button(close)) open_ = false;
    if (ImGui::Button("Open the tutorial (new tab)")) requests.actions.push_back(UiAction::open_tutorial);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("An article on momentum, RMSProp and Adam, with live figures (tutorial.html).");
    // The rest scrolls: a 480 x 320 embed or a phone holds only part of it.
    ImGui::BeginChild("##helpbody", ImVec2(0, 0), false);
    const float key_width = std::clamp(sz.x * 0.34f, 90.0f, 170.0f);
    if (mode == Mode::network)
      network_help();
    else
      landscape_help();
    shortcuts(touch, key_width);
    ImGui::EndChild();
    // A click outside the card dismisses it, as Esc and Close do.
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
        !ImGui::IsWindowHovered(ImGuiHoveredFlags_RootAndChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
      open_ = false;
    if (!open_) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  } else {
    open_ = false;
  }
  ImGui::PopStyleVar();
}

}  // namespace adamlab::ui
