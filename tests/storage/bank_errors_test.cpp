// The question bank's callers (CLI, kiosk) catch BankError, so a failure in
// the storage layer under the bank must reach them as one, naming the file.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "question_bank/bank.h"
#include "question_bank/draw.h"
#include "storage/sqlite.h"
#include "tests/storage/temp_db.h"

namespace ankang::storage {
namespace {

Question true_false(const std::string& stem) {
  Question q;
  q.type = QuestionType::true_false;
  q.stem = stem;
  q.truth = true;
  return q;
}

TEST(StorageBankErrors, AFailedWriteIsABankErrorNamingTheFile) {
  auto path = temp_db("bank_readonly.db");
  auto bank = bank::Bank::open(path);
  exec(bank.handle(), "PRAGMA query_only = 1");
  try {
    bank.insert({true_false("进入受限空间前必须先通风、检测。")});
    FAIL() << "expected a BankError";
  } catch (const bank::BankError& e) {
    EXPECT_NE(e.text().zh.find(path), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().en.find("readonly"), std::string::npos) << e.text().en;
  }
  exec(bank.handle(), "PRAGMA query_only = 0");
  EXPECT_EQ(bank.count(), 0);  // the failed insert left nothing behind
}

}  // namespace
}  // namespace ankang::storage
