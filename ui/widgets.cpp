#include "ui/widgets.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "ui/strings.h"
#include "ui/theme.h"

namespace ankang::ui {

float scale() { return ImGui::GetIO().DisplaySize.y / 1080.0f; }

float target_height() { return std::max(64.0f, 88.0f * scale()); }

std::vector<Target>& frame_targets() {
  static std::vector<Target> targets;
  return targets;
}

void note_target(const char* label) { note_area(label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void note_area(const char* label, ImVec2 min, ImVec2 max) {
  const ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
  const char* end = std::strstr(label, "##");
  const bool disabled = (ImGui::GetCurrentContext()->LastItemData.InFlags & ImGuiItemFlags_Disabled) != 0;
  frame_targets().push_back({end ? std::string(label, end) : std::string(label), min, max,
                             ImVec2(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y)),
                             ImVec2(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y)), !disabled});
}

void begin_screen(const char* id) {
  frame_targets().clear();
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin(id, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
  // Bands and backgrounds run to the screen edge, under the window padding.
  ImGui::PushClipRect(ImVec2(0, 0), io.DisplaySize, false);
  if (fonts().body) ImGui::PushFont(fonts().body);
}

void end_screen() {
  if (fonts().body) ImGui::PopFont();
  ImGui::PopClipRect();
  ImGui::End();
}

void title_band(const char* title, const char* right_text) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 win = ImGui::GetWindowPos();
  const float w = ImGui::GetWindowWidth();
  const float h = 120.0f * scale();
  dl->AddRectFilled(win, ImVec2(win.x + w, win.y + h), color::band);
  ImFont* big = fonts().large ? fonts().large : ImGui::GetFont();
  const float pad = 40.0f * scale();
  const float ty = win.y + (h - big->FontSize) / 2;
  dl->AddText(big, big->FontSize, ImVec2(win.x + pad, ty), color::band_text, title);
  if (right_text) {
    const ImVec2 sz = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, right_text);
    dl->AddText(big, big->FontSize, ImVec2(win.x + w - pad - sz.x, ty), color::band_text, right_text);
  }
  ImGui::SetCursorPosY(h + 30.0f * scale());
}

bool big_button(const char* label, ImVec2 size, ImU32 fill, ImU32 text) {
  size.y = std::max(size.y, target_height());
  int pushed = 0;
  if (fill) {
    ImGui::PushStyleColor(ImGuiCol_Button, fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, fill);
    pushed += 2;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, text ? text : color::band_text);
  ++pushed;
  if (fonts().large) ImGui::PushFont(fonts().large);
  const bool tapped = ImGui::Button(label, size);
  note_target(label);
  if (fonts().large) ImGui::PopFont();
  ImGui::PopStyleColor(pushed);
  return tapped;
}

void draw_shape(ImDrawList* dl, int shape, ImVec2 c, float r, ImU32 col, bool filled) {
  const float t = std::max(2.0f, r * 0.13f);
  switch (shape % 6) {
    case 0:
      filled ? dl->AddCircleFilled(c, r, col, 32) : dl->AddCircle(c, r, col, 32, t);
      break;
    case 1: {
      const ImVec2 a(c.x - r * 0.85f, c.y - r * 0.85f), b(c.x + r * 0.85f, c.y + r * 0.85f);
      filled ? dl->AddRectFilled(a, b, col) : dl->AddRect(a, b, col, 0, 0, t);
      break;
    }
    case 2: {
      const ImVec2 p1(c.x, c.y - r), p2(c.x + r * 0.95f, c.y + r * 0.75f), p3(c.x - r * 0.95f, c.y + r * 0.75f);
      filled ? dl->AddTriangleFilled(p1, p2, p3, col) : dl->AddTriangle(p1, p2, p3, col, t);
      break;
    }
    case 3: {
      const ImVec2 p1(c.x, c.y - r), p2(c.x + r, c.y), p3(c.x, c.y + r), p4(c.x - r, c.y);
      filled ? dl->AddQuadFilled(p1, p2, p3, p4, col) : dl->AddQuad(p1, p2, p3, p4, col, t);
      break;
    }
    case 4: {  // five-pointed star
      ImVec2 pts[10];
      for (int i = 0; i < 10; ++i) {
        const float a = -1.5707963f + i * 0.6283185f;
        const float rr = (i % 2) ? r * 0.45f : r;
        pts[i] = ImVec2(c.x + std::cos(a) * rr, c.y + std::sin(a) * rr);
      }
      if (filled) {
        for (int i = 0; i < 10; i += 2) dl->AddTriangleFilled(c, pts[(i + 9) % 10], pts[i + 1], col);
        for (int i = 0; i < 10; i += 2) dl->AddTriangleFilled(pts[(i + 9) % 10], pts[i], pts[i + 1], col);
      } else {
        dl->AddPolyline(pts, 10, col, ImDrawFlags_Closed, t);
      }
      break;
    }
    default:
      filled ? dl->AddNgonFilled(c, r, col, 6) : dl->AddNgon(c, r, col, 6, t);
      break;
  }
}

bool option_button(int shape, const char* letter, const char* text, bool selected, float width, float height) {
  // Option texts come from the bank: the body font has their glyphs.
  ImFont* font = fonts().body ? fonts().body : ImGui::GetFont();
  const float pad = 24.0f * scale();
  // The letter is body size, so the shape around it is wide enough for it
  // even in a triangle; every option has the same shape size, whether it
  // shows a letter or not (an ordering item gets its number when tapped).
  float mark = font->FontSize * 2.6f;
  if (height > 0) mark = std::min(mark, height - pad);
  const float text_w = width - mark - pad * 3;
  const ImVec2 text_sz = font->CalcTextSizeA(font->FontSize, FLT_MAX, text_w, text);
  const float h = height > 0 ? height : std::max({target_height(), text_sz.y + pad * 2, mark + pad});

  ImGui::PushID(text);
  ImGui::PushID(shape);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool tapped = ImGui::InvisibleButton("opt", ImVec2(width, h));
  note_target(text);
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();
  ImGui::PopID();

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 q(p.x + width, p.y + h);
  const float round = 14.0f * scale();
  dl->AddRectFilled(p, q, selected ? color::selected : (held ? IM_COL32(229, 231, 235, 255) : color::card), round);
  dl->AddRect(p, q, selected ? color::primary : color::border, round, 0, selected ? 5.0f * scale() + 1 : 2.0f);
  const ImVec2 c(p.x + pad + mark / 2, p.y + h / 2);
  draw_shape(dl, shape, c, mark / 2, color::primary, selected);
  if (letter && *letter) {
    const ImVec2 ls = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, letter);
    // A triangle's middle is below the centre of its circle: the letter too.
    const float drop = shape % 6 == 2 ? mark * 0.08f : 0.0f;
    dl->AddText(font, font->FontSize, ImVec2(c.x - ls.x / 2, c.y - ls.y / 2 + drop),
                selected ? color::card : color::primary, letter);
  }
  dl->PushClipRect(p, q, true);  // a long text in a fixed-height row stays in its row
  dl->AddText(font, font->FontSize, ImVec2(p.x + pad * 2 + mark, p.y + (h - text_sz.y) / 2), color::text, text,
              nullptr, text_w);
  dl->PopClipRect();
  if (selected) {  // a tick as well as the colour
    const float r = mark * 0.3f;
    const ImVec2 t(q.x - pad - r, p.y + h / 2);
    dl->AddLine(ImVec2(t.x - r, t.y), ImVec2(t.x - r * 0.3f, t.y + r * 0.7f), color::right, 5 * scale() + 1);
    dl->AddLine(ImVec2(t.x - r * 0.3f, t.y + r * 0.7f), ImVec2(t.x + r, t.y - r * 0.8f), color::right, 5 * scale() + 1);
  }
  return tapped;
}

bool text_field(const char* id, std::string& text, float width, int flags) {
  ImGui::SetNextItemWidth(width);
  if (fonts().body) ImGui::PushFont(fonts().body);
  const bool changed = ImGui::InputText(id, &text, flags);
  note_target(std::strncmp(id, "##", 2) == 0 ? id + 2 : id);  // "##name" is the field "name"
  if (fonts().body) ImGui::PopFont();
  return changed;
}

namespace {

// A list's rows: a touch target high, close together (a list is one block).
float list_row_height() { return target_height(); }
float list_row_gap() { return 8.0f * scale(); }
// The heading row: as high as the page buttons in it.
float list_heading_height() { return target_height() + ImGui::GetStyle().ItemSpacing.y; }

}  // namespace

int list_page_size(ImVec2 size, int columns) {
  // A hair of slack: a box made by list_height(n) holds n rows despite rounding.
  const float rows = (size.y + 0.5f - list_heading_height() + list_row_gap()) / (list_row_height() + list_row_gap());
  return std::max(1, static_cast<int>(rows)) * std::max(1, columns);
}

float list_height(int rows) {
  return list_heading_height() + static_cast<float>(rows) * (list_row_height() + list_row_gap()) - list_row_gap();
}

ListTap paged_list(const char* id, const char* heading, const std::vector<std::string>& items, int chosen, int page,
                   ImVec2 size, int columns, bool shapes) {
  ListTap tap;
  columns = std::max(1, columns);
  const int per_page = list_page_size(size, columns);
  const int count = static_cast<int>(items.size());
  const int pages = std::max(1, (count + per_page - 1) / per_page);
  page = std::clamp(page, 0, pages - 1);
  ImGui::PushID(id);
  const ImVec2 top = ImGui::GetCursorScreenPos();
  const float row_h = list_row_height(), gap = list_row_gap();

  // Heading, and the pager at its right when there is more than one page.
  ImFont* font = fonts().body ? fonts().body : ImGui::GetFont();
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(top.x, top.y + (row_h - font->FontSize) / 2),
                                      color::text, heading);
  if (pages > 1) {
    const float bw = std::min(size.x * 0.3f, 240.0f * scale());
    char label[64];
    std::snprintf(label, sizeof label, tr(S::page_of), page + 1, pages);
    const float lw = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label).x;
    const float x0 = top.x + size.x - 2 * bw - lw - 2 * ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetCursorScreenPos(ImVec2(x0, top.y));
    ImGui::BeginDisabled(page == 0);
    if (big_button(tr(S::previous_page), ImVec2(bw, row_h), color::muted)) tap.page = page - 1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, top.y + (row_h - font->FontSize) / 2));
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, top.y));
    ImGui::BeginDisabled(page == pages - 1);
    if (big_button(tr(S::next_page), ImVec2(bw, row_h), color::muted)) tap.page = page + 1;
    ImGui::EndDisabled();
  }

  // The page's choices in whole rows.
  const float col_w = (size.x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float rows_top = top.y + list_heading_height();
  for (int i = page * per_page, n = 0; i < count && n < per_page; ++i, ++n) {
    ImGui::SetCursorScreenPos(ImVec2(top.x + static_cast<float>(n % columns) * (col_w + gap),
                                     rows_top + static_cast<float>(n / columns) * (row_h + gap)));
    ImGui::PushID(i);
    if (option_button(shapes ? i : 0, "", items[static_cast<std::size_t>(i)].c_str(), i == chosen, col_w, row_h))
      tap.item = i;
    ImGui::PopID();
  }
  ImGui::PopID();
  ImGui::SetCursorScreenPos(top);
  ImGui::Dummy(size);
  return tap;
}

void countdown_bar(int remaining_ms, int limit_ms, float width) {
  if (limit_ms <= 0) return;
  const float frac = std::clamp(static_cast<float>(remaining_ms) / static_cast<float>(limit_ms), 0.0f, 1.0f);
  const float h = 24.0f * scale();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), IM_COL32(209, 213, 219, 255), h / 2);
  if (frac > 0)
    dl->AddRectFilled(p, ImVec2(p.x + width * frac, p.y + h), frac < 0.2f ? color::wrong : color::right, h / 2);
  ImGui::Dummy(ImVec2(width, h));
}

void wrapped(ImFont* font, const char* text, ImU32 col, float width) {
  if (font) ImGui::PushFont(font);
  if (col) ImGui::PushStyleColor(ImGuiCol_Text, col);
  ImGui::PushTextWrapPos(width > 0 ? ImGui::GetCursorPosX() + width : 0.0f);
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  if (col) ImGui::PopStyleColor();
  if (font) ImGui::PopFont();
}

void centered(ImFont* font, const char* text, ImU32 col) {
  if (font) ImGui::PushFont(font);
  const float w = ImGui::CalcTextSize(text).x;
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - w) / 2));
  if (col) ImGui::PushStyleColor(ImGuiCol_Text, col);
  ImGui::TextUnformatted(text);
  if (col) ImGui::PopStyleColor();
  if (font) ImGui::PopFont();
}

void board_row(int rank, std::initializer_list<BoardCell> cells, int points, float width) {
  const Fonts& f = fonts();
  ImFont* font = f.body ? f.body : ImGui::GetFont();
  const float s = scale();
  const float row = font->FontSize * 1.9f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (rank % 2 == 1) dl->AddRectFilled(p, ImVec2(p.x + width, p.y + row), color::card, 10 * s);
  const float ty = p.y + (row - font->FontSize) / 2;
  if (rank <= 3) draw_shape(dl, 4, ImVec2(p.x + 40 * s, p.y + row / 2), row * 0.32f, color::accent, true);
  char text[16];
  std::snprintf(text, sizeof text, "%d", rank);
  dl->AddText(font, font->FontSize, ImVec2(p.x + 80 * s, ty), color::text, text);
  for (const BoardCell& c : cells) dl->AddText(font, font->FontSize, ImVec2(p.x + c.x, ty), c.col, c.text);
  std::snprintf(text, sizeof text, "%d", points);
  const ImVec2 ps = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text);
  dl->AddText(font, font->FontSize, ImVec2(p.x + width - 40 * s - ps.x, ty), color::primary, text);
  // Rows touch, like a table: no item spacing under them.
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
  ImGui::Dummy(ImVec2(width, row));
  ImGui::PopStyleVar();
}

int keypad(float key_width, float key_height) {
  static const int order[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 0, 10};
  const float h = std::max(target_height(), key_height);
  int pressed = -1;
  for (int i = 0; i < 12; ++i) {
    const int key = order[i];
    char label[32];
    if (key < 10)
      std::snprintf(label, sizeof label, "%d##key%d", key, key);
    else
      std::snprintf(label, sizeof label, "%s##key%d", tr(key == 10 ? S::delete_digit : S::clear), key);
    ImGui::PushID(i);
    if (big_button(label, ImVec2(key_width, h), key < 10 ? color::primary : color::muted)) pressed = key;
    ImGui::PopID();
    if (i % 3 != 2) ImGui::SameLine();
  }
  return pressed;
}

}  // namespace ankang::ui
