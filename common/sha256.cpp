// SHA-256 through OpenSSL's one-shot EVP digest. The algorithm is fetched once: OpenSSL 3's
// implicit fetch on every EVP_sha256() call costs more than hashing a short statement.
#include "common/sha256.h"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace clue {

namespace {

const EVP_MD* sha256Algorithm() {
    // Fetched once, thread-safely, and kept for the life of the process.
    static EVP_MD* const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return algorithm != nullptr ? algorithm : EVP_sha256();
}

} // namespace

std::string sha256Hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, sha256Algorithm(),
                   nullptr) != 1) {
        throw std::runtime_error("SHA-256 digest failed");
    }
    static constexpr char hexDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(hexDigits[digest[i] >> 4]);
        hex.push_back(hexDigits[digest[i] & 0xf]);
    }
    return hex;
}

} // namespace clue
