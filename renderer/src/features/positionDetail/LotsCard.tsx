import { useEffect } from 'react';
import { Card } from '../../components/Card';
import { Figure } from '../../components/Figure';
import { RoundTripCells, RoundTripHeads } from '../../components/RoundTripCells';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { money, price, qty } from '../../lib/format';
import { useAccountingStore } from '../../stores/accountingStore';

/** SPEC 8 on a position's page: its open lots (cost, value, tax basis) and its realised trades. */
export function LotsCard({ positionId, refreshKey }: { positionId: string; refreshKey: unknown }) {
  const lots = useAccountingStore((s) => s.lots[positionId]);
  const error = useAccountingStore((s) => s.lotsError);
  useEffect(() => {
    void useAccountingStore.getState().loadLots(positionId);
  }, [positionId, refreshKey]);
  if (error) return <ErrorBanner message={error} />;
  if (lots === undefined) return <Loading />;
  if (lots === null) return null;
  return (
    <Card
      title="Open lots and realised trades"
      actions={
        <span>
          realised{' '}
          <Figure
            value={lots.realisedCents}
            kind="money"
            how="Σ of the closed lot parts: share of (notional − commission) − share of cost"
          />{' '}
          · unrealised{' '}
          <Figure
            value={lots.unrealisedCents}
            kind="money"
            how="Shares × last known price − remaining cost of the open lots"
          />
        </span>
      }
    >
      {lots.lots.length === 0 ? (
        <Empty title="No open lots">
          Every buy opens a lot; sells close them in the portfolio's order (FIFO unless set).
        </Empty>
      ) : (
        <div className="table-scroll">
          <h3>Open lots ({lots.lots.length})</h3>
          <table className="perf-table" data-testid="lots-table">
            <thead>
              <tr>
                <th>Bought</th>
                <th>Shares</th>
                <th title="Fill price, divided by later splits">Price</th>
                <th title="Notional + commission of the shares still open">Cost</th>
                <th title="The position's value split over its lots by shares">Value</th>
                <th>Unrealised</th>
                <th title="Cost plus wash-sale losses these shares absorbed (tax view)">Tax cost</th>
                <th title="Long term when sold after the first anniversary of the tax holding start">
                  If sold today
                </th>
              </tr>
            </thead>
            <tbody>
              {lots.lots.map((l) => (
                <tr key={l.lotId}>
                  <td>{l.openDate}</td>
                  <td>{qty(l.qty)}</td>
                  <td>{price(l.price)}</td>
                  <td>{money(l.costCents)}</td>
                  <td>{money(l.marketValueCents)}</td>
                  <td>
                    <Figure
                      value={l.unrealisedCents}
                      kind="money"
                      how="Lot's share of shares × price − its remaining cost"
                    />
                  </td>
                  <td
                    title={
                      l.washAdjustmentCents > 0
                        ? `includes ${money(l.washAdjustmentCents)} of disallowed losses; holding since ${l.taxHoldingStart}`
                        : 'no wash-sale adjustment'
                    }
                  >
                    {money(l.taxCostCents)}
                  </td>
                  <td>{l.longTermIfSold ? 'long term' : 'short term'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {lots.realised.length > 0 && (
        <div className="table-scroll">
          <h3>Realised trades ({lots.realised.length})</h3>
          <table className="perf-table" data-testid="realised-table">
            <thead>
              <tr>
                <RoundTripHeads />
                <th title="Loss disallowed as a wash sale (tax view; the P&L is unchanged)">Wash sale</th>
              </tr>
            </thead>
            <tbody>
              {[...lots.realised].reverse().map((r) => (
                <tr key={`${r.saleId}-${r.lotId}`}>
                  <RoundTripCells trip={r} />
                  <td>{r.disallowedCents > 0 ? money(r.disallowedCents) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
