// The self-check form: which profile fields (docs/profile.md) appear in which section, with the
// unit the user types in and a one-line hint of what counts. Kinds, ranges and allowed values
// come from the engine (SRDI.schema()); this file only adds the words a form needs.
// tests/web/form.test.js checks that every field of the schema appears here exactly once.
var SRDI_FORM = {
  // The cities with award documents come from the engine (SRDI.schema().cities); this is the
  // choice for every other city.
  other_city: { value: 'other', label: '其他城市（暂无地方政策）' },

  // Three fiscal years side by side: last = 上年度, prev = 上上年度, prev2 = 前三年度.
  years: [
    { key: 'last', label: '上年度' },
    { key: 'prev', label: '上上年度' },
    { key: 'prev2', label: '前三年度' },
  ],

  sections: [
    {
      id: 'basic', title: '基本信息',
      fields: [
        { name: 'name', hint: '仅用于报告抬头，不参与计算' },
        { name: 'city', hint: '决定适用哪个城市及其所在省份的奖励政策' },
        { name: 'industry', hint: '按《中小企业划型标准规定》的行业口径选择' },
        { name: 'employees', unit: '人', hint: '上年度期末从业人员（含劳务派遣），用于划型' },
        { name: 'compliance.registered_in_china', hint: '在中华人民共和国境内工商注册登记、连续经营' },
        { name: 'compliance.not_abnormal', hint: '未被列入经营异常名录或严重失信主体名单' },
        { name: 'compliance.no_major_incident', hint: '近三年未发生重大安全、质量、环境污染事故，无偷漏税等违法违规行为' },
        { name: 'compliance.product_allowed', hint: '提供的产品（服务）不属于国家禁止、限制或淘汰类' },
      ],
    },
    {
      id: 'finance', title: '财务数据',
      note: '金额以万元填写，可精确到分（最多6位小数）。留空表示“未填写”，不按0计算。',
      table: [
        { base: 'revenue', years: ['last', 'prev', 'prev2'], hint: '利润表“营业收入”，用于划型、成长性和研发投入比例' },
        { base: 'main_business_revenue', years: ['last', 'prev', 'prev2'], hint: '主营业务收入（细分市场主导产品），用于专业化指标' },
        { base: 'rd_expense', years: ['last', 'prev'], hint: '研发费用（按研发费用加计扣除口径）' },
        { base: 'equity_financing', years: ['last', 'prev', 'prev2'], hint: '合格机构投资者实缴的新增股权融资' },
      ],
      fields: [
        { name: 'total_assets', unit: '万元', hint: '上年度末资产总额，用于划型和资产负债率' },
        { name: 'total_liabilities', unit: '万元', hint: '上年度末负债总额，用于资产负债率' },
        { name: 'net_profit', unit: '万元', hint: '上年度净利润，亏损填负数' },
      ],
    },
    {
      id: 'rd', title: '研发与知识产权',
      fields: [
        { name: 'rd_staff', unit: '人', hint: '上年度从事研发和相关技术创新活动的人员' },
        { name: 'ip.class1', unit: '项', hint: 'Ⅰ类：发明专利（含国防专利）、植物新品种、国家级农作物品种、国家新药、国家一级中药保护品种、集成电路布图设计专有权' },
        { name: 'ip.class1_high_value', unit: '项', hint: '其中高价值：战略性新兴产业的、有海外同族的、维持10年以上的、获中国专利奖的等' },
        { name: 'ip.class1_self_developed', unit: '项', hint: '其中自主研发取得的（不含受让、受赠、并购）' },
        { name: 'ip.class1_applied', unit: '项', hint: '其中已在主导产品中应用并产生经济效益的' },
        { name: 'ip.class2', unit: '项', hint: 'Ⅱ类：实用新型专利、外观设计专利、软件著作权（不含商标）' },
        { name: 'rd_institution', hint: '企业自建或与高校、科研院所联合建立的研发机构的最高级别' },
        { name: 'provincial_rd_institution', hint: '经认定的省部级以上研发机构（如技术中心、工程研究中心、重点实验室）；已填研发机构级别的可不填，由级别得出（省级、国家级即“是”），两者矛盾时会提示' },
        { widget: 'sci_award' },
        { name: 'maker_china', hint: '“创客中国”中小企业创新创业大赛全国赛成绩' },
        { name: 'maker_china_year', hint: '进入全国500强或50强名单的年份，如 2024（判断是否在近三年内）' },
      ],
    },
    {
      id: 'quality', title: '质量与数字化',
      fields: [
        { name: 'digital_level', unit: '级', hint: '中小企业数字化水平评测等级（一级至四级）' },
        { name: 'quality.iso9001', hint: '通过ISO9001等质量管理体系认证' },
        { name: 'quality.standards', hint: '主导或参与制修订国际、国家、行业或团体标准' },
        { name: 'quality.provincial_award', hint: '获得省级以上质量奖' },
        { name: 'info_system_core_business', hint: '研发设计、生产制造、供应链管理等核心业务由信息系统支撑' },
        { name: 'management_certified', hint: '取得相关管理体系认证，或产品获得发达国家和地区认证' },
        { name: 'platform_score.this_year', unit: '分', hint: '优质中小企业梯度培育平台上的专精特新发展评价得分（2026年起的标准使用）' },
        { name: 'platform_score.last_year', unit: '分', hint: '上一年度的同一评价得分' },
        { name: 'distinctive_score', unit: '分', hint: '各省特色化指标的自评得分（0–15分），不知道可留空' },
      ],
    },
    {
      id: 'market', title: '市场与荣誉',
      fields: [
        { name: 'niche_years', unit: '年', hint: '从事特定细分市场的时间' },
        { name: 'market_share_domestic', unit: '%', hint: '主导产品在国内细分市场的占有率，按百分数填写（6.5 即 6.5%）' },
        { name: 'market_share_international', unit: '%', hint: '主导产品在国际细分市场的占有率，按百分数填写；没有出口或不清楚可不填' },
        { name: 'market_rank_domestic', unit: '名', hint: '主导产品在国内细分市场的排名（第1名填1）' },
        { name: 'market_leading', hint: '主导产品细分市场占有率在全省或全国较为靠前' },
        { name: 'own_brand', hint: '拥有自主品牌' },
        { name: 'strategic_emerging', hint: '主导产品属于战略性新兴产业' },
        { name: 'product_field', hint: '主导产品是否属于关键领域“补短板”“锻长板”“填空白”，或工业“六基”、制造强国产业链' },
        { name: 'key_field_little_giant', hint: '主导产品属于“小巨人”重点领域且位于产业链关键环节' },
        { widget: 'honors' },
      ],
    },
    { id: 'holds', title: '已获称号', widget: 'holds' },
    { id: 'events', title: '本年度事项', widget: 'events' },
  ],

  // Words for the values the engine uses. For an enum field the page takes the engine's own words
  // first (SRDI.schema() value_labels, the same as these); honours are fields of the schema.
  values: {
    industry: {
      agriculture: '农、林、牧、渔业', industry: '工业', construction: '建筑业', wholesale: '批发业',
      retail: '零售业', transport: '交通运输业', warehousing: '仓储业', postal: '邮政业',
      accommodation: '住宿业', catering: '餐饮业', information_transmission: '信息传输业',
      software_it: '软件和信息技术服务业', real_estate_development: '房地产开发经营',
      property_management: '物业管理', leasing_business_services: '租赁和商务服务业', other: '其他未列明行业',
    },
    applicant: {
      enterprise: '企业', service_platform: '中小企业公共服务平台、示范基地', park_operator: '园区运营主体',
      investor: '股权投资机构', financial_institution: '银行、担保机构', training_institution: '培养机构、院校',
    },
    rd_institution: { none: '无', below_city: '市级以下', city: '市级', provincial: '省级', national: '国家级' },
    product_field: { key_breakthrough: '关键领域“补短板”“锻长板”“填空白”', six_basics_or_chain: '工业“六基”或制造强国产业链', none: '均不属于' },
    maker_china: { top50: '全国50强', top500: '全国500强', none: '未进入' },
    level: { national: '国家级', provincial: '省级', city: '市级' },
    title: {
      innovative_sme: '创新型中小企业', tech_sme: '科技型中小企业', srdi_sme: '专精特新中小企业',
      little_giant: '专精特新“小巨人”企业', gazelle: '瞪羚企业', single_champion_enterprise: '制造业单项冠军企业',
      single_champion_product: '制造业单项冠军产品', high_tech_enterprise: '高新技术企业',
      smart_factory: '智能工厂', tech_center: '企业技术中心', mfg_innovation_center: '制造业创新中心',
      mfg_innovation_pilot: '制造业创新中心培育', new_rd_institution: '新型研发机构',
      innovation_platform: '创新平台', digital_benchmark: '数字化转型标杆', quality_benchmark: '质量标杆',
      standard_leader: '标准“领跑者”', green_factory: '绿色工厂', green_supply_chain: '绿色供应链管理企业',
      green_system_integration: '绿色制造系统集成', green_product: '绿色设计产品', green_datacenter: '绿色数据中心',
      green_park: '绿色园区', ai_excellence: '人工智能优秀案例', key_new_product: '重点新产品',
      public_service_platform: '中小企业公共服务示范平台', sme_demo_base: '小型微型企业创业创新示范基地',
      srdi_park: '专精特新特色园区', training_base: '培训基地', industry_college: '现代产业学院',
      industrial_heritage: '国家工业遗产',
    },
    stage: {
      joint_stock_reform: '完成股份制改造', regional_equity: '区域性股权市场挂牌', neeq: '新三板挂牌',
      tutoring: '上市辅导备案', accepted: '上市申请获受理', listed: '首发上市',
    },
    contest: { platform_digital_demo: '平台数字化示范评选', chuangxiang_fujian: '“创响福建”大赛', city_labor_competition: '市级劳动竞赛' },
    category: { equipment: '首台（套）装备', key_component: '关键核心零部件', new_material: '新材料首批次', software: '软件首版次' },
    fund: { national_fund: '基金直接投资', sub_fund: '一级子基金投资' },
    fund_family: { mfg_upgrade_fund: '国家制造业转型升级基金（含其子基金）', sme_development_fund: '国家中小企业发展基金（含其子基金）' },
    role: {
      iso_secretariat: '承担国际标准化组织秘书处', lead_international_standard: '主导制定国际标准',
      lead_national_standard: '主导制定国家标准', national_tc: '承担全国专业标准化技术委员会秘书处',
      national_sc: '承担全国分技术委员会秘书处',
    },
  },
};
