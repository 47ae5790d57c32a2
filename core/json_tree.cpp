#include "core/json_tree.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace srdi {

namespace {

constexpr std::uint64_t kInt64Max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

// Appends code point `cp` as UTF-8.
void put_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Parser {
 public:
  Parser(std::string_view s, std::vector<JsonTree::Node>& nodes, std::vector<std::uint32_t>& kids,
         std::deque<std::string>& owned)
      : s_(s), nodes_(nodes), kids_(kids), owned_(owned) {}

  bool document() {
    if (s_.size() >= 3 && s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;  // as nlohmann skips a BOM
    skip_ws();
    if (!value()) return false;
    skip_ws();
    // nlohmann's lexer reads a NUL byte as the end of the input: what follows one is never read.
    return i_ == s_.size() || s_[i_] == '\0';
  }

 private:
  void skip_ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  unsigned char peek() const { return i_ < s_.size() ? static_cast<unsigned char>(s_[i_]) : 0; }

  // Parses one value into a new node; its index is nodes_.size() - 1 at entry + 1.
  bool value() {
    nodes_.emplace_back();
    const std::size_t me = nodes_.size() - 1;
    switch (peek()) {
      case '{': return container(me, true);
      case '[': return container(me, false);
      case '"': {
        std::string_view text;
        if (!string(text)) return false;
        nodes_[me].type = JsonTree::Type::String;
        nodes_[me].text = text;
        return true;
      }
      case 't': return literal(me, "true", JsonTree::Type::Bool, true);
      case 'f': return literal(me, "false", JsonTree::Type::Bool, false);
      case 'n': return literal(me, "null", JsonTree::Type::Null, false);
      default: return number(me);
    }
  }

  bool literal(std::size_t me, std::string_view word, JsonTree::Type type, bool flag) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    nodes_[me].type = type;
    nodes_[me].flag = flag;
    return true;
  }

  bool container(std::size_t me, bool object) {
    if (open_ >= kMaxJsonDepth) return false;  // parse_strict_json says json.too_deep
    ++open_;
    ++i_;
    const std::size_t start = pending_.size();
    skip_ws();
    const char close = object ? '}' : ']';
    if (peek() == static_cast<unsigned char>(close)) {
      ++i_;
    } else {
      while (true) {
        std::string_view key;
        if (object) {
          if (peek() != '"' || !string(key)) return false;
          skip_ws();
          if (peek() != ':') return false;
          ++i_;
          skip_ws();
        }
        const auto child = static_cast<std::uint32_t>(nodes_.size());
        if (!value()) return false;
        nodes_[child].key = key;
        pending_.push_back(child);
        skip_ws();
        if (peek() == ',') {
          ++i_;
          skip_ws();
          continue;
        }
        if (peek() != static_cast<unsigned char>(close)) return false;
        ++i_;
        break;
      }
    }
    auto first = pending_.begin() + static_cast<std::ptrdiff_t>(start);
    if (object) {
      std::sort(first, pending_.end(), [&](std::uint32_t a, std::uint32_t b) { return nodes_[a].key < nodes_[b].key; });
      // By index: an empty object's range may be an empty vector's null iterators.
      for (std::size_t k = start; k + 1 < pending_.size(); ++k) {
        if (nodes_[pending_[k]].key == nodes_[pending_[k + 1]].key) return false;  // json.duplicate_key
      }
    }
    JsonTree::Node& n = nodes_[me];
    n.type = object ? JsonTree::Type::Object : JsonTree::Type::Array;
    n.first = static_cast<std::uint32_t>(kids_.size());
    n.count = static_cast<std::uint32_t>(pending_.size() - start);
    kids_.insert(kids_.end(), first, pending_.end());
    pending_.resize(start);
    --open_;
    return true;
  }

  bool number(std::size_t me) {
    const std::size_t begin = i_;
    bool negative = false;
    if (peek() == '-') {
      negative = true;
      ++i_;
    }
    auto digit = [&] { return peek() >= '0' && peek() <= '9'; };
    if (!digit()) return false;
    bool fits = true;
    std::uint64_t mag = 0;
    if (peek() == '0') {
      ++i_;
    } else {
      while (digit()) {
        const std::uint64_t d = peek() - '0';
        if (mag > (std::numeric_limits<std::uint64_t>::max() - d) / 10) fits = false;
        mag = mag * 10 + d;
        ++i_;
      }
    }
    bool integral = true;
    if (peek() == '.') {
      integral = false;
      ++i_;
      if (!digit()) return false;
      while (digit()) ++i_;
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      ++i_;
      if (peek() == '+' || peek() == '-') ++i_;
      if (!digit()) return false;
      while (digit()) ++i_;
    }
    // nlohmann keeps an integer as one when it fits int64 (negative) or uint64; else floating point.
    if (negative && mag > kInt64Max + 1) fits = false;
    if (!(integral && fits)) {
      // ... and refuses a floating-point number beyond a double's range ("number overflow"). Only
      // this check goes through a double; the value is always read from the text.
      const std::string digits(s_.substr(begin, i_ - begin));
      if (!std::isfinite(std::strtod(digits.c_str(), nullptr))) return false;
    }
    JsonTree::Node& n = nodes_[me];
    n.type = JsonTree::Type::Number;
    n.flag = integral && fits;
    n.negative = negative;
    n.magnitude = n.flag ? mag : 0;
    n.text = s_.substr(begin, i_ - begin);
    return true;
  }

  static int hex(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool hex4(std::uint32_t& cp) {
    if (i_ + 4 > s_.size()) return false;
    cp = 0;
    for (int k = 0; k < 4; ++k) {
      int h = hex(static_cast<unsigned char>(s_[i_ + static_cast<std::size_t>(k)]));
      if (h < 0) return false;
      cp = cp * 16 + static_cast<std::uint32_t>(h);
    }
    i_ += 4;
    return true;
  }

  // One UTF-8 sequence starting at i_ (a byte >= 0x80), checked as RFC 3629 (and nlohmann) do.
  bool utf8() {
    auto at = [&](std::size_t k) -> unsigned { return i_ + k < s_.size() ? static_cast<unsigned char>(s_[i_ + k]) : 0u; };
    auto cont = [&](std::size_t k, unsigned lo, unsigned hi) { return at(k) >= lo && at(k) <= hi; };
    const unsigned c = at(0);
    std::size_t len = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = cont(1, 0x80, 0xBF) ? 2 : 0;
    } else if (c == 0xE0) {
      len = cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      len = cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0;
    } else if (c == 0xED) {
      len = cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF) ? 3 : 0;
    } else if (c == 0xF0) {
      len = cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    } else if (c >= 0xF1 && c <= 0xF3) {
      len = cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    } else if (c == 0xF4) {
      len = cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    }
    i_ += len;
    return len > 0;
  }

  // A string at i_ (the opening quote). Without escapes, a view of the input; with them, decoded.
  bool string(std::string_view& out) {
    ++i_;
    const std::size_t begin = i_;
    while (true) {
      const unsigned char c = peek();
      if (i_ >= s_.size() || c < 0x20) return false;
      if (c == '"') {
        out = s_.substr(begin, i_ - begin);
        ++i_;
        return true;
      }
      if (c == '\\') break;
      if (c >= 0x80) {
        if (!utf8()) return false;
      } else {
        ++i_;
      }
    }
    std::string decoded(s_.substr(begin, i_ - begin));
    while (true) {
      const unsigned char c = peek();
      if (i_ >= s_.size() || c < 0x20) return false;
      if (c == '"') {
        ++i_;
        break;
      }
      if (c >= 0x80) {
        const std::size_t from = i_;
        if (!utf8()) return false;
        decoded.append(s_.substr(from, i_ - from));
        continue;
      }
      if (c != '\\') {
        decoded += static_cast<char>(c);
        ++i_;
        continue;
      }
      ++i_;
      const unsigned char e = peek();
      ++i_;
      switch (e) {
        case '"': decoded += '"'; break;
        case '\\': decoded += '\\'; break;
        case '/': decoded += '/'; break;
        case 'b': decoded += '\b'; break;
        case 'f': decoded += '\f'; break;
        case 'n': decoded += '\n'; break;
        case 'r': decoded += '\r'; break;
        case 't': decoded += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (peek() != '\\' || i_ + 1 >= s_.size() || s_[i_ + 1] != 'u') return false;
            i_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          put_utf8(decoded, cp);
          break;
        }
        default:
          return false;
      }
    }
    owned_.push_back(std::move(decoded));
    out = owned_.back();
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::size_t open_ = 0;
  std::vector<JsonTree::Node>& nodes_;
  std::vector<std::uint32_t>& kids_;
  std::deque<std::string>& owned_;
  std::vector<std::uint32_t> pending_;  // children of the open containers, innermost last
};

}  // namespace

bool parse_json_tree(std::string_view text, JsonTree& out) {
  out.nodes_.clear();
  out.kids_.clear();
  out.owned_.clear();
  return Parser(text, out.nodes_, out.kids_, out.owned_).document();
}

class JsonTreeBuilder {
 public:
  JsonTreeBuilder(JsonTree& t, const StrictDocument& doc) : t_(t), doc_(doc) {}

  void add(const json& v, std::string_view key, const std::string& path) {
    t_.nodes_.emplace_back();
    const std::size_t me = t_.nodes_.size() - 1;
    t_.nodes_[me].key = key;
    switch (v.type()) {
      case json::value_t::object:
      case json::value_t::array: {
        const bool object = v.is_object();
        std::vector<std::uint32_t> children;
        std::size_t k = 0;
        for (auto it = v.begin(); it != v.end(); ++it, ++k) {
          children.push_back(static_cast<std::uint32_t>(t_.nodes_.size()));
          // std::map: the members come sorted by key, as the parser sorts them.
          std::string_view child_key = object ? std::string_view(it.key()) : std::string_view();
          add(*it, child_key, path + "/" + (object ? pointer_token(it.key()) : std::to_string(k)));
        }
        JsonTree::Node& n = t_.nodes_[me];
        n.type = object ? JsonTree::Type::Object : JsonTree::Type::Array;
        n.first = static_cast<std::uint32_t>(t_.kids_.size());
        n.count = static_cast<std::uint32_t>(children.size());
        t_.kids_.insert(t_.kids_.end(), children.begin(), children.end());
        break;
      }
      case json::value_t::string:
        t_.nodes_[me].type = JsonTree::Type::String;
        t_.nodes_[me].text = v.get_ref<const std::string&>();
        break;
      case json::value_t::boolean:
        t_.nodes_[me].type = JsonTree::Type::Bool;
        t_.nodes_[me].flag = v.get<bool>();
        break;
      case json::value_t::number_integer:
      case json::value_t::number_unsigned: {
        JsonTree::Node& n = t_.nodes_[me];
        n.type = JsonTree::Type::Number;
        n.flag = true;
        if (v.is_number_unsigned()) {
          n.magnitude = v.get<std::uint64_t>();
        } else {
          const std::int64_t x = v.get<std::int64_t>();
          n.negative = x < 0;
          n.magnitude = x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
        }
        t_.owned_.push_back(v.dump());
        n.text = t_.owned_.back();
        break;
      }
      case json::value_t::number_float: {
        auto it = doc_.number_text.find(path);
        if (it != doc_.number_text.end()) {
          t_.nodes_[me].text = it->second;
        } else {
          t_.owned_.push_back(v.dump());
          t_.nodes_[me].text = t_.owned_.back();
        }
        t_.nodes_[me].type = JsonTree::Type::Number;
        break;
      }
      default:  // null, binary
        break;
    }
  }

 private:
  JsonTree& t_;
  const StrictDocument& doc_;
};

JsonTree json_tree_of(const StrictDocument& doc) {
  JsonTree t;
  JsonTreeBuilder(t, doc).add(doc.value, {}, "");
  return t;
}

namespace {
bool same_node(const JsonTree& a, std::uint32_t i, const JsonTree& b, std::uint32_t j) {
  const JsonTree::Node& x = a.node(i);
  const JsonTree::Node& y = b.node(j);
  if (x.type != y.type || x.flag != y.flag || x.key != y.key || x.count != y.count) return false;
  if (x.type == JsonTree::Type::String || x.type == JsonTree::Type::Number) {
    if (x.type == JsonTree::Type::Number && x.flag) {
      // An integer: nlohmann writes -0 as 0; the value is what counts.
      if (x.magnitude != y.magnitude || (x.magnitude != 0 && x.negative != y.negative)) return false;
    } else if (x.text != y.text) {
      return false;
    }
  }
  for (std::uint32_t k = 0; k < x.count; ++k) {
    if (!same_node(a, a.child(x, k), b, b.child(y, k))) return false;
  }
  return true;
}
}  // namespace

bool same_tree(const JsonTree& a, const JsonTree& b) { return same_node(a, a.root(), b, b.root()); }

std::int64_t JsonView::integer() const {
  if (n_->negative) {
    return n_->magnitude > kInt64Max ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(n_->magnitude);
  }
  return n_->magnitude > kInt64Max ? std::numeric_limits<std::int64_t>::max() : static_cast<std::int64_t>(n_->magnitude);
}

bool JsonView::has(std::string_view key) const {
  if (!is_object()) return false;
  for (std::uint32_t k = 0; k < n_->count; ++k) {
    if (t_->node(t_->child(*n_, k)).key == key) return true;
  }
  return false;
}

JsonView JsonView::get(std::string_view key) const {
  for (std::uint32_t k = 0; k < n_->count; ++k) {
    const std::uint32_t c = t_->child(*n_, k);
    if (t_->node(c).key == key) return JsonView(*t_, c);
  }
  return JsonView(*t_, t_->child(*n_, 0));  // not reached: callers ask has() first
}

}  // namespace srdi
