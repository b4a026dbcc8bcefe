import { useEffect } from 'react';
import { Stat } from '../../components/Card';
import { Figure } from '../../components/Figure';
import { ErrorBanner } from '../../components/States';
import { money } from '../../lib/format';
import { useAccountingStore } from '../../stores/accountingStore';

/** SPEC 8 on the Dashboard: value, today's change, P&L, dividends, returns against the benchmark. */
export function AccountingFigures({ portfolioId }: { portfolioId: string | null }) {
  const f = useAccountingStore((s) => s.figures);
  const error = useAccountingStore((s) => s.figuresError);
  useEffect(() => {
    void useAccountingStore.getState().loadFigures(portfolioId);
  }, [portfolioId]);
  if (error) return <ErrorBanner message={error} />;
  if (!f) return null;
  const b = f.benchmark;
  return (
    <div className="grid cols-4" data-testid="accounting-figures">
      <Stat
        label="Today's change"
        value={
          <Figure
            value={f.todayChangeCents}
            kind="money"
            how={`Total value now (${money(f.valueCents)}: cash + receivable + shares × last known price) − value at the last session close − today's deposits + today's withdrawals`}
            testId="today-change"
          />
        }
        sub={
          <>
            <Figure
              value={f.todayChange}
              kind="percent"
              how="Today's change ÷ (value at the last close + today's deposits)"
            />
            {f.lastClose !== null && (
              <>
                {' '}
                since the close of <span className="nowrap">{f.lastClose}</span>
              </>
            )}
          </>
        }
      />
      <Stat
        label="Realised / unrealised P&L"
        value={
          <Figure
            value={f.realisedCents}
            kind="money"
            how="Σ of every closed lot part: its share of (sale notional − commission) − its share of the lot's cost (notional + commission), lots closed in the portfolio's order (FIFO unless set)"
            testId="realised-pnl"
          />
        }
        sub={
          <>
            unrealised{' '}
            <Figure
              value={f.unrealisedCents}
              kind="money"
              how="Shares × last known price − remaining cost of the open lots"
            />
          </>
        }
      />
      <Stat
        label="Dividends (net)"
        value={
          <span title="Net dividends accrued on their ex-dates (income, never cost basis); commissions are inside costs and proceeds">
            {money(f.dividendsCents)}
          </span>
        }
        sub={
          <span title="Every commission paid, already inside the P&L above">
            commissions {money(f.commissionsCents)}
          </span>
        }
      />
      <Stat
        label="Time-weighted return"
        value={
          <Figure
            value={f.twrSinceStart}
            kind="percent"
            how="Π(1 + r_t) − 1 since the first session, r_t = E_t / (E_t−1 + net deposit of day t) − 1: deposits and withdrawals are not returns"
            testId="twr-since-start"
          />
        }
        sub={
          <>
            {b}{' '}
            <Figure
              value={f.benchmarkSinceStart}
              kind="percent"
              how={`${b}'s close now ÷ its close at the first session − 1`}
            />{' '}
            · this year{' '}
            <Figure
              value={f.twrThisYear}
              kind="percent"
              how="The same compounding from the last close of the previous year"
            />{' '}
            vs{' '}
            <Figure
              value={f.benchmarkThisYear}
              kind="percent"
              how={`${b} from the last close of the previous year`}
            />
          </>
        }
      />
    </div>
  );
}
