#include "core/awards.hpp"

#include <algorithm>
#include <set>

namespace srdi {

namespace {

bool in_force(const Policy& p, const Date& d) { return p.valid_from <= d && (!p.valid_to || d <= *p.valid_to); }

std::string yuan_text(const Rational& x) { return format_wan(x) + "元"; }

// The value of an event parameter as the trigger's `where` compares it. A flag left out is an
// unticked box on the checklist: false.
std::string param_text(const Event& e, const std::string& name) {
  const EventValue* v = e.get(name);
  if (!v) {
    const EventType* type = find_event_type(e.type);
    const EventParam* param = type ? find_event_param(*type, name) : nullptr;
    return param && param->kind == ParamKind::Bool ? "false" : "";
  }
  if (v->flag) return *v->flag ? "true" : "false";
  if (v->number) return format_decimal(*v->number, 4);
  return v->text;
}

// Whether an event is what the measure pays for. A size limit on a parameter the user left blank
// does not exclude the event: the line is kept and names the parameter (see `unsure`).
// `lenient`: a `where` parameter the event lacks is not held against it (a potential recognition
// knows its title but not always its level).
bool matches(const Trigger& t, const Event& e, std::vector<std::string>* unsure = nullptr, bool lenient = false) {
  if (t.event != e.type) return false;
  for (const auto& [param, accepted] : t.where) {
    bool blank = param_text(e, param).empty();
    bool blank_ok = std::find(accepted.begin(), accepted.end(), "") != accepted.end();
    if (blank && (lenient || blank_ok)) continue;
    if (blank) {  // left blank: it might be what the measure pays for
      if (!unsure) return false;
      unsure->push_back(param);
      continue;
    }
    std::string value = param_text(e, param);
    if (std::find(accepted.begin(), accepted.end(), value) == accepted.end()) return false;
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& [param, limit] : pass == 0 ? t.at_least : t.at_most) {
      const EventValue* v = e.get(param);
      if (!v || !v->number) {
        if (unsure) unsure->push_back(param);
        continue;
      }
      if (pass == 0 ? *v->number < limit : *v->number > limit) return false;
    }
  }
  return true;
}

// An amount worked out for one line: certain, an upper bound, or no figure.
struct Figure {
  std::optional<Rational> certain;
  std::optional<Rational> up_to;
  std::optional<Rational> tax_credit;
  std::string basis;                 // how it was computed, in Chinese
  std::vector<std::string> missing;  // event parameters that would fix the figure
  bool unquantified = false;
  bool benefit = false;
  bool excluded = false;  // the event's value is not one the measure pays for (e.g. a 5th place)
};

// Rates produce fractions of a fen: the documents do not say; the calculator rounds down.
Rational down_to_fen(const Rational& x) { return floor_to(x, Rational::of(1, 100)); }

const Measure* find_measure(const Policy& p, const std::string& group, const Event& e) {
  // same_as_group: the member of the group whose trigger names the same title (and level).
  for (const auto& m : p.measures) {
    if (m.group != group || m.amount.kind == "same_as_group") continue;
    Event as_new{m.trigger.event, e.values};
    if (matches(m.trigger, as_new)) return &m;
  }
  return nullptr;
}

Figure figure(const Amount& a, const Event* e, const Policy& p, int depth = 0) {
  Figure f;
  auto base = [&](const std::string& name) -> std::optional<Rational> {
    const EventValue* v = e ? e->get(name) : nullptr;
    if (v && v->number) return v->number;
    f.missing.push_back(name);
    return std::nullopt;
  };
  const std::string& k = a.kind;
  if (k == "fixed") {
    f.certain = a.yuan;
    f.basis = yuan_text(a.yuan);
  } else if (k == "up_to") {
    f.up_to = a.yuan;
    f.basis = "最高 " + yuan_text(a.yuan);
  } else if (k == "rate" || k == "rate_cap" || k == "rate_up_to") {
    auto b = base(a.base);
    std::string rate = format_percent(a.rate);
    if (b) {
      Rational raw = down_to_fen(a.rate * *b);
      Rational paid = a.cap ? std::min(raw, *a.cap) : raw;
      f.basis = rate + " × " + yuan_text(*b) + " = " + yuan_text(raw);
      if (a.cap) f.basis += raw > *a.cap ? "，超过上限，按上限 " + yuan_text(*a.cap) : "（上限 " + yuan_text(*a.cap) + "）";
      (k == "rate_up_to" ? f.up_to : f.certain) = paid;
    } else {
      f.basis = rate + " × 基数（未填写）" + (a.cap ? "，上限 " + yuan_text(*a.cap) : "");
      if (a.cap) f.up_to = a.cap;
      else f.unquantified = true;
    }
  } else if (k == "tax_credit") {
    auto b = base(a.base);
    if (b) {
      f.tax_credit = down_to_fen(a.rate * *b);
      f.basis = format_percent(a.rate) + " × " + yuan_text(*b) + " = " + yuan_text(*f.tax_credit) +
                "，抵免当年企业所得税，不足抵免的可结转 " + std::to_string(a.carry_forward_years) + " 年";
    } else {
      f.basis = format_percent(a.rate) + " × 设备投资额（未填写）";
      f.unquantified = true;
    }
  } else if (k == "per_unit") {
    Rational total;
    std::string parts;
    for (const auto& [param, each] : a.units) {
      auto n = base(param);
      if (!n) continue;
      total = total + *n * each;
      parts += (parts.empty() ? "" : " + ") + format_decimal(*n, 0) + " × " + yuan_text(each);
    }
    // A count left blank leaves the total open: no figure until every count is known.
    f.basis = parts.empty() ? "按人数计算（人数未填写）" : parts + " = " + yuan_text(total);
    if (f.missing.empty()) f.certain = total;
    else f.unquantified = true;
  } else if (k == "tiered" || k == "by") {
    std::string value = e ? param_text(*e, a.param) : "";
    const Amount* chosen = nullptr;
    for (const auto& [key, sub] : a.cases) {
      if (key == value) chosen = &sub;
    }
    if (chosen && depth < 4) {
      f = figure(*chosen, e, p, depth + 1);
    } else if (!value.empty()) {
      f.excluded = true;
    } else {
      // Unknown selector: the largest case bounds it.
      std::optional<Rational> most;
      for (const auto& [key, sub] : a.cases) {
        Figure g = figure(sub, e, p, depth + 1);
        auto v = g.certain ? g.certain : g.up_to;
        if (v && (!most || *v > *most)) most = v;
      }
      f.up_to = most;
      f.missing.push_back(a.param);
      f.basis = most ? "视" + a.param + "而定，最高 " + yuan_text(*most) : "视" + a.param + "而定";
      if (!most) f.unquantified = true;
    }
  } else if (k == "same_as_group") {
    const Measure* m = e ? find_measure(p, a.group, *e) : nullptr;
    if (m && depth < 4) {
      f = figure(m->amount, e, p, depth + 1);
      f.basis = "参照“" + m->title + "”：" + f.basis;
    } else {
      f.unquantified = true;
      f.basis = "参照新认定标准（所持称号未对应到本文件的奖励）";
    }
  } else if (k == "unquantified") {
    f.unquantified = true;
    f.basis = a.text;
  } else if (k == "benefit") {
    f.benefit = true;
    f.basis = a.text;
  }
  return f;
}

json line_json(const Measure& m, const Policy& p, const Figure& f, const Date& as_of, std::optional<std::size_t> event) {
  json labels = json::array();
  if (p.status == "draft") labels.push_back("征求意见稿");
  if (p.source_kind == "news_report") labels.push_back("据新闻报道");
  if (p.valid_to && as_of > *p.valid_to) labels.push_back("已于 " + p.valid_to->iso() + " 失效");
  if (as_of < p.valid_from) labels.push_back("尚未施行（" + p.valid_from.iso() + " 起）");
  if (m.competitive) labels.push_back("竞争性评选：具备资格不等于获奖");
  json amount = json::object();
  std::string kind;
  if (f.certain) {
    amount["certain"] = format_yuan(*f.certain);
    kind = "certain";
  } else if (f.up_to) {
    amount["up_to"] = format_yuan(*f.up_to);
    kind = "up_to";
  } else if (f.tax_credit) {
    amount["tax_credit"] = format_yuan(*f.tax_credit);
    kind = "tax_credit";
  } else {
    kind = f.benefit ? "benefit" : (m.amount.kind == "tax_credit" ? "tax_credit" : "unquantified");
  }
  if (m.amount.kind == "tax_credit") amount["carry_forward_years"] = m.amount.carry_forward_years;
  json l{{"measure", m.id},
         {"title", m.title},
         {"policy", p.id},
         {"doc_no", p.doc_no},
         {"status", p.status},
         {"applicant", m.applicant},
         {"amount_kind", m.amount.kind},
         {"kind", kind},
         {"amount", amount},
         {"basis", f.basis},
         {"labels", labels},
         {"competitive", m.competitive},
         {"citation", citation_json(m.citation)},
         {"state", "applies"}};
  if (!f.missing.empty()) {
    json missing = json::array();
    for (const auto& name : f.missing) missing.push_back(event ? "events/" + std::to_string(*event) + "/" + name : name);
    l["missing"] = missing;
  }
  if (event) l["event"] = *event;
  if (!m.interpretation.empty()) l["interpretation"] = m.interpretation;
  if (!m.funded_by.empty()) l["funded_by"] = m.funded_by;
  if (!m.group.empty()) l["group"] = m.group;
  return l;
}

Rational line_value(const json& l) {
  const json& a = l["amount"];
  std::string v = a.contains("certain") ? a["certain"].get<std::string>()
                                        : (a.contains("up_to") ? a["up_to"].get<std::string>() : std::string("0"));
  return *parse_decimal(v, 2).value;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> award_cities(const PolicySet& policies) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : policies.policies) {
    if (p.kind != "awards" || p.jurisdiction.level != "city") continue;
    bool seen = std::any_of(out.begin(), out.end(), [&](const auto& c) { return c.first == p.jurisdiction.id; });
    if (!seen) out.emplace_back(p.jurisdiction.id, p.jurisdiction.name);
  }
  return out;
}

json evaluate_awards(const Profile& profile, const AwardRequest& req, const PolicySet& policies, const EvalContext& ctx,
                     const json& tiers) {
  json out{{"city", req.city.empty() ? json(nullptr) : json(req.city)}, {"applicant", req.applicant}};
  // The city's own documents, then its province's.
  std::vector<const Policy*> docs;
  std::string province;
  for (const auto& p : policies.policies) {
    if (p.kind == "awards" && p.jurisdiction.id == req.city) {
      docs.push_back(&p);
      province = p.jurisdiction.parent;
    }
  }
  for (const auto& p : policies.policies) {
    if (p.kind == "awards" && !province.empty() && p.jurisdiction.id == province) docs.push_back(&p);
  }
  out["city_name"] = docs.empty() ? json(nullptr) : json(docs.front()->jurisdiction.name);
  Evaluator ev(profile, false, ctx);

  // Titles the enterprise may now apply for (eligible and not held), for potential awards.
  std::vector<std::pair<const json*, Event>> potential_events;
  for (const auto& t : tiers) {
    if (t["verdict"] != "eligible" || !t.contains("grants_title")) continue;
    // A first recognition, not a renewal.
    Event e{"recognition", {EventValue{"title", std::nullopt, std::nullopt, t["grants_title"]},
                            EventValue{"renewal", std::nullopt, false, ""}}};
    if (t.contains("grants_level")) e.values.push_back(EventValue{"level", std::nullopt, std::nullopt, t["grants_level"]});
    potential_events.emplace_back(&t, e);
  }

  json documents = json::array();
  json potential = json::array();
  for (const Policy* p : docs) {
    json lines = json::array();
    json benefits = json::array();
    json notes = json::array();
    bool valid = in_force(*p, ctx.as_of);
    for (const auto& m : p->measures) {
      if (m.applicant != req.applicant) continue;
      // A condition on the enterprise itself (e.g. holds a provincial SRDI title).
      Tri cond = Tri::Met;
      json cond_trace;
      if (m.requires_) {
        Outcome o = ev.criterion(*m.requires_);
        cond = o.result;
        cond_trace = o.trace;
      }
      if (cond == Tri::NotMet) continue;
      struct Hit {
        std::optional<std::size_t> index;
        const Event* event;
        std::vector<std::string> unsure;
      };
      std::vector<Hit> hits;
      if (m.trigger.event.empty()) {
        hits.push_back(Hit{std::nullopt, nullptr, {}});  // a status measure: applies when the condition holds
      } else {
        for (std::size_t i = 0; i < profile.events.size(); ++i) {
          std::vector<std::string> unsure;
          if (matches(m.trigger, profile.events[i], &unsure)) hits.push_back(Hit{i, &profile.events[i], unsure});
        }
      }
      for (const auto& hit : hits) {
        Figure fig = figure(m.amount, hit.event, *p);
        if (fig.excluded) continue;
        json l = line_json(m, *p, fig, ctx.as_of, hit.index);
        if (cond == Tri::Undetermined || !hit.unsure.empty()) {
          l["state"] = "undetermined";
          json missing = l.value("missing", json::array());
          if (cond == Tri::Undetermined) {
            l["condition"] = cond_trace;
            for (const auto& f : cond_trace["missing"]) missing.push_back(f);
          }
          for (const auto& u : hit.unsure) missing.push_back("events/" + std::to_string(*hit.index) + "/" + u);
          l["missing"] = missing;
        }
        (l["kind"] == "benefit" ? benefits : lines).push_back(l);
        if (!m.adds_to.empty() && l["state"] != "undetermined") {
          // A top-up: the award it is paid on top of is another level's, listed here without a figure.
          lines.back()["adds_to"] = m.adds_to;
          notes.push_back(json{{"measure", m.id}, {"text", "在" + m.adds_to + "基础上另行给予；" + m.adds_to + "不在本文件中，金额未计入。"}});
          json base = l;
          base["measure"] = m.id + ".base_award";
          base["title"] = m.adds_to + "（本项的基础奖励，见上级文件）";
          base["amount_kind"] = "unquantified";
          base["kind"] = "unquantified";
          base["amount"] = json::object();
          base["basis"] = m.adds_to + "的金额不在本文件中";
          base.erase("funded_by");
          base.erase("group");
          lines.push_back(base);
        }
      }
      // Potential: what a recognition the enterprise may now apply for would pay here.
      for (const auto& [tier, e] : potential_events) {
        if (m.trigger.where.empty() || !matches(m.trigger, e, nullptr, true)) continue;
        json l = line_json(m, *p, figure(m.amount, &e, *p), ctx.as_of, std::nullopt);
        if (cond == Tri::Undetermined) {
          l["state"] = "undetermined";
          l["missing"] = cond_trace["missing"];
        }
        l["tier"] = (*tier)["id"];
        l["tier_title"] = (*tier)["title"];
        potential.push_back(l);
      }
    }
    // Stacking: within a "highest only" group, only the largest line is paid.
    for (const auto& g : p->groups) {
      json* best = nullptr;
      // Lines without a figure take no part: the highest can only be chosen among amounts.
      auto member = [&](const json& l) {
        return l.value("group", "") == g.id && l["state"] == "applies" &&
               (l["amount"].contains("certain") || l["amount"].contains("up_to"));
      };
      for (auto& l : lines) {
        if (member(l) && (!best || line_value(l) > line_value(*best))) best = &l;
      }
      if (!best) continue;
      for (auto& l : lines) {
        if (&l == best || !member(l)) continue;
        l["state"] = "superseded";
        l["stacking"] = g.title + "：" + (*best)["title"].get<std::string>() + " " +
                        yuan_text(line_value(*best)) + "，不再另计" + l["title"].get<std::string>() + " " +
                        yuan_text(line_value(l));
        l["stacking_citation"] = citation_json(g.citation);
      }
    }
    // Totals of this document alone: certain amounts, upper bounds, items without a figure.
    Rational certain, bound, credit;
    int unquantified = 0;
    for (const auto& l : lines) {
      if (l["state"] != "applies") continue;
      const json& a = l["amount"];
      if (a.contains("certain")) {
        certain = certain + *parse_decimal(a["certain"].get<std::string>(), 2).value;
        bound = bound + *parse_decimal(a["certain"].get<std::string>(), 2).value;
      } else if (a.contains("up_to")) {
        bound = bound + *parse_decimal(a["up_to"].get<std::string>(), 2).value;
      } else if (a.contains("tax_credit")) {
        credit = credit + *parse_decimal(a["tax_credit"].get<std::string>(), 2).value;
      } else {
        ++unquantified;
      }
    }
    json rules = json::array();
    for (const auto& r : p->rules) {
      json rj{{"id", r.id}, {"title", r.title}, {"citation", citation_json(r.citation)}};
      if (!r.interpretation.empty()) rj["interpretation"] = r.interpretation;
      rules.push_back(rj);
    }
    json marks = json::array();
    for (const auto& b : p->benchmarks) {
      json bj{{"id", b.id}, {"title", b.title}, {"target", b.target}, {"citation", citation_json(b.citation)}};
      if (!b.interpretation.empty()) bj["interpretation"] = b.interpretation;
      if (b.criterion) {
        Outcome o = ev.criterion(*b.criterion);
        bj["result"] = tri_name(o.result);
        bj["check"] = o.trace;
      } else {
        bj["result"] = nullptr;
      }
      marks.push_back(bj);
    }
    json doc{{"policy", p->id},
             {"title", p->title},
             {"doc_no", p->doc_no},
             {"jurisdiction", p->jurisdiction.name},
             {"source_kind", p->source_kind},
             {"status", p->status},
             {"valid_from", p->valid_from.iso()},
             {"valid_to", p->valid_to ? json(p->valid_to->iso()) : json(nullptr)},
             {"in_force", valid},
             {"lines", lines},
             {"benefits", benefits},
             {"notes", notes},
             {"rules", rules},
             {"benchmarks", marks},
             {"totals", json{{"certain", format_yuan(certain)},
                             {"upper_bound", format_yuan(bound)},
                             {"unquantified", unquantified},
                             {"tax_credit", format_yuan(credit)},
                             {"benefits", benefits.size()}}}};
    if (!valid) {
      doc["validity_note"] = p->valid_to && ctx.as_of > *p->valid_to
                                 ? "本文件已于 " + p->valid_to->iso() + " 失效：以下金额仅供参考。"
                                 : "本文件自 " + p->valid_from.iso() + " 起施行：评估日期尚未生效。";
    }
    if (p->status == "draft") doc["draft_note"] = "征求意见稿：金额以正式发布的文件为准。";
    documents.push_back(doc);
  }
  out["documents"] = documents;
  out["potential"] = potential;
  if (docs.empty()) {
    out["note"] = req.city.empty() ? "未填写所在城市：不计算地方奖励。" : "本计算器暂无该城市的奖励政策。";
  }
  return out;
}

}  // namespace srdi
