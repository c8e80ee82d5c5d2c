// Big touch widgets shared by the screens.
#pragma once

#include <imgui.h>

#include <initializer_list>

namespace ankang::ui {

// Scale factor of the screen against 1080p (targets grow with it).
float scale();
// The smallest touch target height: 64 px at 1080p, never less than 64 px.
float target_height();

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
// An answer option: shape + letter + text; highlighted when selected.
bool option_button(int shape, const char* letter, const char* text, bool selected, float width);

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
