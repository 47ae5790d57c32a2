// 专精特新“小巨人” (2022, tier miit2022.little_giant of policies/national/miit-2022-63.json) written
// by hand, the way a developer would: plain JS numbers from parseFloat, no exactness machinery,
// no unknowns (true = eligible; meant for complete profiles). The benchmark's baseline for what
// the wasm verdicts-only path costs against the simplest possible code (tests/bench/bench_wasm.js).
'use strict';

// sme-size-2011: an enterprise is large when it reaches every upper limit of its industry.
// [employees, revenue.last, total_assets]; null = that indicator is not part of the rule.
const LARGE = {
  agriculture: [null, 200000000, null],
  industry: [1000, 400000000, null],
  construction: [null, 800000000, 800000000],
  wholesale: [200, 400000000, null],
  retail: [300, 200000000, null],
  transport: [1000, 300000000, null],
  warehousing: [200, 300000000, null],
  postal: [1000, 300000000, null],
  accommodation: [300, 100000000, null],
  catering: [300, 100000000, null],
  information_transmission: [2000, 1000000000, null],
  software_it: [300, 100000000, null],
  real_estate_development: [null, 2000000000, 100000000],
  property_management: [1000, 50000000, null],
  leasing_business_services: [300, null, 1200000000],
  other: [300, null, null],
};

// Own or joint R&D institutions that count (every level; 'none' does not).
const RD_INSTITUTIONS = ['below_city', 'city', 'provincial', 'national'];

// Decimal strings (or numbers, after prepare) to numbers.
const num = (v) => (typeof v === 'number' ? v : parseFloat(v));

function isLarge(p) {
  const limits = LARGE[p.industry];
  if (!limits) return false;
  const [emp, rev, assets] = limits;
  return (emp === null || p.employees >= emp) &&
         (rev === null || num(p.revenue.last) >= rev) &&
         (assets === null || num(p.total_assets) >= assets);
}

// A provincial srdi_sme in force on the evaluation date: since <= as_of <= since + 3 years,
// i.e. since >= ctx.cutoff (ISO strings compare as dates).
function holdsProvincialSrdi(holds, ctx) {
  for (const h of holds) {
    if (h.title === 'srdi_sme' && h.level === 'provincial' && h.since >= ctx.cutoff && h.since <= ctx.asOf) return true;
  }
  return false;
}

function innovation(p, ctx) {
  const rev = num(p.revenue.last);
  let rdOk;
  if (rev >= 100000000) {
    rdOk = num(p.rd_expense.last) / rev >= 0.03 && num(p.rd_expense.prev) / num(p.revenue.prev) >= 0.03;
  } else if (rev >= 50000000) {
    rdOk = num(p.rd_expense.last) / rev >= 0.06 && num(p.rd_expense.prev) / num(p.revenue.prev) >= 0.06;
  } else {
    rdOk = num(p.equity_financing.last) + num(p.equity_financing.prev) >= 80000000 &&
           num(p.rd_expense.last) + num(p.rd_expense.prev) >= 30000000 &&
           p.rd_staff / p.employees >= 0.5;
  }
  if (rdOk && RD_INSTITUTIONS.includes(p.rd_institution) && p.ip.class1_applied >= 2) return true;
  const award = p.sci_award;  // "none", or an object whose missing rank means no award
  if (award && award !== 'none' && award.national_rank != null && award.national_rank <= 3 &&
      ctx.year - award.year <= 3) return true;
  return p.maker_china === 'top50';
}

function littleGiant(p, ctx) {
  // miit2022.general
  if (!(p.compliance.registered_in_china && p.compliance.not_abnormal && p.compliance.product_allowed &&
        p.compliance.no_major_incident)) return false;
  if (isLarge(p)) return false;
  if (!holdsProvincialSrdi(p.holds, ctx)) return false;
  // 专业化
  if (!(p.niche_years >= 3 || (p.niche_years >= 2 && p.product_field === 'key_breakthrough'))) return false;
  const mb = p.main_business_revenue;
  const mbLast = num(mb.last), mbPrev = num(mb.prev), mbPrev2 = num(mb.prev2);
  if (!(mbLast / num(p.revenue.last) >= 0.7)) return false;
  if (!(((mbPrev - mbPrev2) / mbPrev2 + (mbLast - mbPrev) / mbPrev) / 2 >= 0.05)) return false;
  // 精细化
  if (!(p.info_system_core_business && p.management_certified)) return false;
  if (!(num(p.total_liabilities) / num(p.total_assets) <= 0.7)) return false;
  // 特色化 (market share is entered in percent)
  if (!(num(p.market_share_domestic) >= 10 && p.own_brand)) return false;
  // 创新能力, then 链、品
  return innovation(p, ctx) && p.key_field_little_giant === true;
}

// The evaluation context: the cutoff keeps the month and day (not clamped), which makes
// `since >= cutoff` the same test as the engine's "as_of <= since + 3 years, end of month clamped".
function context(asOf) {
  const year = Number(asOf.slice(0, 4));
  return { asOf, cutoff: String(year - 3).padStart(4, '0') + asOf.slice(4), year };
}

// Parses the decimal strings once, keeping the profile's shape, so littleGiant() can run again on
// the result without parseFloat (the benchmark times prepare apart from the rules).
function prepare(p) {
  const pair = (o) => ({ last: num(o.last), prev: num(o.prev) });
  const triple = (o) => ({ last: num(o.last), prev: num(o.prev), prev2: num(o.prev2) });
  return {
    ...p,
    revenue: triple(p.revenue),
    main_business_revenue: triple(p.main_business_revenue),
    total_assets: num(p.total_assets),
    total_liabilities: num(p.total_liabilities),
    rd_expense: pair(p.rd_expense),
    equity_financing: triple(p.equity_financing),
    market_share_domestic: num(p.market_share_domestic),
  };
}

module.exports = { littleGiant, prepare, context };
