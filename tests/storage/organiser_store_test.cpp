// The organiser store goes through the shared ladder, so a store written by
// a newer program is refused instead of being used with a schema it lacks.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "results/store.h"
#include "storage/migrations.h"
#include "storage/sqlite.h"
#include "tests/storage/temp_db.h"

namespace ankang::storage {
namespace {

TEST(StorageOrganiserStore, IsMigratedThroughTheSharedLadder) {
  auto path = temp_db("organiser.db");
  results::OrganiserStore store(path);
  EXPECT_GE(store.schema_version(), 1);
  EXPECT_EQ(schema_version(store.db().handle()), store.schema_version());
}

TEST(StorageOrganiserStore, AStoreFromANewerProgramIsRefusedNamingTheFile) {
  auto path = temp_db("organiser_newer.db");
  {
    Database db(path);
    db.exec("PRAGMA user_version = 999");
  }
  try {
    results::OrganiserStore store(path);
    FAIL() << "expected a StorageError";
  } catch (const StorageError& e) {
    EXPECT_NE(e.text().zh.find("成绩库 " + path + " 的结构版本是 999"), std::string::npos) << e.text().zh;
    EXPECT_NE(e.text().en.find("organiser store " + path + " has schema version 999"), std::string::npos)
        << e.text().en;
  }
}

}  // namespace
}  // namespace ankang::storage
