#include "base/hash.h"

#include <openssl/evp.h>

#include <stdexcept>

namespace barometer::base {

// OpenSSL's SHA-256 uses the processor's SHA instructions where it has them: hashing the fonts, every input of the
// build record and every output for SHA256SUMS took an eighth of a whole build with GLib's portable one.
std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr)) {
    throw std::runtime_error("OpenSSL could not compute a SHA-256");
  }
  static const char kDigits[] = "0123456789abcdef";
  std::string hex(2 * length, '0');
  for (unsigned int i = 0; i < length; ++i) {
    hex[2 * i] = kDigits[digest[i] >> 4];
    hex[2 * i + 1] = kDigits[digest[i] & 15];
  }
  return hex;
}

}  // namespace barometer::base
