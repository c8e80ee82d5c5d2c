// Big touch widgets shared by the screens.
#pragma once

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace ankang::ui {

// Scale factor of the screen against 1080p (targets grow with it).
float scale();
// The smallest touch target height: 64 px at 1080p, never less than 64 px.
float target_height();

// What the last frame drew that a finger can press: its label (the text
// before any "##"), where it is, the part of it on screen (a list clips it)
// and whether it takes a tap. Tests check the layout with it, and the kiosk
// writes it for the end-to-end harness (ANKANG_KIOSK_ITEMS).
struct Target {
  std::string label;
  ImVec2 min, max;            // the whole target
  ImVec2 shown_min, shown_max;  // the part inside its window's clip rectangle
  bool enabled = true;
  ImVec2 center() const { return {(min.x + max.x) / 2, (min.y + max.y) / 2}; }
};
// Emptied by begin_screen() and by a box over the screen (which takes every
// tap while it shows): what a tap can reach now.
std::vector<Target>& frame_targets();
// Records the last ImGui item as a target.
void note_target(const char* label);
// Records a part of the last item that a tap there asks for something else
// (the attract screen's leaderboard button and admin corner).
void note_area(const char* label, ImVec2 min, ImVec2 max);

// A full-window, undecorated screen; always pair with end_screen().
void begin_screen(const char* id);
void end_screen();

// The green title band across the top with a title and an optional right text.
void title_band(const char* title, const char* right_text = nullptr);

// A large filled button. Returns true when tapped.
bool big_button(const char* label, ImVec2 size, ImU32 fill = 0, ImU32 text = 0);

// The shape that marks option i (circle, square, triangle, diamond, star,
// hexagon) so an option never depends on colour alone.
void draw_shape(ImDrawList* dl, int shape, ImVec2 center, float radius, ImU32 col, bool filled);
// An answer option: shape + letter + text; highlighted when selected. As
// high as its text needs, or exactly `height` when that is given (lists).
bool option_button(int shape, const char* letter, const char* text, bool selected, float width, float height = 0);

// A one-line text field in the body font (a keyboard or a badge scanner
// types into it); true when the text changed.
bool text_field(const char* id, std::string& text, float width, int flags = 0);

// A list of choices as tall buttons, `columns` to a row, one page at a time
// in a box of `size` from the cursor: `heading` with 上一页 / 下一页 and the
// page number at its right when the list is longer than a page, then whole
// rows only. The rows a page holds depend on the box alone, never on the
// list, so nothing moves when the list changes. `shapes`: each choice gets
// the shape of its index (else all circles).
struct ListTap {
  int item = -1;  // the index in `items` tapped, or -1
  int page = -1;  // the page asked for, or -1
};
ListTap paged_list(const char* id, const char* heading, const std::vector<std::string>& items, int chosen, int page,
                   ImVec2 size, int columns, bool shapes);
// How many choices a page of paged_list() holds in a box of `size`, and the
// height of a box that holds `rows` rows.
int list_page_size(ImVec2 size, int columns);
float list_height(int rows);

// The countdown bar: full at limit_ms, empty at 0; turns red in the last 20 %.
void countdown_bar(int remaining_ms, int limit_ms, float width);

// Text wrapped in a font to the window width, or to `width` from the cursor
// (inside a column that must not grow).
void wrapped(ImFont* font, const char* text, ImU32 col = 0, float width = 0.0f);
// Text centred horizontally in the window.
void centered(ImFont* font, const char* text, ImU32 col = 0);

// One row of a leaderboard from the cursor, full width: a star for the top
// three, the rank, cells at x offsets from the row's left edge (text and
// colour), the points at the right; every other row on a card. A row is
// 1.9 body lines high and the next one starts right under it.
struct BoardCell {
  float x;
  const char* text;
  ImU32 col;
};
void board_row(int rank, std::initializer_list<BoardCell> cells, int points, float width);

// A keypad of digits 0-9 plus backspace and clear; returns the key tapped:
// 0..9, 10 backspace, 11 clear, -1 none.
int keypad(float key_width, float key_height);

}  // namespace ankang::ui
