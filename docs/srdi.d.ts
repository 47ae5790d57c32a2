// Types of window.SRDI, the calculator's engine and page for portals that embed it
// (docs/embedding.md). The engine's functions take and return JSON *text*: the structures are
// described in docs/output-format.md (results), docs/profile.md (profiles) and `srdi schema`.
// tests/wasm/library.test.js checks that every member named here exists on window.SRDI.

/** An error as every function returns it, inside `{"errors": [...]}`. */
export interface SrdiError {
  /** A stable code, e.g. "profile.money_precision". */
  code: string;
  /** The JSON pointer of the value at fault ("" for the whole input). */
  path: string;
  /** A plain Chinese message. */
  message: string;
  /** "profile", "options", "policy" or "engine". */
  source: string;
}

/** Options of a request (docs/output-format.md, CLI options). All optional. */
export interface SrdiOptions {
  /** The evaluation date, YYYY-MM-DD (default: today on the machine's clock). */
  as_of?: string;
  /** "auto" or a version id of `schema().criteria_versions`. */
  criteria?: string;
  /** enterprise, service_platform, park_operator, investor, financial_institution, training_institution. */
  applicant?: string;
  /** Rung kinds judged as a renewal (复核), from `schema().renewal_rungs`. */
  renewal?: string[];
  /** Contested readings chosen: reading id -> option id, from `schema().readings`. */
  readings?: Record<string, string>;
}

/** A profile or options as JSON text (exact money digits kept) or as an object (serialized). */
export type JsonInput = string | object;

export interface SrdiEngine {
  /** Resolves with SRDI once the engine is loaded. */
  readonly ready: Promise<SrdiEngine>;
  /** The engine version, e.g. "0.1.0" ("" until ready). */
  readonly version: string;
  /** The full result (format 2) as compact JSON text, byte for byte `srdi evaluate --format compact`. */
  evaluate(profile: JsonInput, options?: JsonInput): string;
  /** The verdicts-only result as compact JSON text: size, verdicts, scores, deciding fields, award totals. */
  screen(profile: JsonInput, options?: JsonInput): string;
  /** Each city's awards side by side, as compact JSON text (`srdi compare --format compact`). */
  compare(profile: JsonInput, options?: JsonInput): string;
  /** The policies' metadata as JSON text (`srdi policies`): the bundled ones and any loaded. */
  policies(): string;
  /**
   * Loads a policy file at run time (docs/authoring.md): it replaces the bundled or loaded policy
   * of the same id, or is added. JSON text: `{"ok": true, "policy": {...}, "replaces": "bundled" |
   * "loaded" | null}`, or `{"errors": [...]}` (then nothing changes). Results name the file and its SHA-256.
   */
  loadPolicy(text: string, file: string): string;
  /** Forgets every loaded policy file: back to the bundled policies. Returns "{}". */
  unloadPolicies(): string;
  /** The checker of `srdi check-policy`: `{"ok", "policy", "errors": [...], "warnings": [...]}` (JSON text). */
  checkPolicy(text: string, options?: { file?: string; source?: string; golden?: JsonInput }): string;
  /** Golden cases (tests/golden/ format, profiles written out) over the policies in use: `{"ok", "cases", "failed", "failures"}` (ok: every case passed, at least one). */
  testPolicy(golden: JsonInput): string;
  /** The input vocabulary as JSON text (`srdi schema`). */
  schema(): string;
  /** Present when app.js is loaded: renders the calculator into `element` (docs/embedding.md). */
  mount?(element: Element, options?: MountOptions): MountedCalculator;
  /** The same as `mount(...).unmount()`. */
  unmount?(element: Element): void;
}

/** `mount` options; the same names as the page's URL parameters. */
export interface MountOptions {
  city?: string;
  applicant?: string;
  lang?: 'zh' | 'en';
  kiosk?: boolean | '1';
  as_of?: string | null;
  idle?: number;
  warn?: number;
  /** Parts of the calculator's own chrome to hide: 'header', 'toolbar' (comma-separated or a list). */
  hide?: string | ('header' | 'toolbar')[];
  /** The portal's own policy files: same-origin URLs (comma-separated or a list), fetched by the
   *  host page and loaded before the form is built (docs/embedding.md, "A city's own policy file"). */
  policy?: string | string[];
  /** Called with the summary whenever the result changes. */
  onResult?: (summary: ResultSummary) => void;
}

export interface MountedCalculator {
  setProfile(profile: JsonInput): Promise<{ ok: true } | { ok: false; errors: SrdiError[] }>;
  clear(): Promise<void>;
  unmount(): void;
}

/** What `onResult` and the `srdi:result` event carry. Money as yuan strings with two decimals. */
export interface ResultSummary {
  as_of: string;
  criteria: string | null;
  /** large, medium, small, micro or undetermined. */
  size: string;
  tiers: {
    id: string;
    title: string;
    verdict: 'eligible' | 'not_eligible' | 'undetermined' | 'contested';
    held: boolean | null;
    /** What the rung lacks, in plain words. */
    gaps: string[];
    /** Labels of the fields whose blank leaves an undetermined rung open. */
    missing: string[];
  }[];
  awards: {
    policy: string;
    jurisdiction: string;
    status: string;
    in_force: boolean | null;
    certain: string;
    upper_bound: string;
    unquantified: number;
  }[];
  data_version: { engine: string; policies: object[] };
}

/** Messages the calculator posts to its parent in an iframe (docs/embedding.md, Messages). */
export type CalculatorMessage =
  | { type: 'srdi:ready'; version: string }
  | { type: 'srdi:result'; summary: ResultSummary }
  | { type: 'srdi:resize'; height: number }
  | { type: 'srdi:profile-rejected'; errors: SrdiError[] };

/** Messages a host posts to the calculator in an iframe. */
export type HostMessage = { type: 'srdi:set-profile'; profile: JsonInput } | { type: 'srdi:clear' };

/** <srdi-calculator city="jinan">: attributes as MountOptions, 'srdi:result' events. */
export interface SrdiCalculatorElement extends HTMLElement {
  setProfile(profile: JsonInput): Promise<{ ok: true } | { ok: false; errors: SrdiError[] }>;
  clear(): Promise<void>;
}

declare global {
  interface Window {
    SRDI: SrdiEngine;
  }
  interface HTMLElementTagNameMap {
    'srdi-calculator': SrdiCalculatorElement;
  }
}
