#include "results/report_html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "scoring/ranking.h"

namespace ankang::results {

namespace {

std::string esc(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string num(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string pct(double v) { return num(v * 100, 1) + "%"; }
// A row without participants has no score: 无, not a zero.
std::string score_cell(const SummaryRow& r) { return r.participants ? num(r.mean_score) : "无"; }
std::string pass_cell(const SummaryRow& r) { return r.participants ? pct(r.pass_rate) : "无"; }

// "▲ 12.5%"; a figure that was 0 the year before has no rate.
std::string growth(const YearOnYear::Figure& f) {
  const auto g = f.growth();
  if (!g) return "上年为 0，无增幅";
  return std::string(*g >= 0 ? "▲ " : "▼ ") + pct(std::abs(*g));
}

// A vertical bar chart; values >= 0.
std::string svg_bars(const std::vector<std::string>& labels, const std::vector<double>& values, const std::string& colour) {
  const int w = 720, h = 240, left = 40, bottom = 30, top = 16;
  double max = 1;
  for (double v : values) max = std::max(max, v);
  const double slot = static_cast<double>(w - left) / static_cast<double>(std::max<std::size_t>(1, values.size()));
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) +
                  "\" role=\"img\">";
  s += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(h - bottom) + "\" x2=\"" + std::to_string(w) + "\" y2=\"" +
       std::to_string(h - bottom) + "\" stroke=\"#444\"/>";
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double bh = (h - bottom - top) * values[i] / max;
    const double x = left + slot * static_cast<double>(i) + slot * 0.1;
    s += "<rect x=\"" + num(x) + "\" y=\"" + num(h - bottom - bh) + "\" width=\"" + num(slot * 0.8) + "\" height=\"" + num(bh) +
         "\" fill=\"" + colour + "\"/>";
    s += "<text x=\"" + num(x + slot * 0.4) + "\" y=\"" + num(h - bottom - bh - 3) + "\" font-size=\"11\" text-anchor=\"middle\">" +
         num(values[i], 0) + "</text>";
    s += "<text x=\"" + num(x + slot * 0.4) + "\" y=\"" + std::to_string(h - bottom + 16) +
         "\" font-size=\"11\" text-anchor=\"middle\">" + esc(labels[i]) + "</text>";
  }
  return s + "</svg>";
}

// Red (weak) to green (strong) for a correct rate 0..1.
std::string heat(double rate) {
  const double t = std::clamp((rate - 0.4) / 0.5, 0.0, 1.0);
  const int r = static_cast<int>(230 - 120 * t), g = static_cast<int>(90 + 120 * t), b = 90;
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

const char* kStyle = R"(
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#222;max-width:1000px}
h1{font-size:24px}h2{font-size:18px;border-bottom:2px solid #2a6ebb;padding-bottom:4px;margin-top:28px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #bbb;padding:3px 8px}
th{background:#ddebf7}td.n{text-align:right}.cards{display:flex;gap:16px}
.card{border:1px solid #bbb;border-radius:6px;padding:10px 16px;min-width:180px}.big{font-size:26px;font-weight:bold}
.flag{color:#b00;font-weight:bold}.note{color:#666;font-size:12px}
@media print{body{margin:0}h2{break-after:avoid}table,svg{break-inside:avoid}}
)";

}  // namespace

std::vector<ItemStatistic> item_statistics(OrganiserStore& store, int year, std::int64_t min_answers) {
  std::vector<ItemStatistic> out;
  auto s = store.db().prepare(
      "SELECT q.uuid, q.category, y.n, y.sum_x, y.sum_xx, y.sum_s, y.sum_ss, y.sum_xs FROM question_year y "
      "JOIN questions q ON q.id = y.question_id WHERE y.year = ? AND y.n >= ?");
  s.bind(1, std::int64_t{year}).bind(2, min_answers);
  while (s.step()) {
    ItemStatistic it;
    it.question_id = s.text(0);
    it.category = s.text(1);
    it.answers = s.int64(2);
    const double n = static_cast<double>(it.answers), sx = s.real(3), sxx = s.real(4), ss = s.real(5), sss = s.real(6), sxs = s.real(7);
    it.facility = sx / n;
    const double var = (n * sxx - sx * sx) * (n * sss - ss * ss);
    it.discrimination = var > 0 ? (n * sxs - sx * ss) / std::sqrt(var) : 0;
    if (it.discrimination < -0.05) it.flag = "误导";
    else if (it.facility > 0.9) it.flag = "过易";
    else if (it.facility < 0.3) it.flag = "过难";
    out.push_back(it);
  }
  std::sort(out.begin(), out.end(), [](const ItemStatistic& a, const ItemStatistic& b) {
    return std::make_tuple(a.flag.empty(), a.discrimination) < std::make_tuple(b.flag.empty(), b.discrimination);
  });
  return out;
}

std::string annual_summary_html(OrganiserStore& store, const SummaryTable& t, AwardFormula formula, int top_n) {
  const int y = t.year;
  const auto yoy = year_on_year(store, t);
  std::string h = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + std::to_string(y) +
                  " 年安康杯竞赛活动总结</title><style>" + kStyle + "</style></head><body>";
  h += "<h1>" + std::to_string(y) + " 年“安康杯”安全知识竞赛活动总结</h1>";

  // [SECTION] Participation and growth
  h += "<h2>一、参与情况与逐年增长</h2><div class=\"cards\">";
  auto card = [&](const char* label, const YearOnYear::Figure& f) {
    h += "<div class=\"card\">" + std::string(label) + "<div class=\"big\">" + std::to_string(f.now) + "</div>" +
         std::to_string(y - 1) + " 年：" +
         (yoy.has_previous ? std::to_string(f.before) + "　" + growth(f) : std::string("无上年数据")) + "</div>";
  };
  card("参赛企业", yoy.enterprises);
  card("参赛职工", yoy.workers);
  card("答题人次", yoy.attempts);
  h += "</div><p>平均分 " + num(t.overall.mean_score) + "，合格率 " + pct(t.overall.pass_rate) + "（合格线 " + num(t.pass_mark, 0) +
       " 分），参与率 " + pct(t.overall.participation) + "。</p>";
  if (!yoy.baseline_source.empty())
    h += "<p class=\"note\">" + std::to_string(y - 1) + " 年的数字取自导入的上年参赛企业汇总表（" + esc(yoy.baseline_source) +
         "），本库没有该年的原始答题记录。</p>";

  // [SECTION] Per organising unit
  h += "<h3>各组织单位参与情况</h3><table><tr><th>组织单位</th><th>企业数</th><th>参赛企业</th><th>职工人数</th><th>参赛人数</th>"
       "<th>参与率</th><th>平均分</th><th>合格率</th>";
  if (yoy.has_previous) h += "<th>" + std::to_string(y - 1) + " 年参赛人数</th><th>增幅</th>";
  h += "</tr>";
  for (std::size_t i = 0; i < t.units.size(); ++i) {
    const auto& block = t.units[i];
    const auto& total = block.total;
    h += "<tr><td>" + esc(block.unit) + "</td><td class=\"n\">" + std::to_string(block.enterprises.size()) + "</td><td class=\"n\">" +
         std::to_string(yoy.units[i].enterprises.now) + "</td><td class=\"n\">" + std::to_string(total.headcount) +
         "</td><td class=\"n\">" + std::to_string(total.participants) + "</td><td class=\"n\">" + pct(total.participation) +
         "</td><td class=\"n\">" + score_cell(total) + "</td><td class=\"n\">" + pass_cell(total) + "</td>";
    if (yoy.has_previous) {
      const auto& w = yoy.units[i].workers;
      h += "<td class=\"n\">" + std::to_string(w.before) + "</td><td class=\"n\">" + (w.growth() ? growth(w) : "—") + "</td>";
    }
    h += "</tr>";
  }
  const auto& all = t.overall;
  std::size_t listed = 0;
  for (const auto& block : t.units) listed += block.enterprises.size();
  h += "<tr><th>总计</th><th class=\"n\">" + std::to_string(listed) + "</th><th class=\"n\">" + std::to_string(yoy.enterprises.now) + "</th><th class=\"n\">" + std::to_string(all.headcount) +
       "</th><th class=\"n\">" + std::to_string(all.participants) + "</th><th class=\"n\">" + pct(all.participation) +
       "</th><th class=\"n\">" + score_cell(all) + "</th><th class=\"n\">" + pass_cell(all) + "</th>";
  if (yoy.has_previous)
    h += "<th class=\"n\">" + std::to_string(yoy.workers.before) + "</th><th class=\"n\">" +
         (yoy.workers.growth() ? growth(yoy.workers) : "—") + "</th>";
  h += "</tr></table>";
  if (!t.unregistered.enterprises.empty()) {
    const auto& apart = t.unregistered;
    h += "<h3>未登记企业</h3><p class=\"note\">" + esc(kUnregisteredNote) + "</p><table><tr><th>统一社会信用代码</th><th>企业名称</th>"
         "<th>参赛人数</th><th>答题人次</th><th>平均分</th><th>合格率</th></tr>";
    for (const auto& r : apart.enterprises)
      h += "<tr><td>" + esc(r.uscc) + "</td><td>" + (r.name.empty() ? std::string("（名称不详）") : esc(r.name)) + "</td><td class=\"n\">" +
           std::to_string(r.participants) + "</td><td class=\"n\">" + std::to_string(r.attempts) + "</td><td class=\"n\">" +
           score_cell(r) + "</td><td class=\"n\">" + pass_cell(r) + "</td></tr>";
    h += "</table>";
  }

  // [SECTION] Duplicate registrations (a city's store: the units' roll-ups)
  if (!t.duplicates.empty() || !store.units().empty()) {
    h += "<h3>重复报名</h3>";
    if (t.duplicates.empty()) h += "<p class=\"note\">各组织单位报名的企业没有重复。</p>";
    else
      h += "<p>以下企业由两个以上组织单位报名（不能重复报名）。各项合计只计一次，计入标“是”的报名（最先导入的）。</p>"
           "<table><tr><th>统一社会信用代码</th><th>企业名称</th><th>报名来源</th><th>职工人数</th><th>计入合计</th></tr>";
    for (const auto& d : t.duplicates)
      for (std::size_t i = 0; i < d.registrations.size(); ++i) {
        const auto& r = d.registrations[i];
        h += "<tr>" + (i == 0 ? "<td rowspan=\"" + std::to_string(d.registrations.size()) + "\">" + esc(d.uscc) + "</td>" : std::string()) +
             "<td>" + esc(r.name) + "</td><td>" + esc(registration_source(r, true)) + "</td><td class=\"n\">" +
             std::to_string(r.headcount) + "</td><td" + (r.counted ? "" : " class=\"flag\"") + ">" + (r.counted ? "是" : "否") +
             "</td></tr>";
      }
    if (!t.duplicates.empty()) h += "</table>";
  }

  // [SECTION] Score distribution
  std::vector<double> bins;
  for (auto n : score_bands(store, y)) bins.push_back(static_cast<double>(n));  // 100 joins the top band
  std::vector<std::string> labels;
  for (int b = 0; b < 10; ++b) labels.push_back(std::to_string(b * 10) + (b == 9 ? "–100" : "–" + std::to_string(b * 10 + 9)));
  h += "<h2>二、成绩分布（答题人次）</h2>" + svg_bars(labels, bins, "#2a6ebb");

  // [SECTION] Weakest categories per unit (heat map)
  std::map<std::string, std::map<std::string, std::pair<double, double>>> cells;  // unit -> category -> (n, sum_x)
  std::set<std::string> categories;
  const auto registered = store.year_registrations(y);
  auto unit_of = [&](const std::string& uscc) {
    auto it = registered.find(uscc);
    return it == registered.end() ? std::string("未登记企业") : it->second.unit;
  };
  auto cat = store.db().prepare("SELECT c.uscc, c.category, sum(c.n), sum(c.sum_x) FROM category_year c WHERE c.year = ? GROUP BY 1, 2");
  cat.bind(1, std::int64_t{y});
  while (cat.step()) {
    auto top = cat.text(1).substr(0, cat.text(1).find('/'));
    auto& cell = cells[unit_of(cat.text(0))][top];
    cell.first += cat.real(2);
    cell.second += cat.real(3);
    categories.insert(top);
  }
  h += "<h2>三、各单位薄弱知识点（正确率热力图）</h2><table><tr><th>组织单位</th>";
  for (const auto& c : categories) h += "<th>" + esc(c) + "</th>";
  h += "<th>最薄弱</th></tr>";
  for (const auto& [unit, row] : cells) {
    h += "<tr><td>" + esc(unit) + "</td>";
    std::string weakest;
    double weakest_rate = 2;
    for (const auto& c : categories) {
      auto it = row.find(c);
      if (it == row.end() || it->second.first == 0) {
        h += "<td></td>";
        continue;
      }
      const double rate = it->second.second / it->second.first;
      if (rate < weakest_rate) weakest_rate = rate, weakest = c;
      h += "<td class=\"n\" style=\"background:" + heat(rate) + "\">" + pct(rate) + "</td>";
    }
    h += "<td>" + esc(weakest) + "</td></tr>";
  }
  h += "</table>";

  // [SECTION] Top teams and enterprises
  h += "<h2>四、优秀班组与企业</h2><table><tr><th>名次</th><th>班组</th><th>企业</th><th>参赛人数</th><th>平均最好成绩</th></tr>";
  auto teams = store.db().prepare(
      "SELECT t.name, t.uscc, count(*), avg(y.best_percent) FROM worker_year y JOIN workers w ON w.id = y.worker_id "
      "JOIN teams t ON t.id = w.team_id WHERE y.year = ? GROUP BY t.id HAVING count(*) >= 3 ORDER BY 4 DESC, 3 DESC");
  teams.bind(1, std::int64_t{y});
  for (int i = 1; i <= 10 && teams.step();) {
    auto it = registered.find(teams.text(1));
    if (it == registered.end()) continue;  // teams of unregistered enterprises win no place
    h += "<tr><td class=\"n\">" + std::to_string(i++) + "</td><td>" + esc(teams.text(0)) + "</td><td>" + esc(it->second.name) +
         "</td><td class=\"n\">" + std::to_string(teams.int64(2)) + "</td><td class=\"n\">" + num(teams.real(3)) + "</td></tr>";
  }
  h += "</table>";
  std::vector<const SummaryRow*> ents;
  std::vector<std::vector<std::int64_t>> keys;
  for (const auto& block : t.units)
    for (const auto& r : block.enterprises)
      if (r.registered && r.participants > 0) {
        ents.push_back(&r);
        keys.push_back({std::llround(r.participation * 1000), std::llround(r.mean_score * 1000), std::llround(r.pass_rate * 1000)});
      }
  std::vector<scoring::Order> chain;
  for (const auto& link : scoring::enterprise_chain()) chain.push_back(link.order);
  auto ranked = scoring::rank(keys, chain);
  h += "<table><tr><th>名次</th><th>企业</th><th>组织单位</th><th>参与率</th><th>平均分</th><th>合格率</th></tr>";
  for (std::size_t i = 0; i < ranked.size() && i < 10; ++i) {
    const auto& r = *ents[static_cast<std::size_t>(ranked[i].entry)];
    h += "<tr><td class=\"n\">" + std::to_string(ranked[i].rank) + "</td><td>" + esc(r.name) + "</td><td>" + esc(r.unit) +
         "</td><td class=\"n\">" + pct(r.participation) + "</td><td class=\"n\">" + score_cell(r) + "</td><td class=\"n\">" +
         pass_cell(r) + "</td></tr>";
  }
  h += "</table><p class=\"note\">企业排名：参与率 → 平均分 → 合格率。</p>";

  // Final standings of the year's host-mode team contests, as the kiosks ran them.
  h += "<h3>班组赛最终名次</h3>";
  const auto standings = store.team_results(y);
  if (standings.empty()) h += "<p class=\"note\">本年度无班组赛成绩。</p>";
  for (std::size_t i = 0; i < standings.size();) {
    const auto& first = standings[i];
    h += "<p>" + esc(first.contest_id) + "（" + china_date(first.started_at_ms) + "，赛事 " + uuid_to_string(first.contest).substr(0, 8) +
         "）</p><table><tr><th>名次</th><th>班组</th><th>企业</th><th>得分</th><th>答对题数</th><th>犯规</th></tr>";
    for (; i < standings.size() && standings[i].contest == first.contest; ++i) {
      const auto& r = standings[i];
      h += "<tr><td class=\"n\">" + std::to_string(r.rank) + "</td><td>" + esc(r.team) + "</td><td>" +
           (r.registered ? esc(r.enterprise) : "未登记企业 " + esc(r.uscc)) + "</td><td class=\"n\">" +
           num(static_cast<double>(r.centipoints) / 100.0) + "</td><td class=\"n\">" + std::to_string(r.correct) +
           "</td><td class=\"n\">" + std::to_string(r.fouls) + "</td></tr>";
    }
    h += "</table>";
  }

  // [SECTION] Organisation award
  static const char* formula_names[] = {"参与率", "前 N 名成绩之和", "动员人数"};
  h += "<h2>五、优秀组织奖排名（依据：" + std::string(formula_names[static_cast<int>(formula)]) +
       (formula == AwardFormula::top_n_sum ? "，N = " + std::to_string(top_n) : std::string()) + "）</h2>";
  h += "<table><tr><th>名次</th><th>组织单位</th><th>依据数值</th><th>参赛人数</th><th>参与率</th></tr>";
  for (const auto& e : award_ranking(store, t, formula, top_n))
    h += "<tr><td class=\"n\">" + std::to_string(e.rank) + "</td><td>" + esc(e.unit) + "</td><td class=\"n\">" +
         (formula == AwardFormula::participation ? pct(e.value) : num(e.value, formula == AwardFormula::mobilised ? 0 : 1)) +
         "</td><td class=\"n\">" + std::to_string(e.participants) + "</td><td class=\"n\">" + pct(e.participation) + "</td></tr>";
  h += "</table>";

  // [SECTION] Item statistics
  auto items = item_statistics(store, y);
  std::size_t flagged = 0;
  for (const auto& it : items) flagged += !it.flag.empty();
  h += "<h2>六、试题质量分析</h2><p>答题 20 次以上的试题 " + std::to_string(items.size()) + " 道，其中需复核 " + std::to_string(flagged) +
       " 道。难度（通过率）高于 90% 为过易，低于 30% 为过难；区分度（与总成绩的相关系数）低于 -0.05 为误导。</p>";
  h += "<table><tr><th>试题编号</th><th>知识点</th><th>作答次数</th><th>通过率</th><th>区分度</th><th>提示</th></tr>";
  for (std::size_t i = 0; i < items.size() && i < std::max<std::size_t>(flagged, 15); ++i) {
    const auto& it = items[i];
    h += "<tr><td>" + esc(it.question_id.substr(0, 8)) + "</td><td>" + esc(it.category) + "</td><td class=\"n\">" +
         std::to_string(it.answers) + "</td><td class=\"n\">" + pct(it.facility) + "</td><td class=\"n\">" + num(it.discrimination, 2) +
         "</td><td class=\"flag\">" + esc(it.flag) + "</td></tr>";
  }
  h += "</table></body></html>\n";
  return h;
}

}  // namespace ankang::results
