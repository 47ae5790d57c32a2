// A read-only JSON tree for the strict profile loader: one parse into flat arrays, strings and
// number texts as views of the input (escaped strings decoded into the tree's own storage), the
// members of every object sorted by key, as nlohmann's std::map orders them (so the loader reports
// errors in the same order whichever way the text was read).
//
// parse_json_tree is the fast path only: it accepts exactly the texts it can read with certainty
// and returns false on anything else (a syntax error, a repeated key, nesting deeper than
// kMaxJsonDepth, invalid UTF-8, an escape it does not decode). The caller then parses the text with
// parse_strict_json (core/strict_json.hpp), whose errors are the ones reported: the fast path
// never decides what an error says.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/strict_json.hpp"

namespace srdi {

class JsonTree {
 public:
  enum class Type : unsigned char { Null, Bool, Number, String, Array, Object };
  struct Node {
    Type type = Type::Null;
    bool flag = false;      // Bool: the value; Number: an integer (no fraction, no exponent) within 64 bits
    bool negative = false;  // Number: a leading minus sign
    std::uint32_t first = 0, count = 0;  // Array / Object: children at kids[first, first + count)
    std::uint64_t magnitude = 0;         // Number with flag: the absolute value
    std::string_view text;               // String: the decoded text; Number: the source text
    std::string_view key;                // a member of an object: its decoded key
  };

  const Node& node(std::uint32_t i) const { return nodes_[i]; }
  std::uint32_t child(const Node& n, std::uint32_t k) const { return kids_[n.first + k]; }
  std::uint32_t root() const { return 0; }

 private:
  friend bool parse_json_tree(std::string_view text, JsonTree& out);
  friend JsonTree json_tree_of(const StrictDocument& doc);
  friend class JsonTreeBuilder;
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> kids_;
  std::deque<std::string> owned_;  // decoded strings and converted number texts (stable addresses)
};

// The fast path; false means "read it with parse_strict_json" (see above). `out` is reset.
bool parse_json_tree(std::string_view text, JsonTree& out);

// The same tree from a document parsed (or built) with nlohmann::json: numbers stored as floating
// point take their source text from doc.number_text. The document must outlive the tree.
JsonTree json_tree_of(const StrictDocument& doc);

// Whether two trees hold the same document (types, values, number texts, keys, order): the tests
// and the profile fuzzer check the fast parser against parse_strict_json with it.
bool same_tree(const JsonTree& a, const JsonTree& b);

// A node of a tree, with the few questions the loader asks.
class JsonView {
 public:
  JsonView(const JsonTree& tree, std::uint32_t index) : t_(&tree), n_(&tree.node(index)) {}
  bool is_null() const { return n_->type == JsonTree::Type::Null; }
  bool is_boolean() const { return n_->type == JsonTree::Type::Bool; }
  bool is_number() const { return n_->type == JsonTree::Type::Number; }
  bool is_string() const { return n_->type == JsonTree::Type::String; }
  bool is_array() const { return n_->type == JsonTree::Type::Array; }
  bool is_object() const { return n_->type == JsonTree::Type::Object; }
  // An integer within 64 bits (what nlohmann stores as an integer, not as floating point).
  bool is_integer() const { return is_number() && n_->flag; }
  // is_integer(): the value, with anything beyond ±(2^63 - 1) clamped to that bound.
  std::int64_t integer() const;
  bool boolean() const { return n_->flag; }
  std::string_view text() const { return n_->text; }  // a string's text, a number's source text
  std::string_view key() const { return n_->key; }
  std::size_t size() const { return n_->count; }
  JsonView operator[](std::size_t k) const { return JsonView(*t_, t_->child(*n_, static_cast<std::uint32_t>(k))); }
  // An object's member, or nullptr-like: found() false.
  bool has(std::string_view key) const;
  JsonView get(std::string_view key) const;  // has(key) must hold

 private:
  const JsonTree* t_;
  const JsonTree::Node* n_;
};

}  // namespace srdi
