#pragma once
// %XX escapes (RFC 3986), shared by links, the sweep wire and quoted error text: each caller says
// which bytes to escape; writing and reading the escapes live here.
#include <string>

namespace adamlab {

// 0..15 for a hex digit (either case), else -1.
inline int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `text` with every byte c for which escape(c) holds written as %XX (upper-case hex).
template <class Escape>
std::string percent_encode(const std::string& text, Escape escape) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (escape(static_cast<unsigned char>(c))) {
      const auto u = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

// Every valid %XX decoded (as browsers encode a hash: "%3A" -> ':'). A '%' without two hex digits
// after it stays as written, and sets *malformed when given (a reader that wrote the text itself
// refuses it).
inline std::string percent_decode(const std::string& text, bool* malformed = nullptr) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 && hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else {
      if (text[i] == '%' && malformed) *malformed = true;
      out += text[i];
    }
  }
  return out;
}

}  // namespace adamlab
