#include "core/events.hpp"

namespace srdi {

namespace {

const std::vector<std::string> kLevels = {"national", "provincial", "city"};

// Recognitions, certifications and titles an enterprise (or platform, park) may be granted.
const std::vector<std::string> kRecognitions = {
    "innovative_sme", "tech_sme", "srdi_sme", "little_giant", "gazelle", "single_champion_enterprise",
    "single_champion_product", "high_tech_enterprise", "smart_factory", "tech_center", "mfg_innovation_center",
    "mfg_innovation_pilot", "new_rd_institution", "innovation_platform", "digital_benchmark", "quality_benchmark",
    "standard_leader", "green_factory", "green_supply_chain", "green_system_integration", "green_product",
    "green_datacenter", "green_park", "ai_excellence", "key_new_product", "public_service_platform",
    "sme_demo_base", "srdi_park", "training_base", "industry_college", "industrial_heritage"};

std::vector<EventType> make_types() {
  using P = EventParam;
  return {
      {"recognition", "新获认定（称号、平台、示范）",
       "本年度获得的认定；复核通过或到期重新认定的，“复核或到期重新认定”选“是”，新认定选“否”（未填写按未知计）",
       {P{"title", ParamKind::Enum, "认定名称", kRecognitions, true}, P{"level", ParamKind::Enum, "级别", kLevels},
        P{"renewal", ParamKind::Bool, "复核或到期重新认定"}, P{"first_time", ParamKind::Bool, "首次获得"},
        P{"previously_funded", ParamKind::Bool, "此前已获得过该类专项资金支持"}}},
      {"relocation", "整体迁入本市", "已获称号的企业整体迁入本市并正常经营满一年",
       {P{"title", ParamKind::Enum, "迁入时持有的称号", kRecognitions, true}, P{"level", ParamKind::Enum, "级别", kLevels},
        P{"operating_years", ParamKind::Count, "迁入后正常经营年数"}}},
      {"listing", "上市挂牌进展", "本年度达到的上市挂牌阶段",
       {P{"stage", ParamKind::Enum, "阶段",
          {"joint_stock_reform", "regional_equity", "neeq", "tutoring", "accepted", "listed"}, true}}},
      {"competition_prize", "竞赛获奖", "评比或竞赛的名次（竞争性奖项：具备资格不等于获奖）",
       {P{"contest", ParamKind::Enum, "竞赛", {"platform_digital_demo", "chuangxiang_fujian", "city_labor_competition"}, true},
        P{"rank", ParamKind::Rank, "名次（一等奖为1）", {}, true}}},
      {"exhibition", "参加展会", "参加市级以上部门组织的大型展会",
       {P{"booth_fee", ParamKind::Money, "展位费（元）"}}},
      {"first_set", "首台（套）、首批次、首版次", "本年度认定或销售的首台（套）装备、关键零部件、新材料首批次、软件首版次",
       {P{"category", ParamKind::Enum, "类别", {"equipment", "key_component", "new_material", "software"}},
        P{"level", ParamKind::Enum, "认定级别", kLevels}, P{"unit_price", ParamKind::Money, "单台（套）售价（元）"},
        P{"sales", ParamKind::Money, "认定期内实际销售额（元）"}}},
      {"retrofit_project", "技术改造项目", "本年度实施的技术改造项目（含列入省级重点技改项目的）及其投资",
       {P{"equipment_investment", ParamKind::Money, "设备（含技术、软件）投资（元）"},
        P{"total_investment", ParamKind::Money, "项目总投资（元）"}, P{"completed", ParamKind::Bool, "已竣工"},
        P{"revenue_grew", ParamKind::Bool, "营业收入同比增长"}}},
      {"green_retrofit", "绿色化改造项目", "储能、节能、智慧能源、资源循环利用等改造项目",
       {P{"investment", ParamKind::Money, "项目投资（元）"}}},
      {"equipment_purchase", "购置节能节水、环保、安全生产专用设备", "列入目录的专用设备投资（可抵免所得税）",
       {P{"investment", ParamKind::Money, "设备投资额（元）"}}},
      {"fund_investment", "获得国家级基金投资", "国家制造业转型升级基金、国家中小企业发展基金或其一级子基金的实缴投资",
       {P{"fund", ParamKind::Enum, "投资层级（基金直接投资或一级子基金投资）", {"national_fund", "sub_fund"}, true},
        P{"fund_family", ParamKind::Enum, "所属基金（国家制造业转型升级基金或中小企业发展基金，含其子基金）",
          {"mfg_upgrade_fund", "sme_development_fund"}},
        P{"paid_in", ParamKind::Money, "实缴到位金额（元）"}}},
      {"standard_work", "标准化工作", "本年度承担的国际、国家标准化工作",
       {P{"role", ParamKind::Enum, "工作",
          {"iso_secretariat", "lead_international_standard", "lead_national_standard", "national_tc", "national_sc"}, true}}},
      {"certification", "认证", "获得鼓励目录内的认证", {P{"in_catalogue", ParamKind::Bool, "属于鼓励目录"}}},
      {"lab_built", "新建实验室", "新创建的实验室", {}},
      {"top_talent", "引进顶尖人才或团队", "全职引进、拥有关键核心技术的顶尖人才及团队", {}},
      {"open_competition", "揭榜挂帅项目", "承担揭榜挂帅项目", {}},
      {"supply_chain_opening", "链主企业开放供应链", "链主企业向中小企业开放供应链", {}},
      {"consortium_procurement", "联合体参与政府采购", "链主企业与中小企业组成联合体参与政府采购", {}},
      {"attract_little_giant", "招引“小巨人”企业落地", "园区运营主体从外地引进“小巨人”企业落地", {}},
      {"ai_island_operation", "运营人工智能岛", "济南人工智能岛运营主体", {}},
      {"demo_base_review", "示范基地绩效评价", "小型微型企业创业创新示范基地参加定期绩效评价", {}},
      {"technician_training", "为专精特新企业培养技师", "培养机构为专精特新企业新培养的技师、高级技师人数",
       {P{"new_technicians", ParamKind::Count, "新培养技师（人）"},
        P{"new_senior_technicians", ParamKind::Count, "新培养高级技师（人）"},
        P{"upgraded_senior_technicians", ParamKind::Count, "技师晋升高级技师（人）"}}},
      {"equity_investment_made", "股权投资机构投资本市企业", "投资于无关联的本市企业且持有满两年",
       {P{"amount", ParamKind::Money, "投资额（元）", {}, true}, P{"years_held", ParamKind::Count, "持有年数"}}},
      {"guarantee_provided", "为小微企业提供担保", "担保金额与担保费率",
       {P{"loan", ParamKind::Money, "担保贷款额（元）", {}, true}, P{"fee_rate", ParamKind::Percent, "担保费率（%）"}}},
      {"bad_loan", "专精特新企业贷款发生损失", "银行对省级以上专精特新企业的贷款形成不良", {}},
      {"industry_college_investment", "共建现代产业学院", "获省级或国家级认定的现代产业学院的总投资",
       {P{"level", ParamKind::Enum, "认定级别", kLevels}, P{"investment", ParamKind::Money, "总投资（元）"}}},
  };
}

}  // namespace

const std::vector<EventType>& event_types() {
  static const std::vector<EventType> types = make_types();
  return types;
}

const EventType* find_event_type(std::string_view type) {
  for (const auto& t : event_types()) {
    if (t.type == type) return &t;
  }
  return nullptr;
}

const EventParam* find_event_param(const EventType& t, std::string_view name) {
  for (const auto& p : t.params) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const EventValue* Event::get(std::string_view name) const {
  for (const auto& v : values) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

}  // namespace srdi
