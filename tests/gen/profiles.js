// Seeded generator of enterprise profiles in the public profile format (docs/profile.md), for the
// native–wasm parity test (tests/wasm/parity.test.js) and the benchmark.
//
// What it covers:
// - every field of `srdi schema`, with values inside each kind's range and precision (money as
//   "yuan.fen" strings, percents ≤ 4 decimals, scores ≤ 2, integer counts, schema enums);
// - all 16 划型 industries, round-robin;
// - two kinds of enterprise: 60% drawn from wide ranges, 40% "strong" (near the tier thresholds,
//   a third of them 小巨人 candidates) so that every tier also sees eligible verdicts;
// - unknowns: each field unknown with probability `unknownRate` (a quarter of it for the strong
//   ones), left out or written as null (null is unknown at every level); groups absent / null /
//   {} / partial; zero denominators now and then;
// - sci_award as "none", as an object with ranks left out (= none), null (= unknown) or given,
//   each rank with its own year (national, provincial, ministerial);
// - rd_institution and provincial_rd_institution never contradicting (the flag often left to the level);
//   honors absent / null / [] / a list;
// - holds absent, null, [] or entries at various levels, with or without level and since, and
//   since dates on the validity boundary (in force on the last day / expired the day after),
//   recent, old, on the evaluation day itself, on 29 February; duplicate titles; never after
//   the evaluation date (asOf), nor an award year after its year: that is bad input
//   (profile.date_after_as_of), and every generated profile is valid;
// - events of every type of the schema, many built from the award policies' triggers (their
//   `where` values and `at_least` / `at_most` bounds at, just below and just above the bound);
// - city: each award jurisdiction of policies/ (kind "awards"), an unknown city, or absent;
//   applicant kinds;
// - boundaries: every {metric, op, value} comparison found anywhere in policies/**/*.json
//   (criteria, definitions, size rules, score bands) is a target; about 60% of the profiles get
//   one to three targets, each landing the metric exactly on the threshold (when a whole number
//   of fen / units allows it), one smallest step below or one step above. Size-rule targets are
//   taken from the profile's own industry.
// Options: seed, count, unknownRate (0.15), complete (every field known, holds given: for the
// benchmark), asOf ('2026-11-21': the date that since / award-year boundaries are relative to).
// Deterministic for a seed (own PRNG, never Math.random).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const POLICY_DIR = path.resolve(__dirname, '../../policies');

// ---------------------------------------------------------------- vocabulary (srdi schema)

const INDUSTRIES = ['agriculture', 'industry', 'construction', 'wholesale', 'retail', 'transport', 'warehousing',
  'postal', 'accommodation', 'catering', 'information_transmission', 'software_it', 'real_estate_development',
  'property_management', 'leasing_business_services', 'other'];
const APPLICANTS = ['enterprise', 'service_platform', 'park_operator', 'investor', 'financial_institution',
  'training_institution'];
const HOLD_TITLES = ['innovative_sme', 'tech_sme', 'srdi_sme', 'little_giant', 'gazelle',
  'single_champion_enterprise', 'single_champion_product', 'high_tech_enterprise'];
const LEVELS = ['national', 'provincial', 'city'];
const HONORS = ['high_tech_enterprise', 'tech_innovation_demo', 'ip_advantage', 'ip_demo'];
const RECOGNITION_TITLES = ['innovative_sme', 'tech_sme', 'srdi_sme', 'little_giant', 'gazelle',
  'single_champion_enterprise', 'single_champion_product', 'high_tech_enterprise', 'smart_factory', 'tech_center',
  'mfg_innovation_center', 'mfg_innovation_pilot', 'new_rd_institution', 'innovation_platform', 'digital_benchmark',
  'quality_benchmark', 'standard_leader', 'green_factory', 'green_supply_chain', 'green_system_integration',
  'green_product', 'green_datacenter', 'green_park', 'ai_excellence', 'key_new_product', 'public_service_platform',
  'sme_demo_base', 'srdi_park', 'training_base', 'industry_college', 'industrial_heritage'];

// Flat fields (dotted = nested in JSON), as `srdi schema` lists them. sci_award, honors, holds and
// events are handled on their own.
const FIELDS = {
  employees: { kind: 'count' },
  'revenue.last': { kind: 'money' }, 'revenue.prev': { kind: 'money' }, 'revenue.prev2': { kind: 'money' },
  'main_business_revenue.last': { kind: 'money' }, 'main_business_revenue.prev': { kind: 'money' },
  'main_business_revenue.prev2': { kind: 'money' },
  total_assets: { kind: 'money' }, total_liabilities: { kind: 'money' }, net_profit: { kind: 'signed_money' },
  'rd_expense.last': { kind: 'money' }, 'rd_expense.prev': { kind: 'money' },
  rd_staff: { kind: 'count' }, niche_years: { kind: 'count' },
  'equity_financing.last': { kind: 'money' }, 'equity_financing.prev': { kind: 'money' },
  'equity_financing.prev2': { kind: 'money' },
  'ip.class1_high_value': { kind: 'count' }, 'ip.class1_self_developed': { kind: 'count' }, 'ip.class1': { kind: 'count' },
  'ip.class1_applied': { kind: 'count' }, 'ip.class2': { kind: 'count' },
  rd_institution: { kind: 'enum', values: ['none', 'below_city', 'city', 'provincial', 'national'] },
  provincial_rd_institution: { kind: 'bool' },
  digital_level: { kind: 'int', min: 1, max: 4 },
  'quality.provincial_award': { kind: 'bool' }, 'quality.iso9001': { kind: 'bool' }, 'quality.standards': { kind: 'bool' },
  info_system_core_business: { kind: 'bool' }, management_certified: { kind: 'bool' }, strategic_emerging: { kind: 'bool' },
  product_field: { kind: 'enum', values: ['key_breakthrough', 'six_basics_or_chain', 'none'] },
  key_field_little_giant: { kind: 'bool' },
  market_share_domestic: { kind: 'percent' },
  market_share_international: { kind: 'percent' },
  market_rank_domestic: { kind: 'int', min: 1, max: 1000000000 },
  own_brand: { kind: 'bool' }, market_leading: { kind: 'bool' },
  maker_china: { kind: 'enum', values: ['top50', 'top500', 'none'] },
  maker_china_year: { kind: 'int', min: 1949, max: 2100 },
  distinctive_score: { kind: 'int', min: 0, max: 15 },
  'platform_score.this_year': { kind: 'score' }, 'platform_score.last_year': { kind: 'score' },
  'compliance.registered_in_china': { kind: 'bool' }, 'compliance.not_abnormal': { kind: 'bool' },
  'compliance.no_major_incident': { kind: 'bool' }, 'compliance.product_allowed': { kind: 'bool' },
};
const SCI = { 'sci_award.national_rank': { min: 1, max: 1000000000 }, 'sci_award.national_year': { min: 1949, max: 2100 },
  'sci_award.provincial_rank': { min: 1, max: 1000000000 }, 'sci_award.provincial_year': { min: 1949, max: 2100 },
  'sci_award.ministerial_rank': { min: 1, max: 1000000000 }, 'sci_award.ministerial_year': { min: 1949, max: 2100 } };
const AWARD_LEVELS = ['national', 'provincial', 'ministerial'];
// Each *years_ago metric: [its year field, the result it goes with, a value of that result that qualifies].
const YEARS_AGO = {
  'sci_award.national_years_ago': ['sci_award.national_year', 'sci_award.national_rank'],
  'sci_award.provincial_years_ago': ['sci_award.provincial_year', 'sci_award.provincial_rank'],
  'sci_award.ministerial_years_ago': ['sci_award.ministerial_year', 'sci_award.ministerial_rank'],
  'maker_china.years_ago': ['maker_china_year', 'maker_china'],
};
const GROUPS = ['revenue', 'main_business_revenue', 'rd_expense', 'equity_financing', 'ip', 'quality', 'platform_score',
  'compliance'];

const MONEY_MAX = 10n ** 15n;  // 10万亿元 in fen
const COUNT_MAX = 1000000000n;

// Event parameters by type (core/events.cpp, `srdi schema` events).
const EVENTS = {
  recognition: { title: { kind: 'enum', values: RECOGNITION_TITLES, required: true }, level: { kind: 'enum', values: LEVELS },
    renewal: { kind: 'bool' }, first_time: { kind: 'bool' }, previously_funded: { kind: 'bool' } },
  relocation: { title: { kind: 'enum', values: RECOGNITION_TITLES, required: true }, level: { kind: 'enum', values: LEVELS },
    operating_years: { kind: 'count' } },
  listing: { stage: { kind: 'enum', values: ['joint_stock_reform', 'regional_equity', 'neeq', 'tutoring', 'accepted', 'listed'], required: true } },
  competition_prize: { contest: { kind: 'enum', values: ['platform_digital_demo', 'chuangxiang_fujian', 'city_labor_competition'], required: true },
    rank: { kind: 'rank', required: true } },
  exhibition: { booth_fee: { kind: 'money' } },
  first_set: { category: { kind: 'enum', values: ['equipment', 'key_component', 'new_material', 'software'] },
    level: { kind: 'enum', values: LEVELS }, unit_price: { kind: 'money' }, sales: { kind: 'money' } },
  retrofit_project: { equipment_investment: { kind: 'money' }, total_investment: { kind: 'money' },
    completed: { kind: 'bool' }, revenue_grew: { kind: 'bool' } },
  green_retrofit: { investment: { kind: 'money' } },
  equipment_purchase: { investment: { kind: 'money' } },
  fund_investment: { fund: { kind: 'enum', values: ['national_fund', 'sub_fund'], required: true },
    fund_family: { kind: 'enum', values: ['mfg_upgrade_fund', 'sme_development_fund'] }, paid_in: { kind: 'money' } },
  standard_work: { role: { kind: 'enum', values: ['iso_secretariat', 'lead_international_standard', 'lead_national_standard',
    'national_tc', 'national_sc'], required: true } },
  certification: { in_catalogue: { kind: 'bool' } },
  lab_built: {}, top_talent: {}, open_competition: {}, supply_chain_opening: {}, consortium_procurement: {},
  attract_little_giant: {}, ai_island_operation: {}, demo_base_review: {}, bad_loan: {},
  technician_training: { new_technicians: { kind: 'count' }, new_senior_technicians: { kind: 'count' },
    upgraded_senior_technicians: { kind: 'count' } },
  equity_investment_made: { amount: { kind: 'money', required: true }, years_held: { kind: 'count' } },
  guarantee_provided: { loan: { kind: 'money', required: true }, fee_rate: { kind: 'percent' } },
  industry_college_investment: { level: { kind: 'enum', values: LEVELS }, investment: { kind: 'money' } },
};

// How each metric of `srdi metrics` reads the profile (used to land a metric on a threshold).
const SUMS = { 'rd_expense.sum2': ['rd_expense.last', 'rd_expense.prev'], 'equity_financing.sum2': ['equity_financing.last',
  'equity_financing.prev'], 'equity_financing.sum3': ['equity_financing.last', 'equity_financing.prev', 'equity_financing.prev2'] };
const RATIOS = { 'rd_ratio.last': ['rd_expense.last', 'revenue.last'], 'rd_ratio.prev': ['rd_expense.prev', 'revenue.prev'],
  debt_ratio: ['total_liabilities', 'total_assets'], 'main_business_share.last': ['main_business_revenue.last', 'revenue.last'],
  'net_margin.last': ['net_profit', 'revenue.last'], rd_staff_ratio: ['rd_staff', 'employees'] };
const GROWTHS = { 'main_business_growth.last': ['main_business_revenue.last', 'main_business_revenue.prev'],
  'revenue_growth.last': ['revenue.last', 'revenue.prev'] };

function metricSupported(m) {
  return m in FIELDS || m in SCI || m in SUMS || m in RATIOS || m in GROWTHS || m === 'rd_expense.avg2' ||
    m === 'main_business_growth.avg2' || m === 'revenue_cagr.2y' || m === 'main_business_cagr.2y' || m in YEARS_AGO;
}

// ---------------------------------------------------------------- PRNG

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) { this.f = mulberry32(seed); }
  next() { return this.f(); }
  chance(p) { return this.f() < p; }
  int(lo, hi) { return lo + Math.floor(this.f() * (hi - lo + 1)); }
  pick(a) { return a[Math.floor(this.f() * a.length)]; }
  // Log-uniform integer in [lo, hi], for amounts spanning orders of magnitude.
  logInt(lo, hi) { return Math.floor(Math.exp(Math.log(lo) + this.f() * (Math.log(hi + 1) - Math.log(lo)))); }
  // Money in fen, often round as real accounts are (so exact ratio thresholds are reachable).
  fen(loYuan, hiYuan) {
    const yuan = this.logInt(Math.max(1, loYuan), hiYuan);
    const r = this.f();
    if (r < 0.5) return BigInt(Math.max(1, Math.round(yuan / 10000)) * 10000) * 100n;
    if (r < 0.8) return BigInt(yuan) * 100n;
    return BigInt(yuan) * 100n + BigInt(this.int(0, 99));
  }
}

// ---------------------------------------------------------------- numbers and dates

function fmtFen(f) {
  const neg = f < 0n;
  const a = neg ? -f : f;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}
// An integer scaled by 10^digits, written with the fewest decimals ("6.5", "75").
function fmtScaled(v, digits) {
  const s = String(v).padStart(digits + 1, '0');
  const int = s.slice(0, s.length - digits);
  const frac = s.slice(s.length - digits).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

// A threshold as an exact fraction [num, den] of BigInt ("7%" = 7/100, "12.5" = 125/10).
function parseThreshold(v) {
  let s = String(v);
  let den = 1n;
  if (s.endsWith('%')) { s = s.slice(0, -1); den = 100n; }
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const frac = m[3] || '';
  let num = BigInt(m[2] + frac);
  den *= 10n ** BigInt(frac.length);
  if (m[1]) num = -num;
  return [num, den];
}
const floorDiv = (a, b) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
const ceilDiv = (a, b) => -floorDiv(-a, b);

function parseDate(s) { const [y, m, d] = s.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)); }
function fmtDate(d) { return d.toISOString().slice(0, 10); }
function addDays(s, n) { const d = parseDate(s); d.setUTCDate(d.getUTCDate() + n); return fmtDate(d); }
// Same month and day, `n` years earlier; 29 February falls back to the 28th (a valid date).
function minusYears(s, n) {
  const [y, m, d] = s.split('-').map(Number);
  const dd = m === 2 && d === 29 && !((y - n) % 4 === 0 && ((y - n) % 100 !== 0 || (y - n) % 400 === 0)) ? 28 : d;
  return `${String(y - n).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- policy data

let policyCache;
// Everything the generator reads from policies/: comparisons, award cities, award triggers.
function policyData() {
  if (policyCache) return policyCache;
  const comparisons = [];
  const sizeByIndustry = {};
  const cities = new Set();
  const triggers = [];
  const parents = {};
  const walk = (node, ctx) => {
    if (Array.isArray(node)) { node.forEach((n) => walk(n, ctx)); return; }
    if (!node || typeof node !== 'object') return;
    if (typeof node.metric === 'string' && typeof node.op === 'string' && node.value !== undefined) {
      const t = parseThreshold(node.value);
      if (t) {
        const c = { metric: node.metric, op: node.op, value: node.value, t, file: ctx.file, industry: ctx.industry };
        (ctx.industry ? (sizeByIndustry[ctx.industry] ||= []) : comparisons).push(c);
      }
    }
    for (const v of Object.values(node)) walk(v, ctx);
  };
  const files = [];
  const list = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) list(p);
      else if (e.name.endsWith('.json')) files.push(p);
    }
  };
  list(POLICY_DIR);
  for (const file of files) {
    let doc;
    try { doc = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { continue; }
    if (!doc || typeof doc !== 'object' || typeof doc.kind !== 'string') continue;
    const rel = path.relative(POLICY_DIR, file);
    if (doc.kind === 'size_standard') {
      for (const ind of doc.industries || []) walk(ind, { file: rel, industry: ind.industry });
    } else {
      walk(doc, { file: rel });
    }
    if (doc.kind === 'awards') {
      if (doc.jurisdiction && doc.jurisdiction.id) cities.add(doc.jurisdiction.id);
      if (doc.jurisdiction && doc.jurisdiction.parent) parents[doc.jurisdiction.id] = doc.jurisdiction.parent;
      for (const m of doc.measures || []) {
        const tr = m.trigger || {};
        if (typeof tr.event === 'string' && EVENTS[tr.event]) triggers.push({ ...tr, applicant: m.applicant, city: doc.jurisdiction && doc.jurisdiction.id });
      }
    }
  }
  policyCache = { comparisons, sizeByIndustry, cities: [...cities].sort(), triggers, parents };
  return policyCache;
}

// Every comparison found, and which of them the generator cannot aim at (a new metric).
function boundaryTargets() {
  const { comparisons, sizeByIndustry } = policyData();
  const all = [...comparisons, ...Object.values(sizeByIndustry).flat()];
  return { all, unsupported: all.filter((c) => !metricSupported(c.metric)) };
}

// ---------------------------------------------------------------- the profile as facts

// facts: dotted name → BigInt fen (money), Number (counts, ints), BigInt 1e-4 units (percent),
// Number 1e-2 units (score), boolean, string (enum), 'none' (sci ranks); undefined = unknown.
// A "strong" profile is drawn near the tier thresholds (a 专精特新 / 小巨人 candidate), so that every
// tier sees eligible results too ("top": a 小巨人 candidate); the others are drawn from wide ranges.
function baseFacts(rng, strong, top, evalYear) {
  const f = {};
  const r = (lo, hi) => BigInt(rng.int(lo, hi));
  f.employees = strong ? rng.logInt(20, 1500) : rng.chance(0.03) ? 0 : rng.logInt(1, 5000);
  const rev = top ? rng.fen(80000000, 800000000) : strong ? rng.fen(30000000, 800000000) : rng.chance(0.04) ? 0n : rng.fen(50000, 3000000000);
  f['revenue.last'] = rev;
  const g1 = strong ? rng.int(5, 30) : rng.int(-30, 60);
  const g2 = strong ? rng.int(5, 30) : rng.int(-30, 60);
  const prev = rev * 100n / BigInt(100 + g1);
  const prev2 = prev * 100n / BigInt(100 + g2);
  f['revenue.prev'] = !strong && rng.chance(0.03) ? 0n : prev;
  f['revenue.prev2'] = prev2;
  const share = top ? r(92, 100) : strong ? r(85, 100) : r(30, 100);
  f['main_business_revenue.last'] = rev * share / 100n;
  f['main_business_revenue.prev'] = !strong && rng.chance(0.03) ? 0n : f['revenue.prev'] * share / 100n;
  f['main_business_revenue.prev2'] = prev2 * share / 100n;
  f.total_assets = strong ? rev * r(60, 200) / 100n : rng.chance(0.02) ? 0n : rng.fen(100000, 5000000000);
  f.total_liabilities = f.total_assets * (strong ? r(15, 65) : r(0, 120)) / 100n;
  f.net_profit = rev * (strong ? r(1, 15) : r(-25, 30)) / 100n;
  f['rd_expense.last'] = rev * (top ? r(60, 120) : strong ? r(35, 120) : r(0, 150)) / 1000n;
  f['rd_expense.prev'] = f['revenue.prev'] * (strong ? r(35, 120) : r(0, 150)) / 1000n;
  f.rd_staff = Math.floor(f.employees * (strong ? rng.int(8, 40) : rng.int(0, 60)) / 100);
  if (!strong && rng.chance(0.02)) f.rd_staff = f.employees + rng.int(1, 5);  // accepted; a ratio above 1
  f.niche_years = strong ? rng.int(2, 15) : rng.int(0, 25);
  for (const k of ['last', 'prev', 'prev2']) f[`equity_financing.${k}`] = rng.chance(0.5) ? 0n : rng.fen(100000, 200000000);
  f['ip.class1'] = strong ? rng.int(1, 20) : rng.int(0, 30);
  f['ip.class1_self_developed'] = rng.int(strong ? 1 : 0, f['ip.class1']);
  f['ip.class1_high_value'] = rng.int(strong && rng.chance(0.7) ? 1 : 0, f['ip.class1']);
  f['ip.class1_applied'] = rng.int(strong ? Math.min(f['ip.class1'], 4) : 0, f['ip.class1']);
  f['ip.class2'] = rng.int(0, 60);
  if (strong) {
    f.digital_level = rng.int(2, 4);
    f.rd_institution = rng.pick(['city', 'provincial', 'national', 'below_city']);
    f.product_field = rng.pick(['key_breakthrough', 'six_basics_or_chain', 'six_basics_or_chain', 'none']);
    f.market_share_domestic = BigInt(rng.int(top ? 10 : 6, 40) * 10000 + rng.pick([0, 0, 5000, rng.int(0, 9999)]));
    f.market_rank_domestic = rng.int(1, 6);
    if (rng.int(0, 3) === 0) f.market_share_international = BigInt(rng.int(6, 14) * 10000 + rng.pick([0, 0, rng.int(0, 9999)]));
    f['platform_score.this_year'] = rng.int(top ? 62 : 52, 95) * 100;
    f['platform_score.last_year'] = rng.int(45, 95) * 100 + rng.pick([0, 0, 50, rng.int(0, 99)]);
    f.distinctive_score = rng.int(5, 15);
    f.niche_years = rng.int(3, 15);
  }
  for (const [name, spec] of Object.entries(FIELDS)) {
    if (f[name] !== undefined) continue;
    switch (spec.kind) {
      case 'bool': f[name] = rng.chance(name.startsWith('compliance.') ? 0.93 : strong ? 0.85 : 0.55); break;
      case 'enum': f[name] = rng.pick(spec.values); break;
      case 'int': f[name] = spec.max > 1000 ? rng.logInt(spec.min, 200) : rng.int(spec.min, spec.max); break;
      case 'percent': f[name] = BigInt(rng.chance(0.3) ? rng.int(0, 100) * 10000 : rng.int(0, 1000000)); break;
      case 'score': f[name] = rng.chance(0.4) ? rng.int(0, 100) * 100 : rng.int(0, 10000); break;
      default: break;
    }
  }
  // years up to the evaluation year: a later one is bad input
  f.maker_china_year = rng.int(evalYear - 6, evalYear);
  f['sci_award.national_rank'] = rng.chance(0.7) ? 'none' : rng.int(1, 8);
  f['sci_award.provincial_rank'] = rng.chance(0.6) ? 'none' : rng.int(1, 8);
  f['sci_award.ministerial_rank'] = rng.chance(0.8) ? 'none' : rng.int(1, 8);
  for (const l of AWARD_LEVELS) f[`sci_award.${l}_year`] = rng.int(2015, evalYear);
  return f;
}

// Sets the inputs of `c.metric` so that it lands on the threshold (dir 0), one smallest step
// below (dir -1) or above (dir +1). Fields in `locked` were placed by an earlier target of the
// same profile: they are kept (a ratio then uses a locked denominator as it is), or the target is
// given up. Returns the fields it set, or null when it cannot.
function aim(rng, f, c, dir, evalYear, locked) {
  const [a, b] = c.t;  // threshold = a / b
  const m = c.metric;
  const set = (name, v) => { f[name] = v; locked.add(name); };
  const free = (...names) => names.every((n) => !locked.has(n));
  const moneyOk = (v, signed) => v <= MONEY_MAX && (signed ? v >= -MONEY_MAX : v >= 0n);
  if (m in FIELDS || m in SCI) {
    if (!free(m)) return null;
    const spec = FIELDS[m] || { kind: 'int', ...SCI[m] };
    if (spec.kind === 'money' || spec.kind === 'signed_money') {
      if ((a * 100n) % b !== 0n) return null;
      const v = a * 100n / b + BigInt(dir);
      if (!moneyOk(v, spec.kind === 'signed_money')) return null;
      set(m, v); return [m];
    }
    if (spec.kind === 'percent') {  // metric = percent / 100, profile in 1e-4 percent units
      const scaled = a * 1000000n;  // ratio a/b → 1e-4 percent units: a/b × 100 × 10000
      if (scaled % b !== 0n) return null;
      const v = scaled / b + BigInt(dir);
      if (v < 0n || v > 1000000n) return null;
      set(m, v); return [m];
    }
    if (spec.kind === 'score') {
      if ((a * 100n) % b !== 0n) return null;
      const v = Number(a * 100n / b) + dir;
      if (v < 0 || v > 10000) return null;
      set(m, v); return [m];
    }
    // counts and integer ranges: a fractional threshold has no "at"
    let v;
    if (a % b === 0n) v = Number(a / b) + dir;
    else if (dir === 0) return null;
    else v = Number(dir < 0 ? floorDiv(a, b) : ceilDiv(a, b));
    const lo = spec.min !== undefined ? spec.min : 0;
    const hi = spec.max !== undefined ? spec.max : Number(COUNT_MAX);
    if (v < lo || v > hi) return null;
    set(m, v); return [m];
  }
  if (m in YEARS_AGO) {
    const [yearField, resultField] = YEARS_AGO[m];
    if (!free(yearField)) return null;
    if (a % b !== 0n) return null;
    const year = evalYear - (Number(a / b) + dir);
    if (year < 1949 || year > evalYear) return null;  // a year after the evaluation year is refused
    set(yearField, year);
    if (f[resultField] === undefined || f[resultField] === 'none') {
      set(resultField, resultField === 'maker_china' ? rng.pick(['top50', 'top500']) : rng.int(1, 5));
    }
    return [yearField, resultField];
  }
  if (m in SUMS || m === 'rd_expense.avg2') {
    const parts = SUMS[m] || ['rd_expense.last', 'rd_expense.prev'];
    if (!free(...parts)) return null;
    const k = m === 'rd_expense.avg2' ? 2n : 1n;
    if ((a * 100n * k) % b !== 0n) return null;
    let total = a * 100n * k / b + BigInt(dir);
    if (total < 0n) return null;
    for (let i = 0; i < parts.length - 1; i++) {
      const share = total * BigInt(rng.int(0, 100)) / 100n;
      set(parts[i], share); total -= share;
    }
    set(parts[parts.length - 1], total);
    return parts;
  }
  // num / den ≥ a / b, stepping num by one unit (fen or person)
  const ratio = (numName, denName, ta, tb, signed, counts) => {
    if (!free(numName)) return null;
    let den = f[denName];
    const exact = rng.chance(0.7) && free(denName);
    const unit = counts ? 1n : 100n;  // den in its own units; a nice den is a multiple of tb
    if (typeof den === 'number') den = BigInt(den);
    if (den === undefined || den <= 0n || exact) {
      if (!free(denName)) return null;
      den = counts ? BigInt(rng.int(1, 200)) : BigInt(rng.logInt(10000, 500000000)) * unit;
      if (exact) den = (den / tb + 1n) * tb;
      else if (!counts) den += BigInt(rng.int(0, 99));
    }
    const prod = ta * den;
    let num;
    if (prod % tb === 0n) num = prod / tb + BigInt(dir);
    else if (dir < 0) num = floorDiv(prod, tb);
    else if (dir > 0) num = ceilDiv(prod, tb);
    else num = rng.chance(0.5) ? floorDiv(prod, tb) : ceilDiv(prod, tb);
    if (counts) {
      if (num < 0n || num > COUNT_MAX || den > COUNT_MAX) return null;
      set(numName, Number(num)); set(denName, Number(den));
    } else {
      if (!moneyOk(num, signed) || !moneyOk(den, false)) return null;
      set(numName, num); set(denName, den);
    }
    return [numName, denName];
  };
  if (m in RATIOS) {
    const [n, d] = RATIOS[m];
    return ratio(n, d, a, b, n === 'net_profit', m === 'rd_staff_ratio');
  }
  if (m in GROWTHS) {  // (l − p) / p ≥ g  ⇔  l / p ≥ (b + a) / b
    const [l, p] = GROWTHS[m];
    if (a + b < 0n) return null;
    return ratio(l, p, a + b, b, false, false);
  }
  if (m === 'revenue_cagr.2y') {  // √(l / p2) − 1 ≥ g  ⇔  l / p2 ≥ (b + a)² / b²
    if (a + b < 0n) return null;
    return ratio('revenue.last', 'revenue.prev2', (a + b) * (a + b), b * b, false, false);
  }
  if (m === 'main_business_cagr.2y') {  // the same on the main business revenue
    if (a + b < 0n) return null;
    return ratio('main_business_revenue.last', 'main_business_revenue.prev2', (a + b) * (a + b), b * b, false, false);
  }
  if (m === 'main_business_growth.avg2') {
    if (!free('main_business_revenue.prev2', 'main_business_revenue.prev', 'main_business_revenue.last')) return null;
    // avg = [(p − p2)/p2 + (l − p)/p] / 2 ≥ a/b  ⇔  l ≥ [p·p2·b + 2a·p·p2 − p(p − p2)b] / (p2·b).
    // With p = p2 (100 + k)/100 and p2 a multiple of 10000·b fen, the bound is a whole fen.
    const k = BigInt(rng.int(-40, 60));
    let p2 = BigInt(rng.logInt(1, 20000)) * 10000n * b;
    if (rng.chance(0.3)) p2 += BigInt(rng.int(1, 9999));
    const p = p2 * (100n + k) / 100n;
    if (p <= 0n) return null;
    const num = p * p2 * b + 2n * a * p * p2 - p * (p - p2) * b;
    const den = p2 * b;
    let l;
    if (num % den === 0n) l = num / den + BigInt(dir);
    else if (dir < 0) l = floorDiv(num, den);
    else if (dir > 0) l = ceilDiv(num, den);
    else l = rng.chance(0.5) ? floorDiv(num, den) : ceilDiv(num, den);
    if (!moneyOk(l, false) || !moneyOk(p2, false)) return null;
    set('main_business_revenue.prev2', p2); set('main_business_revenue.prev', p); set('main_business_revenue.last', l);
    return ['main_business_revenue.prev2', 'main_business_revenue.prev', 'main_business_revenue.last'];
  }
  return null;
}

// ---------------------------------------------------------------- serialization

function factJson(name, v) {
  const spec = FIELDS[name];
  if (!spec) return v;  // sci_award ints (a rank "none" is written by leaving it out, below)
  switch (spec.kind) {
    case 'money': case 'signed_money': return fmtFen(v);
    case 'percent': return fmtScaled(v, 4);
    case 'score': return fmtScaled(v, 2);
    default: return v;
  }
}

function eventFromTrigger(rng, tr, complete) {
  const spec = EVENTS[tr.event];
  const ev = { type: tr.event };
  for (const [param, p] of Object.entries(spec)) {
    const w = tr.where && tr.where[param];
    if (w !== undefined) {
      const v = Array.isArray(w) ? rng.pick(w) : w;
      if (v === '') continue;  // "not given"
      ev[param] = v;
      continue;
    }
    const bound = (tr.at_least && tr.at_least[param]) ?? (tr.at_most && tr.at_most[param]);
    if (bound !== undefined && rng.chance(0.8)) {
      const t = parseThreshold(bound);
      const dir = rng.int(-1, 1);
      if (p.kind === 'money') { const v = t[0] * 100n / t[1] + BigInt(dir); if (v >= 0n) ev[param] = fmtFen(v); continue; }
      if (p.kind === 'percent') { const v = t[0] * 10000n / t[1] + BigInt(dir); if (v >= 0n && v <= 1000000n) ev[param] = fmtScaled(v, 4); continue; }
      const v = Number(t[0] / t[1]) + dir;
      if (v >= (p.kind === 'rank' ? 1 : 0)) ev[param] = v;
      continue;
    }
    const v = eventParam(rng, p, complete);
    if (v !== undefined) ev[param] = v;
  }
  return ev;
}

function eventParam(rng, p, complete) {
  if (!complete && !p.required && rng.chance(0.25)) return rng.chance(0.3) && p.kind !== 'bool' ? null : undefined;
  switch (p.kind) {
    case 'enum': return rng.pick(p.values);
    case 'bool': return rng.chance(0.5);
    case 'count': return rng.int(0, 12);
    case 'rank': return rng.int(1, 6);
    case 'money': return fmtFen(rng.fen(1000, 50000000));
    case 'percent': return fmtScaled(rng.int(0, 30000), 4);
    default: return undefined;
  }
}

function makeEvents(rng, triggers, complete) {
  const n = rng.pick([1, 1, 2, 2, 3, 4, 6]);
  const out = [];
  for (let i = 0; i < n; i++) {
    if (triggers.length && rng.chance(0.6)) { out.push(eventFromTrigger(rng, rng.pick(triggers), complete)); continue; }
    const type = rng.pick(Object.keys(EVENTS));
    const ev = { type };
    for (const [param, p] of Object.entries(EVENTS[type])) {
      const v = eventParam(rng, p, complete);
      if (v !== undefined) ev[param] = v;
    }
    out.push(ev);
  }
  return out;
}

function makeHolds(rng, asOf, complete, strong, top) {
  const n = rng.pick([1, 1, 2, 2, 3, 4]);
  const out = [];
  const titles = [];
  if (strong) {  // the rungs below the one in reach, in force
    out.push({ title: rng.pick(['innovative_sme', 'innovative_sme', 'tech_sme']), level: 'provincial',
      since: addDays(asOf, -rng.int(10, 300)) });
    if (top || rng.chance(0.6)) out.push({ title: 'srdi_sme', level: 'provincial', since: addDays(asOf, -rng.int(10, 1000)) });
  }
  for (let i = 0; i < n; i++) {
    // duplicates now and then (one expired, one in force)
    const title = i > 0 && rng.chance(0.15) ? rng.pick(titles) : rng.pick(HOLD_TITLES);
    titles.push(title);
    const h = { title };
    const provincialOnly = title === 'srdi_sme' || title === 'gazelle';
    const lv = rng.next();
    if (complete || lv < 0.85) h.level = provincialOnly ? rng.pick(['provincial', 'provincial', 'city']) : rng.pick(LEVELS);
    if (title === 'little_giant' && h.level) h.level = 'national';  // the ministry's title only
    else if (lv < 0.92) h.level = null;
    const years = title === 'tech_sme' ? 1 : 3;  // valid_years of the holds criteria
    const r = rng.next();
    let since;
    if (r < 0.3) since = minusYears(asOf, years);                       // last day in force
    else if (r < 0.5) since = addDays(minusYears(asOf, years), -1);     // expired yesterday
    else if (r < 0.75) since = addDays(asOf, -rng.int(0, 365 * years));  // in force
    else if (r < 0.85) since = addDays(asOf, -rng.int(365 * years + 2, 365 * 12));  // long expired
    else if (r < 0.9) since = asOf;                                     // recognised on the evaluation day
    else since = rng.pick(['2024-02-29', '2020-02-29', '2023-02-28', '2023-03-01'].filter((d) => d <= asOf));
    const s = rng.next();
    if (complete || s < 0.85) h.since = since;
    else if (s < 0.93) h.since = null;
    out.push(h);
  }
  return out;
}

const NAMES = ['精工零部件有限公司', '智能传感科技股份有限公司', '新材料有限公司', '软件信息技术有限公司', '食品加工厂',
  'Precision "Parts" Co.', '物流\\仓储服务公司', '数字\n科技', '🚀 航天配套有限公司', '酒店管理\u2028有限公司'];

function setPath(obj, dotted, v) {
  const keys = dotted.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) { if (!cur[k] || typeof cur[k] !== 'object') cur[k] = {}; cur = cur[k]; }
  cur[keys[keys.length - 1]] = v;
}

// ---------------------------------------------------------------- public API

function generateProfiles({ seed, count, unknownRate = 0.15, complete = false, asOf = '2026-11-21' } = {}) {
  if (!Number.isInteger(seed)) throw new TypeError('seed must be an integer');
  if (!Number.isInteger(count) || count < 0) throw new TypeError('count must be a non-negative integer');
  const rng = new Rng(seed);
  const { comparisons, sizeByIndustry, cities, triggers, parents: PARENT } = policyData();
  const targets = comparisons.filter((c) => metricSupported(c.metric));
  const evalYear = Number(asOf.slice(0, 4));
  const cityChoices = [...cities, 'beijing'];
  const out = [];
  for (let i = 0; i < count; i++) {
    const industry = INDUSTRIES[i % INDUSTRIES.length];
    const strong = rng.chance(0.4);
    const top = strong && rng.chance(0.35);
    const f = baseFacts(rng, strong, top, evalYear);
    if (top) { f.key_field_little_giant = true; f.market_leading = true; }
    // unknowns first; a boundary target then makes its own inputs known again
    const unknownP = complete ? 0 : strong ? unknownRate / 4 : unknownRate;
    for (const name of [...Object.keys(FIELDS), ...Object.keys(SCI)]) if (rng.chance(unknownP)) f[name] = undefined;
    if (rng.chance(0.6)) {
      const n = rng.int(1, 3);
      const locked = new Set();
      for (let k = 0; k < n; k++) {
        const sizeRules = (sizeByIndustry[industry] || []).filter((c) => metricSupported(c.metric));
        const c = sizeRules.length && rng.chance(0.3) ? rng.pick(sizeRules) : rng.pick(targets);
        if (!c) continue;
        aim(rng, f, c, rng.int(-1, 1), evalYear, locked);
      }
    }
    // One fact, two fields: the 省部级 flag must agree with the institution level (or be left to it).
    if (f.rd_institution !== undefined && f.provincial_rd_institution !== undefined) {
      f.provincial_rd_institution = rng.chance(0.5) ? undefined : ['provincial', 'national'].includes(f.rd_institution);
    }
    const p = {};
    if (complete || !rng.chance(unknownP)) p.name = `${rng.pick(NAMES)} ${i}`;
    if (complete) p.city = rng.pick(cities);
    else {
      const r = rng.next();
      if (r < 0.75) p.city = rng.pick(cityChoices);
      else if (r < 0.8) p.city = null;
    }
    const ar = rng.next();
    if (ar < 0.5) p.applicant = 'enterprise';
    else if (ar < 0.75) p.applicant = rng.pick(APPLICANTS);
    else if (ar < 0.78 && !complete) p.applicant = null;
    if (complete || !rng.chance(unknownP)) p.industry = industry;
    else if (rng.chance(0.3)) p.industry = null;
    // groups: sometimes written null or {} when every member is unknown
    const groupOf = (name) => (name.includes('.') ? name.split('.')[0] : null);
    for (const [name, v] of Object.entries(f)) {
      if (name.startsWith('sci_award.')) continue;
      if (v === undefined) {
        if (rng.chance(0.3)) setPath(p, name, null);
        continue;
      }
      setPath(p, name, factJson(name, v));
    }
    for (const g of GROUPS) {
      const members = Object.keys(FIELDS).filter((n) => groupOf(n) === g);
      if (members.every((n) => f[n] === undefined)) {
        const r = rng.next();
        if (r < 0.4) delete p[g];
        else if (r < 0.7) p[g] = null;
        else if (r < 0.85) p[g] = {};
      }
    }
    // sci_award
    const sciKeys = AWARD_LEVELS.flatMap((l) => [`${l}_rank`, `${l}_year`]);
    const sci = (k) => f[`sci_award.${k}`];
    if (complete) {
      p.sci_award = {};
      for (const l of AWARD_LEVELS) {
        if (sci(`${l}_rank`) === 'none') continue;
        p.sci_award[`${l}_rank`] = sci(`${l}_rank`) ?? 1;
        p.sci_award[`${l}_year`] = sci(`${l}_year`) ?? evalYear - 2;
      }
    } else if (sciKeys.every((k) => sci(k) === undefined)) {
      if (rng.chance(0.5)) p.sci_award = null;
    } else if (AWARD_LEVELS.every((l) => sci(`${l}_rank`) === 'none') && rng.chance(0.5)) {
      p.sci_award = 'none';
    } else {
      p.sci_award = {};
      for (const k of sciKeys) {
        const v = sci(k);
        if (v === undefined) { if (rng.chance(0.7)) p.sci_award[k] = null; } else if (v !== 'none') p.sci_award[k] = v;
      }
    }
    // honors: given lists are complete
    if (complete || !rng.chance(unknownP)) p.honors = HONORS.filter(() => rng.chance(0.35));
    else if (rng.chance(0.4)) p.honors = null;
    // holds
    const hr = rng.next();
    if (complete) p.holds = hr < 0.15 ? [] : makeHolds(rng, asOf, true, strong, top);
    else if (hr < unknownP) { if (rng.chance(0.4)) p.holds = null; } else if (hr < unknownP + 0.15) p.holds = [];
    else p.holds = makeHolds(rng, asOf, false, strong, top);
    // events
    const er = rng.next();
    if (er < 0.45) {
      // mostly events that the profile's own city pays for, to its own applicant kind
      const applicant = p.applicant || 'enterprise';
      const own = triggers.filter((t) => t.applicant === applicant && (t.city === p.city || t.city === PARENT[p.city]));
      p.events = makeEvents(rng, own.length && rng.chance(0.7) ? own : triggers, complete);
    }
    else if (er < 0.5) p.events = [];
    else if (er < 0.53 && !complete) p.events = null;
    out.push(p);
  }
  return out;
}

function toJsonl(profiles) {
  return profiles.map((p) => JSON.stringify(p)).join('\n') + '\n';
}

module.exports = { generateProfiles, toJsonl, boundaryTargets, INDUSTRIES };
