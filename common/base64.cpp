// Base64 encoding and strict decoding.
#include "common/base64.h"

#include <array>
#include <bit>
#include <cstdint>

namespace clue {
namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<int8_t, 256> decodeTable() {
    std::array<int8_t, 256> table{};
    table.fill(-1);
    for (int i = 0; i < 64; ++i) {
        table[static_cast<uint8_t>(alphabet[i])] = static_cast<int8_t>(i);
    }
    return table;
}

} // namespace

std::string base64Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        uint32_t n =
            (uint8_t(bytes[i]) << 16) | (uint8_t(bytes[i + 1]) << 8) | uint8_t(bytes[i + 2]);
        out += alphabet[n >> 18];
        out += alphabet[(n >> 12) & 63];
        out += alphabet[(n >> 6) & 63];
        out += alphabet[n & 63];
    }
    if (size_t rest = bytes.size() - i) {
        uint32_t n = uint8_t(bytes[i]) << 16;
        if (rest == 2) {
            n |= uint8_t(bytes[i + 1]) << 8;
        }
        out += alphabet[n >> 18];
        out += alphabet[(n >> 12) & 63];
        out += rest == 2 ? alphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::optional<std::string> base64Decode(std::string_view text) {
    static constexpr auto table = decodeTable();
    while (!text.empty() && text.back() == '=') {
        text.remove_suffix(1);
    }
    if (text.size() % 4 == 1) {
        return std::nullopt;
    }
    std::string out;
    out.reserve(text.size() * 3 / 4);
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        int8_t v = table[static_cast<uint8_t>(c)];
        if (v < 0) {
            return std::nullopt;
        }
        buffer = (buffer << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

std::string float32Base64Encode(const std::vector<float>& values) {
    std::string bytes;
    bytes.reserve(values.size() * 4);
    for (float value : values) {
        const auto word = std::bit_cast<std::uint32_t>(value);
        for (int shift = 0; shift < 32; shift += 8) {
            bytes.push_back(static_cast<char>((word >> shift) & 0xffu));
        }
    }
    return base64Encode(bytes);
}

std::optional<std::vector<float>> float32Base64Decode(std::string_view text) {
    const auto bytes = base64Decode(text);
    if (!bytes || bytes->size() % 4 != 0) {
        return std::nullopt;
    }
    std::vector<float> values(bytes->size() / 4);
    for (std::size_t i = 0; i < values.size(); ++i) {
        std::uint32_t word = 0;
        for (int b = 3; b >= 0; --b) {
            word = (word << 8) | static_cast<unsigned char>((*bytes)[i * 4 + b]);
        }
        values[i] = std::bit_cast<float>(word);
    }
    return values;
}

} // namespace clue
