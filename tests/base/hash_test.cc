// SHA-256 against the standard's test vectors (FIPS 180-2 appendix B), across block and padding boundaries.
#include "base/hash.h"

#include <doctest/doctest.h>

using barometer::base::Sha256Hex;

TEST_CASE("hash: SHA-256 of the standard's messages, in lower-case hex") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the length no longer fits the first block's padding.
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("hash: every byte counts, also zero bytes and bytes above 0x7f") {
  const std::string with_zero("a\0b", 3);
  CHECK(Sha256Hex(with_zero) != Sha256Hex("ab"));
  CHECK(Sha256Hex("\xc3\xa6") != Sha256Hex("\xc3\xa7"));
  CHECK(Sha256Hex(with_zero).size() == 64);
}
