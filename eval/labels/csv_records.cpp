// A CSV tokenizer that never backtracks and reports a malformed record instead of guessing.
#include "eval/labels/csv_records.h"

namespace clue::eval {

CsvRecords::CsvRecords(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") {
        at_ = 3;
    }
}

// Consumes a line end (LF or CRLF) at the cursor, if there is one.
void CsvRecords::endOfLine() {
    if (!atEnd() && text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') {
        ++at_;
    }
    if (!atEnd() && (text_[at_] == '\n' || text_[at_] == '\r')) {
        ++at_;
        ++line_;
    }
}

std::string CsvRecords::quotedField(CsvRecord& record) {
    std::string field;
    ++at_; // the opening quote
    while (!atEnd()) {
        const char c = text_[at_++];
        if (c == '"') {
            if (!atEnd() && text_[at_] == '"') {
                field += '"';
                ++at_;
                continue;
            }
            return field;
        }
        line_ += c == '\n' ? 1 : 0;
        field += c;
    }
    record.problem = "a quoted field is not closed before the end of the file";
    return field;
}

std::string CsvRecords::plainField() {
    const std::size_t start = at_;
    while (!atEnd() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r') {
        ++at_;
    }
    return std::string(text_.substr(start, at_ - start));
}

bool CsvRecords::next(CsvRecord& record) {
    while (!atEnd() && (text_[at_] == '\n' || text_[at_] == '\r')) {
        endOfLine(); // blank lines
    }
    if (atEnd()) {
        return false;
    }
    record = CsvRecord{line_, {}, std::nullopt};
    for (;;) {
        if (!atEnd() && text_[at_] == '"') {
            record.fields.push_back(quotedField(record));
            if (!atEnd() && text_[at_] != ',' && text_[at_] != '\n' && text_[at_] != '\r') {
                record.problem = "text follows a quoted field's closing quote in field " +
                                 std::to_string(record.fields.size());
                plainField();
            }
        } else {
            record.fields.push_back(plainField());
        }
        if (atEnd() || text_[at_] != ',') {
            break;
        }
        ++at_;
    }
    endOfLine();
    return true;
}

} // namespace clue::eval
