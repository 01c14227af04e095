// Tests of the SHA-256 helper against the FIPS 180-2 test vectors.
#include "common/sha256.h"

#include <gtest/gtest.h>

TEST(Sha256, MatchesKnownVectors) {
    EXPECT_EQ(clue::sha256Hex(""),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(clue::sha256Hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(clue::sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
