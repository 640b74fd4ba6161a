#pragma once
// The piece grammar of links (sim/link.h) that the landscape's and the network's link code both
// read and write: key=value pieces, the URL part that holds them, and the "<piece>: <why>" errors.
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "core/percent.h"

namespace adamlab::link_pieces {

struct Piece {
  std::string key, value;
  std::string text() const { return key + "=" + value; }
};

inline std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

// The part of a URL that holds the link: the hash if there is one, else the query, else all of it.
inline std::string fragment_of(const std::string& input) {
  const auto hash = input.find('#');
  if (hash != std::string::npos) return input.substr(hash + 1);
  const auto query = input.find('?');
  if (query != std::string::npos) return input.substr(query + 1);
  return input;
}

// A value as a link writes it: what a URL fragment cannot carry, or what the link grammar itself
// reads ('&' between pieces, '#' where the fragment starts, '%' that starts an escape), becomes
// %XX; everything else stays as typed, so `expr:x^2+10*y^2;a=1` reads as it was written ('+'
// stays '+': a link never decodes it as a space). percent_decode (core/percent.h) inverts it.
inline std::string escape_value(const std::string& value) {
  return percent_encode(value, [](unsigned char u) {
    return u <= 0x20 || u >= 0x7f || u == '%' || u == '&' || u == '#' || u == '"' || u == '<' || u == '>' ||
           u == '`' || u == '\\' || u == '{' || u == '}' || u == '|';
  });
}

// Runs the validating call and turns any failure into "<piece>: <why>".
inline bool attempt(std::vector<std::string>& errors, const std::string& piece, const std::function<void()>& f) {
  try {
    f();
    return true;
  } catch (const std::exception& e) {
    errors.push_back(piece + ": " + e.what());
  } catch (...) {
    errors.push_back(piece + ": rejected");
  }
  return false;
}

}  // namespace adamlab::link_pieces
