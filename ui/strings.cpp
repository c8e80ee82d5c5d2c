#include "ui/strings.h"

#include <array>
#include <cstdarg>
#include <cstdio>

namespace ankang::ui {

namespace {

struct Entry {
  S id;
  const char* zh;
  const char* en;
};

constexpr std::array<Entry, static_cast<std::size_t>(S::count_)> kTable{{
    {S::app_title, "安康杯安全知识竞赛", "Ankang Cup Safety Knowledge Contest"},
    {S::theme, "强意识，查隐患，促发展，保安康", "Awareness, hazard checks, development, safety and health"},
    {S::tap_to_start, "点击屏幕开始答题", "Tap the screen to start"},
    {S::today_leaderboard, "今日排行榜", "Today's leaderboard"},
    {S::no_scores_yet, "今天还没有成绩，来做第一名吧！", "No scores yet today. Be the first!"},
    {S::rank, "名次", "Rank"},
    {S::name, "姓名", "Name"},
    {S::team, "班组", "Team"},
    {S::score, "得分", "Score"},
    {S::sign_in_title, "签到", "Sign in"},
    {S::enterprise, "企业", "Enterprise"},
    {S::employee_no, "工号", "Employee number"},
    {S::name_first_time, "首次使用，请输入姓名", "First time here: please enter your name"},
    {S::sign_in, "确认签到", "Sign in"},
    {S::back, "返回", "Back"},
    {S::clear, "清空", "Clear"},
    {S::delete_digit, "退格", "Delete"},
    {S::choose_enterprise_team, "请选择企业和班组", "Please choose your enterprise and team"},
    {S::enter_employee_no, "请输入工号（可刷工牌）", "Enter your employee number (or scan your badge)"},
    {S::enter_name, "请输入姓名", "Please enter your name"},
    {S::hello, "您好，", "Hello, "},
    {S::mode_title, "请选择答题方式", "Choose what to do"},
    {S::practice, "练习", "Practice"},
    {S::practice_hint, "按类别练习，答完即看解析", "By category, with explanations"},
    {S::timed_test, "限时测试", "Timed test"},
    {S::timed_test_hint, "计时答题，计入排行榜", "Against the clock, counts for the leaderboard"},
    {S::mistake_book, "错题本", "Mistake book"},
    {S::mistake_book_hint, "重做答错过的题", "Retry the questions you got wrong"},
    {S::leaderboard, "排行榜", "Leaderboard"},
    {S::sign_out, "退出登录", "Sign out"},
    {S::all_categories, "全部类别", "All categories"},
    {S::question_progress, "第 %d / %d 题", "Question %d of %d"},
    {S::time_left, "剩余 %d:%02d", "%d:%02d left"},
    {S::submit, "提交答案", "Submit"},
    {S::true_text, "正确", "True"},
    {S::false_text, "错误", "False"},
    {S::tap_in_order, "请按正确顺序依次点击", "Tap the items in the right order"},
    {S::tap_pairs, "先点左边，再点右边配对", "Tap a left item, then its match on the right"},
    {S::tap_hazard, "请点击图中的隐患位置", "Tap the hazard in the picture"},
    {S::undo, "撤销", "Undo"},
    {S::type_answer, "请输入答案", "Type your answer"},
    {S::correct, "回答正确", "Correct"},
    {S::wrong, "回答错误", "Wrong"},
    {S::correct_answer, "正确答案", "Correct answer"},
    {S::explanation, "解析", "Explanation"},
    {S::legal_basis, "法律依据", "Legal basis"},
    {S::next_question, "下一题", "Next question"},
    {S::see_result, "查看成绩", "See my result"},
    {S::saved, "已保存", "Saved"},
    {S::result_title, "本次成绩", "Your result"},
    {S::correct_count, "答对 %d / %d 题", "%d of %d correct"},
    {S::time_used, "用时 %d:%02d", "Time %d:%02d"},
    {S::passed, "合格", "Passed"},
    {S::not_passed, "未合格，继续加油！", "Not passed yet: keep going!"},
    {S::rank_in_team, "班组排名 第 %d 名", "Rank %d in your team"},
    {S::rank_in_enterprise, "企业排名 第 %d 名", "Rank %d in your enterprise"},
    {S::back_to_start, "返回首页", "Back to start"},
    {S::host_title, "班组竞赛", "Team contest"},
    {S::round, "轮次", "Round"},
    {S::question_word, "题目", "Question"},
    {S::buzz_first, "抢答成功", "Buzzed first"},
    {S::foul, "犯规", "Foul"},
    {S::host_keys, "空格 请抢答  R 揭晓  Y 判对  N 判错  S 跳过  P 暂停  C 更正  U 撤销  → 下一题",
     "Space buzzers  R reveal  Y right  N wrong  S skip  P pause  C correct  U undo  → next"},
    {S::start_timer, "请抢答", "Open buzzers"},
    {S::reveal, "揭晓答案", "Reveal"},
    {S::judge_right, "判对", "Right"},
    {S::judge_wrong, "判错", "Wrong"},
    {S::next_round, "下一轮", "Next round"},
    {S::admin_title, "管理", "Administration"},
    {S::enter_pin, "请输入管理密码", "Enter the admin PIN"},
    {S::pin_wrong, "密码错误", "Wrong PIN"},
    {S::pin_locked, "尝试次数过多，请等待 %d 秒", "Too many tries: wait %d seconds"},
    {S::load_from_folder, "从文件夹加载竞赛包或题库", "Load a contest package or questions from a folder"},
    {S::export_bundle, "导出成绩包", "Export the score bundle"},
    {S::folder_path, "文件夹路径", "Folder"},
    {S::device_key, "设备密钥指纹", "Device key fingerprint"},
    {S::idle_timeout, "无操作超时", "Idle timeout"},
    {S::font_scale, "字体大小", "Font size"},
    {S::language, "语言 / Language", "语言 / Language"},
    {S::stored_attempts, "已保存答题次数", "Stored attempts"},
    {S::stored_answers, "已保存答案数", "Stored answers"},
    {S::change_pin, "修改密码", "Change PIN"},
    {S::new_pin, "新密码（4 至 12 位数字）", "New PIN (4 to 12 digits)"},
    {S::exit_kiosk, "退出程序", "Exit the kiosk"},
    {S::seconds, "秒", "s"},
    {S::ok, "确定", "OK"},
    {S::cancel, "取消", "Cancel"},
    {S::no_questions, "题库中没有题目，请联系管理员导入题库", "The question bank is empty: ask the administrator to load one"},
    {S::mistakes_empty, "错题本是空的，真棒！", "No mistakes to review. Well done!"},
    {S::host_mode, "主持模式", "Host mode"},
    {S::message_title, "提示", "Notice"},
    {S::host_pause, "暂停", "Pause"},
    {S::host_resume, "继续", "Resume"},
    {S::host_pass, "跳过", "Skip"},
    {S::host_correct, "更正判定", "Correct"},
    {S::host_undo, "撤销计分", "Undo score"},
    {S::pick_reason, "请选择原因", "Pick a reason"},
    {S::reason_misjudged, "判定有误", "Misjudged"},
    {S::reason_buzzer_fault, "抢答器故障", "Buzzer fault"},
    {S::reason_appeal, "评委复议", "Judges' review"},
    {S::reason_mistap, "误按按钮", "Wrong button"},
    {S::stake_points, "%d 分", "%d points"},
    {S::stake_decline, "放弃", "Decline"},
    {S::choose_stake, "%s 请选择分值", "%s: choose the stake"},
    {S::team_answering, "请 %s 作答", "%s to answer"},
    {S::member_answering, "第 %d 位队员作答", "Member %d answers"},
    {S::paused_banner, "已暂停", "Paused"},
    {S::contest_over, "比赛结束", "Contest over"},
    {S::tap_or_type, "请点选答案", "Tap the answer"},
    {S::or_type, "或用键盘输入：", "or type it:"},
    {S::top_workers, "个人排名", "Workers"},
    {S::top_teams, "班组排名", "Teams"},
    {S::workers_count, "%d 人", "%d workers"},
    {S::leaderboard_today, "今日排行榜（计时答题最好成绩）", "Today's leaderboard (best timed test)"},
    {S::answer_not_saved, "这次作答没有保存，请再答一次。", "This answer was not saved. Please answer again."},
    {S::previous_page, "上一页", "Previous"},
    {S::next_page, "下一页", "Next"},
    {S::page_of, "%d / %d 页", "page %d of %d"},
    {S::end_practice, "结束练习", "End practice"},
    {S::your_answer, "您的答案", "Your answer"},
    {S::no_answer, "未作答", "No answer"},
    {S::tapped_at, "点在图中 (%d, %d)", "Tapped at (%d, %d)"},
    {S::still_there, "还在吗？", "Still there?"},
    {S::idle_countdown, "%d 秒后返回首页，未完成的签到或答题将被清除。",
     "Back to the start in %d s: an unfinished sign-in or attempt is cleared."},
    {S::still_here, "我还在", "I'm still here"},
    {S::no_such_folder, "找不到文件夹：%s", "no such folder: %s"},
    {S::cannot_read_folder, "无法读取文件夹 %s：%s", "cannot read the folder %s: %s"},
    {S::several_packages, "文件夹中有 %d 个竞赛包，请只留一个", "the folder holds %d contest packages: keep one"},
    {S::cannot_read_file, "无法读取文件 %s", "cannot read %s"},
    {S::question_files_wrong, "题库文件有错误，未导入任何题目：\n", "the question files have errors, no question was imported:\n"},
    {S::no_question_files, "文件夹中没有题库文件：%s", "no question files in %s"},
    {S::questions_imported, "已导入 %d 题，重复 %d 题", "imported %d questions, %d duplicates"},
    {S::no_organiser_key, "本机没有组织单位公钥：请把 organiser.pub 放进数据目录 %s 或与竞赛包放在同一文件夹",
     "this kiosk has no organiser key: put organiser.pub in %s or beside the package"},
    {S::confirm_organiser_key,
     "首次加载竞赛包：组织单位公钥指纹为 %s。与组织单位核对一致后，再点一次“从文件夹导入”信任此公钥并加载。",
     "First package: the organiser key's fingerprint is %s. Check it with the organiser, then tap load again to trust it."},
    {S::package_not_loaded, "竞赛包未加载：%s", "package not loaded: %s"},
    {S::package_questions_differ, "%s：题目与题目清单不符", "%s: the questions differ from the package's list"},
    {S::package_wrong, "竞赛包有错误，未加载：\n", "the package has errors and was not loaded:\n"},
    {S::export_before_new_contest, "还有未导出的成绩：请先导出成绩包，再加载新竞赛",
     "export the score bundle before loading a new contest"},
    {S::package_loaded, "已加载竞赛“%s”：%d 道题，%d 家企业，%d 个班组",
     "loaded the contest \"%s\": %d questions, %d enterprises, %d teams"},
    {S::contest_expired, "“%s”的有效期已过，请管理员加载新的竞赛包（练习仍可使用）",
     "\"%s\" has expired: ask the administrator to load a new package (practice still works)"},
    {S::bundle_exported, "已导出成绩包 %s：%d 次答题，%d 个答案，%d 场班组竞赛，序号 %llu",
     "exported %s: %d attempts, %d answers, %d team contests, sequence %llu"},
    {S::bank_too_small, "题库只有 %d 道题，班组竞赛需要 %d 道", "the bank has %d questions, the team contest needs %d"},
    {S::host_cannot_resume_gone, "无法恢复主持竞赛（配置或题目已不在）",
     "the host contest cannot be resumed (config or questions gone)"},
    {S::host_cannot_resume, "无法恢复主持竞赛", "the host contest cannot be resumed"},
    {S::answer_id_damaged, "答案编号损坏：%s", "a stored answer id is damaged: %s"},
    {S::enterprise_without_uscc, "企业“%s”没有统一社会信用代码，无法导出",
     "the enterprise %s has no USCC, so its results cannot be exported"},
    {S::host_enterprise_without_uscc, "主持竞赛的企业没有统一社会信用代码，无法导出",
     "the host contest's enterprise has no USCC, so its results cannot be exported"},
    {S::cannot_write_bundle, "无法写入文件夹 %s（只读或已满？），成绩未导出：%s",
     "cannot write to %s (read-only or full?), nothing was exported: %s"},
    {S::no_export_folder, "文件夹不存在：%s", "no such folder: %s"},
    {S::nothing_to_export, "没有新的成绩需要导出", "there are no new results to export"},
    {S::previous_bundle_damaged, "上一个成绩包的记录损坏", "the record of the previous bundle is damaged"},
}};

constexpr bool table_in_order() {
  for (std::size_t i = 0; i < kTable.size(); ++i)
    if (static_cast<std::size_t>(kTable[i].id) != i) return false;
  return true;
}
static_assert(table_in_order(), "kTable must list the strings in the order of enum S");

Lang g_lang = Lang::zh;

}  // namespace

void set_language(Lang lang) { g_lang = lang; }
Lang language() { return g_lang; }

const char* tr(S id, Lang lang) {
  const Entry& e = kTable[static_cast<std::size_t>(id)];
  return lang == Lang::zh ? e.zh : e.en;
}

const char* tr(S id) { return tr(id, g_lang); }

std::string format(S id, ...) {
  const char* pattern = tr(id);
  std::va_list args;
  va_start(args, id);
  std::va_list sizing;
  va_copy(sizing, args);
  const int size = std::vsnprintf(nullptr, 0, pattern, sizing);
  va_end(sizing);
  std::string out(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
  if (size > 0) std::vsnprintf(out.data(), out.size() + 1, pattern, args);
  va_end(args);
  return out;
}

const std::string& tr(const Text& text) { return g_lang == Lang::zh ? text.zh : text.en; }

std::span<const S> fix_reasons() {
  static constexpr S kReasons[] = {S::reason_misjudged, S::reason_buzzer_fault, S::reason_appeal, S::reason_mistap};
  return kReasons;
}

std::vector<std::string_view> all_strings() {
  std::vector<std::string_view> out;
  out.reserve(kTable.size() * 2);
  for (const Entry& e : kTable) {
    out.emplace_back(e.zh);
    out.emplace_back(e.en);
  }
  return out;
}

}  // namespace ankang::ui
