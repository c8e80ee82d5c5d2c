#include "console_ui/screen_home.h"

#include <imgui.h>

#include "console_ui/text.h"
#include "console_ui/widgets.h"

namespace ankang::console_ui {

namespace {

struct Step {
  PageId page;
  const char* zh;
  const char* en;
};

// The year in the order the notice asks for it.
constexpr Step kSteps[] = {
    {PageId::bank, "准备题库：载入示范题库，或导入本单位的题库文件。", "Prepare the question bank: load the starter bank or import your own files."},
    {PageId::enterprises, "登记参赛企业：导入企业名单（Excel / CSV）。", "Register the enterprises: import the list (Excel / CSV)."},
    {PageId::contest, "生成竞赛包：抽题、签名，写入 U 盘带到各答题终端。", "Build the contest package: draw, sign, copy to a USB stick for the kiosks."},
    {PageId::collect, "收集成绩：插入终端导出成绩的 U 盘，验证并导入。", "Collect the scores: insert the kiosks' stick, verify and import."},
    {PageId::results, "查看成绩：企业汇总、班组排名、试题统计。", "See the results: enterprises, team standings, item statistics."},
    {PageId::reports, "生成报表：参赛企业汇总表（Excel / CSV）和年度总结（网页）。", "Write the reports: the enterprise table (Excel / CSV) and the annual summary (HTML)."},
    {PageId::rollup, "城市汇总：各单位报送汇总文件，市总工会合并并查出重复报名。", "City roll-up: units send their files, the city merges them and finds duplicates."},
};

}  // namespace

HomeIntent home_screen(const HomeView& view) {
  HomeIntent intent;
  heading(tr("安康杯竞赛组织工作台", "Ankang Cup organiser console"));
  hint(tr("在这里完成一年的组织工作：不需要命令行。", "The whole year's organising work, without a command line."));
  ImGui::Spacing();
  if (view.loaded) {
    const float gap = ImGui::GetFontSize() * 3;
    figure(tr("道题", "questions"), std::to_string(view.questions));
    ImGui::SameLine(0, gap);
    figure(tr("家参赛企业", "enterprises"), std::to_string(view.enterprises));
    ImGui::SameLine(0, gap);
    figure(tr("台答题终端", "kiosks"), std::to_string(view.kiosks));
    ImGui::SameLine(0, gap);
    figure(tr("个成绩包", "score bundles"), std::to_string(view.bundles));
    ImGui::SameLine(0, gap);
    figure(tr("条答题记录", "answers"), std::to_string(view.answers));
    if (view.units > 0) {
      ImGui::SameLine(0, gap);
      figure(tr("个报送单位", "units"), std::to_string(view.units));
    }
    if (view.unregistered > 0)
      outcome(false, shown(std::to_string(view.unregistered) +
                           tr(" 家企业只出现在成绩中、尚未报名：请在“参赛企业”中导入它们的报名。",
                              " enterprise(s) appear only in results and are not registered: import their registration in Enterprises.")));
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::Spacing();
  int n = 1;
  for (const auto& s : kSteps) {
    ImGui::PushID(n);
    const std::string number = std::to_string(n++) + ".";
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(shown(number));
    ImGui::SameLine(ImGui::GetFontSize() * 2);
    if (button(page_title(s.page))) intent.go = s.page;
    ImGui::SameLine(ImGui::GetFontSize() * 10);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(s.zh, s.en));
    ImGui::PopID();
  }
  if (!view.key_fingerprint.empty()) {
    ImGui::Spacing();
    hint(shown(std::string(tr("本单位组织者密钥指纹（在答题终端上核对）：", "This organiser's key fingerprint (check it on the kiosks): ")) +
               view.key_fingerprint));
  }
  return intent;
}

}  // namespace ankang::console_ui
