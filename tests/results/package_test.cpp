#include "results/package.h"

#include <gtest/gtest.h>

#include "results/error.h"
#include "sample.h"

namespace ankang::results {
namespace {

constexpr const char* kPort = "91350100MA2Y00001H";      // 福州港务集团
constexpr const char* kChemical = "91350100MA2Y00002L";  // 闽江化工有限公司

ContestPackage sample() {
  ContestPackage p;
  p.contest_id = "ankang-2026-district-3";
  p.name = "2026 年安康杯安全知识竞赛";
  p.config_json = R"({"rounds":[{"kind":"compulsory"}]})";
  p.question_ids = {"q1", "q2", "q3"};
  p.bank_subset = {1, 2, 3, 4};
  p.valid_from_ms = 1000;
  p.valid_until_ms = 2000;
  p.roster = {{kPort, "福州港务集团", {"装卸一班", "装卸二班"}}, {kChemical, "闽江化工有限公司", {"储运班"}}};
  return p;
}

void put_text(ByteWriter& w, const std::string& s) {
  w.u32(static_cast<std::uint32_t>(s.size()));
  for (char c : s) w.u8(static_cast<std::uint8_t>(c));
}

// A package as format version `version` lays it out: the version 1 body,
// then (version 2) whatever `roster` holds, signed with `key`.
Bytes hand_made(std::uint16_t version, const ContestPackage& p, const Bytes& roster, const KeyPair& key) {
  ByteWriter body;
  put_text(body, p.contest_id);
  put_text(body, p.name);
  put_text(body, p.config_json);
  body.u32(static_cast<std::uint32_t>(p.question_ids.size()));
  for (const auto& id : p.question_ids) put_text(body, id);
  body.u32(static_cast<std::uint32_t>(p.bank_subset.size()));
  body.raw(p.bank_subset);
  body.i64(p.valid_from_ms);
  body.i64(p.valid_until_ms);
  body.raw(roster);
  ByteWriter w;
  for (char c : std::string("ANKCPKG1")) w.u8(static_cast<std::uint8_t>(c));
  w.u16(version);
  w.u32(static_cast<std::uint32_t>(body.bytes().size()));
  w.raw(body.bytes());
  const auto sig = sign(w.bytes(), key.secret_key);
  w.raw(sig);
  return std::move(w.bytes());
}

std::string refusal(const Bytes& bytes, const PublicKey& key) {
  try {
    read_package(bytes, key);
  } catch (const ResultsError& e) {
    return e.text().en;
  }
  return "accepted";
}

TEST(ContestPackage, RoundTripWithRosterAndWindow) {
  auto org = testing::key_from_byte(7);
  auto bytes = write_package(sample(), org);
  auto p = read_package(bytes, org.public_key);
  EXPECT_EQ(p, sample());
  ASSERT_EQ(p.roster.size(), 2u);
  EXPECT_EQ(p.roster[0].teams, (std::vector<std::string>{"装卸一班", "装卸二班"}));
  EXPECT_NO_THROW(check_package_window(p, 1500));
  EXPECT_THROW(check_package_window(p, 999), ResultsError);
  EXPECT_THROW(check_package_window(p, 2001), ResultsError);
}

TEST(ContestPackage, TamperingAndOtherKeysAreRefused) {
  auto org = testing::key_from_byte(7);
  auto bytes = write_package(sample(), org);
  EXPECT_THROW(read_package(bytes, testing::key_from_byte(8).public_key), ResultsError);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto copy = bytes;
    copy[i] ^= 0x10;
    EXPECT_THROW(read_package(copy, org.public_key), ResultsError) << "byte " << i;
  }
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_THROW(read_package(std::span(bytes).first(n), org.public_key), ResultsError) << "length " << n;
}

TEST(ContestPackage, Version1PackagesStillLoadWithoutARoster) {
  auto org = testing::key_from_byte(7);
  ContestPackage old = sample();
  old.roster.clear();
  const auto p = read_package(hand_made(1, old, {}, org), org.public_key);
  EXPECT_EQ(p, old);
  EXPECT_TRUE(p.roster.empty());
}

TEST(ContestPackage, ANewerVersionIsRefusedNamingIt) {
  auto org = testing::key_from_byte(7);
  const auto why = refusal(hand_made(3, sample(), {}, org), org.public_key);
  EXPECT_NE(why.find("unsupported contest package version 3"), std::string::npos) << why;
}

// Rosters the organiser signed but that make no sense, or that declare more
// than the caps: refused, and nothing big is allocated on the way.
TEST(ContestPackage, BadOrHugeRostersAreRefused) {
  auto org = testing::key_from_byte(7);
  ContestPackage base = sample();
  base.roster.clear();
  auto roster = [](std::uint32_t enterprises, const std::string& uscc, const std::string& name,
                   std::vector<std::string> teams, std::uint32_t declared_teams = 0) {
    ByteWriter w;
    w.u32(enterprises);
    put_text(w, uscc);
    put_text(w, name);
    w.u32(declared_teams ? declared_teams : static_cast<std::uint32_t>(teams.size()));
    for (const auto& t : teams) put_text(w, t);
    return std::move(w.bytes());
  };
  const std::vector<std::pair<Bytes, std::string>> cases = {
      {roster(1, kPort, "港务", {"一班"}), "accepted"},
      {roster(0xffffffffu, kPort, "港务", {"一班"}), "enterprise count is invalid"},
      {roster(2, kPort, "港务", {"一班"}), "ends early"},  // the second enterprise is missing
      {roster(1, kPort, "港务", {"一班"}, 0xfffffffu), "team count is invalid"},
      {roster(1, kPort, "港务", {"一班"}, 2), "ends early"},
      {roster(1, "91350100MA2Y00001X", "港务", {"一班"}), "invalid or repeated USCC"},
      {roster(1, kPort, "", {"一班"}), "without a name or teams"},
      {roster(1, kPort, "港务", {}), "without a name or teams"},
      {roster(1, kPort, "港务", {"一班", "一班"}), "empty or repeated team"},
      {roster(1, kPort, std::string(300, 'x'), {"一班"}), "bad length"},
  };
  for (const auto& [bytes, expected] : cases) {
    const auto why = refusal(hand_made(2, base, bytes, org), org.public_key);
    EXPECT_NE(why.find(expected), std::string::npos) << why;
  }
  // The same enterprise twice.
  ByteWriter twice;
  twice.u32(2);
  for (int i = 0; i < 2; ++i) {
    put_text(twice, kPort);
    put_text(twice, "港务");
    twice.u32(1);
    put_text(twice, "一班");
  }
  EXPECT_NE(refusal(hand_made(2, base, twice.bytes(), org), org.public_key).find("repeated USCC"), std::string::npos);
  // Two codes under one name: the kiosk could not tell them apart.
  ByteWriter same_name;
  same_name.u32(2);
  for (const char* code : {kPort, kChemical}) {
    put_text(same_name, code);
    put_text(same_name, "港务");
    same_name.u32(1);
    put_text(same_name, "一班");
  }
  EXPECT_NE(refusal(hand_made(2, base, same_name.bytes(), org), org.public_key).find("two enterprises named"),
            std::string::npos);
}

std::vector<Row> rows_of(const std::vector<std::vector<std::string>>& cells) {
  std::vector<Row> rows;
  for (std::size_t r = 0; r < cells.size(); ++r) {
    Row row;
    for (std::size_t c = 0; c < cells[r].size(); ++c) row.push_back({cells[r][c], static_cast<int>(r + 1), static_cast<int>(c + 1)});
    rows.push_back(row);
  }
  return rows;
}

TEST(Roster, TeamsGatherUnderTheirEnterpriseInFileOrder) {
  const auto roster = read_roster(rows_of({{"班组", "企业名称", "统一社会信用代码"},
                                           {"装卸一班", "福州港务集团", kPort},
                                           {"储运班", "闽江化工有限公司", "９１３５０１００ma２y０００02l"},
                                           {" 机修班 ", "福州港务集团", kPort}}));
  ASSERT_TRUE(roster.problems.empty()) << roster.problems.front().message.en;
  ASSERT_EQ(roster.enterprises.size(), 2u);
  EXPECT_EQ(roster.enterprises[0], (RosterEnterprise{kPort, "福州港务集团", {"装卸一班", "机修班"}}));
  EXPECT_EQ(roster.enterprises[1], (RosterEnterprise{kChemical, "闽江化工有限公司", {"储运班"}}));
}

TEST(Roster, EveryProblemIsLocated) {
  const auto roster = read_roster(rows_of({{"统一社会信用代码", "企业名称", "班组"},
                                           {"91350100MA2Y00001X", "福州港务集团", "一班"},
                                           {kPort, "港务集团", "一班"},
                                           {kPort, "港务集团", "一班"},
                                           {kChemical, "闽江化工有限公司", ""},
                                           {kPort, "别的名字", "二班"},
                                           {kChemical, "港务集团", "一班"}}));
  ASSERT_EQ(roster.problems.size(), 5u);
  EXPECT_EQ(roster.problems[0].line, 2);
  EXPECT_EQ(roster.problems[0].column, 1);
  EXPECT_EQ(roster.problems[0].field, "uscc");
  EXPECT_NE(roster.problems[0].message.zh.find("H"), std::string::npos) << roster.problems[0].message.zh;
  EXPECT_EQ(roster.problems[1].line, 4);
  EXPECT_EQ(roster.problems[1].field, "team");
  EXPECT_EQ(roster.problems[2].line, 5);
  EXPECT_EQ(roster.problems[2].column, 3);
  EXPECT_EQ(roster.problems[3].line, 6);
  EXPECT_EQ(roster.problems[3].field, "name");
  EXPECT_EQ(roster.problems[4].line, 7);
  EXPECT_NE(roster.problems[4].message.en.find("already belongs"), std::string::npos);
}

TEST(Roster, AMissingColumnOrNoRowsIsAProblem) {
  auto r = read_roster(rows_of({{"统一社会信用代码", "企业名称"}, {kPort, "港务"}}));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].field, "team");
  r = read_roster(rows_of({{"uscc", "name", "team"}}));
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].message.en.find("no enterprise"), std::string::npos);
  EXPECT_FALSE(read_roster({}).problems.empty());
}

}  // namespace
}  // namespace ankang::results
