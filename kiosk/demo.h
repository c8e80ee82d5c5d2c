// Demo data for --screenshot: a few questions and filled view models, so the
// documentation shows every screen without a bank or a contest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/question.h"
#include "ui/intents.h"

namespace ankang::kiosk {

const std::vector<Question>& demo_questions();
// A small PNG of a workshop with one hazard (the hotspot demo picture).
std::vector<std::uint8_t> demo_picture_png();

// The names and labels the demo screens show (for the font atlas).
std::vector<std::string_view> demo_texts();

// The screen names --screen accepts.
const std::vector<std::string>& demo_screen_names();
// Draws a named screen with demo data; false for an unknown name.
// picture_texture is the GL texture of demo_picture_png() (hotspot).
bool draw_demo_screen(const std::string& name, std::uintptr_t picture_texture, ui::Intents& out);

}  // namespace ankang::kiosk
