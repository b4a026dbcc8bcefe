import type { z } from 'zod';
import { DEFAULT_STRATEGY_CONFIG, mergeConfig } from '../../../shared/domain/Config';
import { exact } from '../../../shared/domain/ExactDecimal';
import type { simulationSetupSchema, sweepGridSchema } from '../../../shared/ipc/dto/simulation';
import type { IpcIssue } from '../../../shared/ipc/result';
import {
  checkSimulationSpec,
  positionSpec,
  type SimulationSpec,
  type SweepGrid,
} from '../../../shared/simulation';

type Setup = z.output<typeof simulationSetupSchema>;
type Grid = z.output<typeof sweepGridSchema>;

/** The Simulation page's form as the simulation's spec (SPEC 5), or the problems with it. */
export function setupToSpec(
  setup: Setup,
): { ok: true; spec: SimulationSpec } | { ok: false; message: string; issues: IpcIssue[] } {
  const cash = exact(setup.initialCash).times(100);
  if (!cash.isInteger()) {
    const message = 'initial cash must have at most 2 decimals';
    return { ok: false, message, issues: [{ path: 'setup.initialCash', message }] };
  }
  const checked = checkSimulationSpec({
    positions: setup.symbols.map((s) => positionSpec(s.trim().toUpperCase(), cash.toNumber())),
    from: setup.from,
    to: setup.to,
    interval: setup.interval,
    config: mergeConfig(DEFAULT_STRATEGY_CONFIG, setup.config),
    commission: { rate: setup.commissionRate, minimumCents: 0, scope: 'GLOBAL' },
    execution: { fill: setup.fill, slippageBps: setup.slippageBps, volumeCap: setup.volumeCap },
    riskFreePerPeriod: 0,
    ...(setup.dayTradeLimit === undefined ? {} : { dayTradeLimit: setup.dayTradeLimit }),
  });
  if (checked.ok) return { ok: true, spec: checked.spec };
  return { ok: false, message: checked.message, issues: specIssues(checked.message) };
}

/** A symmetric grid (down = up), with the run's own band when none is swept. */
export function toSweepGrid(grid: Grid, spec: SimulationSpec): SweepGrid {
  return {
    upThresholds: grid.thresholds,
    downThresholds: null,
    rebalanceRatios: grid.rebalanceRatios,
    bands: (
      grid.bands ?? [
        { minStockPct: spec.config.guardrails.minStockPct, maxStockPct: spec.config.guardrails.maxStockPct },
      ]
    ).map((b): [number, number] => [b.minStockPct, b.maxStockPct]),
  };
}

/** `config.trigger.upThreshold: …; to: …` → issues on the form's fields. */
function specIssues(message: string): IpcIssue[] {
  const fields: Record<string, string> = { from: 'setup.from', to: 'setup.to', positions: 'setup.symbols' };
  return message
    .split('; ')
    .map((part) => /^([\w.]+): (.+)$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const path = m[1] as string;
      const head = path.split('.')[0] as string;
      return { path: fields[head] ?? `setup.${path}`, message: m[2] as string };
    });
}
