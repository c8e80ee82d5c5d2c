#include "console_ui/screen_rollup.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "console_ui/text.h"
#include "console_ui/widgets.h"

namespace ankang::console_ui {

namespace {

using K = RollupIntent::Kind;

void section_tabs(RollupInputs& in) {
  const struct {
    RollupSection section;
    const char* zh;
    const char* en;
  } tabs[] = {{RollupSection::unit, "本单位上报", "Send this unit's roll-up"},
              {RollupSection::city, "市总工会汇总", "City: merge the units"},
              {RollupSection::baseline, "去年基线", "Last year's baseline"}};
  const float w = ImGui::GetFontSize() * 10;
  for (const auto& t : tabs) {
    if (choice(tr(t.zh, t.en), in.section == t.section, w)) in.section = t.section;
    ImGui::SameLine();
  }
  ImGui::NewLine();
  ImGui::Separator();
  ImGui::Spacing();
}

void unit_side(const RollupView& view, RollupInputs& in, RollupIntent& intent) {
  paragraph(tr("区、产业工会在这里把本单位的报名企业和全部成绩写成一个签名的汇总文件（.ankr），连同本单位的公钥交给市总工会。",
               "A district or industry union writes its registered enterprises and all its results into one signed roll-up "
               "(.ankr) and hands it to the city federation together with its public key."));
  ImGui::Spacing();
  if (view.own_fingerprint.empty())
    hint(tr("第一次导出时会生成本单位的组织单位密钥。", "This unit's organiser key is made on the first export."));
  else
    paragraph(shown(std::string(tr("本单位密钥指纹：", "This unit's key fingerprint: ")) + view.own_fingerprint));
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("本单位名称", "This unit's name"));
  text_field("##unit_name", tr("例如 鼓楼区总工会", "e.g. 鼓楼区总工会"), in.unit_name, ImGui::GetFontSize() * 20);
  ImGui::Spacing();
  const bool named = !in.unit_name.empty();
  if (button(tr("导出本单位汇总文件", "Export this unit's roll-up"), Tone::primary, named)) intent.kind = K::export_rollup;
  if (!named) {
    ImGui::SameLine();
    hint(tr("先填写本单位名称", "Enter the unit's name first"));
  }
  hint(tr("选择 U 盘或文件夹后，写入 单位名称.ankr 和 单位名称.organiser.pub 两个文件。",
          "Pick a USB stick or folder: UNIT.ankr and UNIT.organiser.pub are written there."));
  if (view.exported) {
    ImGui::Spacing();
    outcome(view.export_ok, tr(view.export_text));
  }
}

const char* result_text(RollupFileRow::Result r) {
  switch (r) {
    case RollupFileRow::Result::imported: return tr("导入", "imported");
    case RollupFileRow::Result::already: return tr("已导入过", "imported before");
    case RollupFileRow::Result::refused: return tr("拒绝", "refused");
  }
  return "";
}

void units_column(const RollupView& view, RollupInputs& in, RollupIntent& intent) {
  heading(tr("已登记的组织单位", "Registered units"));
  if (view.key_file.empty()) {
    if (button(tr("登记组织单位…", "Register a unit…"))) intent.kind = K::pick_unit_key;
    hint(tr("选择该单位交来的 organiser.pub 文件。", "Pick the organiser.pub file the unit handed in."));
  } else {
    paragraph(shown(std::string(tr("公钥文件：", "Key file: ")) + view.key_file));
    paragraph(shown(std::string(tr("指纹：", "Fingerprint: ")) + view.key_fingerprint));
    hint(tr("请与该单位工作台“本单位上报”上显示的指纹逐字核对，一致才登记。",
            "Compare it character by character with the fingerprint the unit's console shows; register only when they match."));
    ImGui::TextUnformatted(tr("单位名称", "Unit's name"));
    text_field("##register_label", tr("例如 鼓楼区总工会", "e.g. 鼓楼区总工会"), in.register_label, ImGui::GetFontSize() * 16);
    if (button(tr("登记该单位", "Register this unit"), Tone::primary, !in.register_label.empty())) intent.kind = K::register_unit;
    ImGui::SameLine();
    if (button(tr("取消", "Cancel"))) intent.kind = K::cancel_unit_key;
  }
  ImGui::Spacing();
  if (view.units.empty()) {
    hint(tr("还没有登记组织单位：未登记单位的汇总文件会被拒绝。", "No unit registered yet: roll-ups of unregistered units are refused."));
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("units", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("单位 / 指纹", "Unit / fingerprint"), 0, 3);
  ImGui::TableSetupColumn(tr("汇总文件", "Roll-ups"), 0, 1);
  ImGui::TableSetupColumn(tr("最新导出", "Newest export"), 0, 1.4f);
  ImGui::TableSetupColumn(tr("报名企业", "Enterprises"), 0, 1);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(view.units.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& u = view.units[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(u.label));
      ImGui::TextDisabled("%s", shown(u.fingerprint));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(std::to_string(u.rollups)));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(u.newest_export.empty() ? tr("尚未导入", "none yet") : shown(u.newest_export));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(std::to_string(u.registrations)));
    }
  ImGui::EndTable();
}

void import_column(const RollupView& view, RollupIntent& intent) {
  heading(tr("导入各单位的汇总文件", "Import the units' roll-ups"));
  if (button(tr("导入汇总文件", "Import roll-ups"), Tone::primary)) intent.kind = K::import_rollups;
  ImGui::SameLine();
  hint(tr("选择 U 盘或文件夹：其中每个 .ankr 都会验证签名后合并。", "Pick a USB stick or folder: every .ankr in it is verified and merged."));
  if (view.imported) outcome(view.import_ok, tr(view.import_text));
  const float line = ImGui::GetTextLineHeightWithSpacing();
  if (!view.files.empty()) {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    const float h = std::min(ImGui::GetContentRegionAvail().y * 0.5f, line * 2.4f * (static_cast<float>(view.files.size()) + 1));
    if (ImGui::BeginTable("files", 4, flags, ImVec2(0, h))) {
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn(tr("文件", "File"), 0, 2);
      ImGui::TableSetupColumn(tr("结果", "Outcome"), 0, 1);
      ImGui::TableSetupColumn(tr("单位", "Unit"), 0, 2.5f);
      ImGui::TableSetupColumn(tr("说明", "Details"), 0, 5);
      ImGui::TableHeadersRow();
      // A folder holds tens of files; their rows wrap, so no clipper.
      for (const auto& f : view.files) {
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::PushTextWrapPos(0);
          ImGui::TextUnformatted(shown(f.file));
          ImGui::PopTextWrapPos();
          ImGui::TableNextColumn();
          const bool refused = f.result == RollupFileRow::Result::refused;
          if (refused) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(185, 28, 28, 255));
          ImGui::TextUnformatted(result_text(f.result));
          if (refused) ImGui::PopStyleColor();
          ImGui::TableNextColumn();
          ImGui::PushTextWrapPos(0);
          ImGui::TextUnformatted(shown(f.unit));
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(tr(f.detail));
          ImGui::PopTextWrapPos();
      }
      ImGui::EndTable();
    }
  }
  ImGui::Spacing();
  heading(shown(std::string(tr("重复报名（", "Registered twice (")) + std::to_string(view.duplicate_count) + tr("）", ")")));
  if (view.duplicates.empty()) {
    hint(tr("没有被两个单位同时报名的企业。", "No enterprise is registered by two units."));
    return;
  }
  hint(tr("同一家企业由两个以上单位报名：合计只计入标“计入”的一条，请与这些单位核实。",
          "An enterprise registered by two or more units: the totals count the row marked counted. Check with those units."));
  const ImGuiTableFlags flags = ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersV | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("duplicates", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr("统一社会信用代码", "USCC"), 0, 2.2f);
  ImGui::TableSetupColumn(tr("企业名称", "Enterprise"), 0, 2.2f);
  ImGui::TableSetupColumn(tr("报名单位", "Registered by"), 0, 4);
  ImGui::TableSetupColumn(tr("合计", "Totals"), 0, 0.8f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;  // one line a row: thousands of registrations scroll smoothly
  clipper.Begin(static_cast<int>(view.duplicates.size()));
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const auto& d = view.duplicates[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      if (!d.uscc.empty() && i > 0)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_TableBorderLight));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(d.uscc));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(shown(d.name));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(d.source));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(d.counted ? tr("计入", "counted") : tr("不计入", "not counted"));
    }
  ImGui::EndTable();
}

void city_side(const RollupView& view, RollupInputs& in, RollupIntent& intent) {
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::BeginChild("city_units", ImVec2(w * 0.42f, 0), false);
  units_column(view, in, intent);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("city_import", ImVec2(0, 0), false);
  import_column(view, intent);
  ImGui::EndChild();
}

void baseline_side(const RollupView& view, RollupInputs& in, RollupIntent& intent) {
  paragraph(tr("把去年报出的参赛企业汇总表（XLSX 或 CSV，原样即可）导入为基线，报表据此计算逐年增长。",
               "Import last year's 参赛企业汇总表 as filed (XLSX or CSV) as the baseline the reports compare this year with."));
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("汇总表的年份", "The table's year"));
  ImGui::SameLine();
  text_field("##baseline_year", "2025", in.year, ImGui::GetFontSize() * 5);
  ImGui::SameLine();
  ImGui::Checkbox(tr("替换该年已有的基线", "Replace the baseline stored for that year"), &in.replace);
  note_item(tr("替换该年已有的基线", "Replace the baseline stored for that year"));
  const bool year_ok = in.year.size() == 4 && in.year.find_first_not_of("0123456789") == std::string::npos;
  if (button(tr("导入去年的参赛企业汇总表…", "Import last year's table…"), Tone::primary, year_ok)) intent.kind = K::import_baseline;
  if (!year_ok) {
    ImGui::SameLine();
    hint(tr("年份应为四位数字", "The year is four digits"));
  }
  ImGui::Spacing();
  if (view.baselines.empty()) hint(tr("还没有导入基线。", "No baseline imported yet."));
  for (const auto& b : view.baselines) paragraph(tr(b));
  if (view.baseline_done) {
    ImGui::Spacing();
    if (!view.baseline_file.empty()) paragraph(shown(view.baseline_file));
    outcome(view.baseline_ok, tr(view.baseline_text));
  }
  if (!view.baseline_problems.empty()) {
    std::vector<ProblemRow> rows;
    rows.reserve(view.baseline_problems.size());
    for (const auto& p : view.baseline_problems) rows.push_back({p.where, tr(p.field), tr(p.message)});
    problems_table("baseline_problems", rows, ImGui::GetContentRegionAvail().y);
  }
}

}  // namespace

RollupIntent rollup_screen(const RollupView& view, RollupInputs& inputs) {
  RollupIntent intent;
  heading(tr("城市汇总", "City roll-up"));
  section_tabs(inputs);
  if (!view.loaded) {
    hint(tr("正在读取……", "Reading…"));
    return intent;
  }
  switch (inputs.section) {
    case RollupSection::unit: unit_side(view, inputs, intent); break;
    case RollupSection::city: city_side(view, inputs, intent); break;
    case RollupSection::baseline: baseline_side(view, inputs, intent); break;
  }
  return intent;
}

}  // namespace ankang::console_ui
