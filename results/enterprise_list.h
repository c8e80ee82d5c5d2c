// The enterprise list organisers keep (CSV or XLSX): one row per
// registration, headed 统一社会信用代码, 企业名称, 归属, 组织单位, 职工人数
// (or uscc, name, affiliation, unit, headcount).
#pragma once

#include <string>
#include <vector>

#include "engine/question.h"
#include "results/store.h"
#include "results/table_file.h"

namespace ankang::results {

struct ListProblem {
  int line = 0;
  int column = 0;
  std::string field;  // uscc, name, affiliation, unit, headcount
  Text message;
};

struct ListedEnterprise {
  Enterprise enterprise;
  int line = 0;
  int uscc_column = 0;
};

struct EnterpriseList {
  std::vector<ListedEnterprise> enterprises;
  std::vector<ListProblem> problems;
};

EnterpriseList read_enterprise_list(const std::vector<Row>& rows);

// The column a field stands for: 统一社会信用代码 / uscc ...
Text list_field_label(const std::string& field);

// What registering a list did; counts only when there was no problem.
struct ListRegistration {
  std::vector<ListProblem> problems;  // every refusal, located; nothing registered when any
  int added = 0;      // new registrations of the year
  int updated = 0;    // the year's registration corrected (name, affiliation, headcount)
  int unchanged = 0;  // listed again as registered
};

// Registers every listed enterprise for the contest year in one
// transaction: all of them, or none when any is refused. The same USCC
// twice in the list is refused at its second line.
ListRegistration register_enterprises(OrganiserStore& store, const EnterpriseList& list, int year);

// "FILE:LINE:COLUMN: field: message"; a problem at line 0 (the file as a
// whole, its message naming the file) is its message.
std::string format_problem(const std::string& file, const ListProblem& p, bool chinese);

}  // namespace ankang::results
