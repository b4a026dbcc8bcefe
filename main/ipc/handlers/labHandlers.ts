import { statSync } from 'node:fs';
import type { CompareResultDto } from '../../../shared/ipc/dto/lab';
import { ipcFail, ipcOk } from '../../../shared/ipc/result';
import type { SymbolHistory } from '../../../shared/simulation';
import { checkSimulationSpec, loadHistory, positionSpec } from '../../../shared/simulation';
import { DEFAULT_STRATEGY_CONFIG } from '../../../shared/domain/Config';
import { RISK_OFF } from '../../../shared/domain/risk/RiskConfig';
import type { CompareResult } from '../../../shared/simulation/strategy';
import {
  sizerChoice,
  sizerProblem,
  strategyChoice,
  strategyProblem,
} from '../../../shared/simulation/strategy/choices';
import { BundledBarSource } from '../../adapters/data/BundledBarSource';
import { writeCompareReport } from '../../reports/compareReport';
import { ComparePool } from '../../workers/ComparePool';
import type { Handlers } from '../dispatch';
import type { HandlerDeps } from './HandlerDeps';

type Channels = 'lab.compareStrategies' | 'lab.exportCompare';

/** Each symbol's closes aligned on the compare's sessions (null before its first bar). */
function closesOf(
  result: CompareResult,
  history: readonly SymbolHistory[],
): Record<string, (number | null)[]> {
  const out: Record<string, (number | null)[]> = {};
  for (const h of history) {
    const at = new Map<string, number>();
    h.bars.session.forEach((s, i) => at.set(s, h.bars.close[i] as number));
    let last: number | null = null;
    out[h.bars.symbol] = result.dates.map((d) => (last = at.get(d) ?? last));
  }
  return out;
}

function toDto(result: CompareResult, history: readonly SymbolHistory[]): CompareResultDto {
  return {
    symbols: result.symbols,
    firstSession: result.firstSession,
    lastSession: result.lastSession,
    startEquityCents: result.startEquityCents,
    dates: result.dates,
    fill: result.matching.fill,
    rows: result.rows.map((r) => ({
      label: r.label,
      strategyId: r.strategy.id,
      metrics: r.metrics,
      equityCents: r.equityCents,
      roundTrips: r.roundTrips,
      finalEquityCents: r.finalEquityCents,
      rejected: r.rejected,
      riskExits: r.riskExits,
      markers: r.markers,
    })),
    buyAndHold: result.buyAndHold,
    best: result.best,
    closes: closesOf(result, history),
  };
}

/** The strategy lab's compare (SPEC 10) on the bundled history, on 2 worker threads. */
export function labHandlers({ host }: HandlerDeps): Pick<Handlers, Channels> {
  let last: CompareResult | null = null;
  const source = new BundledBarSource();
  // 2 worker threads, kept between compares (a second compare runs on warm code).
  const pool = new ComparePool(2);
  return {
    'lab.compareStrategies': async (req) => {
      const strategies = req.strategies.map((s) => strategyChoice(s.id, s.params));
      for (const s of strategies) {
        const problem = strategyProblem(s);
        if (problem !== null) return ipcFail('validation', problem);
      }
      const sizer = sizerChoice(req.sizer.id, req.sizer.params);
      const sizerIssue = sizerProblem(sizer);
      if (sizerIssue !== null) return ipcFail('validation', sizerIssue);
      const checked = checkSimulationSpec({
        positions: req.symbols.map((s) => positionSpec(s, Math.round(req.initialCash * 100))),
        from: req.from,
        to: req.to,
        interval: '1d',
        // The compare's own risk limits (SPEC 9), when the form sets any.
        config:
          req.risk === undefined
            ? DEFAULT_STRATEGY_CONFIG
            : { ...DEFAULT_STRATEGY_CONFIG, risk: { ...RISK_OFF, ...req.risk } },
        commission: { rate: req.commissionRate, minimumCents: 0, scope: 'GLOBAL' },
        execution: {
          fill: req.fill === 'vwap' ? 'close' : req.fill,
          slippageBps: req.slippageBps,
          volumeCap: null,
        },
        riskFreePerPeriod: 0,
      });
      if (!checked.ok) return ipcFail('validation', checked.message);
      const loaded = await loadHistory(source, source, req.symbols, req.from, req.to, '1d');
      if (!loaded.ok) return ipcFail('validation', `${loaded.symbol}: ${loaded.message}`);
      const outcome = await pool.compare(
        checked.spec,
        loaded.history,
        strategies.map((strategy) => ({ strategy, sizer })),
        { matching: { fill: req.fill, slippageBps: req.slippageBps, maxVolumePct: req.maxVolumePct } },
      );
      if (!outcome.ok) return ipcFail('validation', outcome.message);
      last = outcome.result;
      return ipcOk(toDto(outcome.result, loaded.history));
    },
    'lab.exportCompare': async (req) => {
      if (last === null) return ipcFail('not_found', 'Compare strategies first; then export the comparison.');
      const file = await host.chooseExportFile(`compare.${req.format}`, {
        name: req.format.toUpperCase(),
        extensions: [req.format],
      });
      if (file === null) return ipcFail('cancelled', 'Export cancelled.');
      const written = await writeCompareReport(last, file);
      if (!written.ok) return ipcFail('internal', written.message);
      return ipcOk({ file, bytes: statSync(file).size, downloadPath: host.downloadPathOf(file) });
    },
  };
}
