#include "core/strict_json.hpp"

#include <algorithm>

#include <optional>
#include <set>
#include <vector>

namespace srdi {

std::string pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// At most `max_chars` characters of `text` as valid UTF-8: a byte that does not start a valid
// sequence is written as \xNN. The parser's token is raw input, maybe invalid or cut mid-character,
// and an error message must never make the JSON writer fail.
std::string printable_utf8(const std::string& text, std::size_t max_chars) {
  std::string out;
  std::size_t i = 0, chars = 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  while (i < text.size() && chars < max_chars) {
    unsigned char c = byte(i);
    std::size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    bool ok = len > 0 && i + len <= text.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (byte(i + k) & 0xC0) == 0x80;
    if (ok && len == 3) {
      unsigned char d = byte(i + 1);
      ok = !(c == 0xE0 && d < 0xA0) && !(c == 0xED && d > 0x9F);  // overlong, surrogate
    }
    if (ok && len == 4) {
      unsigned char d = byte(i + 1);
      ok = !(c == 0xF0 && d < 0x90) && !(c == 0xF4 && d > 0x8F);  // overlong, above U+10FFFF
    }
    if (ok && c < 0x20) {
      ok = false;  // control characters are shown as bytes too
    }
    if (ok) {
      out.append(text, i, len);
      i += len;
    } else {
      static const char* kHex = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
      i += 1;
    }
    ++chars;
  }
  return out;
}

class StrictSax {
 public:
  explicit StrictSax(StrictDocument& doc, std::string source) : doc_(doc), source_(std::move(source)) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const std::string& text) {
    std::string path = child_path();
    doc_.number_text[path] = text;
    return put(json(v));
  }
  bool string(std::string& v) { return put(json(v)); }
  bool binary(json::binary_t&) { return put(json(nullptr)); }

  bool start_object(std::size_t) {
    if (too_deep()) return false;
    json* node = put_container(json::object());
    stack_.push_back(Frame{node, {}, {}, 0});
    return true;
  }
  bool key(std::string& k) {
    Frame& f = stack_.back();
    if (!f.keys.insert(k).second) {
      error_ = Error{"json.duplicate_key", path_of(stack_.size()) + "/" + pointer_token(k),
                     "字段“" + k + "”重复出现；每个字段只能填写一次", source_};
      return false;
    }
    f.key = k;
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    if (too_deep()) return false;
    json* node = put_container(json::array());
    stack_.push_back(Frame{node, {}, {}, 0});
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception&) {
    if (!error_) {
      error_ = Error{"json.syntax", "",
                     "JSON 格式错误（" + where(position) + "附近：" + printable_utf8(token, 20) + "）",
                     source_};
    }
    return false;
  }

  const std::optional<Error>& error() const { return error_; }

  // The text being parsed, so a syntax error can say its line and column, as an editor does.
  void set_text(std::string_view text) { text_ = text; }

 private:
  // The loaders and the evaluator recurse into nested values; a bound keeps a hostile file from
  // exhausting the stack (the deepest bundled policy nests 16 levels).
  bool too_deep() {
    if (stack_.size() < kMaxJsonDepth) return false;
    error_ = Error{"json.too_deep", child_path(), "嵌套层数过多（超过 " + std::to_string(kMaxJsonDepth) + " 层）", source_};
    return true;
  }

 private:
  struct Frame {
    json* node;
    std::set<std::string> keys;
    std::string key;
    std::size_t index;
  };

  std::string path_of(std::size_t depth) const {
    std::string p;
    for (std::size_t i = 0; i + 1 < depth; ++i) {
      const Frame& f = stack_[i];
      p += "/" + (f.node->is_object() ? pointer_token(f.key) : std::to_string(f.index - 1));
    }
    return p;
  }

  // Path of the value about to be stored in the innermost container.
  std::string child_path() const {
    if (stack_.empty()) return "";
    const Frame& f = stack_.back();
    return path_of(stack_.size()) + "/" + (f.node->is_object() ? pointer_token(f.key) : std::to_string(f.index));
  }

  bool put(json v) {
    put_container(std::move(v));
    return true;
  }

  json* put_container(json v) {
    if (stack_.empty()) {
      doc_.value = std::move(v);
      return &doc_.value;
    }
    Frame& f = stack_.back();
    if (f.node->is_array()) {
      f.node->push_back(std::move(v));
      ++f.index;
      return &f.node->back();
    }
    json& slot = (*f.node)[f.key];
    slot = std::move(v);
    return &slot;
  }

  // "第 L 行第 C 列" (C counted in characters, not bytes), for nlohmann's byte position.
  std::string where(std::size_t position) const {
    std::size_t line = 1, column = 1;
    const std::size_t end = std::min(position > 0 ? position - 1 : 0, text_.size());
    for (std::size_t i = 0; i < end; ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column;  // a UTF-8 continuation byte is not a new character
      }
    }
    return "第 " + std::to_string(line) + " 行第 " + std::to_string(column) + " 列";
  }

  StrictDocument& doc_;
  std::string_view text_;
  std::string source_;
  std::vector<Frame> stack_;
  std::optional<Error> error_;
};

}  // namespace

StrictDocument parse_strict_json(std::string_view text, const std::string& source) {
  StrictDocument doc;
  StrictSax sax(doc, source);
  sax.set_text(text);
  bool ok = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true);
  if (!ok || sax.error()) {
    Error e = sax.error().value_or(Error{"json.syntax", "", "JSON 格式错误", source});
    throw LoadFailure({e});
  }
  return doc;
}

}  // namespace srdi
