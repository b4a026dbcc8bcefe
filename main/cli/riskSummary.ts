import type { RiskOutcome, StressOutcome } from '../../shared/application/risk/riskReport';
import type { Confidence } from '../../shared/domain/risk/PortfolioRisk';
import { formatCount, formatDollars, formatPercent, formatRatio } from '../../shared/format/Format';
import { stressNoDataWords } from '../../shared/format/RiskWords';
import { alignTable } from './textTable';

/**
 * `vb risk` and `vb stress` output: tables for a person through the one formatter, and JSON whose
 * dollar amounts end in `Usd` and fractions in `Pct` (0.05 = 5 %), so every number names its unit.
 */

function pctOfEquity(x: number | null): string {
  return x === null ? '' : `${formatPercent(x)} of equity`;
}

export function renderRisk(outcome: RiskOutcome, confidence: Confidence): string {
  const r = outcome.report;
  const levels = [...r.levels].sort((a, b) =>
    a.confidence === confidence ? -1 : b.confidence === confidence ? 1 : 0,
  );
  const out: string[] = [];
  out.push(
    `Holdings valued at the close of ${outcome.asOf}: stock ${formatDollars(r.stockValue)}, equity ${formatDollars(r.equity)}`,
  );
  out.push(`Window: ${formatCount(r.sessions)} daily returns from ${outcome.from} to ${outcome.asOf}\n`);
  const rows: string[][] = [['', '1 day', '', '10 days']];
  for (const l of levels) {
    const c = formatPercent(l.confidence, { digits: 0 });
    rows.push([
      `Historical VaR ${c}`,
      formatDollars(l.historicalVar1d),
      pctOfEquity(l.historicalVar1dPct),
      formatDollars(l.historicalVar10d),
    ]);
    rows.push([
      `Historical CVaR ${c}`,
      formatDollars(l.historicalCvar1d),
      pctOfEquity(l.historicalCvar1dPct),
      formatDollars(l.historicalCvar10d),
    ]);
    rows.push([
      `Parametric VaR ${c}`,
      formatDollars(l.parametricVar1d),
      pctOfEquity(l.parametricVar1dPct),
      formatDollars(l.parametricVar10d),
    ]);
  }
  out.push(alignTable(rows, ['left', 'right', 'left', 'right']));
  const c = formatPercent(confidence, { digits: 0 });
  const holdingRows: string[][] = [
    ['Symbol', 'Value', 'Weight', `Component VaR ${c}`, 'Beta', 'Volatility', ''],
  ];
  for (const h of r.holdings)
    holdingRows.push([
      h.symbol,
      formatDollars(h.value),
      formatPercent(h.weight),
      formatDollars(confidence === 0.95 ? h.componentVar95 : h.componentVar99),
      formatRatio(h.beta),
      formatPercent(h.volatility),
      h.shortHistory ? 'short history' : '',
    ]);
  out.push(alignTable(holdingRows, ['left', 'right', 'right', 'right', 'right', 'right', 'left']));
  out.push(
    `Beta to ${outcome.benchmark ?? 'the benchmark'}: ${formatRatio(r.beta)}. Largest weight: ${r.concentration.largestSymbol ?? '—'} ${formatPercent(r.concentration.largestWeight)}; Herfindahl index ${formatRatio(r.concentration.herfindahl, { digits: 3 })}\n`,
  );
  if (r.holdings.length > 1) {
    const symbols = r.holdings.map((h) => h.symbol);
    const corrRows: string[][] = [['Correlation', ...symbols]];
    r.correlation.forEach((row, i) =>
      corrRows.push([symbols[i] as string, ...row.map((x) => formatRatio(x))]),
    );
    out.push(alignTable(corrRows, ['left', ...symbols.map(() => 'right' as const)]));
  }
  return out.join('\n');
}

export function riskJson(outcome: RiskOutcome, confidence: Confidence): unknown {
  const r = outcome.report;
  return {
    asOf: outcome.asOf,
    from: outcome.from,
    sessions: r.sessions,
    windowSessions: outcome.window,
    confidence,
    benchmark: outcome.benchmark,
    stockValueUsd: r.stockValue,
    equityUsd: r.equity,
    sigmaUsd: r.sigma,
    levels: r.levels.map((l) => ({
      confidence: l.confidence,
      z: l.z,
      historicalVar1dUsd: l.historicalVar1d,
      historicalCvar1dUsd: l.historicalCvar1d,
      parametricVar1dUsd: l.parametricVar1d,
      historicalVar10dUsd: l.historicalVar10d,
      historicalCvar10dUsd: l.historicalCvar10d,
      parametricVar10dUsd: l.parametricVar10d,
      historicalVar1dPct: l.historicalVar1dPct,
      historicalCvar1dPct: l.historicalCvar1dPct,
      parametricVar1dPct: l.parametricVar1dPct,
    })),
    holdings: r.holdings.map((h) => ({
      symbol: h.symbol,
      valueUsd: h.value,
      weightPct: h.weight,
      componentVar95Usd: h.componentVar95,
      componentVar99Usd: h.componentVar99,
      beta: h.beta,
      volatilityPct: h.volatility,
      shortHistory: h.shortHistory,
    })),
    betaToBenchmark: r.beta,
    concentration: {
      largestSymbol: r.concentration.largestSymbol,
      largestWeightPct: r.concentration.largestWeight,
      herfindahl: r.concentration.herfindahl,
    },
    correlation: { symbols: r.holdings.map((h) => h.symbol), matrix: r.correlation },
  };
}

export function renderStress(outcome: StressOutcome): string {
  const out: string[] = [
    `Holdings valued at the close of ${outcome.asOf}: stock ${formatDollars(outcome.stockValue)}, equity ${formatDollars(outcome.equity)}\n`,
  ];
  const rows: string[][] = [['Scenario', 'P&L', 'of equity', '']];
  for (const s of outcome.results)
    rows.push([
      s.name + (s.from === undefined ? '' : ` (${s.from} to ${s.to})`),
      s.noData !== null ? '—' : formatDollars(s.pnl, { signed: true }),
      s.noData !== null ? '—' : formatPercent(s.pnlPct, { signed: true }),
      s.noData !== null ? stressNoDataWords(s.noData, outcome.asOf) : s.flagged ? 'proxy used' : '',
    ]);
  out.push(alignTable(rows, ['left', 'right', 'right', 'left']));
  for (const s of outcome.results) {
    if (s.noData !== null) continue; // said in the table above
    const lines: string[][] = [[s.name, 'Value', 'Return', 'P&L', '']];
    for (const l of s.lines)
      lines.push([
        l.symbol,
        formatDollars(l.value),
        formatPercent(l.return, { signed: true }),
        formatDollars(l.pnl, { signed: true }),
        l.source === 'benchmark' ? 'benchmark as proxy' : l.source === 'missing' ? 'no history' : '',
      ]);
    out.push(alignTable(lines, ['left', 'right', 'right', 'right', 'left']));
  }
  return out.join('\n');
}

export function stressJson(outcome: StressOutcome): unknown {
  return {
    asOf: outcome.asOf,
    stockValueUsd: outcome.stockValue,
    equityUsd: outcome.equity,
    holdings: outcome.holdings.map((h) => ({
      symbol: h.symbol,
      qty: h.qty,
      price: h.price,
      valueUsd: h.value,
    })),
    scenarios: outcome.results.map((s) => ({
      name: s.name,
      kind: s.kind,
      from: s.from ?? null,
      to: s.to ?? null,
      pnlUsd: s.noData !== null ? null : s.pnl,
      pnlPct: s.noData !== null ? null : s.pnlPct,
      flagged: s.flagged,
      noData: s.noData,
      positions: s.lines.map((l) => ({
        symbol: l.symbol,
        valueUsd: l.value,
        returnPct: l.return,
        pnlUsd: l.pnl,
        source: l.source,
      })),
    })),
  };
}
