import type { ConfigSection } from './Config';
import type { LimitName, LimitUnit } from './InputLimits';

/**
 * Every strategy setting of shared/domain/Config as a person edits it (issue 15 "every per-position
 * override field", ADR 0086): its section and key, its label, and what kind of value it takes — a number
 * read against its limit of shared/domain/InputLimits (label, unit, range and message come from there),
 * one of some choices, or yes/no. One list drives the portfolio-defaults editor and the per-position
 * override form alike, served to the renderer over IPC (settings.getStrategyFields); a test checks that it
 * covers every field of the config exactly once.
 */
/** The sections edited in this form; the risk section (SPEC 9) has its own editor on the Risk page. */
export type FormSection = Exclude<ConfigSection, 'risk'>;

export type StrategyField =
  | {
      section: FormSection;
      key: string;
      kind: 'number';
      limit: LimitName;
      /** null is allowed ("no limit", "none"): the word shown for it. */
      nullAs?: string;
      help?: string;
    }
  | {
      section: FormSection;
      key: string;
      kind: 'choice';
      label: string;
      choices: readonly { value: string; label: string }[];
      help?: string;
    }
  | { section: FormSection; key: string; kind: 'boolean'; label: string; help?: string };

export const SECTION_LABELS: Record<ConfigSection, string> = {
  trigger: 'Trigger',
  sizing: 'Order size',
  guardrails: 'Guardrails',
  orderPolicy: 'Order policy',
  execution: 'Execution',
  // SPEC 9: edited on the Risk page (its limits live in shared/domain/risk/RiskConfig).
  risk: 'Risk limits',
};

export const STRATEGY_FIELDS: readonly StrategyField[] = [
  {
    section: 'trigger',
    key: 'downThreshold',
    kind: 'number',
    limit: 'downThreshold',
    help: 'buy when the price falls this far below the anchor',
  },
  {
    section: 'trigger',
    key: 'upThreshold',
    kind: 'number',
    limit: 'upThreshold',
    help: 'sell when the price rises this far above the anchor',
  },
  {
    section: 'sizing',
    key: 'strategy',
    kind: 'choice',
    label: 'Sizing',
    choices: [
      { value: 'proportional', label: 'Proportional to the move (rebalance ratio)' },
      { value: 'target_allocation', label: 'Back to a target stock share' },
    ],
  },
  {
    section: 'sizing',
    key: 'rebalanceRatio',
    kind: 'number',
    limit: 'rebalanceRatio',
    help: 'proportional sizing: how hard a move is traded',
  },
  {
    section: 'sizing',
    key: 'targetStockPct',
    kind: 'number',
    limit: 'targetStockPct',
    help: 'target-allocation sizing',
  },
  { section: 'guardrails', key: 'minStockPct', kind: 'number', limit: 'minStockPct' },
  { section: 'guardrails', key: 'maxStockPct', kind: 'number', limit: 'maxStockPct' },
  {
    section: 'guardrails',
    key: 'maxTradePctOfPosition',
    kind: 'number',
    limit: 'maxTradePctOfPosition',
    help: 'of the position’s value',
  },
  {
    section: 'guardrails',
    key: 'maxOrdersPerDay',
    kind: 'number',
    limit: 'maxOrdersPerDay',
    nullAs: 'no limit',
  },
  {
    section: 'guardrails',
    key: 'maxDailyNotional',
    kind: 'number',
    limit: 'maxDailyNotional',
    nullAs: 'no limit',
  },
  { section: 'orderPolicy', key: 'qtyStep', kind: 'number', limit: 'qtyStep', help: '0 = fractional shares' },
  { section: 'orderPolicy', key: 'lotSize', kind: 'number', limit: 'lotSize', nullAs: 'none' },
  { section: 'orderPolicy', key: 'minQty', kind: 'number', limit: 'minQty' },
  { section: 'orderPolicy', key: 'minNotional', kind: 'number', limit: 'minNotional' },
  {
    section: 'orderPolicy',
    key: 'actionBelowMin',
    kind: 'choice',
    label: 'Below the minimum',
    choices: [
      { value: 'hold', label: 'Hold (no order)' },
      { value: 'reject', label: 'Record a rejected order' },
      { value: 'clip', label: 'Raise to the minimum when it fits' },
    ],
  },
  {
    section: 'execution',
    key: 'pricePolicy',
    kind: 'choice',
    label: 'Price policy',
    choices: [
      { value: 'MID', label: 'MID — halfway between bid and ask' },
      { value: 'LAST', label: 'LAST — the last trade' },
      { value: 'BID', label: 'BID — the bid' },
      { value: 'ASK', label: 'ASK — the ask' },
    ],
  },
  { section: 'execution', key: 'allowExtendedHours', kind: 'boolean', label: 'Trade in extended hours' },
  {
    section: 'execution',
    key: 'maxQuoteAgeMs',
    kind: 'number',
    limit: 'maxQuoteAgeMs',
    help: 'older quotes hold (stale quote)',
  },
  {
    section: 'execution',
    key: 'initialStockPct',
    kind: 'number',
    limit: 'initialStockPct',
    help: 'the first evaluation buys up to this share',
  },
  {
    section: 'execution',
    key: 'adjustAnchorOnDividend',
    kind: 'boolean',
    label: 'Lower the anchor by each dividend',
  },
  { section: 'execution', key: 'dividendWithholdingPct', kind: 'number', limit: 'dividendWithholdingPct' },
];

export type { LimitUnit };
