#include <catch2/catch.hpp>

#include "core/engine.hpp"
#include "core/text_report.hpp"
#include "test_util.hpp"

TEST_CASE("the text report states the size class, its basis and the evaluation date", "[text]") {
  std::string profile = test_util::read_file(test_util::source_dir() / "examples/precision-parts.json");
  auto r = srdi::evaluate_request(profile, srdi::Options{*srdi::parse_date("2026-11-21"), ""});
  REQUIRE(r.ok);
  std::string text = srdi::render_text_report(r.body);
  CHECK(text.find("评估日期：2026-11-21") != std::string::npos);
  CHECK(text.find("结论：小型") != std::string::npos);
  CHECK(text.find("工信部联企业〔2011〕300号") != std::string::npos);
  CHECK(text.find("8600万元") != std::string::npos);  // money in 万元 for the reader
  CHECK(text.find("（转述）") != std::string::npos);   // paraphrased excerpts are marked
}

TEST_CASE("a large enterprise is told first that it cannot take part", "[text]") {
  auto r = srdi::evaluate_request(R"({"industry": "industry", "employees": 1200, "revenue": {"last": 500000000}})",
                                  srdi::Options{*srdi::parse_date("2026-11-21"), ""});
  std::string text = srdi::render_text_report(r.body);
  CHECK(text.find("结论：大型") != std::string::npos);
  CHECK(text.find("不属于中小企业") != std::string::npos);
}

TEST_CASE("an undetermined size names what is missing", "[text]") {
  auto r = srdi::evaluate_request(R"({"industry": "industry", "revenue": {"last": 50000000}})",
                                  srdi::Options{*srdi::parse_date("2026-11-21"), ""});
  std::string text = srdi::render_text_report(r.body);
  CHECK(text.find("结论：待定") != std::string::npos);
  CHECK(text.find("需补充：从业人员") != std::string::npos);
}

TEST_CASE("errors render as one Chinese line each with code and path", "[text]") {
  auto r = srdi::evaluate_request(R"({"employees": -1, "revenu": 5})", std::string_view("{}"));
  std::string text = srdi::render_text_errors(r.body);
  CHECK(text.find("profile.negative 位置 /employees") != std::string::npos);
  CHECK(text.find("profile.unknown_key 位置 /revenu") != std::string::npos);
}

TEST_CASE("the text report speaks as a finance officer: no operators, 是/否, ranks as 名次", "[text]") {
  // Every example and golden profile, on both criteria versions' dates.
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"examples", "tests/golden/profiles"}) {
    for (const auto& e : std::filesystem::directory_iterator(test_util::source_dir() / dir)) files.push_back(e.path());
  }
  bool rank_seen = false;
  for (const auto& file : files) {
    for (const char* as_of : {"2025-06-01", "2026-11-21"}) {
      INFO(file.string() << " " << as_of);
      auto r = srdi::evaluate_request(test_util::read_file(file), srdi::Options{*srdi::parse_date(as_of), ""});
      if (!r.ok) continue;  // a golden profile may date after one of these days
      const std::string text = srdi::render_text_report(r.body);
      for (const char* op : {"≥", "≤", ">=", "<=", " = true", " = false", "（未知）"}) CHECK(text.find(op) == std::string::npos);
      // A science award's rank: "at least rank 1" is only that there is an award.
      if (text.find("科技奖励排名 无，要求 有名次（获得）") != std::string::npos) rank_seen = true;
      CHECK(text.find("科技奖励排名 无，要求 不低于 1") == std::string::npos);
    }
  }
  CHECK(rank_seen);
}
