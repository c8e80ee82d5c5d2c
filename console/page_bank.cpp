// The bank page: the workspace's question bank, its counts, the starter bank,
// importing files (organiser::import_questions, as `ankang bank import`),
// and browsing, editing and retiring questions (Bank::list, edit, retire).
#include <imgui.h>

#include <filesystem>

#include "console/context.h"
#include "console/problem_rows.h"
#include "console_ui/screen_bank.h"
#include "console_ui/text.h"
#include "organiser/bank_import.h"
#include "question_bank/bank.h"
#include "question_bank/starter_bank.h"

namespace ankang::console {

namespace {

using console_ui::BankView;

// A search runs once the typing pauses this long (or at once on Enter).
constexpr double kSearchPause = 0.4;

// The changed questions (same stem as an active question, another answer), a row each at their line.
std::vector<console_ui::ProblemRow> changed_rows(const std::vector<bank::Diagnostic>& changed) {
  std::vector<console_ui::ProblemRow> rows;
  for (const auto& d : changed)
    rows.push_back({where(d.pos.line, d.pos.column), console_ui::tr(field_label("stem")), console_ui::tr(d.message)});
  return rows;
}

BankView::Import import_view(const std::string& file, const organiser::QuestionFiles& files,
                             const organiser::QuestionImport& outcome) {
  BankView::Import im;
  im.file = file;
  im.ok = outcome.imported && outcome.problems == 0;
  im.summary = console_ui::tr(outcome.summary());
  im.good = static_cast<int>(files.questions.size());
  im.imported = outcome.imported;
  for (const auto& p : organiser::problems_of(files)) im.problems.push_back({where(p.pos.line, p.pos.column), console_ui::tr(field_label(p.field)), console_ui::tr(p.message)});
  for (const auto& w : files.warnings) im.warnings.push_back(bank::format_diagnostic(w, console_ui::language() == console_ui::Lang::zh));
  im.changed = changed_rows(outcome.changed);
  return im;
}

class BankPage : public Page {
 public:
  void draw(Context& ctx) override {
    if (ctx.data_version != seen_version_) {
      seen_version_ = ctx.data_version;
      reload_stats(ctx);
      list_dirty_ = true;
    }
    if (list_dirty_) {
      list_dirty_ = false;
      reload_list(ctx);
    }
    const auto intent = console_ui::bank_screen(view_);
    handle(ctx, intent);
  }

 private:
  bank::Bank* reader(Context& ctx) {
    if (!reader_) reader_ = std::make_unique<bank::Bank>(bank::Bank::open(ctx.workspace.bank_db()));
    return reader_.get();
  }

  void reload_stats(Context& ctx) try {
    view_.error.clear();
    auto* b = reader(ctx);
    const auto stats = b->stats();
    view_.active = stats.total;
    view_.retired = b->count(true) - stats.total;
    view_.by_type.clear();
    view_.by_category.clear();
    view_.by_difficulty.clear();
    for (const auto& [code, n] : stats.by_type) {
      const auto t = type_from_code(code);
      view_.by_type.emplace_back(t ? std::string(type_name_zh(*t)) : code, n);
    }
    for (const auto& [name, n] : stats.by_category) view_.by_category.emplace_back(name, n);
    for (const auto& [d, n] : stats.by_difficulty)
      view_.by_difficulty.emplace_back(std::string(console_ui::tr("难度", "level ")) + std::to_string(d), n);
    const std::string kept = view_.category >= 0 ? view_.categories[static_cast<std::size_t>(view_.category)] : "";
    view_.categories = b->top_categories();
    view_.category = -1;
    for (std::size_t i = 0; i < view_.categories.size(); ++i)
      if (view_.categories[i] == kept) view_.category = static_cast<int>(i);
    if (view_.chosen) choose(ctx, view_.chosen->id);
  } catch (const std::exception& e) {
    view_.error = console_ui::tr(error_text(e));
  }

  void reload_list(Context& ctx) try {
    bank::ListQuery q;
    q.text = searched_;
    if (view_.type >= 0) q.type = console_ui::bank_types()[static_cast<std::size_t>(view_.type)];
    if (view_.category >= 0) q.category = view_.categories[static_cast<std::size_t>(view_.category)];
    q.difficulty = view_.difficulty;
    q.include_retired = view_.include_retired;
    q.offset = view_.offset;
    q.limit = view_.page_size;
    const auto page = reader(ctx)->list(q);
    view_.rows.clear();
    for (const auto& r : page.rows)
      view_.rows.push_back({r.id, r.stem, std::string(type_name_zh(r.type)), r.category, r.difficulty, r.retired});
    view_.total = page.total;
    view_.search_capped = !q.text.empty() && page.total >= bank::kListSearchLimit;
  } catch (const std::exception& e) {
    view_.error = console_ui::tr(error_text(e));
  }

  void choose(Context& ctx, const std::string& id) try {
    view_.chosen = reader(ctx)->get(id);
    view_.confirm_retire = false;
  } catch (const std::exception& e) {
    view_.error = console_ui::tr(error_text(e));
  }

  // Without `on_changed`, a file with changed questions (a corrected sheet)
  // is not imported yet: the page asks 替换旧题 / 保留两份 first, and then
  // reads the file again and imports it with the answer.
  void start_import(Context& ctx, const std::string& file, bool skip_bad, std::optional<bank::OnChanged> on_changed = {}) {
    const std::string db = ctx.workspace.bank_db();
    const auto name = std::filesystem::path(file).filename().string();
    ctx.jobs.start({"正在导入 " + name, "importing " + name}, [this, db, file, name, skip_bad, on_changed](Progress& p) {
      const auto files = organiser::read_question_files({file});
      auto store = bank::Bank::open(db);
      if (!on_changed && (files.ok() || skip_bad)) {
        if (const auto changed = organiser::find_changed_questions(store, files); !changed.empty()) {
          BankView::Import im;
          im.file = file;
          im.good = static_cast<int>(files.questions.size());
          im.changed = changed_rows(changed);
          im.choose_replace = true;
          const auto n = std::to_string(changed.size());
          return Finish{true,
                        {name + "：有 " + n + " 道题与题库中已有的题题干相同但答案不同，请选择替换旧题或保留两份",
                         name + ": " + n + " questions have the stem of a question in the bank but another answer; choose to replace the old ones or keep both"},
                        [this, im, skip_bad] {
                          view_.import = im;
                          choice_skip_bad_ = skip_bad;
                        },
                        false};
        }
      }
      const auto outcome = organiser::import_questions(
          store, files, skip_bad, [&p](bank::InsertStage, std::size_t done, std::size_t total) { p(done, total); },
          on_changed.value_or(bank::OnChanged::keep_both));
      auto im = import_view(file, files, outcome);
      im.file = file;
      Text message = outcome.summary();
      message.zh = name + "：" + message.zh;
      message.en = name + ": " + message.en;
      return Finish{outcome.imported, message, [this, im] { view_.import = im; }, outcome.imported};
    });
  }

  void start_save(Context& ctx) {
    const Question edited = console_ui::draft_question(*view_.draft);
    const std::string db = ctx.workspace.bank_db();
    ctx.jobs.start({"正在保存题目", "saving the question"}, [this, db, edited](Progress&) {
      auto store = bank::Bank::open(db);
      const auto outcome = store.edit(edited);
      const Text message = outcome.replaced
          ? Text{"已保存：答案或题型有改动，原题已停用，修改后的题目另存为新题（已收集的成绩仍按原题计算）",
                 "saved: the answer or type changed, so the old question is retired and the edited one stored as a new question (results already collected still count against the old one)"}
          : Text{"已保存修改", "changes saved"};
      const std::string id = outcome.id;
      return Finish{true, message, [this, id] {
                      view_.draft.reset();
                      pending_choice_ = id;
                    },
                    true};
    });
  }

  void start_retire(Context& ctx, const std::string& id) {
    const std::string db = ctx.workspace.bank_db();
    ctx.jobs.start({"正在停用题目", "retiring the question"}, [this, db, id](Progress&) {
      auto store = bank::Bank::open(db);
      store.retire(id);
      return Finish{true, {"已停用这道题：它不会再被抽入试卷", "question retired: it will no longer be drawn into papers"},
                    [this, id] {
                      view_.confirm_retire = false;
                      pending_choice_ = id;
                    },
                    true};
    });
  }

  void load_starter(Context& ctx) {
    const std::string db = ctx.workspace.bank_db();
    ctx.jobs.start({"正在载入初始题库", "loading the starter bank"}, [db](Progress&) {
      auto store = bank::Bank::open(db);
      if (const int n = store.count(true); n > 0)
        return Finish{false, {"题库已有 " + std::to_string(n) + " 道题，未载入初始题库", "the bank already holds " + std::to_string(n) + " questions; the starter bank was not loaded"}, {}, false};
      const auto outcome = bank::load_starter_bank(store);
      return Finish{true,
                    {"已载入初始题库：新增 " + std::to_string(outcome.inserted) + " 道题",
                     "starter bank loaded: " + std::to_string(outcome.inserted) + " questions added"},
                    {},
                    true};
    });
  }

  void handle(Context& ctx, const console_ui::BankIntent& in) {
    if (in.load_starter) load_starter(ctx);
    if (in.import_file)
      ctx.browse({{"选择要导入的题目文件", "Choose a question file to import"},
                  false,
                  {".xlsx", ".xls", ".csv", ".tsv", ".txt", ".docx", ".gift", ".xml", ".json"},
                  [this, &ctx](const std::string& path) { start_import(ctx, path, false); }});
    if (in.import_good_only && view_.import) start_import(ctx, view_.import->file, true);
    if (in.replace_changed && view_.import) start_import(ctx, view_.import->file, choice_skip_bad_, bank::OnChanged::replace);
    if (in.keep_both && view_.import) start_import(ctx, view_.import->file, choice_skip_bad_, bank::OnChanged::keep_both);
    if (in.close_import) {
      if (view_.import && view_.import->choose_replace) {
        const auto name = std::filesystem::path(view_.import->file).filename().string();
        ctx.say(true, {"已取消导入 " + name + "，题库未改动", "import of " + name + " cancelled; the bank is unchanged"});
      }
      view_.import.reset();
    }

    // The search waits for a pause in the typing; the other filters apply at once.
    const double now = ImGui::GetTime();
    if (in.filters_changed) {
      if (view_.search != searched_) typed_at_ = now;
      else view_.offset = 0, list_dirty_ = true;
    }
    if (view_.search != searched_ && (in.search_now || now - typed_at_ >= kSearchPause)) {
      searched_ = view_.search;
      view_.offset = 0;
      list_dirty_ = true;
    } else if (in.search_now) {
      list_dirty_ = true;
    }
    if (in.offset) view_.offset = *in.offset, list_dirty_ = true;
    if (in.choose) {
      view_.draft.reset();
      choose(ctx, view_.rows[static_cast<std::size_t>(*in.choose)].id);
    }
    if (in.edit && view_.chosen) view_.draft = console_ui::make_draft(*view_.chosen);
    if (in.retire) view_.confirm_retire = true;
    if (in.cancel_retire) view_.confirm_retire = false;
    if (in.confirm_retire && view_.chosen) start_retire(ctx, view_.chosen->id);
    if (view_.draft) {
      if (in.editor.cancel) {
        view_.draft.reset();
      } else {
        check_draft();
        if (in.editor.save && view_.draft->problems.empty()) start_save(ctx);
      }
    }
    if (pending_choice_) {
      const std::string id = *pending_choice_;
      pending_choice_.reset();
      choose(ctx, id);
    }
  }

  // The engine's own checks (those the importers use), and what saving will do.
  void check_draft() {
    auto& d = *view_.draft;
    const Question q = console_ui::draft_question(d);
    d.problems.clear();
    for (const auto& p : validate(q)) d.problems.push_back({"", console_ui::tr(field_label(p.field)), console_ui::tr(p.message)});
    if (d.question.type == QuestionType::fill_blank && d.numeric && !q.numeric)
      d.problems.push_back({"", "numeric", console_ui::tr("答案不是一个数", "the answer is not a number")});
    d.change_note = bank::answer_unchanged(d.original, q)
        ? console_ui::tr("只改了文字、分类或难度：保存时在原题上修改。", "Only wording, category or difficulty changed: saving changes the question itself.")
        : console_ui::tr("答案或题型有改动：保存时原题停用，修改后的题目另存为新题，已收集的成绩仍按原题计算。",
                         "The answer or type changed: saving retires the old question and stores the edited one as new; results already collected still count against the old one.");
  }

  BankView view_;
  std::unique_ptr<bank::Bank> reader_;
  int seen_version_ = -1;
  bool list_dirty_ = true;
  std::string searched_;   // the search text the list shows
  double typed_at_ = 0;
  std::optional<std::string> pending_choice_;
  bool choice_skip_bad_ = false;  // the import waiting for 替换旧题 / 保留两份 leaves bad records out
};

}  // namespace

std::unique_ptr<Page> make_bank_page() { return std::make_unique<BankPage>(); }

}  // namespace ankang::console
