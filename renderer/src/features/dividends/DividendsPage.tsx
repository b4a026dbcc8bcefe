import { useEffect, useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { Badge, Card, Stat } from '../../components/Card';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { dateTime, money, qty } from '../../lib/format';
import { useDividendsStore } from '../../stores/dividendsStore';
import { MONTH_NAMES, monthGrid, shiftMonth } from './calendar';
import { formatPrice } from '../../../../shared/format/Format';

export function DividendsPage() {
  const overview = useDividendsStore((s) => s.overview);
  const error = useDividendsStore((s) => s.error);
  const [month, setMonth] = useState<{ year: number; month: number } | null>(null);

  useEffect(() => {
    void useDividendsStore.getState().load();
  }, []);

  const shown =
    month ??
    (overview
      ? { year: Number(overview.today.slice(0, 4)), month: Number(overview.today.slice(5, 7)) }
      : null);
  const byDate = useMemo(() => {
    const map = new Map<string, { symbol: string; kind: 'ex' | 'pay' }[]>();
    const add = (date: string | null, symbol: string, kind: 'ex' | 'pay') => {
      if (date === null) return;
      map.set(date, [...(map.get(date) ?? []), { symbol, kind }]);
    };
    for (const u of overview?.upcoming ?? []) {
      add(u.exDate, u.symbol, 'ex');
      add(u.payDate, u.symbol, 'pay');
    }
    for (const a of overview?.accrued ?? []) add(a.payDate, a.symbol, 'pay');
    return map;
  }, [overview]);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Dividends</h1>
      </div>
      {error && <ErrorBanner message={error} onRetry={() => void useDividendsStore.getState().load()} />}
      {!overview && !error && <Loading />}
      {overview && shown && (
        <>
          <div className="grid cols-4">
            <Stat label="Received (gross)" value={money(overview.totals.grossCents)} />
            <Stat label="Received (net)" value={money(overview.totals.netCents)} sub="after withholding" />
            <Stat
              label="Accrued, not yet paid"
              value={money(overview.totals.receivableCents)}
              sub="counts in value, cannot be spent"
            />
            <Stat label="Upcoming announcements" value={overview.upcoming.length} />
          </div>
          <div className="grid cols-2">
            <Card
              title={`${MONTH_NAMES[shown.month - 1]} ${shown.year}`}
              actions={
                <div className="row">
                  <Button
                    small
                    aria-label="Previous month"
                    onClick={() => setMonth(shiftMonth(shown.year, shown.month, -1))}
                  >
                    ‹
                  </Button>
                  <Button small onClick={() => setMonth(null)}>
                    Today
                  </Button>
                  <Button
                    small
                    aria-label="Next month"
                    onClick={() => setMonth(shiftMonth(shown.year, shown.month, 1))}
                  >
                    ›
                  </Button>
                </div>
              }
            >
              <div className="calendar" role="grid" aria-label="Ex-dividend and pay dates">
                {['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => (
                  <div key={d} className="dow" role="columnheader">
                    {d}
                  </div>
                ))}
                {monthGrid(shown.year, shown.month).map((d) => (
                  <div
                    key={d.date}
                    role="gridcell"
                    className={[
                      'day',
                      d.inMonth ? '' : 'other',
                      d.date === overview.today ? 'today' : '',
                    ].join(' ')}
                    aria-label={`${d.date}${
                      byDate.has(d.date)
                        ? `: ${byDate
                            .get(d.date)
                            ?.map((e) => `${e.symbol} ${e.kind}`)
                            .join(', ')}`
                        : ''
                    }`}
                  >
                    <span className="n">{Number(d.date.slice(8))}</span>
                    {byDate.get(d.date)?.map((e, i) => (
                      <Badge key={i} tone={e.kind === 'ex' ? 'info' : 'ok'}>
                        {e.symbol} {e.kind}
                      </Badge>
                    ))}
                  </div>
                ))}
              </div>
            </Card>
            <Card title="Upcoming ex and pay dates">
              {overview.upcoming.length === 0 ? (
                <Empty title="Nothing announced">
                  Announcements for held symbols are fetched daily, off-hours.
                </Empty>
              ) : (
                <div className="table-wrap">
                  <table className="table" aria-label="Upcoming dividends">
                    <thead>
                      <tr>
                        <th>Symbol</th>
                        <th>Ex-date</th>
                        <th>Pay date</th>
                        <th className="num">Per share</th>
                      </tr>
                    </thead>
                    <tbody>
                      {overview.upcoming.map((u) => (
                        <tr key={`${u.symbol}-${u.exDate}`}>
                          <td>{u.symbol}</td>
                          <td className="nowrap">{u.exDate}</td>
                          {/* A date never breaks; the words may, so the table fits a narrow card. */}
                          <td className={u.payDate === null ? undefined : 'nowrap'}>
                            {u.payDate ?? 'with the ex-date'}
                          </td>
                          <td className="num">{formatPrice(u.amountPerShare, { currency: u.currency })}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Card>
          </div>
          <Card title="Accrued, waiting for the pay date">
            {overview.accrued.length === 0 ? (
              <Empty title="Nothing accrued" />
            ) : (
              <table className="table" aria-label="Accrued dividends">
                <thead>
                  <tr>
                    <th>Symbol</th>
                    <th>Ex-date</th>
                    <th>Pay date</th>
                    <th className="num">Shares</th>
                    <th className="num">Net</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.accrued.map((a) => (
                    <tr key={`${a.positionId}-${a.exDate}`}>
                      <td>{a.symbol}</td>
                      <td className="nowrap">{a.exDate}</td>
                      <td className="nowrap">{a.payDate ?? 'with the ex-date'}</td>
                      <td className="num">{qty(a.qtyEligible)}</td>
                      <td className="num">{money(a.netCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
          <Card title="Received">
            {overview.received.length === 0 ? (
              <Empty title="No dividends received yet" />
            ) : (
              <table className="table" aria-label="Received dividends">
                <thead>
                  <tr>
                    <th>Paid</th>
                    <th>Symbol</th>
                    <th>Ex-date</th>
                    <th className="num">Shares</th>
                    <th className="num">Gross</th>
                    <th className="num">Withholding</th>
                    <th className="num">Net</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.received.map((r) => (
                    <tr key={`${r.positionId}-${r.exDate}`}>
                      <td className="mono">{dateTime(r.paidAt)}</td>
                      <td>{r.symbol}</td>
                      <td className="nowrap">{r.exDate}</td>
                      <td className="num">{qty(r.qtyEligible)}</td>
                      <td className="num">{money(r.grossCents)}</td>
                      <td className="num">{money(r.withholdingCents)}</td>
                      <td className="num">{money(r.netCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
