import { dayTradesBySession, dayTradesInWindow } from '../../domain/accounting/DayTrades';
import type { FillFact } from '../../domain/accounting/AccountingFact';
import { isLongTerm } from '../../domain/accounting/HoldingPeriod';
import type { ClosedLotPart } from '../../domain/accounting/Lot';
import { performanceOf, type Performance } from '../../domain/accounting/Performance';
import type { PositionBook } from '../../domain/accounting/PositionBook';
import { compound, timeWeightedReturns } from '../../domain/accounting/Returns';
import {
  roundTripOf,
  roundTripStats,
  type RoundTrip,
  type RoundTripStats,
} from '../../domain/accounting/RoundTrips';
import { taxYears, type TaxYear } from '../../domain/accounting/TaxYear';
import { washSales, type TaxLotPart, type WashSaleView } from '../../domain/accounting/WashSales';
import { addInto, emptySnapshot, type EquitySnapshot } from '../../domain/accounting/EquityHistory';
import { tradingDaysBetween } from '../../domain/calendar';
import type { EquityHistoryRow } from '../../ports/EquityHistoryRepository';
import type { AccountingDeps, EquityHistoryDeps } from './AccountingDeps';
import type { TenantLedger } from './tenantLedger';

/** The price shares are valued at now (the position view's last known price), or null when unknown. */
export type PriceNow = (positionId: string, symbol: string) => number | null;

export interface LotRow {
  lotId: string;
  openDate: string;
  qty: number;
  price: number;
  costCents: number;
  marketValueCents: number | null;
  unrealisedCents: number | null;
  /** Tax view: book cost plus disallowed wash-sale losses carried by these shares. */
  taxCostCents: number;
  washAdjustmentCents: number;
  /** Tax holding start of the lot's earliest shares (earlier than the purchase when a wash sale moved it). */
  taxHoldingStart: string;
  /** Whether the lot would be long term if sold on `asOf`. */
  longTermIfSold: boolean;
}

export interface RealisedRow extends RoundTrip {
  proceedsCents: number;
  commissionCents: number;
  cashInLieu: boolean;
  /** Loss disallowed as a wash sale (tax view; the book P&L is unchanged). */
  disallowedCents: number;
}

export interface PositionLots {
  positionId: string;
  portfolioId: string;
  symbol: string;
  qty: number;
  price: number | null;
  costCents: number;
  marketValueCents: number | null;
  unrealisedCents: number | null;
  realisedCents: number;
  dividendsCents: number;
  commissionsCents: number;
  lots: LotRow[];
  realised: RealisedRow[];
}

/** SPEC 8 lots and realised trades of every position (or one), the open lots valued at today's price. */
export function lotsView(
  tenant: TenantLedger,
  asOf: string,
  priceNow: PriceNow,
  positionId?: string,
): PositionLots[] {
  const tax = washSales(tenant.ledger.journal);
  const disallowed = disallowedBySale(tax);
  const out: PositionLots[] = [];
  for (const book of tenant.ledger.books.values()) {
    if (positionId !== undefined && book.positionId !== positionId) continue;
    const portfolioId = tenant.portfolioOf.get(book.positionId);
    if (portfolioId === undefined) continue;
    out.push(positionLots(book, portfolioId, asOf, priceNow(book.positionId, book.symbol), tax, disallowed));
  }
  return out.sort((a, b) => (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
}

function positionLots(
  book: PositionBook,
  portfolioId: string,
  asOf: string,
  price: number | null,
  tax: WashSaleView,
  disallowed: Map<string, number>,
): PositionLots {
  const lots = book.valuedLots(price).map((lot): LotRow => {
    const adjustments = tax.openAdjustments.get(lot.lotId) ?? [];
    const wash = adjustments.reduce((s, a) => s + a.addedCents, 0);
    const start = adjustments.reduce((m, a) => (a.start < m ? a.start : m), lot.openDate);
    return {
      lotId: lot.lotId,
      openDate: lot.openDate,
      qty: lot.qty,
      price: lot.price,
      costCents: lot.costCents,
      marketValueCents: lot.marketValueCents,
      unrealisedCents: lot.unrealisedCents,
      taxCostCents: lot.costCents + wash,
      washAdjustmentCents: wash,
      taxHoldingStart: start,
      longTermIfSold: isLongTerm(lot.openDate, asOf),
    };
  });
  const marketValueCents = price === null ? null : book.marketValueCents(price);
  return {
    positionId: book.positionId,
    portfolioId,
    symbol: book.symbol,
    qty: book.qty,
    price,
    costCents: book.costCents,
    marketValueCents,
    unrealisedCents: marketValueCents === null ? null : marketValueCents - book.costCents,
    realisedCents: book.realisedCents,
    dividendsCents: book.dividendsCents,
    commissionsCents: book.commissionsCents,
    lots,
    realised: book.closed.map((p) => realisedRow(p, disallowed)),
  };
}

export function realisedRow(p: ClosedLotPart, disallowed: ReadonlyMap<string, number>): RealisedRow {
  return {
    ...roundTripOf(p),
    proceedsCents: p.notionalCents - p.commissionCents,
    commissionCents: p.commissionCents,
    cashInLieu: p.cashInLieu,
    disallowedCents: disallowed.get(`${p.saleId}|${p.lotId}`) ?? 0,
  };
}

function disallowedBySale(tax: WashSaleView): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of tax.parts) {
    const key = `${p.saleId}|${p.lotId}`;
    m.set(key, (m.get(key) ?? 0) + p.disallowedCents);
  }
  return m;
}

export interface TaxReport {
  year: number;
  summary: TaxYear;
  /** Every year with sales, for the yearly columns. */
  years: TaxYear[];
  sales: TaxLotPart[];
  holdings: PositionLots[];
}

/** SPEC 8 "Reports": realised gains of a year (short/long term, wash-sale adjustments) and the holdings. */
export function taxReport(tenant: TenantLedger, year: number, asOf: string, priceNow: PriceNow): TaxReport {
  const tax = washSales(tenant.ledger.journal);
  const years = taxYears(tax.parts);
  const summary = years.find((y) => y.year === year) ?? {
    year,
    sales: 0,
    proceedsCents: 0,
    taxCostCents: 0,
    shortTermCents: 0,
    longTermCents: 0,
    disallowedCents: 0,
  };
  return {
    year,
    summary,
    years,
    sales: tax.parts.filter((p) => p.closeDate.startsWith(`${year}-`)),
    holdings: lotsView(tenant, asOf, priceNow).filter((p) => p.qty > 0),
  };
}

export interface PerformanceView extends Performance {
  portfolioId: string | null;
  benchmark: string;
  from: string | null;
  to: string | null;
  symbols: Record<string, string>;
  roundTrips: RealisedRow[];
  roundTripStats: RoundTripStats;
  /** Day trades over the last 5 sessions (SPEC 8; informational unless a limit is set). */
  dayTradesLast5: number;
  washSales: { count: number; disallowedCents: number };
}

/**
 * SPEC 8 performance over [from, to] of a portfolio (or all of them) from the stored equity history,
 * against a benchmark's closes; round trips, day trades and wash sales from the ledger.
 */
export async function performanceView(
  deps: EquityHistoryDeps,
  tenant: TenantLedger,
  tenantId: string,
  query: { portfolioId?: string | null; from?: string; to?: string; benchmark: string },
): Promise<PerformanceView> {
  const portfolioId = query.portfolioId ?? null;
  const rows = deps.equityHistory.list(tenantId, {
    ...(portfolioId !== null ? { portfolioId } : {}),
    ...(query.from !== undefined ? { fromDate: query.from } : {}),
    ...(query.to !== undefined ? { toDate: query.to } : {}),
  });
  const { portfolio, positions } = splitRows(rows);
  const dates = portfolio.map((s) => s.date);
  const benchmark =
    dates.length === 0
      ? null
      : await deps.closes.closes(query.benchmark, dates[0] as string, dates[dates.length - 1] as string);
  const perf = performanceOf({
    portfolio,
    positions,
    benchmark: benchmark !== null && benchmark.size > 0 ? benchmark : null,
  });
  const inScope = (positionId: string): boolean =>
    portfolioId === null || tenant.portfolioOf.get(positionId) === portfolioId;
  const inPeriod = (date: string): boolean =>
    (query.from === undefined || date >= query.from) && (query.to === undefined || date <= query.to);
  const tax = washSales(tenant.ledger.journal);
  const disallowed = disallowedBySale(tax);
  const roundTrips = tenant.ledger
    .closedParts()
    .filter((p) => inScope(p.positionId) && inPeriod(p.closeDate))
    .map((p) => realisedRow(p, disallowed));
  const washed = tax.parts.filter(
    (p) => inScope(p.positionId) && inPeriod(p.closeDate) && p.disallowedCents > 0,
  );
  const fills = tenant.facts.filter((f): f is FillFact => f.kind === 'fill' && inScope(f.positionId));
  const last = dates[dates.length - 1] ?? fills[fills.length - 1]?.date ?? null;
  const sessions = last === null ? [] : tradingDaysBetween(shiftDays(last, -10), last);
  const symbols: Record<string, string> = {};
  for (const book of tenant.ledger.books.values()) symbols[book.positionId] = book.symbol;
  return {
    ...perf,
    portfolioId,
    benchmark: query.benchmark,
    from: dates[0] ?? null,
    to: last,
    symbols,
    roundTrips,
    roundTripStats: roundTripStats(roundTrips),
    dayTradesLast5: dayTradesInWindow(dayTradesBySession(fills), sessions),
    washSales: { count: washed.length, disallowedCents: washed.reduce((s, p) => s + p.disallowedCents, 0) },
  };
}

/** Portfolio totals summed by date (over portfolios) and each position's own rows. */
export function splitRows(rows: readonly EquityHistoryRow[]): {
  portfolio: EquitySnapshot[];
  positions: Map<string, EquitySnapshot[]>;
} {
  const totals = new Map<string, EquitySnapshot>();
  const positions = new Map<string, EquitySnapshot[]>();
  for (const r of rows) {
    if (r.positionId === null) {
      let t = totals.get(r.date);
      if (t === undefined) totals.set(r.date, (t = emptySnapshot(r.date)));
      addInto(t, r);
    } else {
      let list = positions.get(r.positionId);
      if (list === undefined) positions.set(r.positionId, (list = []));
      list.push(r);
    }
  }
  return { portfolio: [...totals.values()].sort((a, b) => (a.date < b.date ? -1 : 1)), positions };
}

export interface DashboardFigures {
  valueCents: number;
  /** Equity now − equity at the last close − today's external flows. */
  todayChangeCents: number | null;
  todayChange: number | null;
  realisedCents: number;
  unrealisedCents: number;
  dividendsCents: number;
  commissionsCents: number;
  /** Time-weighted return since the first session, and since the last close of the previous year. */
  twrSinceStart: number | null;
  twrThisYear: number | null;
  benchmark: string;
  benchmarkSinceStart: number | null;
  benchmarkThisYear: number | null;
  /** The last session close in the history. */
  lastClose: string | null;
}

/**
 * The Dashboard's figures (SPEC 8): the ledger's totals valued now, and the returns of the stored
 * history (portfolio totals only) with today's change on top.
 */
export function dashboardFigures(
  tenant: TenantLedger,
  history: readonly EquitySnapshot[],
  benchmarkCloses: ReadonlyMap<string, number> | null,
  benchmark: string,
  today: string,
  priceNow: PriceNow,
  portfolioId: string | null,
): DashboardFigures {
  let value = 0;
  let realised = 0;
  let unrealised = 0;
  let dividends = 0;
  let commissions = 0;
  let flows = 0;
  for (const book of tenant.ledger.books.values()) {
    if (portfolioId !== null && tenant.portfolioOf.get(book.positionId) !== portfolioId) continue;
    if (!tenant.portfolioOf.has(book.positionId)) continue;
    const price = priceNow(book.positionId, book.symbol) ?? 0;
    const mv = book.marketValueCents(price);
    value += book.cashCents + book.receivableCents + mv;
    realised += book.realisedCents;
    unrealised += mv - book.costCents;
    dividends += book.dividendsCents;
    commissions += book.commissionsCents;
    flows += book.flowsCents;
  }
  const closed = history.filter((s) => s.date < today);
  const last = closed[closed.length - 1] ?? null;
  const todayFlow = last === null ? 0 : flows - last.flowsCents;
  const base = last === null ? 0 : last.equityCents + todayFlow;
  const todayChangeCents = last === null ? null : value - base;
  const equity = [...closed.map((s) => s.equityCents), value];
  const dayFlows = [...closed.map((s) => s.dayFlowCents), todayFlow];
  const r = timeWeightedReturns(equity, dayFlows);
  const yearStart = closed.findLastIndex((s) => s.date < `${today.slice(0, 4)}-01-01`);
  const benchDates = [...closed.map((s) => s.date)];
  const bench = benchmarkCloses === null ? null : benchmarkCloses;
  const benchReturn = (fromIndex: number): number | null => {
    if (bench === null || benchDates.length === 0) return null;
    const a = closeOnOrBefore(bench, benchDates[Math.max(0, fromIndex)] as string);
    const b = closeOnOrBefore(bench, today);
    return a === null || b === null ? null : b / a - 1;
  };
  return {
    valueCents: value,
    todayChangeCents,
    todayChange: todayChangeCents === null || base <= 0 ? null : todayChangeCents / base,
    realisedCents: realised,
    unrealisedCents: unrealised,
    dividendsCents: dividends,
    commissionsCents: commissions,
    twrSinceStart: closed.length === 0 ? null : compound(r),
    twrThisYear: closed.length === 0 ? null : compound(r.slice(Math.max(0, yearStart))),
    benchmark,
    benchmarkSinceStart: benchReturn(0),
    benchmarkThisYear: benchReturn(yearStart),
    lastClose: last?.date ?? null,
  };
}

function closeOnOrBefore(closes: ReadonlyMap<string, number>, date: string): number | null {
  let best: string | null = null;
  for (const d of closes.keys()) if (d <= date && (best === null || d > best)) best = d;
  return best === null ? null : (closes.get(best) ?? null);
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export type { AccountingDeps };
