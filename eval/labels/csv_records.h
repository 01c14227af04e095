// RFC 4180 CSV, record by record: comma-separated fields, double-quoted fields that may hold
// commas, newlines and doubled quotes, LF or CRLF line ends, a UTF-8 byte order mark skipped.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue::eval {

struct CsvRecord {
    std::size_t line = 0; // where the record starts, from 1
    std::vector<std::string> fields;
    std::optional<std::string> problem; // a malformed record: what is wrong with it
};

class CsvRecords {
public:
    explicit CsvRecords(std::string_view text);

    // The next record that is not a blank line; false at the end of the text.
    bool next(CsvRecord& record);

private:
    bool atEnd() const { return at_ >= text_.size(); }
    void endOfLine();
    std::string quotedField(CsvRecord& record);
    std::string plainField();

    std::string_view text_;
    std::size_t at_ = 0;
    std::size_t line_ = 1;
};

} // namespace clue::eval
