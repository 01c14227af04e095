// Tests of base64 against RFC 4648's vectors, and of strict decoding.
#include "common/base64.h"

#include <gtest/gtest.h>

TEST(Base64, EncodesRfc4648Vectors) {
    EXPECT_EQ(clue::base64Encode(""), "");
    EXPECT_EQ(clue::base64Encode("f"), "Zg==");
    EXPECT_EQ(clue::base64Encode("fo"), "Zm8=");
    EXPECT_EQ(clue::base64Encode("foo"), "Zm9v");
    EXPECT_EQ(clue::base64Encode("foobar"), "Zm9vYmFy");
}

TEST(Base64, RoundTripsBinary) {
    std::string bytes;
    for (int i = 0; i < 256; ++i) {
        bytes += static_cast<char>(i);
    }
    EXPECT_EQ(clue::base64Decode(clue::base64Encode(bytes)), bytes);
    EXPECT_EQ(clue::base64Decode("Zm9vYg"), "foob"); // unpadded
}

TEST(Base64, RejectsMalformedInput) {
    EXPECT_FALSE(clue::base64Decode("Zm9v!"));
    EXPECT_FALSE(clue::base64Decode("Zm 9v"));
    EXPECT_FALSE(clue::base64Decode("Z"));
}
