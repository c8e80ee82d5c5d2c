#include "question_bank/bank.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <span>
#include <tuple>
#include <vector>

#include "question_bank/bank_impl.h"
#include "question_bank/bulk_journal.h"
#include "question_bank/foreign_keys_off.h"
#include "question_bank/integer_rows.h"
#include "question_bank/migrations.h"
#include "question_bank/question_columns.h"
#include "storage/sqlite.h"

namespace ankang::bank {

// [SECTION] Opening

Bank Bank::open(const std::string& path) {
  std::unique_ptr<Impl> impl;
  try {
    impl = std::make_unique<Impl>(path);
  } catch (const storage::StorageError& e) {
    throw BankError(Text{"无法打开题库 " + path + "：" + e.reason(), "cannot open question bank " + path + ": " + e.reason()});
  }
  // A big import touches pages all over the random-keyed indexes (id,
  // dup_key) and the search index; with SQLite's default 2 MB cache they
  // spill to the WAL again and again. 64 MB at most, used only as needed.
  storage::exec(impl->db, "PRAGMA cache_size = -65536");
  // Reads through a memory map: drawing a paper reads ~200 pages scattered
  // over the file, and a read() system call for each costs more than the
  // lookup itself. SQLite caps the size at what it was built to allow.
  storage::exec(impl->db, "PRAGMA mmap_size = 2147418112");
  // A multi-row INSERT keeps a statement journal (the pages it changed, to
  // undo it alone). On disk (/var/tmp) a big import wrote it about eight
  // times per question: 1.2-1.4 s of system time for 100,000 questions, a
  // quarter of the import. In memory it costs a copy of a few pages.
  storage::exec(impl->db, "PRAGMA temp_store = MEMORY");
  migrate(impl->db);
  return Bank(std::move(impl));
}

Bank::Bank(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Bank::Bank(Bank&&) noexcept = default;
Bank& Bank::operator=(Bank&&) noexcept = default;
Bank::~Bank() = default;

sqlite3* Bank::handle() const { return impl_->db; }
int Bank::schema_version() const { return ankang::bank::schema_version(impl_->db); }

// [SECTION] Inserting

namespace {

std::string problem_list(const std::vector<FieldProblem>& problems, bool chinese) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += chinese ? "；" : "; ";
    out += p.field + (chinese ? "：" : ": ") + (chinese ? p.message.zh : p.message.en);
  }
  return out;
}

std::string describe(std::size_t index, const Question& q, bool chinese) {
  std::string who = chinese ? "第 " + std::to_string(index + 1) + " 题" : "question " + std::to_string(index + 1);
  if (!q.id.empty()) who += " (id " + q.id + ")";
  std::string stem = q.stem.substr(0, 60);
  while (!stem.empty() && (static_cast<unsigned char>(stem.back()) & 0xC0) == 0x80) stem.pop_back();
  if (!stem.empty() && static_cast<unsigned char>(stem.back()) >= 0xC0) stem.pop_back();
  if (!stem.empty()) who += (chinese ? "「" : " \"") + stem + (chinese ? "」" : "\"");
  return who;
}

// Every problem of every question, so one run shows all there is to fix.
void check_all(const std::vector<Question>& questions) {
  Text all;
  int bad = 0;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    auto problems = validate(questions[i]);
    if (problems.empty()) continue;
    if (++bad > 20) continue;
    all.zh += "\n  " + describe(i, questions[i], true) + "：" + problem_list(problems, true);
    all.en += "\n  " + describe(i, questions[i], false) + ": " + problem_list(problems, false);
  }
  if (bad == 0) return;
  throw BankError(Text{std::to_string(bad) + " 道题无法存入题库，未存入任何题目：" + all.zh,
                       std::to_string(bad) + " question(s) cannot be stored, none was stored:" + all.en});
}

// How often insert() reports progress, in questions.
constexpr std::size_t kProgressEvery = 4096;

// The new questions' options, one per line, as the search index takes them
// (sql/0002_search.sql), offered to SQL as new_option_lines(seq) while an
// insert lasts: the indexing statement then need not parse every JSON
// options column back with json_each. NULL for a question it does not hold.
class OptionLines {
 public:
  OptionLines(sqlite3* db, std::int64_t first_seq) : db_(db), first_seq_(first_seq) {
    if (sqlite3_create_function_v2(db_, kName, 1, SQLITE_UTF8, this, &call, nullptr, nullptr, nullptr) != SQLITE_OK)
      storage::fail(db_, "注册 SQL 函数", "registering an SQL function");
  }
  ~OptionLines() { sqlite3_create_function_v2(db_, kName, 1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr); }
  OptionLines(const OptionLines&) = delete;
  OptionLines& operator=(const OptionLines&) = delete;

  void add(std::int64_t seq, const std::vector<std::string>& options) {
    if (seq != first_seq_ + static_cast<std::int64_t>(lines_.size())) return;  // not in order: SQL parses the column
    std::string text;
    for (const auto& o : options) {
      if (&o != &options.front()) text += '\n';
      text += o;
    }
    lines_.push_back({std::move(text), !options.empty()});
  }

  static constexpr const char* kName = "new_option_lines";

 private:
  static void call(sqlite3_context* context, int, sqlite3_value** args) {
    auto* self = static_cast<OptionLines*>(sqlite3_user_data(context));
    const std::int64_t at = sqlite3_value_int64(args[0]) - self->first_seq_;
    if (at < 0 || at >= static_cast<std::int64_t>(self->lines_.size()) || !self->lines_[at].second) {
      sqlite3_result_null(context);  // no options: group_concat over nothing gives NULL too
      return;
    }
    const auto& text = self->lines_[at].first;
    sqlite3_result_text64(context, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
  }

  sqlite3* db_;
  std::int64_t first_seq_;
  std::vector<std::pair<std::string, bool>> lines_;  // text, whether the question has options
};

// The statements of one insert() call, and what it learned on the way, so a
// big import looks each category, tag and stratum up once.
class Inserter {
 public:
  explicit Inserter(sqlite3* db) : db_(db) { waiting_.reserve(kRowsPerInsert); }

  // Stores questions[index] unless the bank already holds it, and records
  // in `outcome` its id in the bank (the existing question's for a
  // duplicate) and whether it was new. Questions without an id or a picture
  // (a spreadsheet's) wait to go in kRowsPerInsert at a time: call flush()
  // after the last question.
  void store(const Question& q, std::size_t index, std::int64_t now, InsertOutcome& outcome) {
    if (q.id.empty() && q.image.empty()) {
      // A category first named by a duplicate is still recorded: a name in
      // the tree, no question in it.
      waiting_.push_back({&q, index, new_uuid(), encode_answer(q), duplicate_key(q), category_id(q.category), 0});
      if (waiting_.size() == kRowsPerInsert) flush(now, outcome);
      return;
    }
    flush(now, outcome);  // the bank keeps the questions in their order
    // A given id or a picture is checked before anything is written: a
    // duplicate must neither trip the id check nor leave its picture behind.
    const DuplicateKey key = duplicate_key(q);
    if (std::string id = existing(key); !id.empty()) return record(outcome, index, std::move(id), false);
    if (!q.id.empty()) {
      id_exists_.bind(1, q.id);
      bool exists = id_exists_.step();
      id_exists_.reset();
      if (exists)
        throw BankError(Text{"题库中已有 id 为 " + q.id + " 的另一道题（内容不同）",
                             "the bank already holds another question (different content) with id " + q.id});
    }
    Row row{&q, index, q.id.empty() ? new_uuid() : q.id, encode_answer(q), key, category_id(q.category), 0};
    if (!q.image.empty()) row.image = image_id(q.image);
    insert_rows(std::span<Row>(&row, 1), now, outcome);
  }

  // Stores the questions still waiting.
  void flush(std::int64_t now, InsertOutcome& outcome) {
    if (waiting_.empty()) return;
    insert_rows(waiting_, now, outcome);
    waiting_.clear();
  }

  // Tags, draw slots and the search index of the new questions, each
  // written by one or a few statements rather than a row at a time; call
  // before commit. A statement costs SQLite more than the row it writes
  // (statement journal, foreign-key checks), and FTS5 flushes its pending
  // terms at the end of every statement that writes it: a row at a time
  // would build (and merge) one segment per question.
  void finish(std::size_t inserted, const InsertProgress& progress) {
    new_tags_.write(db_);
    new_slots_.write(db_);
    for (const auto& [key, stratum] : strata_)
      set_stratum_size_.bind(1, stratum.size).bind(2, stratum.id).run();

    // Each chunk below writes one segment. FTS5 would merge them as soon as
    // a few exist (automerge), reading back and rewriting everything just
    // written: about a tenth of the indexing work. Their merge is left to
    // later, smaller inserts, which merge a little at a time.
    const bool several_segments = last_new_seq_ - first_new_seq_ >= kIndexChunk;
    if (several_segments) set_automerge_.bind(1, std::int64_t{0}).run();
    std::size_t done = 0;
    for (std::int64_t from = first_new_seq_; inserted > 0 && from <= last_new_seq_; from += kIndexChunk) {
      if (progress) progress(InsertStage::indexing, done, inserted);
      index_new_.bind(1, from).bind(2, from + kIndexChunk).run();
      done = std::min(inserted, done + static_cast<std::size_t>(sqlite3_changes(db_)));
    }
    if (several_segments) set_automerge_.bind(1, kDefaultAutomerge).run();
    if (progress) progress(InsertStage::indexing, inserted, inserted);
  }

 private:
  struct Stratum {
    std::int64_t id = 0;
    std::int64_t size = 0;
  };

  // Questions indexed per statement: their terms fit FTS5's pending-terms
  // buffer (sql/0004_search_buffer.sql), so each statement writes one
  // segment, and the progress bar still moves.
  static constexpr std::int64_t kIndexChunk = 25000;
  // FTS5's own default: merge once 4 segments of a level exist.
  static constexpr std::int64_t kDefaultAutomerge = 4;

  // A question on its way into the table, with what its row is made of.
  struct Row {
    const Question* question;
    std::size_t index;  // in the input, for the outcome
    std::string id;
    AnswerColumns columns;
    DuplicateKey key;
    std::int64_t category;  // 0: none
    std::int64_t image;     // 0: none
  };

  // A statement costs SQLite far more than a row (VM set-up, transaction
  // and journal bookkeeping): spreadsheet questions go in this many to an
  // INSERT. 18 parameters each, well under SQLite's limit of 32766.
  static constexpr std::size_t kRowsPerInsert = 32;
  static constexpr int kColumns = 18;

  static void record(InsertOutcome& outcome, std::size_t index, std::string id, bool fresh) {
    outcome.ids[index] = std::move(id);
    ++(fresh ? outcome.inserted : outcome.duplicates);
  }

  // `INSERT ... VALUES (...), (...) ON CONFLICT (dup_key) DO NOTHING` for `rows` rows, prepared once.
  // OR FAIL: a failing row ends the statement without undoing the rows
  // before it, so SQLite keeps no statement journal (a copy of every page
  // the statement changes, two or three random index pages per question);
  // the failure still rolls the whole insert back.
  storage::Statement& insert_statement(std::size_t rows) {
    auto [it, fresh] = insert_questions_.try_emplace(rows);
    if (fresh) {
      std::string sql =
          "INSERT OR FAIL INTO questions (id, type, stem, options, answer, pairs, regions, image_id, explanation, law, "
          "article, category_id, difficulty, source, status, created_at, updated_at, dup_key) VALUES ";
      for (std::size_t i = 0; i < rows; ++i) sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                                      : "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
      it->second = storage::Statement(db_, sql + " ON CONFLICT (dup_key) DO NOTHING");
    }
    return it->second;
  }

  void insert_rows(std::span<Row> rows, std::int64_t now, InsertOutcome& outcome) {
    // Every parameter is bound for every question, from values that live
    // until the step: no copies, and no clearing between statements.
    auto& st = insert_statement(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& r = rows[i];
      const Question& q = *r.question;
      const int at = static_cast<int>(i) * kColumns;
      st.bind_static(at + 1, r.id).bind_static(at + 2, type_code(q.type)).bind_static(at + 3, q.stem);
      st.bind_static(at + 4, r.columns.options).bind_static(at + 5, r.columns.answer);
      st.bind_static(at + 6, r.columns.pairs).bind_static(at + 7, r.columns.regions);
      if (r.image == 0) st.bind_null(at + 8); else st.bind(at + 8, r.image);
      st.bind_static(at + 9, q.explanation).bind_static(at + 10, q.basis.law).bind_static(at + 11, q.basis.article);
      if (r.category == 0) st.bind_null(at + 12); else st.bind(at + 12, r.category);
      st.bind(at + 13, std::int64_t{q.difficulty}).bind_static(at + 14, q.source);
      st.bind_static(at + 15, q.status == QuestionStatus::retired ? "retired" : "active");
      st.bind(at + 16, q.created_at ? q.created_at : now).bind(at + 17, q.updated_at ? q.updated_at : now);
      st.bind_static(at + 18, std::span<const std::uint8_t>(r.key));
    }
    st.run_keeping_bindings();
    const auto changed = static_cast<std::size_t>(sqlite3_changes(db_));
    if (changed == 0) {
      for (auto& r : rows) record(outcome, r.index, existing(r.key), false);
      return;
    }
    // New rows get seq one above the highest, in the order of the VALUES.
    const std::int64_t last = sqlite3_last_insert_rowid(db_);
    if (changed == rows.size()) {
      for (std::size_t i = 0; i < rows.size(); ++i) added(rows[i], last - static_cast<std::int64_t>(rows.size() - 1 - i), outcome);
    } else {
      // ON CONFLICT (dup_key) DO NOTHING skipped some: a question already
      // in the bank, or twice among these. The bank says which went in.
      std::int64_t taken = next_seq_ - 1;
      for (auto& r : rows) {
        find_dup_seq_.bind(1, std::span<const std::uint8_t>(r.key));
        find_dup_seq_.step();
        const std::int64_t seq = find_dup_seq_.int64(0);
        std::string id = find_dup_seq_.text(1);
        find_dup_seq_.reset();
        if (seq > taken) {
          taken = seq;
          added(r, seq, outcome);
        } else {
          record(outcome, r.index, std::move(id), false);
        }
      }
    }
    next_seq_ = last + 1;
  }

  // What a new question adds besides its row.
  void added(Row& r, std::int64_t seq, InsertOutcome& outcome) {
    const Question& q = *r.question;
    last_new_seq_ = seq;
    option_lines_.add(seq, q.options);
    for (std::size_t i = 0; i < q.tags.size(); ++i)
      new_tags_.add(seq, static_cast<std::int64_t>(i), tag_id(q.tags[i]));
    if (q.status == QuestionStatus::active) add_to_slots(seq, r.category, q.type, q.difficulty);
    record(outcome, r.index, std::move(r.id), true);
  }

  // The existing id of a question with this duplicate key, or "".
  std::string existing(const DuplicateKey& dup_key) {
    find_dup_.bind(1, std::span<const std::uint8_t>(dup_key));
    std::string id = find_dup_.step() ? find_dup_.text(0) : std::string();
    find_dup_.reset();
    return id;
  }

  std::int64_t category_id(const std::vector<std::string>& path) {
    std::int64_t parent = 0;
    std::string prefix;
    for (const auto& name : path) {
      prefix += (prefix.empty() ? "" : "/") + name;
      auto [it, fresh] = categories_.try_emplace(prefix, 0);
      if (fresh) {
        find_category_.bind(1, prefix);
        if (find_category_.step()) {
          it->second = find_category_.int64(0);
          find_category_.reset();
        } else {
          find_category_.reset();
          if (parent == 0) insert_category_.bind_null(1); else insert_category_.bind(1, parent);
          insert_category_.bind(2, name).bind(3, prefix).run();
          it->second = sqlite3_last_insert_rowid(db_);
        }
      }
      parent = it->second;
    }
    return parent;
  }

  std::int64_t tag_id(const std::string& name) {
    auto [it, fresh] = tags_.try_emplace(name, 0);
    if (fresh) {
      find_tag_.bind(1, name);
      if (find_tag_.step()) {
        it->second = find_tag_.int64(0);
        find_tag_.reset();
      } else {
        find_tag_.reset();
        insert_tag_name_.bind(1, name).run();
        it->second = sqlite3_last_insert_rowid(db_);
      }
    }
    return it->second;
  }

  std::int64_t image_id(const Image& image) {
    std::string hash = sha256_hex(image.bytes);
    find_image_.bind(1, hash);
    std::int64_t id = find_image_.step() ? find_image_.int64(0) : 0;
    find_image_.reset();
    if (id) return id;
    insert_image_.bind(1, hash).bind(2, image.mime).bind(3, std::int64_t{image.width});
    insert_image_.bind(4, std::int64_t{image.height}).bind(5, std::span<const std::uint8_t>(image.bytes)).run();
    return sqlite3_last_insert_rowid(db_);
  }

  // The question takes the next ordinal of its stratum (sql/0003_draw_strata.sql).
  void add_to_slots(std::int64_t seq, std::int64_t category, QuestionType type, int difficulty) {
    auto [it, fresh] = strata_.try_emplace(std::make_tuple(category, type, difficulty));
    if (fresh) {
      upsert_stratum_.bind(1, category).bind(2, type_code(type)).bind(3, std::int64_t{difficulty});
      upsert_stratum_.step();
      it->second = {upsert_stratum_.int64(0), upsert_stratum_.int64(1)};
      upsert_stratum_.reset();
    }
    new_slots_.add(it->second.id, it->second.size++, seq);
  }

  sqlite3* db_;
  // Rows inserted in this transaction get seq above every existing one.
  std::int64_t first_new_seq_ = [this] {
    storage::Statement st(db_, "SELECT ifnull(max(seq), 0) + 1 FROM questions");
    st.step();
    return st.int64(0);
  }();
  std::int64_t last_new_seq_ = 0;
  std::int64_t next_seq_ = first_new_seq_;  // what the next new row's seq will be
  storage::Statement id_exists_{db_, "SELECT 1 FROM questions WHERE id = ?"};
  storage::Statement find_dup_{db_, "SELECT id FROM questions WHERE dup_key = ?"};
  storage::Statement find_dup_seq_{db_, "SELECT seq, id FROM questions WHERE dup_key = ?"};
  std::map<std::size_t, storage::Statement> insert_questions_;  // by number of rows
  std::vector<Row> waiting_;  // reserved: bound values stay put until their statement ran
  storage::Statement find_category_{db_, "SELECT id FROM categories WHERE path = ?"};
  storage::Statement insert_category_{db_, "INSERT INTO categories (parent_id, name, path) VALUES (?, ?, ?)"};
  storage::Statement find_tag_{db_, "SELECT id FROM tags WHERE name = ?"};
  storage::Statement insert_tag_name_{db_, "INSERT INTO tags (name) VALUES (?)"};
  storage::Statement find_image_{db_, "SELECT id FROM images WHERE sha256 = ?"};
  storage::Statement insert_image_{db_, "INSERT INTO images (sha256, mime, width, height, bytes) VALUES (?, ?, ?, ?, ?)"};
  OptionLines option_lines_{db_, first_new_seq_};
  // Options one per line, as sql/0002_search.sql indexes them.
  storage::Statement index_new_{db_,
      "INSERT INTO questions_fts (rowid, stem, options, explanation) "
      "SELECT q.seq, q.stem, ifnull(new_option_lines(q.seq), "
      "(SELECT group_concat(value, char(10)) FROM json_each(q.options))), q.explanation "
      "FROM questions q WHERE q.seq >= ? AND q.seq < ?"};
  storage::Statement set_automerge_{db_, "INSERT INTO questions_fts (questions_fts, rank) VALUES ('automerge', ?)"};
  storage::Statement upsert_stratum_{db_,
      "INSERT INTO strata (category_id, type, difficulty) VALUES (?, ?, ?) "
      "ON CONFLICT DO UPDATE SET size = size RETURNING id, size"};
  storage::Statement set_stratum_size_{db_, "UPDATE strata SET size = ? WHERE id = ?"};

  std::map<std::string, std::int64_t> categories_;
  std::map<std::string, std::int64_t> tags_;
  std::map<std::tuple<std::int64_t, QuestionType, int>, Stratum> strata_;
  // OR FAIL: no statement journal either (see insert_statement()).
  IntegerRows new_tags_{"INSERT OR FAIL INTO question_tags (question_seq, position, tag_id)"};
  IntegerRows new_slots_{"INSERT OR FAIL INTO draw_slots (stratum_id, ordinal, question_seq)"};
};

}  // namespace

InsertOutcome insert_questions(sqlite3* db, const std::vector<Question>& questions, const InsertProgress& progress,
                               std::optional<OnChanged> on_changed) {
  check_all(questions);
  InsertOutcome outcome;
  outcome.ids.resize(questions.size());
  const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
  const std::size_t total = questions.size();
  BulkJournal journal(db, total);
  ForeignKeysOff unchecked(db);
  storage::Transaction tx(db);
  // Found before anything is written, so the new questions are not taken for old ones.
  Changes changes = on_changed ? find_changes(db, questions) : Changes{};
  Inserter inserter(db);
  for (std::size_t i = 0; i < total; ++i) {
    if (progress && i % kProgressEvery == 0) progress(InsertStage::storing, i, total);
    inserter.store(questions[i], i, now, outcome);
  }
  inserter.flush(now, outcome);
  if (progress) progress(InsertStage::storing, total, total);
  inserter.finish(static_cast<std::size_t>(outcome.inserted), progress);
  // After finish(): the inserter keeps the strata's sizes until it writes them.
  if (on_changed == OnChanged::replace) {
    for (std::int64_t seq : changes.old_seqs) retire_row(db, seq, now);
    outcome.replaced = static_cast<int>(changes.old_seqs.size());
  }
  outcome.changed = std::move(changes.changed);
  tx.commit();
  return outcome;
}

InsertOutcome Bank::insert(const std::vector<Question>& questions, const InsertProgress& progress,
                           OnChanged on_changed) try {
  return insert_questions(impl_->db, questions, progress, on_changed);
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

// [SECTION] Reading

namespace {

constexpr const char* kQuestionColumns =
    "SELECT q.seq, q.id, q.type, q.stem, q.options, q.answer, q.pairs, q.regions, q.image_id, q.explanation, "
    "q.law, q.article, c.path, q.difficulty, q.source, q.status, q.created_at, q.updated_at "
    "FROM questions q LEFT JOIN categories c ON c.id = q.category_id ";

Question read_question(sqlite3* db, storage::Statement& st) {
  Question q;
  std::int64_t seq = st.int64(0);
  q.id = st.text(1);
  q.type = type_from_code(st.text(2)).value_or(QuestionType::single);
  q.stem = st.text(3);
  decode_answer({st.text(4), st.text(5), st.text(6), st.text(7)}, q);
  if (!st.is_null(8)) {
    storage::Statement image(db, "SELECT mime, width, height, bytes FROM images WHERE id = ?");
    image.bind(1, st.int64(8));
    if (image.step()) {
      auto bytes = image.blob(3);
      q.image = Image{image.text(0), {bytes.begin(), bytes.end()}, static_cast<int>(image.int64(1)),
                      static_cast<int>(image.int64(2))};
    }
  }
  q.explanation = st.text(9);
  q.basis = {st.text(10), st.text(11)};
  q.category = split_category(st.text(12));
  q.difficulty = static_cast<int>(st.int64(13));
  q.source = st.text(14);
  q.status = st.text(15) == "retired" ? QuestionStatus::retired : QuestionStatus::active;
  q.created_at = st.int64(16);
  q.updated_at = st.int64(17);
  storage::Statement tags(db,
      "SELECT t.name FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_seq = ? "
      "ORDER BY qt.position");
  tags.bind(1, seq);
  while (tags.step()) q.tags.push_back(tags.text(0));
  return q;
}

}  // namespace

std::optional<Question> Bank::get(const std::string& id) const try {
  storage::Statement st(impl_->db, std::string(kQuestionColumns) + "WHERE q.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_question(impl_->db, st);
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

std::vector<Question> Bank::all(bool include_retired) const try {
  storage::Statement st(impl_->db, std::string(kQuestionColumns) +
                                   (include_retired ? "" : "WHERE q.status = 'active' ") + "ORDER BY q.seq");
  std::vector<Question> out;
  while (st.step()) out.push_back(read_question(impl_->db, st));
  return out;
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

int Bank::count(bool include_retired) const try {
  storage::Statement st(impl_->db, include_retired ? "SELECT count(*) FROM questions"
                                               : "SELECT count(*) FROM questions WHERE status = 'active'");
  st.step();
  return static_cast<int>(st.int64(0));
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

// [SECTION] Retiring

void retire_row(sqlite3* db, std::int64_t seq, std::int64_t now) {
  storage::Statement(db, "UPDATE questions SET status = 'retired', updated_at = ? WHERE seq = ?").bind(1, now).bind(2, seq).run();
  leave_draw_slots(db, seq);
}

void Bank::retire(const std::string& id) try {
  storage::Transaction tx(impl_->db);
  storage::Statement find(impl_->db, "SELECT seq, status FROM questions WHERE id = ?");
  find.bind(1, id);
  if (!find.step())
    throw BankError(Text{"题库 " + impl_->path + " 中没有 id 为 " + id + " 的题目",
                         "question bank " + impl_->path + " has no question with id " + id});
  if (find.text(1) == "retired") return;  // already retired: nothing to do
  retire_row(impl_->db, find.int64(0), static_cast<std::int64_t>(std::time(nullptr)));
  tx.commit();
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

// [SECTION] Statistics

Stats Bank::stats() const try {
  // The draw strata count exactly the active questions, a few rows instead of the whole bank.
  Stats s;
  storage::Statement st(impl_->db,
      "SELECT s.type, s.difficulty, ifnull(c.path, ''), sum(s.size) FROM strata s "
      "LEFT JOIN categories c ON c.id = s.category_id WHERE s.size > 0 "
      "GROUP BY s.type, s.difficulty, s.category_id");
  while (st.step()) {
    int n = static_cast<int>(st.int64(3));
    auto path = split_category(st.text(2));
    s.total += n;
    s.by_type[st.text(0)] += n;
    s.by_difficulty[static_cast<int>(st.int64(1))] += n;
    s.by_category[path.empty() ? kNoCategory : path.front()] += n;
  }
  return s;
} catch (const storage::StorageError& e) {
  throw BankError(e.text());  // the bank's callers catch BankError
}

}  // namespace ankang::bank
