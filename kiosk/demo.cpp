#include "kiosk/demo.h"

#include <stb_image_write.h>

#include "kiosk/host.h"
#include "ui/fill_choices.h"
#include "ui/fonts.h"
#include "ui/screens.h"

namespace ankang::kiosk {

const std::vector<Question>& demo_questions() {
  static const std::vector<Question> qs = [] {
    std::vector<Question> v(8);
    v[0].id = "demo-single";
    v[0].type = QuestionType::single;
    v[0].stem = "生产经营单位的主要负责人对本单位的安全生产工作负什么责任？";
    v[0].options = {"全面负责", "部分负责", "监督责任", "不负责任"};
    v[0].correct = {0};
    v[0].explanation = "主要负责人是本单位安全生产第一责任人，对本单位的安全生产工作全面负责。";
    v[0].basis = {"《中华人民共和国安全生产法》", "第五条"};
    v[0].category = {"安全生产法"};

    v[1].id = "demo-multiple";
    v[1].type = QuestionType::multiple;
    v[1].stem = "在粉尘作业岗位，劳动者应当做到哪些？";
    v[1].options = {"正确佩戴防尘口罩", "参加职业健康检查", "嫌闷热时摘下口罩", "发现防护设施损坏及时报告"};
    v[1].correct = {0, 1, 3};
    v[1].explanation = "劳动者应当学习和掌握职业卫生知识，正确使用个人防护用品，发现隐患及时报告。";
    v[1].basis = {"《中华人民共和国职业病防治法》", "第三十四条"};
    v[1].category = {"职业病防治", "粉尘"};

    v[2].id = "demo-ordering";
    v[2].type = QuestionType::ordering;
    v[2].stem = "发现有人触电，请按正确顺序排列处置步骤。";
    v[2].options = {"切断电源", "用绝缘物使触电者脱离", "检查呼吸和心跳", "拨打急救电话并施救"};
    v[2].category = {"应急处置"};

    v[3].id = "demo-matching";
    v[3].type = QuestionType::matching;
    v[3].stem = "请把作业场所与应佩戴的防护用品配对。";
    v[3].pairs = {{"噪声车间", "耳塞"}, {"焊接作业", "防护面罩"}, {"高处作业", "安全带"}};
    v[3].category = {"职业病防治"};

    v[4].id = "demo-hotspot";
    v[4].type = QuestionType::hotspot;
    v[4].stem = "这张车间照片中有一处隐患，请找出来。";
    v[4].image.mime = "image/png";
    v[4].image.bytes = demo_picture_png();
    v[4].image.width = 640;
    v[4].image.height = 360;
    v[4].regions = {{440, 210, 110, 90}};
    v[4].category = {"隐患排查治理"};

    // A fill-in question and two more of its category, which its answers to
    // tap are drawn from.
    const char* const numbers[][2] = {{"发现火灾，应当立即拨打火警电话____。", "119"},
                                      {"遇到人员受伤需要急救时，应当拨打急救电话____。", "120"},
                                      {"发现违法犯罪行为，应当拨打报警电话____。", "110"}};
    for (int i = 0; i < 3; ++i) {
      Question& q = v[static_cast<std::size_t>(5 + i)];
      q.id = "demo-fill-" + std::to_string(i);
      q.type = QuestionType::fill_blank;
      q.stem = numbers[i][0];
      q.blanks = {{numbers[i][1]}};
      q.explanation = "火警119，急救120，报警110。";
      q.basis = {"《中华人民共和国消防法》", "第四十四条"};
      q.category = {"应急处置"};
    }
    return v;
  }();
  return qs;
}

std::vector<std::uint8_t> demo_picture_png() {
  const int w = 640, h = 360;
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 3);
  auto fill = [&](int x0, int y0, int x1, int y1, unsigned char r, unsigned char g, unsigned char b) {
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) {
        unsigned char* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
        p[0] = r, p[1] = g, p[2] = b;
      }
  };
  fill(0, 0, w, h / 2, 200, 210, 220);        // wall
  fill(0, h / 2, w, h, 150, 150, 140);        // floor
  fill(0, 290, w, 300, 240, 200, 0);          // yellow walkway line
  fill(60, 90, 220, 250, 70, 110, 160);       // machine
  fill(90, 120, 190, 170, 180, 220, 250);     // its panel
  fill(300, 60, 360, 130, 220, 40, 40);       // fire extinguisher sign
  fill(460, 230, 540, 290, 130, 90, 50);      // boxes blocking the walkway
  fill(470, 210, 530, 232, 150, 105, 60);
  std::vector<std::uint8_t> out;
  stbi_write_png_to_func(
      [](void* ctx, void* data, int size) {
        auto* v = static_cast<std::vector<std::uint8_t>*>(ctx);
        const auto* b = static_cast<const std::uint8_t*>(data);
        v->insert(v->end(), b, b + size);
      },
      &out, w, h, 3, px.data(), w * 3);
  return out;
}

namespace {

// Everything below the questions that the demo screens print.
const char* const kDemoTexts[] = {
    "2026年安康杯安全知识竞赛", "李明", "王芳", "张伟", "赵丽", "机修一班", "装配二班", "质检班", "仓储班",
    "华安机械制造有限公司", "康泰化工股份有限公司", "新区公交集团", "安全生产法", "职业病防治", "隐患排查治理",
    "应急处置", "高温劳动保护", "抢答题", "必答题", "风险题", "限时速答", "加赛题", "一班", "二班", "三班",
    "四班", "周强", "陈静", "刘洋", "孙磊", "吴敏", "郑军", "0123456789人", "消防安全", "危险化学品", "特种设备",
    "有限空间作业", "用电安全", "劳动防护用品", "交通安全", "工伤保险"};

// The demo questions again and again under new ids: enough for a team contest.
std::vector<Question> demo_host_paper(int n) {
  std::vector<Question> out;
  for (int i = 0; i < n; ++i) {
    Question q = demo_questions()[static_cast<std::size_t>(i % 2)];  // single and multiple choice
    q.id = "demo-host-" + std::to_string(i);
    out.push_back(std::move(q));
  }
  return out;
}

// Plays the team contest with the engine until the round named `round` is
// on (risk: a team choosing its stake; other rounds: the third question
// being answered). Returns the time reached.
Millis play_host_until(Host& host, const std::string& round) {
  Millis t = 0;
  for (int step = 0; step < 1000; ++step, t += 1000) {
    const ui::HostView v = host.view(t);
    if (v.round_name == round && (!v.stakes.empty() || (v.can_judge && v.question_number >= 3))) return t;
    if (!v.stakes.empty()) {
      host.control(ui::Act::host_stake, t, v.stakes[1]);
    } else if (v.can_judge) {
      host.control(step % 3 ? ui::Act::host_right : ui::Act::host_wrong, t);
    } else if (v.can_open) {
      host.control(ui::Act::host_start_timer, t);
      host.buzz(step % static_cast<int>(v.teams.size()), t += 800);
      host.tick(t += 100);
    } else if (v.can_next) {
      host.control(ui::Act::host_next, t);
    }
  }
  return t;
}

}  // namespace

std::vector<std::string_view> demo_texts() {
  std::vector<std::string_view> out = ui::question_texts(demo_questions());
  for (const char* t : kDemoTexts) out.emplace_back(t);
  return out;
}

const std::vector<std::string>& demo_screen_names() {
  static const std::vector<std::string> names = {"attract", "sign_in",  "mode",   "question", "ordering", "matching",
                                                 "hotspot", "feedback", "result", "host",     "admin",
                                                 "host_risk", "host_speed", "fill_blank", "leaderboard", "idle_prompt"};
  return names;
}

bool draw_demo_screen(const std::string& name, std::uintptr_t picture_texture, ui::Intents& out) {
  const auto& q = demo_questions();
  if (name == "attract") {
    ui::AttractView v;
    v.contest_name = "2026年安康杯安全知识竞赛";
    v.today = {{"李明", "机修一班", 98}, {"王芳", "装配二班", 95}, {"张伟", "机修一班", 90}, {"赵丽", "质检班", 86}};
    ui::draw_attract(v, out);
  } else if (name == "sign_in") {
    ui::SignInView v;
    v.enterprises = {"华安机械制造有限公司", "康泰化工股份有限公司", "新区公交集团"};
    v.enterprise = 0;
    v.teams = {"机修一班", "装配二班", "质检班", "仓储班"};
    v.team = 1;
    v.employee_no = "20417";
    v.first_time = true;
    v.name = "王芳";
    ui::draw_sign_in(v, out);
  } else if (name == "mode") {
    ui::ModeView v;
    v.worker_name = "王芳";
    // Thirteen categories: more than a page at 1080p, so the pager shows.
    v.categories = {"安全生产法", "职业病防治", "隐患排查治理", "应急处置",     "高温劳动保护", "消防安全", "危险化学品",
                    "特种设备",   "有限空间作业", "用电安全",     "劳动防护用品", "交通安全",     "工伤保险"};
    v.mistakes = 3;
    ui::draw_mode(v, out);
  } else if (name == "question") {
    ui::QuestionView v;
    v.question = &q[1];
    v.number = 3;
    v.total = 20;
    v.limit_ms = 600000;
    v.remaining_ms = 412000;
    v.picks = {0, 3};
    ui::draw_question(v, out);
  } else if (name == "ordering") {
    ui::QuestionView v;
    v.question = &q[2];
    v.number = 4;
    v.total = 5;
    v.order = {2, 0, 3, 1};
    v.picks = {0, 1};
    v.can_end = true;  // practice: 结束练习
    ui::draw_question(v, out);
  } else if (name == "matching") {
    ui::QuestionView v;
    v.question = &q[3];
    v.number = 5;
    v.total = 5;
    v.order = {2, 0, 1};
    v.picks = {0, -1, -1};
    v.match_left = 1;
    v.can_end = true;
    ui::draw_question(v, out);
  } else if (name == "hotspot") {
    ui::QuestionView v;
    v.question = &q[4];
    v.number = 2;
    v.total = 5;
    v.picture = {picture_texture, 640, 360};
    v.tap_x = 500;
    v.tap_y = 255;
    v.can_end = true;
    ui::draw_question(v, out);
  } else if (name == "fill_blank") {
    ui::QuestionView v;
    v.question = &q[5];
    v.number = 6;
    v.total = 10;
    v.texts = {"119"};
    v.blank_choices = ui::fill_choices(q[5], q, 2026);
    ui::draw_question(v, out);
  } else if (name == "leaderboard") {
    ui::LeaderboardView v;
    v.workers = {{"李明", "机修一班", 98}, {"王芳", "装配二班", 95}, {"张伟", "机修一班", 90},
                 {"赵丽", "质检班", 86},   {"周强", "仓储班", 85},   {"陈静", "装配二班", 80},
                 {"刘洋", "机修一班", 72}, {"孙磊", "质检班", 70},   {"吴敏", "仓储班", 66},
                 {"郑军", "质检班", 61}};
    v.teams = {{"机修一班", 3, 260}, {"装配二班", 2, 175}, {"质检班", 1, 86}, {"仓储班", 1, 85}};
    ui::draw_leaderboard(v, out);
  } else if (name == "feedback") {
    ui::FeedbackView v;
    v.question = &q[0];
    v.correct = false;
    v.correct_answer = ui::answer_text(q[0]);
    Response chosen;
    chosen.choices = 1u << 2;  // 监督责任
    v.your_answer = ui::response_text(q[0], chosen);
    v.can_end = true;
    v.saved = true;
    ui::draw_feedback(v, out);
  } else if (name == "idle_prompt") {
    // 还在吗？ over a half-filled sign-in.
    ui::SignInView v;
    v.enterprises = {"华安机械制造有限公司", "康泰化工股份有限公司", "新区公交集团"};
    v.enterprise = 0;
    v.teams = {"机修一班", "装配二班", "质检班", "仓储班"};
    v.employee_no = "204";
    v.first_time = true;
    ui::Intents under;  // the box takes the taps
    ui::draw_sign_in(v, under);
    ui::draw_still_there(12, out);
  } else if (name == "result") {
    ui::ResultView v;
    v.worker_name = "王芳";
    v.score = 90;
    v.correct = 18;
    v.total = 20;
    v.seconds = 512;
    v.timed = true;
    v.passed = true;
    v.rank_team = 2;
    v.rank_enterprise = 7;
    ui::draw_result(v, out);
  } else if (name == "host") {
    ui::HostView v;
    v.round_name = "抢答题";
    v.question_number = 4;
    v.question_total = 10;
    v.question = &q[0];
    v.teams = {{"机修一班", 60, false, false}, {"装配二班", 80, true, false}, {"质检班", 40, false, true},
               {"仓储班", 50, false, false}};
    v.limit_ms = 20000;
    v.remaining_ms = 14000;
    v.timer_running = true;
    v.turn = 1;  // 装配二班 buzzed first and answers
    v.can_judge = v.can_pause = v.can_correct = v.can_undo = true;
    ui::draw_host(v, out);
  } else if (name == "host_risk" || name == "host_speed") {
    // The real engine on the demo questions, played up to the round.
    Host host;
    std::string why;
    if (!host.start(demo_host_paper(60), {"机修一班", "装配二班", "质检班", "仓储班"}, 2026, why)) return false;
    const Millis t = play_host_until(host, name == "host_risk" ? "风险题" : "限时速答");
    ui::draw_host(host.view(t + 7000), out);
  } else if (name == "admin") {
    ui::AdminView v;
    v.unlocked = true;
    v.fingerprint = "ED25519 3F9A 61C2 7B0E D4A8 5C13 9E72";
    v.attempts = 128;
    v.answers = 2315;
    v.folder = "/media/usb";
    ui::draw_admin(v, out);
  } else {
    return false;
  }
  return true;
}

}  // namespace ankang::kiosk
