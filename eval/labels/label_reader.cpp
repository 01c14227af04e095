// JSONL and CSV rows reduced to cells by column name, then read the same way.
#include "eval/labels/label_reader.h"

#include "common/file_io.h"
#include "eval/labels/csv_records.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace clue::eval {
namespace {

namespace fs = std::filesystem;
using runtime::Expected;

constexpr std::size_t kMaxPathBytes = 4096;
constexpr std::size_t kMaxNameBytes = 1024;

// One value of a row: absent, null, text (JSON scalars by their text), or a JSON object or array.
struct Cell {
    enum class Kind { Absent, Null, Text, Structured } kind = Kind::Absent;
    std::string text;
    bool jsonString = true; // text that was a JSON string (or any CSV field)
};

struct Row {
    std::size_t line = 0;
    std::map<std::string, Cell> cells;
    std::optional<std::string> problem;
};

std::string lowerTrimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    const auto last = s.find_last_not_of(" \t");
    std::string out(first == std::string_view::npos ? "" : s.substr(first, last - first + 1));
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

Cell cellOf(const nlohmann::json& value) {
    if (value.is_null()) {
        return {Cell::Kind::Null, "", false};
    }
    if (value.is_string()) {
        return {Cell::Kind::Text, value.get<std::string>(), true};
    }
    if (value.is_object() || value.is_array()) {
        return {Cell::Kind::Structured, "", false};
    }
    return {Cell::Kind::Text, value.dump(), false};
}

// The cell of the first of `columns` that the row has.
const Cell* pick(const Row& row, const std::vector<std::string>& columns, std::string& column) {
    for (const std::string& name : columns) {
        if (auto it = row.cells.find(name); it != row.cells.end()) {
            column = name;
            return &it->second;
        }
    }
    return nullptr;
}

std::string columnList(const std::vector<std::string>& columns) {
    std::string out;
    for (const std::string& c : columns) {
        out += (out.empty() ? "'" : " or '") + c + "'";
    }
    return out;
}

std::string valueList(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) {
        out += (out.empty() ? "" : ", ") + v;
    }
    return out;
}

class RowReader {
public:
    RowReader(const LabelOptions& options, fs::path folder)
        : options_(options), folder_(std::move(folder)) {}

    Expected<LabeledImage, std::string> read(const Row& row) {
        if (row.problem) {
            return *row.problem;
        }
        LabeledImage image;
        image.line = row.line;
        if (auto problem = readImage(row, image)) {
            return *problem;
        }
        if (auto problem = readLabel(row, image)) {
            return *problem;
        }
        if (auto problem = readName(row, options_.categoryColumns, image.category)) {
            return *problem;
        }
        if (auto problem = readName(row, options_.sourceColumns, image.source)) {
            return *problem;
        }
        auto [it, fresh] = seen_.emplace(image.path.string(), row.line);
        if (!fresh) {
            return "image '" + image.given + "' is already labelled on line " +
                   std::to_string(it->second);
        }
        return image;
    }

private:
    std::optional<std::string> readImage(const Row& row, LabeledImage& image) const {
        std::string column;
        const Cell* cell = pick(row, options_.imageColumns, column);
        if (cell == nullptr || cell->kind != Cell::Kind::Text || !cell->jsonString ||
            cell->text.empty()) {
            return "no image path: expected a non-empty string in " +
                   columnList(options_.imageColumns);
        }
        if (cell->text.size() > kMaxPathBytes || cell->text.find('\0') != std::string::npos) {
            return "the image path in '" + column + "' is not a usable path";
        }
        image.given = cell->text;
        const fs::path given(cell->text);
        image.path = (given.is_absolute() ? given : folder_ / given).lexically_normal();
        return std::nullopt;
    }

    std::optional<std::string> readLabel(const Row& row, LabeledImage& image) const {
        std::string column;
        const Cell* cell = pick(row, options_.labelColumns, column);
        if (cell == nullptr || cell->kind != Cell::Kind::Text) {
            return "no label: expected a value in " + columnList(options_.labelColumns);
        }
        const std::string value = lowerTrimmed(cell->text);
        auto in = [&](const std::vector<std::string>& values) {
            return std::any_of(values.begin(), values.end(),
                               [&](const std::string& v) { return lowerTrimmed(v) == value; });
        };
        if (in(options_.unsafeValues)) {
            image.unsafe = true;
        } else if (in(options_.safeValues)) {
            image.unsafe = false;
        } else {
            return "label '" + cell->text.substr(0, 64) + "' in '" + column +
                   "' is neither an unsafe value (" + valueList(options_.unsafeValues) +
                   ") nor a safe value (" + valueList(options_.safeValues) + ")";
        }
        return std::nullopt;
    }

    static std::optional<std::string> readName(const Row& row,
                                               const std::vector<std::string>& columns,
                                               std::optional<std::string>& out) {
        std::string column;
        const Cell* cell = pick(row, columns, column);
        if (cell == nullptr || cell->kind == Cell::Kind::Absent || cell->kind == Cell::Kind::Null) {
            return std::nullopt;
        }
        if (cell->kind == Cell::Kind::Structured || cell->text.size() > kMaxNameBytes) {
            return "'" + column + "' must be a short string";
        }
        if (!lowerTrimmed(cell->text).empty()) {
            out = cell->text;
        }
        return std::nullopt;
    }

    const LabelOptions& options_;
    fs::path folder_;
    std::map<std::string, std::size_t> seen_;
};

std::vector<Row> jsonlRows(const std::string& text) {
    std::vector<Row> rows;
    std::size_t line = 0;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view content(text.data() + at, end - at);
        at = end + 1;
        ++line;
        if (content.find_first_not_of(" \t\r") == std::string_view::npos) {
            continue;
        }
        Row row;
        row.line = line;
        const nlohmann::json value = nlohmann::json::parse(content, nullptr, false);
        if (value.is_discarded() || !value.is_object()) {
            row.problem = "not a JSON object";
        } else {
            for (const auto& [key, member] : value.items()) {
                row.cells[key] = cellOf(member);
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Expected<std::vector<Row>, LabelFailure> csvRows(const std::string& text,
                                                 const LabelOptions& options) {
    CsvRecords records(text);
    CsvRecord header;
    if (!records.next(header) || header.problem) {
        return LabelFailure{"no CSV header row with the column names", {}};
    }
    for (const auto* role : {&options.imageColumns, &options.labelColumns}) {
        if (std::none_of(role->begin(), role->end(), [&](const std::string& c) {
                return std::find(header.fields.begin(), header.fields.end(), c) !=
                       header.fields.end();
            })) {
            return LabelFailure{"the CSV header has no column " + columnList(*role), {}};
        }
    }
    std::vector<Row> rows;
    for (CsvRecord record; records.next(record);) {
        Row row;
        row.line = record.line;
        row.problem = record.problem;
        if (!row.problem && record.fields.size() != header.fields.size()) {
            row.problem = std::to_string(record.fields.size()) + " fields where the header has " +
                          std::to_string(header.fields.size());
        }
        for (std::size_t i = 0; !row.problem && i < header.fields.size(); ++i) {
            const bool empty = lowerTrimmed(record.fields[i]).empty();
            row.cells[header.fields[i]] = {empty ? Cell::Kind::Null : Cell::Kind::Text,
                                           record.fields[i], true};
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

bool isCsv(const fs::path& file, LabelFormat format) {
    if (format != LabelFormat::Auto) {
        return format == LabelFormat::Csv;
    }
    return lowerTrimmed(file.extension().string()) == ".csv";
}

} // namespace

std::size_t LabelSet::unsafeCount() const {
    return static_cast<std::size_t>(std::count_if(
        images.begin(), images.end(), [](const LabeledImage& image) { return image.unsafe; }));
}

Expected<LabelSet, LabelFailure> parseLabels(const std::string& text, const fs::path& file,
                                             const LabelOptions& options) {
    std::vector<Row> rows;
    if (isCsv(file, options.format)) {
        auto csv = csvRows(text, options);
        if (!csv) {
            return csv.error();
        }
        rows = std::move(csv.value());
    } else {
        rows = jsonlRows(text);
    }
    LabelSet set;
    set.file = file;
    RowReader reader(options, file.parent_path());
    for (const Row& row : rows) {
        auto image = reader.read(row);
        if (image) {
            set.images.push_back(std::move(image.value()));
        } else {
            set.skipped.push_back({row.line, image.error()});
        }
    }
    if (!set.skipped.empty() && options.badRows == BadRows::Fail) {
        return LabelFailure{std::to_string(set.skipped.size()) + " bad row" +
                                (set.skipped.size() == 1 ? "" : "s"),
                            std::move(set.skipped)};
    }
    if (set.images.empty()) {
        return LabelFailure{"no labelled image", std::move(set.skipped)};
    }
    return set;
}

Expected<LabelSet, LabelFailure> readLabels(const fs::path& file, const LabelOptions& options) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) {
        return LabelFailure{"cannot read the labels file: " + ec.message(), {}};
    }
    if (size > options.maxBytes) {
        return LabelFailure{"the labels file has " + std::to_string(size) +
                                " bytes, over the limit of " + std::to_string(options.maxBytes),
                            {}};
    }
    std::string error;
    auto text = readFile(file.string(), error);
    if (!text) {
        return LabelFailure{"cannot read the labels file: " + error, {}};
    }
    return parseLabels(*text, file, options);
}

} // namespace clue::eval
