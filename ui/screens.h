// The kiosk's screens: free functions that read a view model and append
// intents. One file per screen (screen_*.cpp).
#pragma once

#include "engine/grading.h"
#include "ui/intents.h"
#include "ui/views.h"

namespace ankang::ui {

void draw_attract(const AttractView& view, Intents& out);
void draw_sign_in(const SignInView& view, Intents& out);
void draw_mode(const ModeView& view, Intents& out);
void draw_question(const QuestionView& view, Intents& out);
void draw_feedback(const FeedbackView& view, Intents& out);
void draw_result(const ResultView& view, Intents& out);
void draw_host(const HostView& view, Intents& out);
void draw_admin(const AdminView& view, Intents& out);
void draw_leaderboard(const LeaderboardView& view, Intents& out);
// A message box over the current screen; "OK" dismisses it.
void draw_message(const char* message, Intents& out);
// 还在吗？ over the current screen before the idle timeout: the seconds left
// and 我还在, which keeps the worker's place.
void draw_still_there(int seconds_left, Intents& out);

// The correct answer of a question in words, e.g. "B、119" or "正确".
std::string answer_text(const Question& q);
// A worker's response to a question in the same words; 未作答 when empty.
std::string response_text(const Question& q, const Response& r);

}  // namespace ankang::ui
