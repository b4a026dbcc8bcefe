import { useEffect, useMemo, useState } from 'react';
import { useResolvedTheme } from '../../app/theme';
import { positionHref } from '../../app/routes';
import { Button } from '../../components/Button';
import { Card, Stat } from '../../components/Card';
import { ExportStatus } from '../../components/ExportStatus';
import { Figure } from '../../components/Figure';
import { RoundTripCells, RoundTripHeads } from '../../components/RoundTripCells';
import { RoundTripStatsFigures } from '../../components/RoundTripStatsFigures';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { TimeSeriesChart, type ChartSeries } from '../../components/TimeSeriesChart';
import { money } from '../../lib/format';
import { useAccountingStore } from '../../stores/accountingStore';
import { useExportsStore } from '../../stores/exportsStore';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { PortfolioPicker } from '../positions/PortfolioPicker';
import type { PerformanceDto } from '../../../../shared/ipc/dto/accounting';
import { AccountingSettingsCard } from './AccountingSettingsCard';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** SPEC 8: the equity curve against the benchmark, drawdown, monthly returns, round trips, contribution. */
export function PerformancePage() {
  const perf = useAccountingStore((s) => s.performance);
  const error = useAccountingStore((s) => s.performanceError);
  const selectedId = usePortfolioStore((s) => s.selectedId);
  const busy = useExportsStore((s) => s.busy);
  const theme = useResolvedTheme();
  const [year, setYear] = useState<number | null>(null);

  useEffect(() => {
    void useAccountingStore.getState().loadPerformance(selectedId);
  }, [selectedId]);

  const lastYear = perf?.to ? Number(perf.to.slice(0, 4)) : new Date().getUTCFullYear();
  const taxYear = year ?? lastYear;

  return (
    <div className="page">
      <div className="page-header">
        <h1>Performance</h1>
        <PortfolioPicker />
        <span className="spacer" />
        <label className="row">
          Tax year{' '}
          <input
            type="number"
            className="input"
            style={{ width: 90 }}
            value={taxYear}
            min={1990}
            max={2100}
            onChange={(e) => setYear(Number(e.target.value))}
            aria-label="Tax year"
          />
        </label>
        {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
          <Button
            key={f}
            small
            busy={busy === `tax-report-${taxYear}.${f}`}
            onClick={() => void useAccountingStore.getState().exportTaxReport(taxYear, f)}
          >
            Tax report .{f}
          </Button>
        ))}
      </div>
      <ExportStatus />
      {error && (
        <ErrorBanner
          message={error}
          onRetry={() => void useAccountingStore.getState().loadPerformance(selectedId)}
        />
      )}
      {!perf && !error && <Loading />}
      {perf && perf.dates.length === 0 && (
        <Empty title="No equity history yet">
          It is written at each session close, and rebuilt for the days the app was not running.
        </Empty>
      )}
      {perf && perf.dates.length > 0 && <PerformanceBody perf={perf} theme={theme} />}
      {selectedId !== null ? (
        <AccountingSettingsCard
          portfolioId={selectedId}
          onSaved={() => void useAccountingStore.getState().loadPerformance(selectedId)}
        />
      ) : (
        <p className="small muted">
          Lot method, benchmark and day-trade limit are set per portfolio: pick one above, or see{' '}
          <a href="#/settings">Settings › Accounting</a>.
        </p>
      )}
    </div>
  );
}

function PerformanceBody({ perf, theme }: { perf: PerformanceDto; theme: string }) {
  // The portfolio's optional day-trade limit, when one portfolio is shown and its settings are loaded.
  const limit = useAccountingStore((st) =>
    perf.portfolioId === null ? null : st.settings[perf.portfolioId]?.dayTradeLimit.maxDayTrades,
  );
  const b = perf.benchmarkStats;
  const m = perf.metrics;
  const s = perf.roundTripStats;
  const equity: ChartSeries[] = useMemo(
    () => [
      {
        id: 'twr',
        label: 'Portfolio (time-weighted)',
        color: '--accent',
        format: 'percent',
        width: 2,
        data: perf.dates.map((d, i) => ({ time: d, value: (perf.twrIndex[i] as number) - 1 })),
      },
      {
        id: 'bench',
        label: perf.benchmark,
        color: '--anchor',
        format: 'percent',
        data: perf.dates.flatMap((d, i) => {
          const v = perf.benchmarkIndex[i];
          return v === null || v === undefined ? [] : [{ time: d, value: v - 1 }];
        }),
      },
    ],
    [perf],
  );
  const drawdown: ChartSeries[] = useMemo(
    () => [
      {
        id: 'dd',
        label: 'Drawdown',
        color: '--sell',
        kind: 'area',
        format: 'percent',
        data: perf.dates.map((d, i) => ({ time: d, value: perf.drawdown[i] as number })),
      },
    ],
    [perf],
  );
  const years = [...new Set(perf.monthly.map((r) => r.year))];
  return (
    <>
      <div className="grid cols-4">
        <Stat
          label="Time-weighted return"
          value={
            <Figure
              value={perf.twr}
              kind="percent"
              how="Π(1 + r_t) − 1, r_t = E_t / (E_t−1 + net deposit of day t) − 1: deposits and withdrawals are not returns"
              testId="perf-twr"
            />
          }
          sub={
            <>
              {perf.benchmark}{' '}
              <Figure
                value={b?.benchmarkReturn}
                kind="percent"
                how={`${perf.benchmark}'s closes over the same sessions`}
              />
            </>
          }
        />
        <Stat
          label="Money-weighted return (a year)"
          value={
            <Figure
              value={perf.mwr}
              kind="percent"
              how="XIRR (Actual/365) of the first session's value, every deposit and withdrawal, and the last value"
            />
          }
          sub={
            <>
              <span className="nowrap">{perf.from}</span> to <span className="nowrap">{perf.to}</span>
            </>
          }
        />
        <Stat
          label="Max drawdown"
          value={
            <Figure
              value={m?.maxDrawdown}
              kind="percent"
              how="min(index ÷ running peak − 1) of the time-weighted index"
            />
          }
          sub={
            <>
              Sharpe{' '}
              <Figure
                value={m?.sharpe}
                kind="ratio"
                signed={false}
                how="mean(r) ÷ sd(r) × √252 of the daily time-weighted returns"
              />
            </>
          }
        />
        <Stat
          label={`Against ${perf.benchmark}`}
          value={
            <>
              β{' '}
              <Figure
                value={b?.beta}
                kind="ratio"
                signed={false}
                how="cov(r, r_b) ÷ var(r_b), daily returns on the same sessions"
              />
            </>
          }
          sub={
            <>
              α <Figure value={b?.alpha} kind="percent" how="Jensen's alpha: (mean(r) − β·mean(r_b)) × 252" />{' '}
              · corr{' '}
              <Figure
                value={b?.correlation}
                kind="ratio"
                signed={false}
                how="Correlation of the daily returns"
              />{' '}
              · TE <Figure value={b?.trackingError} kind="percent" signed={false} how="sd(r − r_b) × √252" />{' '}
              · IR{' '}
              <Figure value={b?.informationRatio} kind="ratio" how="mean(r − r_b) × 252 ÷ tracking error" />
            </>
          }
        />
      </div>
      <div className="grid two">
        <Card title={`Return against ${perf.benchmark}`}>
          <TimeSeriesChart
            series={equity}
            theme={theme}
            label={`Time-weighted return against ${perf.benchmark}`}
          />
          <div className="row" aria-hidden="true">
            {equity.map((e) => (
              <span key={e.id} style={{ color: `var(${e.color})` }}>
                ━ {e.label}
              </span>
            ))}
          </div>
        </Card>
        <Card title="Drawdown">
          <TimeSeriesChart
            series={drawdown}
            theme={theme}
            height="small"
            label="Drawdown of the time-weighted index"
          />
        </Card>
      </div>
      <Card title="Monthly returns (time-weighted)">
        <div className="table-scroll">
          <table className="perf-table" data-testid="monthly-returns">
            <thead>
              <tr>
                <th>Year</th>
                {MONTHS.map((mo) => (
                  <th key={mo}>{mo}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr key={y}>
                  <td>{y}</td>
                  {MONTHS.map((_, i) => {
                    const r = perf.monthly.find((x) => x.year === y && x.month === i + 1);
                    return (
                      <td key={i}>
                        {r ? (
                          <Figure
                            value={r.return}
                            kind="percent"
                            how="Compounded time-weighted return of the month"
                          />
                        ) : (
                          ''
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Round trips">
        <RoundTripStatsFigures stats={s} testId="round-trip-stats">
          <span title="A buy and a sell of a symbol in one session; informational unless a limit is set">
            day trades (last 5 sessions) {perf.dayTradesLast5}
            {limit !== null && limit !== undefined && ` (limit ${limit})`}
          </span>
          <span title="Losses with shares of the same symbol bought within 30 days before or after (tax view)">
            wash sales {perf.washSales.count} ({money(perf.washSales.disallowedCents)} disallowed)
          </span>
        </RoundTripStatsFigures>
        <div className="table-scroll">
          <table className="perf-table" data-testid="round-trips">
            <thead>
              <tr>
                <th>Symbol</th>
                <RoundTripHeads />
              </tr>
            </thead>
            <tbody>
              {perf.roundTrips
                .slice(-200)
                .reverse()
                .map((r) => (
                  <tr key={`${r.saleId}-${r.lotId}`}>
                    <td>
                      <a href={positionHref(r.positionId)}>{r.symbol}</a>
                    </td>
                    <RoundTripCells trip={r} />
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Contribution to the return">
        <table className="perf-table" data-testid="contribution">
          <thead>
            <tr>
              <th>Position</th>
              <th>Contribution</th>
            </tr>
          </thead>
          <tbody>
            {perf.contributions.map((c) => (
              <tr key={c.positionId}>
                <td>
                  <a href={positionHref(c.positionId)}>{perf.symbols[c.positionId] ?? c.positionId}</a>
                </td>
                <td>
                  <Figure
                    value={c.contribution}
                    kind="percent"
                    how="Σ_t w_i,t−1 · r_i,t: the position's share of the day's base × its return, summed over the sessions"
                  />
                </td>
              </tr>
            ))}
            <tr>
              <td>Sum (the arithmetic return Σ r_t)</td>
              <td>
                <Figure
                  value={perf.arithmeticReturn}
                  kind="percent"
                  how="Σ_t r_t of the portfolio: what the contributions add up to"
                />
              </td>
            </tr>
          </tbody>
        </table>
      </Card>
    </>
  );
}
