#include "kiosk/app.h"

#include <algorithm>
#include <ctime>
#include <random>

#include "engine_io/config_json.h"
#include "question_bank/draw.h"
#include "kiosk/bundle_export.h"
#include "kiosk/device_key.h"
#include "ui/fill_choices.h"
#include "ui/fonts.h"
#include "ui/screens.h"
#include "ui/strings.h"

namespace ankang::kiosk {

namespace {

bool has(const std::vector<Event>& events, EventKind kind) {
  return std::any_of(events.begin(), events.end(), [&](const Event& e) { return e.kind == kind; });
}

// Local midnight of a unix time, for "today's" leaderboard.
std::int64_t midnight_ms(std::int64_t unix_ms) {
  std::time_t t = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
  return static_cast<std::int64_t>(std::mktime(&tm)) * 1000;
}

std::uint64_t fresh_seed() {
  std::random_device rd;
  return (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
}

}  // namespace

App::App(const std::string& data_dir) : App(data_dir, open_kiosk_files(data_dir)) {}

App::App(const std::string& data_dir, KioskFiles files)
    : data_dir_(data_dir),
      store_(std::move(files.store)),
      bank_(std::move(files.bank)),
      loader_(data_dir, store_, bank_) {
  device_key_ = load_device_key(data_dir);
  fingerprint_ = results::fingerprint(device_key_.public_key);
  contest_ = store_.current_contest();
  roster_changed();
  fonts_dirty_ = false;  // the loop builds the first atlas itself
  host_.keep_in(&store_);
  resume_open_attempt();
  if (!session_) resume_host_contest();
}

// A host contest left open by a crash or a stop signal: back on the host
// screen at the same question with the same scores.
void App::resume_host_contest() {
  const auto row = store_.open_host_contest();
  if (!row) return;
  std::vector<Question> paper;
  for (const auto& id : row->question_ids)
    if (auto q = bank_.get(id)) paper.push_back(std::move(*q));
  std::string why;
  if (!host_.resume(*row, std::move(paper), steady_ms_, why)) {
    store_.abandon_host(row->id, unix_ms_);
    message_ = why;
    return;
  }
  // Team names are drawn in the large font too (a team may have left the roster since).
  for (const auto& t : row->teams) {
    note_text(t);
    if (std::find(title_texts_.begin(), title_texts_.end(), t) == title_texts_.end()) title_texts_.push_back(t);
  }
  fonts_dirty_ = true;
  screen_ = Screen::host;
}

// The roster or the contest changed: the sign-in lists, the host's config and
// the glyphs of every name (team names also in the large font).
void App::roster_changed() {
  sign_in_form_.roster_changed();
  title_texts_.clear();
  contest_config_.reset();
  if (contest_) {
    title_texts_.push_back(contest_->name);
    const io::LoadedConfig loaded = io::parse_config(contest_->config_json);
    if (loaded.ok() && loaded.config.format == ContestFormat::team) contest_config_ = loaded.config;
  }
  for (const auto& e : sign_in_form_.enterprises()) {
    extra_texts_.push_back(e.name);
    for (const auto& t : store_.teams(e.id)) {
      extra_texts_.push_back(t.name);
      title_texts_.push_back(t.name);
    }
  }
  fonts_dirty_ = true;
}

const ContestConfig& App::host_contest_config() const { return contest_config_ ? *contest_config_ : host_config(); }

std::vector<std::string_view> App::title_texts() const { return {title_texts_.begin(), title_texts_.end()}; }

const std::vector<Question>& App::questions() const {
  if (!questions_) questions_ = bank_.all();
  return *questions_;
}

// The atlas starts with the UI strings and the roster; the questions' glyphs
// come with the questions (prepare_frame), so start-up rasterises a few
// hundred glyphs instead of the whole bank's.
std::vector<std::string_view> App::atlas_texts() const {
  return {extra_texts_.begin(), extra_texts_.end()};
}

void App::note_text(const std::string& text) {
  if (text.empty() || ui::fonts_cover(text)) return;
  extra_texts_.push_back(text);
  fonts_dirty_ = true;
}

void App::note_question(const Question& q) {
  std::vector<std::string_view> texts;
  ui::add_question_texts(q, texts);
  for (std::string_view t : texts) note_text(std::string(t));
}

void App::prepare_frame() {
  if (std::string error = host_.take_error(); !error.empty()) message_ = error;
  if (!message_.empty()) note_text(message_);
  switch (screen_) {
    case Screen::mode:
      for (const auto& c : categories()) note_text(c);
      break;
    case Screen::admin: note_text(admin_.message()); break;
    case Screen::attract:
      for (const auto& r : attract_view().today) note_text(r.name + r.team);
      break;
    default: break;
  }
  const Question* q = question_on_screen();
  if (!q) return;
  std::vector<std::string_view> texts;
  ui::add_question_texts(*q, texts);
  if (std::all_of(texts.begin(), texts.end(), ui::fonts_cover)) return;
  note_question(*q);
  if (screen_ == Screen::host || !session_) return;
  // The next questions of the paper too: one rebuild for a stretch of
  // questions, not one per question.
  const auto& paper = session_->state().setup->paper;
  const std::size_t from = static_cast<std::size_t>(std::max(0, session_->view(clock()).question + 1));
  for (std::size_t i = from; i < paper.size() && i < from + 20; ++i) {
    note_question(paper[i]);
    // A fill-in question offers answers taken from other questions of the bank.
    if (paper[i].type == QuestionType::fill_blank)
      for (const auto& blank : blank_choices(paper[i], static_cast<int>(i)))
        for (const auto& t : blank) note_text(t);
  }
}

std::vector<std::vector<std::string>> App::blank_choices(const Question& q, int index) const {
  return ui::fill_choices(q, questions(), session_->state().setup->seed + static_cast<unsigned>(index));
}

const Question* App::question_on_screen() const {
  if (screen_ == Screen::host) return host_.active() ? host_.view(steady_ms_).question : nullptr;
  if (!session_ || (screen_ != Screen::question && screen_ != Screen::feedback)) return nullptr;
  return session_->view(clock()).q;
}

void App::set_time(std::int64_t unix_ms, std::int64_t steady_ms) {
  unix_ms_ = unix_ms;
  steady_ms_ = steady_ms;
  if (last_input_ms_ == 0) last_input_ms_ = steady_ms;
}

Millis App::clock() const {
  return session_ ? session_->start_clock() + (steady_ms_ - session_steady_base_) : 0;
}

void App::touched() {
  if (!idle_prompt_open_) last_input_ms_ = steady_ms_;
}

bool App::idle_watched() const {
  return screen_ != Screen::attract && screen_ != Screen::admin && screen_ != Screen::host;
}

std::int64_t App::idle_left_ms() const {
  return static_cast<std::int64_t>(admin_.idle_timeout_s()) * 1000 - (steady_ms_ - last_input_ms_);
}

int App::idle_prompt_seconds() const {
  if (!idle_prompt_open_) return 0;
  return static_cast<int>(std::max<std::int64_t>(1, (idle_left_ms() + 999) / 1000));
}

std::vector<std::string> App::categories() const {
  std::vector<std::string> out;
  for (const Question& q : questions())
    if (!q.category.empty() && std::find(out.begin(), out.end(), q.category.front()) == out.end())
      out.push_back(q.category.front());
  return out;
}

// [SECTION] Attempts

void App::resume_open_attempt() {
  const auto row = store_.open_attempt();
  if (!row) return;
  const auto worker = store_.worker(row->worker_id);
  std::vector<Question> paper;
  for (const auto& id : row->question_ids) {
    auto q = bank_.get(id);
    if (!q) break;
    paper.push_back(std::move(*q));
  }
  if (!worker || paper.size() != row->question_ids.size()) {
    // The questions are gone (a new bank was loaded): the attempt cannot go on.
    store_.abandon(row->id, unix_ms_);
    return;
  }
  worker_ = worker;
  note_text(worker->name);
  session_ = std::make_unique<Session>(store_, *worker, *row, std::move(paper));
  session_steady_base_ = steady_ms_;
  const View v = session_->view(clock());
  screen_ = v.phase == Phase::feedback ? Screen::feedback : v.phase == Phase::finished ? Screen::result : Screen::question;
  sync_draft();
}

std::optional<std::string> App::contest_closed() const {
  if (!contest_ || contest_->valid_until_ms <= 0 || unix_ms_ <= contest_->valid_until_ms) return std::nullopt;
  return ui::format(ui::S::contest_expired, contest_->name.c_str());
}

void App::start_session(Mode mode, int category) {
  if (!worker_) return;
  if (auto why = contest_closed(); why && mode == Mode::timed_test) {
    message_ = *why;
    return;
  }
  const std::uint64_t seed = fresh_seed();
  std::vector<Question> paper;
  std::vector<std::string> cats;
  if (mode == Mode::timed_test) {
    bank::Blueprint bp;
    bp.strata.push_back({{}, std::nullopt, {}, std::min<int>(rules_.test_questions, bank_.count())});
    try {
      const auto papers = bank::draw_papers(bank_, bp, {seed, 1, false});
      for (const auto& id : papers.at(0))
        if (auto q = bank_.get(id)) paper.push_back(std::move(*q));
    } catch (const bank::BankError& e) {
      message_ = ui::tr(e.text());
      return;
    }
  } else if (mode == Mode::mistakes) {
    for (const auto& id : store_.mistakes(worker_->id))
      if (auto q = bank_.get(id)) paper.push_back(std::move(*q));
    if (paper.empty()) {
      message_ = ui::tr(ui::S::mistakes_empty);
      return;
    }
  } else {
    paper = questions();
    std::mt19937_64 rng(seed);
    std::shuffle(paper.begin(), paper.end(), rng);
    const auto all = categories();
    if (category >= 0 && category < static_cast<int>(all.size())) cats.push_back(all[static_cast<std::size_t>(category)]);
  }
  if (paper.empty()) {
    message_ = ui::tr(ui::S::no_questions);
    return;
  }
  ContestConfig cfg = session_config(mode, rules_, cats);
  if (mode == Mode::timed_test) cfg.question_count = static_cast<int>(paper.size());
  if (mode == Mode::mistakes) cfg.question_count = static_cast<int>(paper.size());
  // Passing takes 60 % of the points on the paper.
  if (mode == Mode::timed_test) cfg.pass_mark = (cfg.question_count * cfg.rules.points * 60 + 99) / 100;
  session_steady_base_ = steady_ms_;
  session_ = std::make_unique<Session>(store_, *worker_, mode, std::move(cfg), std::move(paper), seed, unix_ms_);
  last_checkpoint_ms_ = steady_ms_;
  screen_ = Screen::question;
  sync_draft();
}

// A new question on screen: a fresh draft (the order of ordering items and
// matching partners shuffled by the attempt's own numbers, so a restart shows
// the same order).
void App::sync_draft() {
  if (!session_) return;
  const View v = session_->view(clock());
  if (!v.q) return;
  if (draft_.is_for(v.q->id, v.attempt)) return;
  const Question& q = *v.q;
  // Answers to tap for gloved hands, drawn from the bank with the same seed.
  AnswerDraft::BlankChoices choices;
  if (q.type == QuestionType::fill_blank) choices = blank_choices(q, v.question);
  draft_ = AnswerDraft(q, v.attempt, static_cast<unsigned>(session_->state().setup->seed) + static_cast<unsigned>(v.question),
                       std::move(choices));
  for (const auto& blank : draft_.choices())
    for (const auto& t : blank) note_text(t);
}

void App::submit_answer() {
  if (!session_) return;
  const View v = session_->view(clock());
  if (!v.q || !draft_.is_for(v.q->id, v.attempt)) return;  // a late tap
  Intent in = session_->intent(IntentKind::answer);
  in.response = draft_.response();
  try {
    after_events(session_->apply(in, clock(), unix_ms_));
    last_saved_ = true;
  } catch (const StoreError& e) {
    // Not saved: the feedback screen must not say 已保存.
    last_saved_ = false;
    message_ = ui::tr(e.text());
  }
}

// An intent of the worker's other than an answer; a store that refuses it
// leaves the screen as it was and says why.
void App::send(IntentKind kind) {
  try {
    after_events(session_->apply(session_->intent(kind), clock(), unix_ms_));
  } catch (const StoreError& e) {
    message_ = ui::tr(e.text());
  }
}

void App::after_events(const std::vector<Event>& events) {
  if (!session_) return;
  if (has(events, EventKind::submitted) || session_->finished()) {
    screen_ = Screen::result;
    return;
  }
  const View v = session_->view(clock());
  screen_ = v.phase == Phase::feedback ? Screen::feedback : Screen::question;
  sync_draft();
}

void App::export_to(const std::string& folder) {
  try {
    const ExportResult r = export_bundle(store_, device_key_, contest_id_of(store_), categories_of(bank_), folder, unix_ms_);
    admin_.set_message(ui::format(ui::S::bundle_exported, r.file.c_str(), r.attempts, r.answers, r.host_contests,
                                  static_cast<unsigned long long>(r.sequence)));
  } catch (const StoreError& e) {
    // A store error or an ExportError: either way nothing was recorded as exported.
    admin_.set_message(ui::tr(e.text()));
  } catch (const std::exception& e) {
    admin_.set_message(e.what());
  }
}

void App::to_attract() {
  if (session_ && !session_->finished()) store_.abandon(session_->attempt_id(), unix_ms_);
  session_.reset();
  host_.stop(unix_ms_);
  worker_.reset();
  sign_in_form_.clear();
  category_page_ = 0;
  draft_ = AnswerDraft{};
  idle_prompt_open_ = false;
  idle_prompt_shown_ = 0;
  screen_ = Screen::attract;
}

// [SECTION] Sign-in

void App::sign_in() {
  worker_ = sign_in_form_.sign_in(unix_ms_ / 1000);
  if (!worker_) return;
  note_text(worker_->name);
  screen_ = Screen::mode;
}

void App::typed(const std::string& text) {
  if (screen_ == Screen::sign_in) {
    for (char c : text)
      if (c >= '0' && c <= '9') apply({ui::Act::key_digit, c - '0'});
  } else if (screen_ == Screen::admin && !admin_.unlocked()) {
    for (char c : text)
      if (c >= '0' && c <= '9') apply({ui::Act::pin_digit, c - '0'});
  }
}

void App::enter_pressed() {
  if (screen_ == Screen::sign_in) apply({ui::Act::sign_in});
  if (screen_ == Screen::admin && !admin_.unlocked()) apply({ui::Act::pin_submit});
}

// [SECTION] Intents

// Every intent has its handler here, named act by act (no default: a new
// intent that nobody handles is a compiler warning).
void App::apply(const ui::Intent& in) {
  using ui::Act;
  switch (in.act) {
    case Act::dismiss_message: message_.clear(); return;
    case Act::still_here:
      idle_prompt_open_ = false;
      touched();
      return;
    case Act::start: screen_ = Screen::sign_in; return;
    case Act::admin_open:
      admin_return_ = screen_;
      admin_.open();
      screen_ = Screen::admin;
      return;
    case Act::pick_enterprise:
    case Act::pick_team:
    case Act::page_enterprises:
    case Act::page_teams:
    case Act::key_digit:
    case Act::key_backspace:
    case Act::key_clear: sign_in_form_.apply(in); return;
    case Act::set_name:
      sign_in_form_.apply(in);
      note_text(in.text);
      return;
    case Act::sign_in: sign_in(); return;
    case Act::page_categories: category_page_ = std::max(0, in.value); return;
    case Act::back: to_attract(); return;
    case Act::practice: start_session(Mode::practice, in.value); return;
    case Act::timed_test: start_session(Mode::timed_test, -1); return;
    case Act::mistake_book: start_session(Mode::mistakes, -1); return;
    case Act::leaderboard:
      leaderboard_return_ = screen_ == Screen::mode ? Screen::mode : Screen::attract;
      screen_ = Screen::leaderboard;
      for (const auto& r : store_.leaderboard(midnight_ms(unix_ms_), 10)) note_text(r.name + r.team);
      for (const auto& t : store_.team_leaderboard(midnight_ms(unix_ms_), 10)) note_text(t.team);
      return;
    case Act::leaderboard_close: screen_ = leaderboard_return_; return;
    case Act::sign_out:
    case Act::back_to_start: to_attract(); return;
    case Act::toggle_option:
    case Act::tap_item:
    case Act::tap_right:
    case Act::undo_pick:
    case Act::set_text:
    case Act::tap_image:
    case Act::submit: answer_intent(in); return;
    case Act::end_practice:
      if (session_ && session_->mode() != Mode::timed_test && !session_->finished()) {
        // Handing in a practice: the engine scores what was answered; the result shows.
        send(IntentKind::submit);
      }
      return;
    case Act::next:
      if (session_) send(IntentKind::next);
      return;
    case Act::host_start_timer:
    case Act::host_reveal:
    case Act::host_right:
    case Act::host_wrong:
    case Act::host_next:
    case Act::host_next_round:
    case Act::host_pause:
    case Act::host_pass:
    case Act::host_stake:
    case Act::host_correct:
    case Act::host_undo:
    case Act::host_reason:
    case Act::host_cancel_fix: host_cue(host_.control(in.act, steady_ms_, in.value)); return;
    case Act::host_exit:
      host_.stop(unix_ms_);
      screen_ = Screen::attract;
      return;
    case Act::pin_digit:
    case Act::pin_backspace:
    case Act::pin_submit:
    case Act::admin_set_folder:
    case Act::admin_set_new_pin:
    case Act::admin_idle_timeout:
    case Act::admin_language:
    case Act::admin_change_pin: admin_.apply(in, unix_ms_); return;
    case Act::admin_font_scale:
      admin_.apply(in, unix_ms_);
      if (admin_.unlocked()) fonts_dirty_ = true;  // the atlas at the new size
      return;
    case Act::admin_close:
      admin_.close();
      screen_ = admin_return_ == Screen::admin ? Screen::attract : admin_return_;
      return;
    // What acts on the kiosk needs the PIN too.
    case Act::admin_load_folder:
      if (admin_.unlocked()) load_folder(in.text);
      return;
    case Act::admin_export:
      if (admin_.unlocked()) export_to(in.text);
      return;
    case Act::admin_host_mode:
      if (admin_.unlocked()) start_host_contest();
      return;
    case Act::admin_exit:
      if (admin_.unlocked()) running_ = false;
      return;
  }
}

// A tap on the answer of the question on screen; one naming another question is stale.
void App::answer_intent(const ui::Intent& in) {
  using ui::Act;
  if (in.question_id != draft_.question_id() || !session_ || !session_->view(clock()).q) return;
  switch (in.act) {
    case Act::toggle_option: draft_.toggle_option(in.value); break;
    case Act::tap_item: draft_.tap_item(in.value); break;
    case Act::tap_right: draft_.tap_right(in.value); break;
    case Act::undo_pick: draft_.undo(); break;
    case Act::set_text:
      if (draft_.set_text(in.value, in.text)) note_text(in.text);
      break;
    case Act::tap_image: draft_.tap_image(in.x, in.y); break;
    case Act::submit: submit_answer(); break;
    default: break;
  }
}

void App::buzz(int team, std::int64_t at_ms) {
  if (screen_ == Screen::host) host_cue(host_.buzz(team, at_ms));
}

void App::host_cue(Cue cue) {
  if (cue != Cue::none) cues_.push_back(cue);
}

// [SECTION] Admin

// Host mode: a team contest on the bank's questions for the first
// enterprise's teams, with the package's rules when it has a team contest.
void App::start_host_contest() {
  if (auto why = contest_closed()) {
    admin_.set_message(*why);
    return;
  }
  std::vector<Question> paper = questions();
  std::mt19937_64 rng(fresh_seed());
  std::shuffle(paper.begin(), paper.end(), rng);
  std::string why;
  std::vector<std::string> teams;
  for (const auto& t : store_.teams(sign_in_form_.enterprises().front().id)) teams.push_back(t.name);
  // The glyphs of the questions the contest will use, in one rebuild.
  const ContestConfig& config = host_contest_config();
  const auto needed = static_cast<std::size_t>(questions_needed(config, static_cast<int>(teams.size())));
  for (std::size_t i = 0; i < paper.size() && i < needed; ++i) note_question(paper[i]);
  const std::string uscc = store_.enterprise_uscc(sign_in_form_.enterprises().front().id);
  if (host_.start(std::move(paper), teams, rng(), why,
                  {&config, contest_id_of(store_), uscc, unix_ms_, steady_ms_}))
    screen_ = Screen::host;
  else
    admin_.set_message(why);
}

bool App::load_folder(const std::string& folder) {
  const FolderLoad load = loader_.load_folder(folder, unix_ms_);
  admin_.set_message(load.message);
  note_text(admin_.message());
  questions_.reset();  // read again when next needed; prepare_frame notes their glyphs
  if (load.contest) {
    contest_ = store_.current_contest();
    roster_changed();
  }
  return load.loaded;
}

// [SECTION] Time

bool App::tick() {
  bool changed = false;
  if (idle_watched() && idle_left_ms() <= 0) {
    to_attract();
    return true;
  }
  if (idle_watched() && idle_left_ms() <= static_cast<std::int64_t>(kIdleWarningS) * 1000) idle_prompt_open_ = true;
  // 还在吗？ appears, counts down or goes: the screen changes.
  if (const int prompt = idle_prompt_seconds(); prompt != idle_prompt_shown_) {
    idle_prompt_shown_ = prompt;
    changed = true;
  }
  if (session_ && !session_->finished()) {
    const View v = session_->view(clock());
    if (v.paper_remaining_ms == 0 || v.remaining_ms == 0) {
      send(IntentKind::tick);
      changed = true;
    }
    if (steady_ms_ - last_checkpoint_ms_ >= 1000) {
      store_.checkpoint(session_->attempt_id(), clock());
      last_checkpoint_ms_ = steady_ms_;
    }
    if (v.paper_remaining_ms > 0 || v.remaining_ms > 0) changed = true;  // the countdown moves
  }
  if (screen_ == Screen::host && host_.active()) {
    host_cue(host_.tick(steady_ms_));
    if (steady_ms_ - last_checkpoint_ms_ >= 1000) {
      host_.checkpoint(steady_ms_);
      last_checkpoint_ms_ = steady_ms_;
    }
    changed = changed || host_.timer_running(steady_ms_);
  }
  if (screen_ == Screen::admin && admin_.lock_ms(unix_ms_) > 0) changed = true;
  return changed;
}

int App::sleep_ms() const {
  if (session_ && !session_->finished()) {
    const View v = session_->view(clock());
    if (v.paper_remaining_ms >= 0 || v.remaining_ms >= 0) return 250;
  }
  if (screen_ == Screen::host && host_.timer_running(steady_ms_)) return 100;
  if (screen_ == Screen::admin && admin_.lock_ms(unix_ms_) > 0) return 1000;
  if (!idle_watched()) return -1;
  // Until 还在吗？ shows, then until its next second and the timeout.
  const std::int64_t left = idle_left_ms();
  const std::int64_t warning = static_cast<std::int64_t>(kIdleWarningS) * 1000;
  if (left > warning) return static_cast<int>(left - warning);
  return static_cast<int>(std::max<std::int64_t>(0, left % 1000 == 0 ? std::min<std::int64_t>(left, 1000) : left % 1000));
}

// [SECTION] Views

ui::AttractView App::attract_view() const {
  ui::AttractView v;
  if (contest_) v.contest_name = contest_->name;
  for (const auto& r : store_.leaderboard(midnight_ms(unix_ms_), 5)) v.today.push_back({r.name, r.team, r.points});
  return v;
}

ui::ModeView App::mode_view() const {
  ui::ModeView v;
  v.worker_name = worker_ ? worker_->name : "";
  v.categories = categories();
  v.category_page = category_page_;
  v.mistakes = worker_ ? static_cast<int>(store_.mistakes(worker_->id).size()) : 0;
  v.test_questions = rules_.test_questions;
  v.test_minutes = static_cast<int>(rules_.test_ms / 60000);
  return v;
}

const Question* App::picture_question() const {
  if (!session_ || screen_ != Screen::question) return nullptr;
  const View v = session_->view(clock());
  return v.q && !v.q->image.empty() ? v.q : nullptr;
}

ui::QuestionView App::question_view() const {
  ui::QuestionView v;
  if (!session_) return v;
  const View ev = session_->view(clock());
  v.question = ev.q;
  v.number = ev.position;
  v.total = ev.total_questions > 0 ? ev.total_questions : ev.position;
  if (ev.paper_remaining_ms >= 0) {
    v.remaining_ms = static_cast<int>(ev.paper_remaining_ms);
    v.limit_ms = static_cast<int>(session_->state().setup->config.paper_ms);
  } else if (ev.remaining_ms >= 0) {
    v.remaining_ms = static_cast<int>(ev.remaining_ms);
    v.limit_ms = static_cast<int>(session_->state().setup->config.question_ms);
  }
  v.picks = draft_.picks();
  v.order = draft_.order();
  v.match_left = draft_.match_left();
  v.texts = draft_.texts();
  v.blank_choices = draft_.choices();
  v.tap_x = draft_.tap_x();
  v.tap_y = draft_.tap_y();
  v.picture = picture_;
  v.can_end = session_->mode() != Mode::timed_test;
  return v;
}

ui::FeedbackView App::feedback_view() const {
  ui::FeedbackView v;
  if (!session_) return v;
  const View ev = session_->view(clock());
  v.question = ev.q;
  v.correct = ev.last_credit >= 1000;
  if (ev.q) {
    v.correct_answer = ui::answer_text(*ev.q);
    v.your_answer = ui::response_text(*ev.q, session_->last_answer());
  }
  const auto& cfg = session_->state().setup->config;
  v.last = cfg.question_count > 0 && ev.position >= cfg.question_count;
  v.saved = last_saved_;
  v.can_end = session_->mode() != Mode::timed_test && !v.last;
  return v;
}

ui::ResultView App::result_view() const {
  ui::ResultView v;
  if (!session_) return v;
  v.worker_name = session_->worker().name;
  v.timed = session_->mode() == Mode::timed_test;
  const auto& c = session_->state().competitors.at(0);
  v.score = c.points;
  v.correct = c.correct;
  v.total = c.answered;
  v.passed = c.passed;
  v.seconds = static_cast<int>(c.time_ms / 1000);
  if (v.timed) {
    v.total = static_cast<int>(session_->state().setup->paper.size());
    v.rank_team = store_.rank_in_team(session_->worker().id);
    v.rank_enterprise = store_.rank_in_enterprise(session_->worker().id);
  }
  return v;
}

ui::LeaderboardView App::leaderboard_view() const {
  ui::LeaderboardView v;
  for (const auto& r : store_.leaderboard(midnight_ms(unix_ms_), 10)) v.workers.push_back({r.name, r.team, r.points});
  for (const auto& t : store_.team_leaderboard(midnight_ms(unix_ms_), 10)) v.teams.push_back({t.team, t.workers, t.points});
  return v;
}

ui::AdminView App::admin_view() const {
  ui::AdminView v = admin_.view(unix_ms_);
  v.fingerprint = fingerprint_;
  const Counts c = store_.counts();
  v.attempts = c.attempts;
  v.answers = c.answers;
  v.questions = static_cast<int>(questions().size());
  return v;
}

void App::frame() {
  ui::Intents out;
  switch (screen_) {
    case Screen::attract: ui::draw_attract(attract_view(), out); break;
    case Screen::sign_in: ui::draw_sign_in(sign_in_form_.view(), out); break;
    case Screen::mode: ui::draw_mode(mode_view(), out); break;
    case Screen::question: ui::draw_question(question_view(), out); break;
    case Screen::feedback: ui::draw_feedback(feedback_view(), out); break;
    case Screen::result: ui::draw_result(result_view(), out); break;
    case Screen::host: ui::draw_host(host_.view(steady_ms_), out); break;
    case Screen::admin: ui::draw_admin(admin_view(), out); break;
    case Screen::leaderboard: ui::draw_leaderboard(leaderboard_view(), out); break;
  }
  if (!message_.empty()) {
    out.clear();  // the message is modal
    ui::draw_message(message_.c_str(), out);
  } else if (const int seconds = idle_prompt_seconds(); seconds > 0) {
    out.clear();  // so is the idle prompt: the first tap only says the worker is back
    ui::draw_still_there(seconds, out);
  }
  // State changes between frames, never while a screen draws.
  for (const auto& in : out) apply(in);
}

}  // namespace ankang::kiosk
