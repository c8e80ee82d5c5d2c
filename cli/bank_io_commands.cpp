// ankang bank import | export | validate
//
// [SECTION] shared: reading files, printing diagnostics, progress
// [SECTION] validate
// [SECTION] import
// [SECTION] export
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "organiser/bank_import.h"
#include "question_bank/bank.h"
#include "question_bank/formats/format.h"
#include "storage/error.h"

namespace ankang::cli {

namespace {

using bank::Diagnostic;
using bank::Format;

// [SECTION] shared: reading files, printing diagnostics, progress

// A failure already explained to the user: exit 1 without another message.
struct Failed {};

void say(const Text& text) { std::printf("%s\n", localized(text).c_str()); }
void complain(const Text& text) { std::fprintf(stderr, "%s\n", localized(text).c_str()); }

std::function<void()> guarded(std::function<void()> body) {
  return [body = std::move(body)] {
    try {
      body();
    } catch (const Failed&) {
      throw CLI::RuntimeError(1);
    } catch (const bank::BankError& e) {
      std::fprintf(stderr, "%s: %s\n", locale_is_chinese() ? "错误" : "error", localized(e.text()).c_str());
      throw CLI::RuntimeError(1);
    } catch (const storage::StorageError& e) {
      std::fprintf(stderr, "%s: %s\n", locale_is_chinese() ? "错误" : "error", localized(e.text()).c_str());
      throw CLI::RuntimeError(1);
    }
  };
}

// "FILE:LINE[:COL]: message", with a suffix such as " (warning)".
void print_diagnostic(const Diagnostic& d, const char* zh_suffix = "", const char* en_suffix = "") {
  std::fprintf(stderr, "%s%s\n", bank::format_diagnostic(d, locale_is_chinese()).c_str(),
               locale_is_chinese() ? zh_suffix : en_suffix);
}

// --format when given, else the file's extension and content.
Format format_for(const std::string& path, const std::string& forced, std::span<const std::uint8_t> bytes) {
  if (!forced.empty()) {
    if (auto f = bank::format_from_name(forced)) return *f;
    complain({"未知格式 " + forced + "（可用：" + bank::format_names(" ") + "）",
              "unknown format " + forced + " (use one of: " + bank::format_names(", ") + ")"});
    throw Failed{};
  }
  if (auto f = bank::detect_format(path, bytes)) return *f;
  complain({"无法判断 " + path + " 的格式，请用 --format 指定", "cannot tell the format of " + path + "; name it with --format"});
  throw Failed{};
}

// A bar on stderr, drawn only when stderr is a terminal (not in logs or pipes).
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), shown_(isatty(STDERR_FILENO) == 1 && total > 0) {}
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void step(std::size_t done, const std::string& label) { step(done, total_, label); }
  // For a stage with its own count, e.g. the questions indexed for search.
  void step(std::size_t done, std::size_t total, const std::string& label) {
    if (!shown_ || total == 0) return;
    constexpr std::size_t kWidth = 30;
    auto filled = std::min(kWidth, kWidth * done / total);
    std::fprintf(stderr, "\r\033[K[%s%s] %zu/%zu %s", std::string(filled, '#').c_str(),
                 std::string(kWidth - filled, '.').c_str(), done, total, label.c_str());
    std::fflush(stderr);
  }

 private:
  std::size_t total_;
  bool shown_;
};

// --format when given (an unknown name is refused), else nullopt: each file's own.
std::optional<Format> forced_format(const std::string& forced) {
  if (forced.empty()) return std::nullopt;
  if (auto f = bank::format_from_name(forced)) return f;
  complain({"未知格式 " + forced + "（可用：" + bank::format_names(" ") + "）",
            "unknown format " + forced + " (use one of: " + bank::format_names(", ") + ")"});
  throw Failed{};
}

// Reads every file (organiser::read_question_files, as the console does),
// then prints the warnings; problems are collected. The progress bar
// advances one step per file.
organiser::QuestionFiles parse_files(const std::vector<std::string>& files, const std::string& forced, Progress& progress) {
  auto out = organiser::read_question_files(files, forced_format(forced), [&](std::size_t i, const std::string& path) {
    progress.step(i, (locale_is_chinese() ? "读取 " : "reading ") + path);
  });
  for (const auto& w : out.warnings) print_diagnostic(w, "（警告）", " (warning)");
  return out;
}

void print_rejected(const std::vector<bank::RejectedRecord>& rejected) {
  for (const auto& rec : rejected)
    for (const auto& d : rec.reasons) print_diagnostic(d);
}

// Writes next to the target and renames, so a failed write leaves no half file.
void write_file(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  auto temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::remove(temp.c_str());
      complain({"无法写入 " + path, "cannot write " + path});
      throw Failed{};
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::remove(temp.c_str());
    complain({"无法写入 " + path + "：" + ec.message(), "cannot write " + path + ": " + ec.message()});
    throw Failed{};
  }
}

// [SECTION] validate

void add_validate(CLI::App& parent) {
  struct Options {
    std::vector<std::string> files;
    std::string format;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand("validate", "Check question files without a database: report every problem (检查题库文件)");
  cmd->add_option("FILE", opt->files, "Files to check (csv, tsv, xlsx, xls, gift, xml, json, txt, docx)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--format", opt->format, bank::format_names(" | ") + " (default: from the extension and content)");
  cmd->callback(guarded([opt] {
    Progress progress(opt->files.size());
    auto parsed = parse_files(opt->files, opt->format, progress);
    print_rejected(parsed.rejected);
    auto good = std::to_string(parsed.questions.size()), bad = std::to_string(parsed.rejected.size());
    const auto warnings = std::to_string(parsed.warnings.size());
    say({"可导入 " + good + " 道题，有问题 " + bad + " 处，警告 " + warnings + " 条",
         good + " questions can be imported, " + bad + " problems, " + warnings + " warnings"});
    if (!parsed.rejected.empty()) throw Failed{};
  }));
}

// [SECTION] import

void add_import(CLI::App& parent) {
  struct Options {
    std::string db;
    std::string format;
    std::string skip_bad;
    bool replace = false;
    std::vector<std::string> files;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand(
      "import", "Import question files into the bank; all or nothing unless --skip-bad (导入题目)");
  cmd->add_option("--db", opt->db, "Bank file (SQLite; created when missing)")->required();
  cmd->add_option("--format", opt->format, bank::format_names(" | ") + " (default: from the extension and content)");
  cmd->add_option("--skip-bad", opt->skip_bad,
                  "Import the good questions and write the rejected records with their reasons to this CSV");
  cmd->add_flag("--replace", opt->replace,
                "A question whose stem is an active question's with another answer retires that one (以新题替换旧题)");
  cmd->add_option("FILE", opt->files, "Files to import")->required()->check(CLI::ExistingFile);
  cmd->callback(guarded([opt] {
    Progress progress(opt->files.size());
    auto parsed = parse_files(opt->files, opt->format, progress);
    if (!parsed.rejected.empty()) {
      print_rejected(parsed.rejected);
      if (opt->skip_bad.empty()) {
        complain({"有 " + std::to_string(parsed.rejected.size()) + " 处问题，未导入任何题目（修正后重试，或用 --skip-bad 报告.csv 只导入正确的题目）",
                  std::to_string(parsed.rejected.size()) + " problems: nothing imported (fix them, or use --skip-bad REPORT.csv to import the good questions)"});
        throw Failed{};
      }
      write_file(opt->skip_bad, bank::write_rejects_report(parsed.rejected, locale_is_chinese()));
    }
    auto bank = bank::Bank::open(opt->db);
    organiser::QuestionImport outcome;
    {
      // The bar restarts for each stage of the insert, with that stage's
      // count, and is gone before the summary is printed.
      Progress storing(parsed.questions.size());
      outcome = organiser::import_questions(bank, parsed, !opt->skip_bad.empty(), [&](bank::InsertStage stage, std::size_t done, std::size_t total) {
        if (stage == bank::InsertStage::storing)
          storing.step(done, total, locale_is_chinese() ? "写入题库" : "storing");
        else
          storing.step(done, total, locale_is_chinese() ? "建立搜索索引" : "indexing for search");
      }, opt->replace ? bank::OnChanged::replace : bank::OnChanged::keep_both);
    }
    for (const auto& d : outcome.changed) {
      if (opt->replace)
        print_diagnostic(d);
      else
        print_diagnostic(d, "。要以新题替换旧题，请加 --replace（警告）",
                         ". To retire the old question for the new one, add --replace (warning)");
    }
    auto inserted = std::to_string(outcome.added), duplicates = std::to_string(outcome.duplicates);
    Text summary{"导入 " + inserted + " 道题，重复跳过 " + duplicates + " 道",
                 inserted + " questions imported, " + duplicates + " duplicates skipped"};
    if (opt->replace) {
      summary.zh += "，替换旧题 " + std::to_string(outcome.replaced) + " 道（已停用）";
      summary.en += ", " + std::to_string(outcome.replaced) + " old questions replaced (retired)";
    } else if (!outcome.changed.empty()) {
      const auto n = std::to_string(outcome.changed.size());
      summary.zh += "，" + n + " 道与已有的题答案不同，旧题仍在使用（警告 " + n + " 条）";
      summary.en += ", " + n + " with another answer than a question already there, still in use (" + n + " warnings)";
    }
    say({summary.zh + " → " + opt->db, summary.en + " -> " + opt->db});
    if (!parsed.rejected.empty())
      say({"另有 " + std::to_string(parsed.rejected.size()) + " 条记录被拒绝，详见 " + opt->skip_bad,
           std::to_string(parsed.rejected.size()) + " records rejected, listed in " + opt->skip_bad});
  }));
}

// [SECTION] export

void add_export(CLI::App& parent) {
  struct Options {
    std::string db;
    std::string format;
    std::string out;
    bool include_retired = false;
    bool skip_unsupported = false;
  };
  auto opt = std::make_shared<Options>();
  auto* cmd = parent.add_subcommand("export", "Write the bank's questions to a file (导出题目)");
  cmd->add_option("--db", opt->db, "Bank file (SQLite)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--format", opt->format, bank::format_names(" | ") + " (default: from the -o extension)");
  cmd->add_option("-o,--output", opt->out, "File to write")->required();
  cmd->add_flag("--include-retired", opt->include_retired, "Also write retired questions");
  cmd->add_flag("--skip-unsupported", opt->skip_unsupported,
                "Leave out (and list) the questions the format cannot carry instead of failing");
  cmd->callback(guarded([opt] {
    auto format = format_for(opt->out, opt->format, {});
    if (!bank::format_can_write(format)) {
      complain({std::string(bank::format_name(format)) + " 格式只能导入，不能导出：请导出为 xlsx",
                std::string(bank::format_name(format)) + " files can be imported but not written: export as xlsx"});
      throw Failed{};
    }
    auto bank = bank::Bank::open(opt->db);
    auto questions = bank.all(opt->include_retired);
    auto problems = bank::export_problems(questions, format);
    for (const auto& p : problems)
      complain({"第 " + std::to_string(p.index + 1) + " 题 " + p.id + "：" + p.message.zh,
                "question " + std::to_string(p.index + 1) + " " + p.id + ": " + p.message.en});
    if (!problems.empty()) {
      if (!opt->skip_unsupported) {
        complain({std::to_string(problems.size()) + " 道题无法用 " + std::string(bank::format_name(format)) +
                      " 格式表示，未导出（可用 --skip-unsupported 跳过它们）",
                  std::to_string(problems.size()) + " questions cannot be written as " + std::string(bank::format_name(format)) +
                      "; nothing exported (use --skip-unsupported to leave them out)"});
        throw Failed{};
      }
      std::vector<Question> kept;
      std::size_t next = 0;
      for (std::size_t i = 0; i < questions.size(); ++i) {
        if (next < problems.size() && problems[next].index == i) {
          ++next;
          continue;
        }
        kept.push_back(std::move(questions[i]));
      }
      questions = std::move(kept);
    }
    write_file(opt->out, bank::write_questions(questions, format));
    say({"导出 " + std::to_string(questions.size()) + " 道题 → " + opt->out + "（跳过 " + std::to_string(problems.size()) + " 道）",
         std::to_string(questions.size()) + " questions exported -> " + opt->out + " (" + std::to_string(problems.size()) + " left out)"});
  }));
}

}  // namespace

void add_bank_io_commands(CLI::App& bank) {
  add_import(bank);
  add_export(bank);
  add_validate(bank);
}

}  // namespace ankang::cli
