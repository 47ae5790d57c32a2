// Embind bindings of the screening page's module (build/wasm/srdi-batch.js, run in its Web
// Worker, web/batch-worker.js): the Sheet class and the template, plus evaluate (the rungs in force
// on a date) and the schema (the template's explanation sheet). A module of its own, so the calculator's page does not carry the sheet code. No
// exception crosses this boundary: errors come back as {"errors": [...]}.
#include <emscripten/bind.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <string>

#include "core/date.hpp"
#include "core/engine.hpp"
#include "core/table_screen.hpp"

namespace {

std::string evaluate(const std::string& profile, const std::string& options) {
  srdi::Response r = srdi::evaluate_request(profile, options);
  return r.body.dump(-1, ' ', false, srdi::json::error_handler_t::replace);
}

// A 培育库 sheet (CSV text, already decoded) screened a chunk of rows at a time, so a Web Worker
// can report progress and stop between chunks (docs/screening.md). The same code as srdi screen.
class Sheet {
 public:
  // {"as_of", "criteria", "rung", "near"} (all optional). Returns the sheet's columns, the added
  // headers and the fields no column gives, or {"errors": [...]}.
  std::string open(const std::string& csv, const std::string& options_text) {
    return guard([&] {
      sheet_.reset();  // a failed open leaves no sheet behind
      text_ = csv;
      reader_ = std::make_unique<srdi::CsvReader>(text_);
      srdi::json o = srdi::json::parse(options_text.empty() ? "{}" : options_text);
      srdi::json engine_options = srdi::json::object();
      for (const char* k : {"as_of", "criteria"}) {
        if (o.contains(k)) engine_options[k] = o[k];
      }
      srdi::Options options = srdi::parse_options(engine_options.dump(), srdi::today_local(), srdi::active_policies());
      srdi::NearLimits limits;
      if (o.contains("near") && o["near"].is_string() && !o["near"].get<std::string>().empty()) {
        auto l = srdi::parse_near_limits(o["near"].get<std::string>());
        if (!l) throw srdi::LoadFailure({srdi::Error{"options.bad_near", "/near", "接近标准的写法：money_share=0.3,count=2,percent_points=1,points=10", "options"}});
        limits = *l;
      }
      std::vector<std::string> header;
      if (!reader_->next(header)) throw srdi::LoadFailure({srdi::Error{"sheet.empty", "", "文件是空的", "sheet"}});
      std::map<std::size_t, std::string> chosen;  // {"mapping": {"<column index>": "field" or ""}}
      if (o.contains("mapping") && o["mapping"].is_object()) {
        for (const auto& [k, v] : o["mapping"].items()) {
          if (v.is_string() && !k.empty() && std::all_of(k.begin(), k.end(), ::isdigit)) chosen[std::stoul(k)] = v.get<std::string>();
        }
      }
      sheet_ = std::make_unique<srdi::SheetScreener>(options, o.value("rung", ""), limits, header, chosen);
      srdi::json columns = srdi::json::array();
      for (const auto& c : sheet_->columns()) columns.push_back(srdi::json{{"header", c.header}, {"field", c.field}, {"label", c.label}});
      return srdi::json{{"columns", columns},
                        {"used", sheet_->columns_used()},
                        {"uncovered", sheet_->uncovered()},
                        {"added_headers", sheet_->added_headers()},
                        {"rung", sheet_->rung_id()},
                        {"rung_title", sheet_->rung_title()},
                        {"near", srdi::near_limits_words(limits)},
                        {"fields", srdi::sheet_fields()}};
    });
  }
  // The next `count` rows: {"rows": [{"row", "cells", "added", "class", "problems": [{column, message}]}], "done"}.
  std::string next(int count) {
    return guard([&] {
      srdi::json rows = srdi::json::array();
      bool done = !reader_ || !sheet_;
      std::vector<std::string> cells;
      for (int i = 0; i < count && !done; ++i) {
        if (!reader_->next(cells)) {
          done = true;
          break;
        }
        if (std::all_of(cells.begin(), cells.end(), [](const std::string& c) { return c.find_first_not_of(" \t") == std::string::npos; })) {
          --i;
          continue;
        }
        srdi::SheetScreener::Row r = sheet_->row(cells);
        srdi::json problems = srdi::json::array();
        for (const auto& p : r.problems) problems.push_back(srdi::json{{"column", p.column}, {"message", p.message}});
        rows.push_back(srdi::json{{"row", reader_->row_number()}, {"cells", cells}, {"added", r.added}, {"class", r.cls}, {"problems", problems}});
      }
      return srdi::json{{"rows", rows}, {"done", done}, {"offset", reader_ ? reader_->offset() : 0}, {"size", text_.size()}};
    });
  }

 private:
  template <typename F>
  static std::string guard(F&& f) {
    srdi::Response r = srdi::guarded_response(f);
    return r.body.dump(-1, ' ', false, srdi::json::error_handler_t::replace);
  }
  std::string text_;
  std::unique_ptr<srdi::CsvReader> reader_;
  std::unique_ptr<srdi::SheetScreener> sheet_;
};

std::string sheet_template() { return srdi::sheet_template(); }

// One row of a sheet as a profile (JSON text), for opening that firm in the calculator:
// {"headers": [...], "cells": [...], "as_of": "YYYY-MM-DD"}.
std::string row_profile(const std::string& request) {
  srdi::Response r = srdi::guarded_response([&] {
    srdi::json q = srdi::json::parse(request);
    auto as_of = srdi::parse_date(q.value("as_of", ""));
    auto columns = srdi::map_headers(q.at("headers").get<std::vector<std::string>>(), as_of ? as_of->year : srdi::today_local().year);
    std::vector<srdi::CellError> errors;
    return srdi::row_profile(columns, q.at("cells").get<std::vector<std::string>>(), errors);
  });
  return r.body.dump(-1, ' ', false, srdi::json::error_handler_t::replace);
}

std::string schema() { return srdi::schema_json().dump(-1, ' ', false, srdi::json::error_handler_t::replace); }

}  // namespace

EMSCRIPTEN_BINDINGS(srdi_batch) {
  emscripten::function("evaluate", &evaluate);
  emscripten::function("schema", &schema);
  emscripten::function("row_profile", &row_profile);
  emscripten::class_<Sheet>("Sheet")
      .constructor<>()
      .function("open", &Sheet::open)
      .function("next", &Sheet::next);
  emscripten::function("sheet_template", &sheet_template);
}
