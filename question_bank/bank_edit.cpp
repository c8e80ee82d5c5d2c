// Bank::edit (in place for a wording fix, retire-and-replace for a new
// answer), Bank::list and the draw-slot bookkeeping they share with retire.
#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "question_bank/bank.h"
#include "question_bank/bank_impl.h"
#include "question_bank/question_columns.h"
#include "storage/sqlite.h"

namespace ankang::bank {

// [SECTION] Draw slots

void leave_draw_slots(sqlite3* db, std::int64_t seq) {
  // Keep the stratum's ordinals gapless: its last question takes the freed slot.
  storage::Statement slot(db,
      "SELECT d.stratum_id, d.ordinal, s.size FROM draw_slots d JOIN strata s ON s.id = d.stratum_id "
      "WHERE d.question_seq = ?");
  slot.bind(1, seq);
  if (!slot.step()) return;
  std::int64_t stratum = slot.int64(0), ordinal = slot.int64(1), last = slot.int64(2) - 1;
  storage::Statement(db, "DELETE FROM draw_slots WHERE stratum_id = ? AND ordinal = ?").bind(1, stratum).bind(2, ordinal).run();
  if (ordinal != last)
    storage::Statement(db, "UPDATE draw_slots SET ordinal = ? WHERE stratum_id = ? AND ordinal = ?")
        .bind(1, ordinal).bind(2, stratum).bind(3, last).run();
  storage::Statement(db, "UPDATE strata SET size = size - 1 WHERE id = ?").bind(1, stratum).run();
}

void join_draw_slots(sqlite3* db, std::int64_t seq, std::int64_t category_id, QuestionType type, int difficulty) {
  storage::Statement upsert(db,
      "INSERT INTO strata (category_id, type, difficulty) VALUES (?, ?, ?) "
      "ON CONFLICT DO UPDATE SET size = size RETURNING id, size");
  upsert.bind(1, category_id).bind(2, type_code(type)).bind(3, std::int64_t{difficulty});
  upsert.step();
  const std::int64_t stratum = upsert.int64(0), size = upsert.int64(1);
  upsert.reset();
  storage::Statement(db, "INSERT INTO draw_slots (stratum_id, ordinal, question_seq) VALUES (?, ?, ?)")
      .bind(1, stratum).bind(2, size).bind(3, seq).run();
  storage::Statement(db, "UPDATE strata SET size = size + 1 WHERE id = ?").bind(1, stratum).run();
}

namespace {

// [SECTION] Editing

// The id of the category at `path`, made (with its parents) when missing; 0 for none.
std::int64_t category_id(sqlite3* db, const std::vector<std::string>& path) {
  std::int64_t parent = 0;
  std::string prefix;
  for (const auto& name : path) {
    prefix += (prefix.empty() ? "" : "/") + name;
    storage::Statement find(db, "SELECT id FROM categories WHERE path = ?");
    find.bind(1, prefix);
    if (find.step()) {
      parent = find.int64(0);
      continue;
    }
    storage::Statement insert(db, "INSERT INTO categories (parent_id, name, path) VALUES (?, ?, ?)");
    if (parent == 0) insert.bind_null(1); else insert.bind(1, parent);
    insert.bind(2, name).bind(3, prefix).run();
    parent = sqlite3_last_insert_rowid(db);
  }
  return parent;
}

std::int64_t tag_id(sqlite3* db, const std::string& name) {
  storage::Statement find(db, "SELECT id FROM tags WHERE name = ?");
  find.bind(1, name);
  if (find.step()) return find.int64(0);
  storage::Statement(db, "INSERT INTO tags (name) VALUES (?)").bind(1, name).run();
  return sqlite3_last_insert_rowid(db);
}

}  // namespace

bool answer_unchanged(const Question& before, const Question& after) {
  if (before.type != after.type) return false;
  switch (before.type) {
    case QuestionType::single:
    case QuestionType::multiple:
      return before.options.size() == after.options.size() && before.correct == after.correct;
    case QuestionType::true_false: return before.truth == after.truth;
    case QuestionType::fill_blank: return before.blanks == after.blanks && before.numeric == after.numeric;
    case QuestionType::matching: return before.pairs == after.pairs;
    case QuestionType::ordering: return before.options == after.options;
    case QuestionType::hotspot: return before.regions == after.regions && before.image == after.image;
  }
  return false;
}

namespace {

std::string problem_text(const std::vector<FieldProblem>& problems, bool chinese) {
  std::string out;
  for (const auto& p : problems) out += (out.empty() ? "" : (chinese ? "；" : "; ")) + p.field + (chinese ? "：" : ": ") +
                                        (chinese ? p.message.zh : p.message.en);
  return out;
}

// The search index's copy of one question (sql/0002_search.sql): out, or in again.
void reindex(sqlite3* db, std::int64_t seq, bool remove) {
  storage::Statement st(db, std::string("INSERT INTO questions_fts (") + (remove ? "questions_fts, " : "") +
                                "rowid, stem, options, explanation) SELECT " + (remove ? "'delete', " : "") +
                                "q.seq, q.stem, (SELECT group_concat(value, char(10)) FROM json_each(q.options)), "
                                "q.explanation FROM questions q WHERE q.seq = ?");
  st.bind(1, seq).run();
}

}  // namespace

EditOutcome Bank::edit(const Question& edited) try {
  sqlite3* db = impl_->db;
  const auto before = get(edited.id);
  if (!before)
    throw BankError(Text{"题库中没有 id 为 " + edited.id + " 的题目", "the bank has no question with id " + edited.id});
  if (before->status == QuestionStatus::retired)
    throw BankError(Text{"这道题已停用，不能再修改", "this question is retired and can no longer be edited"});
  if (auto problems = validate(edited); !problems.empty())
    throw BankError(Text{"题目有问题，未保存：" + problem_text(problems, true),
                         "the question has problems, not saved: " + problem_text(problems, false)});
  const DuplicateKey key = duplicate_key(edited);
  {
    storage::Statement dup(db, "SELECT id FROM questions WHERE dup_key = ?");
    dup.bind(1, std::span<const std::uint8_t>(key));
    if (dup.step() && dup.text(0) != edited.id)
      throw BankError(Text{"修改后与题库中另一道题（id " + dup.text(0) + "）重复，未保存",
                           "after the change it duplicates another question of the bank (id " + dup.text(0) + "); not saved"});
  }

  if (!answer_unchanged(*before, edited)) {
    // A new question, then the old one retired: should the second step fail,
    // both are there and active, and no result loses its meaning.
    Question fresh = edited;
    fresh.id.clear();
    fresh.status = QuestionStatus::active;
    fresh.created_at = fresh.updated_at = 0;
    auto outcome = insert_questions(db, {fresh}, {}, std::nullopt);  // the old one is retired below, and no other
    retire(edited.id);
    return {true, outcome.ids.front()};
  }

  storage::Transaction tx(db);
  storage::Statement find(db, "SELECT seq, ifnull(category_id, 0), difficulty FROM questions WHERE id = ?");
  find.bind(1, edited.id);
  find.step();
  const std::int64_t seq = find.int64(0), old_category = find.int64(1);
  const int old_difficulty = static_cast<int>(find.int64(2));
  find.reset();

  reindex(db, seq, true);
  const std::int64_t category = category_id(db, edited.category);
  const auto columns = encode_answer(edited);
  storage::Statement update(db,
      "UPDATE questions SET stem = ?, options = ?, answer = ?, pairs = ?, regions = ?, explanation = ?, law = ?, "
      "article = ?, category_id = ?, difficulty = ?, updated_at = ?, dup_key = ? WHERE seq = ?");
  update.bind(1, edited.stem).bind(2, columns.options).bind(3, columns.answer).bind(4, columns.pairs);
  update.bind(5, columns.regions).bind(6, edited.explanation).bind(7, edited.basis.law).bind(8, edited.basis.article);
  if (category == 0) update.bind_null(9); else update.bind(9, category);
  update.bind(10, std::int64_t{edited.difficulty}).bind(11, static_cast<std::int64_t>(std::time(nullptr)));
  update.bind(12, std::span<const std::uint8_t>(key)).bind(13, seq).run();
  reindex(db, seq, false);

  storage::Statement(db, "DELETE FROM question_tags WHERE question_seq = ?").bind(1, seq).run();
  for (std::size_t i = 0; i < edited.tags.size(); ++i)
    storage::Statement(db, "INSERT INTO question_tags (question_seq, position, tag_id) VALUES (?, ?, ?)")
        .bind(1, seq).bind(2, static_cast<std::int64_t>(i)).bind(3, tag_id(db, edited.tags[i])).run();

  if (category != old_category || edited.difficulty != old_difficulty) {
    leave_draw_slots(db, seq);
    join_draw_slots(db, seq, category, edited.type, edited.difficulty);
  }
  tx.commit();
  return {false, edited.id};
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

// [SECTION] Listing

namespace {

ListRow read_row(storage::Statement& st) {
  ListRow r;
  r.id = st.text(0);
  r.type = type_from_code(st.text(1)).value_or(QuestionType::single);
  r.stem = st.text(2);
  r.category = st.text(3);
  r.difficulty = static_cast<int>(st.int64(4));
  r.retired = st.text(5) == "retired";
  return r;
}

constexpr const char* kRowColumns =
    "SELECT q.id, q.type, substr(q.stem, 1, 200), ifnull(c.path, ''), q.difficulty, q.status "
    "FROM questions q LEFT JOIN categories c ON c.id = q.category_id ";

bool in_category(const std::string& path, const std::string& top) {
  if (top.empty()) return true;
  if (top == kNoCategory) return path.empty();
  return path == top || path.rfind(top + "/", 0) == 0;
}

}  // namespace

ListPage Bank::list(const ListQuery& query) const try {
  sqlite3* db = impl_->db;
  ListPage page;
  const int offset = std::max(0, query.offset), limit = std::max(0, query.limit);
  if (!query.text.empty()) {
    storage::Statement st(db, std::string(kRowColumns) + "WHERE q.id = ?");
    int matched = 0;
    for (const auto& id : search(query.text, kListSearchLimit, query.include_retired)) {
      st.bind(1, id);
      if (st.step()) {
        ListRow r = read_row(st);
        if ((!query.type || r.type == *query.type) && in_category(r.category, query.category) &&
            (query.difficulty == 0 || r.difficulty == query.difficulty)) {
          if (matched >= offset && matched < offset + limit) page.rows.push_back(std::move(r));
          ++matched;
        }
      }
      st.reset();
    }
    page.total = matched;
    return page;
  }

  std::string where = " WHERE 1";
  if (!query.include_retired) where += " AND q.status = 'active'";
  if (query.type) where += " AND q.type = ?1";
  if (query.category == kNoCategory) where += " AND q.category_id IS NULL";
  else if (!query.category.empty()) where += " AND (c.path = ?2 OR c.path LIKE ?3 ESCAPE '\\')";
  if (query.difficulty > 0) where += " AND q.difficulty = ?4";
  std::string like;
  for (char ch : query.category) {
    if (ch == '%' || ch == '_' || ch == '\\') like += '\\';
    like += ch;
  }
  like += "/%";
  auto bind = [&](storage::Statement& st) {
    if (query.type) st.bind(1, type_code(*query.type));
    if (!query.category.empty() && query.category != kNoCategory) st.bind(2, query.category).bind(3, like);
    if (query.difficulty > 0) st.bind(4, std::int64_t{query.difficulty});
  };
  storage::Statement count(db, "SELECT count(*) FROM questions q LEFT JOIN categories c ON c.id = q.category_id" + where);
  bind(count);
  count.step();
  page.total = static_cast<int>(count.int64(0));
  storage::Statement rows(db, std::string(kRowColumns) + where + " ORDER BY q.seq LIMIT ?5 OFFSET ?6");
  bind(rows);
  rows.bind(5, std::int64_t{limit}).bind(6, std::int64_t{offset});
  while (rows.step()) page.rows.push_back(read_row(rows));
  return page;
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

std::vector<std::string> Bank::top_categories() const try {
  std::vector<std::string> out;
  storage::Statement st(impl_->db, "SELECT name FROM categories WHERE parent_id IS NULL ORDER BY path");
  while (st.step()) out.push_back(st.text(0));
  storage::Statement none(impl_->db, "SELECT 1 FROM questions WHERE category_id IS NULL LIMIT 1");
  if (none.step()) out.push_back(kNoCategory);
  return out;
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

}  // namespace ankang::bank
