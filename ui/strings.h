// Every string the kiosk shows, in one table: zh-CN first, English second.
#pragma once

#include <string>
#include <string_view>
#include <span>
#include <vector>

#include "engine/question.h"

namespace ankang::ui {

enum class Lang { zh, en };

enum class S {
  app_title,
  theme,
  tap_to_start,
  today_leaderboard,
  no_scores_yet,
  rank,
  name,
  team,
  score,
  sign_in_title,
  enterprise,
  employee_no,
  name_first_time,
  sign_in,
  back,
  clear,
  delete_digit,
  choose_enterprise_team,
  enter_employee_no,
  enter_name,
  hello,
  mode_title,
  practice,
  practice_hint,
  timed_test,
  timed_test_hint,
  mistake_book,
  mistake_book_hint,
  leaderboard,
  sign_out,
  all_categories,
  question_progress,  // "第 %d / %d 题"
  time_left,          // "剩余 %d:%02d"
  submit,
  true_text,
  false_text,
  tap_in_order,
  tap_pairs,
  tap_hazard,
  undo,
  type_answer,
  correct,
  wrong,
  correct_answer,
  explanation,
  legal_basis,
  next_question,
  see_result,
  saved,
  result_title,
  correct_count,   // "答对 %d / %d 题"
  time_used,       // "用时 %d:%02d"
  passed,
  not_passed,
  rank_in_team,        // "班组排名 第 %d 名"
  rank_in_enterprise,  // "企业排名 第 %d 名"
  back_to_start,
  host_title,
  round,
  question_word,
  buzz_first,
  foul,
  host_keys,
  start_timer,
  reveal,
  judge_right,
  judge_wrong,
  next_round,
  admin_title,
  enter_pin,
  pin_wrong,
  pin_locked,  // "请等待 %d 秒"
  load_from_folder,
  export_bundle,
  folder_path,
  device_key,
  idle_timeout,
  font_scale,
  language,
  stored_attempts,
  stored_answers,
  change_pin,
  new_pin,
  exit_kiosk,
  seconds,
  ok,
  cancel,
  no_questions,
  mistakes_empty,
  host_mode,
  message_title,
  host_pause,
  host_resume,
  host_pass,
  host_correct,
  host_undo,
  pick_reason,
  reason_misjudged,
  reason_buzzer_fault,
  reason_appeal,
  reason_mistap,
  stake_points,    // "%d 分"
  stake_decline,
  choose_stake,    // "%s 请选择分值"
  team_answering,  // "请 %s 作答"
  member_answering,  // "第 %d 位队员作答"
  paused_banner,
  contest_over,
  tap_or_type,       // fill-in with choices
  or_type,
  top_workers,
  top_teams,
  workers_count,     // "%d 人"
  leaderboard_today,
  answer_not_saved,
  previous_page,
  next_page,
  page_of,           // "%d / %d 页"
  end_practice,
  your_answer,
  no_answer,
  tapped_at,         // "点在图中 (%d, %d)"
  still_there,
  idle_countdown,    // "%d 秒后返回首页……"
  still_here,
  // Messages of the kiosk's loading, export and host mode ("%s": a file,
  // folder, name or reason; "%d": a count).
  no_such_folder,          // folder
  cannot_read_folder,      // folder, reason
  several_packages,        // count
  cannot_read_file,        // file
  question_files_wrong,    // the problems follow on their own lines
  no_question_files,       // folder
  questions_imported,      // inserted, duplicates
  no_organiser_key,        // data dir
  confirm_organiser_key,   // fingerprint
  package_not_loaded,      // reason
  package_questions_differ,  // file
  package_wrong,           // the problems follow on their own lines
  export_before_new_contest,
  package_loaded,          // name, questions, enterprises, teams
  contest_expired,         // contest name
  bundle_exported,         // file, attempts, answers, host contests, sequence
  bank_too_small,          // questions held, questions needed
  host_cannot_resume_gone,
  host_cannot_resume,
  answer_id_damaged,       // the id as stored
  enterprise_without_uscc,  // enterprise
  host_enterprise_without_uscc,
  cannot_write_bundle,     // folder, reason
  no_export_folder,        // folder
  nothing_to_export,
  previous_bundle_damaged,
  count_
};

void set_language(Lang lang);
Lang language();
// The text of a string in the current language; never null.
const char* tr(S id);
// The text in a given language (tests, font atlas).
const char* tr(S id, Lang lang);
// A string with placeholders filled in, printf-style, in the current language.
std::string format(S id, ...);
// A message that arrives in both languages, in the current language.
const std::string& tr(const Text& text);
// The reasons a host picks from to correct a judgement or undo a scoring.
std::span<const S> fix_reasons();
// Every string in both languages: the font atlas is built from these.
std::vector<std::string_view> all_strings();

}  // namespace ankang::ui
