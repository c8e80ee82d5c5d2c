#include "organiser/bank_import.h"

#include <filesystem>

namespace ankang::organiser {

namespace {

bank::Diagnostic whole_file(const std::string& file, std::string zh, std::string en) {
  return {file, {}, Text{std::move(zh), std::move(en)}};
}

// "answer: the message" -> {"answer", "the message"}; a message without a
// field name in front stays whole.
std::pair<std::string, std::string> split_field(const std::string& message) {
  const auto colon = message.find(": ");
  if (colon == std::string::npos || colon == 0 || colon > 32) return {"", message};
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = message[i];
    if (!((c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9') || c == '.' || c == '[' || c == ']'))
      return {"", message};
  }
  return {message.substr(0, colon), message.substr(colon + 2)};
}

}  // namespace

QuestionFiles read_question_files(const std::vector<std::string>& files, std::optional<bank::Format> format,
                                  const std::function<void(std::size_t, const std::string&)>& on_file) {
  QuestionFiles out;
  auto fail = [&](const bank::Diagnostic& d) {
    ++out.file_errors;
    out.rejected.push_back({d.pos, "", {d}});
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& path = files[i];
    if (on_file) on_file(i, path);
    auto bytes = bank::read_file(path);
    if (!bytes) {
      fail(whole_file(path, "无法读取文件 " + path, "cannot read " + path));
      continue;
    }
    auto f = format ? format : bank::detect_format(path, *bytes);
    if (!f) {
      fail(whole_file(path, "无法判断 " + path + " 的格式（可用：" + bank::format_names(" ") + "）",
                      "cannot tell the format of " + path + " (one of: " + bank::format_names(", ") + ")"));
      continue;
    }
    bank::ParseResult r = bank::parse_questions(path, *bytes, *f);
    for (auto& w : r.warnings) out.warnings.push_back(std::move(w));
    for (auto& d : r.file_errors) fail(d);
    for (auto& rec : r.rejected) out.rejected.push_back(std::move(rec));
    const auto name = std::filesystem::path(path).filename().string();
    for (auto& p : r.questions) {
      if (p.question.source.empty()) p.question.source = name;  // where it came from, for the organiser
      out.questions.push_back(std::move(p.question));
      out.origins.push_back({path, p.pos});
    }
  }
  return out;
}

std::vector<QuestionFileProblem> problems_of(const QuestionFiles& files) {
  std::vector<QuestionFileProblem> rows;
  for (const auto& rec : files.rejected)
    for (const auto& d : rec.reasons) {
      auto [field, zh] = split_field(d.message.zh);
      auto [field_en, en] = split_field(d.message.en);
      rows.push_back({d.file, d.pos, field.empty() ? field_en : field, Text{zh, en}});
    }
  return rows;
}

Text QuestionImport::summary() const {
  const auto n = [](int v) { return std::to_string(v); };
  Text t;
  if (!imported) {
    t = {"有 " + n(problems) + " 处错误，未导入任何题目（修正文件后重试，或只导入正确的题目）",
         n(problems) + " problems: nothing imported (fix the file and try again, or import only the good questions)"};
  } else {
    t = {"导入 " + n(added) + " 题", n(added) + " questions imported"};
    if (duplicates > 0) {
      t.zh += "，" + n(duplicates) + " 题重复未导入";
      t.en += ", " + n(duplicates) + " duplicates not imported";
    }
    if (replaced > 0) {
      t.zh += "，替换旧题 " + n(replaced) + " 道（已停用）";
      t.en += ", " + n(replaced) + " old questions replaced (retired)";
    } else if (!changed.empty()) {
      t.zh += "，" + n(static_cast<int>(changed.size())) + " 题与已有的题答案不同（旧题仍在使用）";
      t.en += ", " + n(static_cast<int>(changed.size())) + " with another answer than a question already there (still in use)";
    }
    if (problems > 0) {
      t.zh += "，" + n(problems) + " 处错误的记录未导入";
      t.en += ", " + n(problems) + " records with problems left out";
    }
  }
  if (warnings > 0) {
    t.zh += "，警告 " + n(warnings) + " 条";
    t.en += ", " + n(warnings) + " warnings";
  }
  return t;
}

std::vector<bank::Diagnostic> changed_warnings(const QuestionFiles& files, const std::vector<bank::ChangedQuestion>& changed,
                                               ChangedFate fate) {
  std::vector<bank::Diagnostic> out;
  for (const auto& c : changed) {
    std::string ids;
    for (const auto& id : c.existing_ids) ids += (ids.empty() ? "" : "、") + id.substr(0, 8);
    const bool several = c.existing_ids.size() > 1;
    Text message{"题干与题库中已有的题 " + ids + " 相同但答案不同",
                 "same stem as the bank's question" + std::string(several ? "s " : " ") + ids + " but another answer"};
    if (fate == ChangedFate::kept) {
      message.zh += "；已有的题仍在使用";
      message.en += several ? "; they are still in use" : "; it is still in use";
    } else if (fate == ChangedFate::replaced) {
      message.zh += "；已停用旧题，以本题替换";
      message.en += several ? "; they are retired, replaced by this one" : "; it is retired, replaced by this one";
    }
    const QuestionOrigin where = c.index < files.origins.size() ? files.origins[c.index] : QuestionOrigin{};
    out.push_back({where.file, where.pos, std::move(message)});
  }
  return out;
}

std::vector<bank::Diagnostic> find_changed_questions(const bank::Bank& bank, const QuestionFiles& files) {
  return changed_warnings(files, bank.changed(files.questions), ChangedFate::found);
}

QuestionImport import_questions(bank::Bank& bank, const QuestionFiles& files, bool skip_bad,
                                const bank::InsertProgress& progress, bank::OnChanged on_changed) {
  QuestionImport out;
  out.problems = static_cast<int>(files.rejected.size());
  out.warnings = static_cast<int>(files.warnings.size());
  if (!files.ok() && !skip_bad) return out;
  const auto inserted = bank.insert(files.questions, progress, on_changed);
  out.imported = true;
  out.added = inserted.inserted;
  out.duplicates = inserted.duplicates;
  out.replaced = inserted.replaced;
  out.changed = changed_warnings(files, inserted.changed,
                                 on_changed == bank::OnChanged::replace ? ChangedFate::replaced : ChangedFate::kept);
  if (on_changed == bank::OnChanged::keep_both) out.warnings += static_cast<int>(out.changed.size());  // asked for, not a warning
  return out;
}

}  // namespace ankang::organiser
