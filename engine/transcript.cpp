#include "engine/transcript.h"

#include <cstdio>

namespace ankang {

namespace {

void field(std::string& out, const char* name, long long v) {
  out += ' ';
  out += name;
  out += '=';
  out += std::to_string(v);
}

void signed_field(std::string& out, const char* name, long long v) {
  out += ' ';
  out += name;
  out += v > 0 ? "=+" : "=";
  out += std::to_string(v);
}

}  // namespace

std::string render_event(const Event& e) {
  char head[64];
  std::snprintf(head, sizeof head, "%9lld %-16s", static_cast<long long>(e.at), std::string(event_code(e.kind)).c_str());
  std::string out = head;
  if (e.actor >= 0) field(out, "actor", e.actor);
  if (e.round >= 0) field(out, "round", e.round);
  if (e.question >= 0) field(out, "q", e.question);
  field(out, "attempt", e.attempt);
  switch (e.kind) {
    case EventKind::scored:
      field(out, "credit", e.credit);
      signed_field(out, "points", e.points);
      field(out, "total", e.total);
      field(out, "ms", e.value);
      if (e.extra != 0) field(out, "stake", e.extra);
      break;
    case EventKind::foul:
    case EventKind::awarded:
    case EventKind::corrected:
    case EventKind::undone:
      signed_field(out, "points", e.points);
      field(out, "total", e.total);
      break;
    case EventKind::buzz_resolved:
      field(out, "tied", e.value);
      field(out, "draw", e.extra);
      break;
    case EventKind::submitted:
      field(out, "total", e.total);
      field(out, "correct", e.value);
      out += e.extra ? " passed" : " failed";
      break;
    case EventKind::lifeline_used:
      field(out, "left", e.value);
      field(out, "added_ms", e.extra);
      break;
    case EventKind::card_updated:
      field(out, "days", e.value);
      field(out, "due_in_ms", e.extra);
      break;
    case EventKind::rejected:
      out += " intent=";
      out += intent_code(e.intent);
      out += " reason=";
      out += reject_code(e.reason);
      break;
    case EventKind::question_shown:
    case EventKind::buzzed:
    case EventKind::stake_chosen:
    case EventKind::designated:
    case EventKind::tiebreak_needed:
    case EventKind::round_started:
      field(out, "value", e.value);
      break;
    default:
      break;
  }
  if (e.intent == IntentKind::judge && e.kind == EventKind::scored) out += " judged";
  if (!e.note.empty()) out += " note=" + e.note;
  return out;
}

std::string render_events(const std::vector<Event>& events) {
  std::string out;
  for (const auto& e : events) out += render_event(e) + '\n';
  return out;
}

}  // namespace ankang
