// The console's widgets. Every label is a text already in the console's
// language (tr/shown), so the atlas has its glyphs.
#pragma once

#include <imgui.h>

#include "engine/question.h"  // Text

#include <optional>
#include <string>
#include <vector>

namespace ankang::console_ui {

// What the last frame drew that a user can press, for tests that find a
// button by its label and press it with the mouse, as a user would.
struct Item {
  std::string label;
  ImVec2 min, max;
  bool enabled = true;
  ImVec2 center() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
};
std::vector<Item>& frame_items();
void note_item(const char* label, bool enabled = true);  // the last ImGui item

enum class Tone { normal, primary, danger };
// A button; a disabled one is drawn muted and returns false.
bool button(const char* label, Tone tone = Tone::normal, bool enabled = true);
// A selectable row or entry (folder browser, lists); true when clicked.
bool choice(const char* label, bool selected, float width = 0);

// The years as a row of choices on the current line ("2026 年" / "2026"),
// the first after `indent` when it is > 0; the year chosen, if one was.
std::optional<int> year_choices(const std::vector<int>& years, int selected, float indent = 0);

void heading(const char* text);
// Muted, wrapped explanatory text.
void hint(const char* text);
// Plain wrapped text.
void paragraph(const char* text);
// A banner saying how the last action went: green when it went well.
void outcome(bool ok, const char* text);
// What a page over the collected results shows before there is anything to
// show: still reading, the store could not be read, or nothing collected yet
// (the `empty` text and a button to 收集成绩, which sets go_collect). True
// when it drew one of them: the page then draws nothing else.
bool results_placeholder(bool loading, const Text& error, bool empty, const char* empty_text, bool& go_collect);

// A big number over its label, side by side with other figures.
void figure(const char* label, const std::string& value);

// A one-line text input; true when it changed.
bool text_field(const char* id, const char* hint, std::string& value, float width);

// The height of a table of `rows` one-line rows with its header, at most
// what is left of the window.
float table_height(std::size_t rows);

// One located problem of a file, already in the console's language.
struct ProblemRow {
  std::string where;  // "LINE:COLUMN", or empty for the file as a whole
  std::string field;
  std::string message;
};
// The problems of a file as a table: 位置 | 字段 | 问题, scrolled, every row.
void problems_table(const char* id, const std::vector<ProblemRow>& rows, float height);

// A horizontal bar chart: one labelled bar per value, scaled to the largest.
struct Bar {
  std::string label;
  double value = 0;
  std::string value_text;
};
void bar_chart(const char* id, const std::vector<Bar>& bars, float width);

}  // namespace ankang::console_ui
