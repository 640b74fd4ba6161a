#include "ui/code_window.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "ui/fonts.h"
#include "ui/draw_util.h"

namespace adamlab::ui {
namespace {

bool is_keyword(const std::string& word) {
  static const char* const kKeywords[] = {"def",  "return", "for",   "in",     "if",    "else", "elif",
                                          "import", "from", "with",  "as",     "None",  "True", "False",
                                          "lambda", "try",  "except", "not",   "and",   "or",   "is",
                                          "while", "print", "range",  "len",   "pass",  "class", "global"};
  for (const char* k : kKeywords)
    if (word == k) return true;
  return false;
}

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

ImVec4 colour(CodeTokenKind kind) {
  switch (kind) {
    case CodeTokenKind::keyword: return ImVec4(0.80f, 0.55f, 1.00f, 1);  // violet
    case CodeTokenKind::number: return ImVec4(1.00f, 0.70f, 0.40f, 1);   // orange
    case CodeTokenKind::string: return ImVec4(0.55f, 0.85f, 0.50f, 1);   // green
    case CodeTokenKind::comment: return ImVec4(0.55f, 0.58f, 0.62f, 1);  // grey
    case CodeTokenKind::plain: break;
  }
  return ImVec4(0.90f, 0.90f, 0.92f, 1);
}

void split_lines(const std::string& text, std::vector<std::string>& lines) {
  lines.clear();
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    const std::size_t end = nl == std::string::npos ? text.size() : nl;
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

std::vector<CodeToken> highlight_python_line(const std::string& line) {
  std::vector<CodeToken> out;
  const auto push = [&out](CodeTokenKind kind, std::size_t b, std::size_t e) {
    if (!out.empty() && out.back().kind == kind && out.back().end == b)
      out.back().end = e;
    else
      out.push_back({kind, b, e});
  };
  std::size_t i = 0;
  const std::size_t n = line.size();
  while (i < n) {
    const char c = line[i];
    if (c == '#') {
      push(CodeTokenKind::comment, i, n);
      break;
    }
    if (c == '"' || c == '\'') {
      std::size_t j = i + 1;
      while (j < n && line[j] != c) j += line[j] == '\\' ? 2 : 1;
      j = std::min(j + 1, n);
      push(CodeTokenKind::string, i, j);
      i = j;
      continue;
    }
    const bool digit = std::isdigit(static_cast<unsigned char>(c)) ||
                       (c == '.' && i + 1 < n && std::isdigit(static_cast<unsigned char>(line[i + 1])));
    if (digit) {
      std::size_t j = i + 1;
      // digits, hex digits, a point, an exponent with its sign
      while (j < n && (ident_char(line[j]) || line[j] == '.' ||
                       ((line[j] == '-' || line[j] == '+') && (line[j - 1] == 'e' || line[j - 1] == 'E'))))
        ++j;
      push(CodeTokenKind::number, i, j);
      i = j;
      continue;
    }
    if (ident_char(c)) {
      std::size_t j = i + 1;
      while (j < n && ident_char(line[j])) ++j;
      const std::string word = line.substr(i, j - i);
      push(word == "inf" || word == "nan" ? CodeTokenKind::number
                                          : is_keyword(word) ? CodeTokenKind::keyword : CodeTokenKind::plain,
           i, j);
      i = j;
      continue;
    }
    push(CodeTokenKind::plain, i, i + 1);
    ++i;
  }
  return out;
}

void draw_code_buttons(int run_id, UiRequests& requests, bool touch) {
  auto button = [touch](const char* label) { return touch ? ImGui::Button(label) : ImGui::SmallButton(label); };
  if (touch) ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("PyTorch");
  ImGui::SameLine();
  if (button("Code for this run")) requests.show_code = CodeRequest{run_id, false};
  tooltip("A Python script (torch + the standard library) that reproduces this run with torch.optim, "
          "printing the same numbers as the trace.");
  ImGui::SameLine();
  if (button("Whole scene")) requests.show_code = CodeRequest{run_id, true};
  tooltip("One script for every run of the scene.");
}

void CodeWindow::open(torch_export::CodeExport code, std::string title) {
  code_ = std::move(code);
  title_ = std::move(title);
  error_.clear();
  split_lines(code_.script, lines_);
  tokens_.clear();
  tokens_.reserve(lines_.size());
  for (const auto& l : lines_) tokens_.push_back(highlight_python_line(l));
  open_ = place_ = true;
}

void CodeWindow::open_error(std::string title, std::string error) {
  code_ = {};
  lines_.clear();
  tokens_.clear();
  title_ = std::move(title);
  error_ = std::move(error);
  open_ = place_ = true;
}

void CodeWindow::draw(ImVec2 display, bool touch) {
  if (!open_) return;
  if (place_) {
    // Centred, up to 760 x 600, leaving a margin of the display around it (a 390 px phone keeps
    // nearly its whole width, a 480 x 320 embed its whole height but a strip).
    const float margin = display.x < 600 ? 6.0f : 24.0f;
    const ImVec2 size(std::min(760.0f, display.x - 2 * margin), std::min(600.0f, display.y - 2 * margin));
    ImGui::SetNextWindowPos(ImVec2((display.x - size.x) / 2, (display.y - size.y) / 2));
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowFocus();
    place_ = false;
  }
  const std::string name = title_ + "###pytorch_code";
  if (!ImGui::Begin(name.c_str(), &open_, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  auto button = [touch](const char* label) { return touch ? ImGui::Button(label) : ImGui::SmallButton(label); };
  if (!error_.empty()) {
    ImGui::TextWrapped("No code: %s", error_.c_str());
    if (button("Close")) open_ = false;
    ImGui::End();
    return;
  }
  const auto copy = [this](const std::string& text, const char* what) {
    ImGui::SetClipboardText(text.c_str());
    copied_until_ = static_cast<float>(ImGui::GetTime()) + 2.0f;
    copied_what_ = what;
  };
  if (button("Copy")) copy(code_.script, "script");
  tooltip("Copy the whole script: save it as a .py file and run it with python3.");
  ImGui::SameLine();
  if (button("Copy constructor line")) copy(code_.run.constructor, "constructor line");
  tooltip(code_.run.constructor.c_str());
  if (!code_.run.scheduler.empty()) {
    ImGui::SameLine();
    if (button("Copy scheduler line")) copy(code_.run.scheduler, "scheduler line");
    tooltip(code_.run.scheduler.c_str());
  }
  ImGui::SameLine();
  if (ImGui::GetTime() < copied_until_)
    ImGui::TextColored(ImVec4(0.55f, 0.85f, 0.50f, 1), "copied the %s", copied_what_);
  else
    ImGui::TextDisabled("%zu lines", lines_.size());
  // The constructor line on its own, wrapped, so a phone shows it without scrolling sideways.
  ImGui::PushStyleColor(ImGuiCol_Text, colour(CodeTokenKind::plain));
  ImGui::TextWrapped("%s", code_.run.constructor.c_str());
  if (!code_.run.scheduler.empty()) ImGui::TextWrapped("%s", code_.run.scheduler.c_str());
  ImGui::PopStyleColor();

  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.07f, 0.08f, 0.10f, 1));
  ImGui::BeginChild("##code", ImVec2(0, 0), true, ImGuiWindowFlags_HorizontalScrollbar);
  if (touch && ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    // A finger drags the text like a page.
    const ImVec2 d = ImGui::GetIO().MouseDelta;
    ImGui::SetScrollY(ImGui::GetScrollY() - d.y);
    ImGui::SetScrollX(ImGui::GetScrollX() - d.x);
  }
  ImGui::PushFont(mono_font());  // code reads aligned: indentation and columns
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, ImGui::GetStyle().ItemSpacing.y * 0.5f));
  ImGuiListClipper clipper;  // draws only the lines in view: a network script has thousands
  clipper.Begin(static_cast<int>(lines_.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const std::string& line = lines_[static_cast<std::size_t>(i)];
      ImGui::TextDisabled("%4d ", i + 1);
      for (const CodeToken& t : tokens_[static_cast<std::size_t>(i)]) {
        ImGui::SameLine(0, 0);
        ImGui::PushStyleColor(ImGuiCol_Text, colour(t.kind));
        ImGui::TextUnformatted(line.data() + t.begin, line.data() + t.end);
        ImGui::PopStyleColor();
      }
    }
  }
  ImGui::PopStyleVar();
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::End();
}

}  // namespace adamlab::ui
