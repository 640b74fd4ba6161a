#include "ui/paste_box.h"

#include "imgui.h"
#include "ui/draw_util.h"

namespace adamlab::ui {
namespace {

void store(float (&r)[4]) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  r[0] = a.x, r[1] = a.y, r[2] = b.x - a.x, r[3] = b.y - a.y;
}

}  // namespace

std::optional<PasteRequest> PasteBox::draw_box(int selected, bool has_selected, bool touch) {
  ImGui::PushID("paste_pytorch");
  ImGui::TextUnformatted("Paste PyTorch");
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Paste an optimizer constructor from your training script, e.g.\n"
                      "  torch.optim.Adam(model.parameters(), lr=3e-4, betas=(0.9, 0.98))\n"
                      "and optionally a scheduler line, e.g.\n"
                      "  torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)\n"
                      "Keyword or positional arguments, comments and constants (base_lr = 0.1) are fine.");
  const float line = ImGui::GetTextLineHeight();
  ImGui::InputTextMultiline("##paste", buffer_, sizeof buffer_, ImVec2(-1.0f, line * 4 + ImGui::GetStyle().FramePadding.y * 2));
  store(rects_.field);
  if (!buffer_[0] && !ImGui::IsItemActive()) {
    // ImGui 1.86's multi-line field has no hint text: an example, drawn over the empty field.
    const ImVec2 at(rects_.field[0] + ImGui::GetStyle().FramePadding.x, rects_.field[1] + ImGui::GetStyle().FramePadding.y);
    ImGui::GetWindowDrawList()->AddText(at, ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                        "torch.optim.Adam(params, lr=3e-4)\n"
                                        "+ a scheduler line (optional)");
  }
  std::optional<int> pressed;  // -1 add, else the run to update
  if (ImGui::Button("Add run")) pressed = -1;
  store(rects_.add);
  ImGui::SameLine();
  ImGui::BeginDisabled(!has_selected);
  if (ImGui::Button("Update selected")) pressed = selected;
  store(rects_.update);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
    ImGui::SetTooltip(has_selected ? "Replace the selected run's optimizer and scheduler with the paste (it restarts)."
                                   : "Select a run first.");
  rects_.drawn = true;
  // Two lines kept for the outcome whether or not there is one: no layout jump.
  const float h = line * 2 + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("##paste_status", ImVec2(-1.0f, touch ? h * 1.5f : h), false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  if (!error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kRefusalColour);
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::PopStyleColor();
  } else if (!status_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(140, 210, 140, 255));
    ImGui::TextWrapped("%s", status_.c_str());
    ImGui::PopStyleColor();
  }
  if (ImGui::IsWindowHovered() && !(error_.empty() && status_.empty()))
    ImGui::SetTooltip("%s", (error_.empty() ? status_ : error_).c_str());
  ImGui::EndChild();
  ImGui::PopID();
  if (!pressed) return std::nullopt;
  try {
    const TorchPaste paste = parse_torch_paste(buffer_);
    return PasteRequest{paste.optimizer_spec(), paste.scheduler_spec(), *pressed, paste.notes};
  } catch (const Error& e) {
    refused(e.what());
    return std::nullopt;
  }
}

void PasteBox::applied(int id, const PasteRequest& request) {
  error_.clear();
  status_ = (request.update_id >= 0 ? "Updated run " : "Added run ") + std::to_string(id) + ": " + request.optimizer +
            (request.scheduler.empty() ? "" : " @ " + request.scheduler);
  for (const auto& n : request.notes) status_ += "\nnote: " + n;
}

void PasteBox::refused(const std::string& message) {
  status_.clear();
  error_ = message + " (nothing changed)";
}

}  // namespace adamlab::ui
