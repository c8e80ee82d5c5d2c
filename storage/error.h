// The error the storage layer throws: a bilingual message naming the
// database file, plus SQLite's own reason for callers that word their own.
#pragma once

#include <stdexcept>
#include <string>

#include "engine/question.h"

namespace ankang::storage {

class StorageError : public std::runtime_error {
 public:
  StorageError(Text text, std::string reason)
      : std::runtime_error(text.zh + " / " + text.en), text_(std::move(text)), reason_(std::move(reason)) {}
  const Text& text() const { return text_; }
  const std::string& reason() const { return reason_; }

 private:
  Text text_;
  std::string reason_;
};

}  // namespace ankang::storage
