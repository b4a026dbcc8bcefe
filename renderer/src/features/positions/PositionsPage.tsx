import { useState, type FormEvent } from 'react';
import type { PositionDto } from '../../../../shared/ipc/dto/ledger';
import { positionHref } from '../../app/routes';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { money, pct, price, priceAge, qty, trigger } from '../../lib/format';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { usePositionsStore } from '../../stores/positionsStore';
import { useTradingStore } from '../../stores/tradingStore';
import { RowMenu } from '../../components/RowMenu';
import { ClosePositionForm, DeletePositionForm, RebalanceForm } from './LifecycleForms';
import { AnchorForm } from './AnchorForm';
import { CashForm } from './CashForm';
import { ConfigForm } from './ConfigForm';
import { NewPositionForm } from './NewPositionForm';
import { EvaluateNowPanel, OrderTicketForm } from './OrderDeskForms';
import { PortfolioPicker } from './PortfolioPicker';
import { StatusBadge, ActionBadge } from './badges';

type Dialog =
  { kind: 'new' } | { kind: 'portfolio' } | { kind: PositionDialogKind; position: PositionDto } | null;

/** The dialogs of one position (the row menu and the position page open the same ones). */
export type PositionDialogKind =
  | 'cash'
  | 'anchor'
  | 'config'
  | 'close'
  | 'delete'
  | 'rebalance'
  // order desk (issue 15)
  | 'ticket'
  | 'evaluate';

const TITLES: Record<PositionDialogKind, string> = {
  cash: 'Cash',
  anchor: 'Set the anchor',
  config: 'Settings',
  close: 'Close',
  delete: 'Delete',
  rebalance: 'Rebalance to target',
  ticket: 'Order ticket',
  evaluate: 'Evaluate now',
};

export function PositionsPage() {
  const positions = usePositionsStore((s) => s.positions);
  const loaded = usePositionsStore((s) => s.loaded);
  const error = usePositionsStore((s) => s.error);
  const busy = usePositionsStore((s) => s.busy);
  const selectedId = usePortfolioStore((s) => s.selectedId);
  const clockNow = useTradingStore((s) => s.status?.clockNow ?? null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [showClosed, setShowClosed] = useState(false);
  const inPortfolio = positions.filter((p) => selectedId === null || p.portfolioId === selectedId);
  const closedCount = inPortfolio.filter((p) => p.status === 'CLOSED').length;
  // Issue 15: closed positions are hidden unless asked for.
  const shown = inPortfolio.filter((p) => showClosed || p.status !== 'CLOSED');
  const close = () => setDialog(null);

  const toggle = async (p: PositionDto) => {
    const store = usePositionsStore.getState();
    const r = p.status === 'PAUSED' ? await store.resume(p.id) : await store.pause(p.id);
    setActionError(r.ok ? null : `${p.symbol}: ${r.message}`);
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>Positions</h1>
        <PortfolioPicker />
        <span className="spacer" />
        {closedCount > 0 && (
          <label className="checkbox small">
            <input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />{' '}
            Show closed ({closedCount})
          </label>
        )}
        <Button onClick={() => setDialog({ kind: 'portfolio' })}>New portfolio</Button>
        <Button variant="primary" onClick={() => setDialog({ kind: 'new' })} disabled={selectedId === null}>
          New position
        </Button>
      </div>
      {error && <ErrorBanner message={error} onRetry={() => void usePositionsStore.getState().load()} />}
      {actionError && <ErrorBanner message={actionError} />}
      <Card>
        {!loaded ? (
          <Loading />
        ) : shown.length === 0 ? (
          <Empty
            title={closedCount > 0 ? 'No open positions' : 'No positions yet'}
            action={
              <Button variant="primary" onClick={() => setDialog({ kind: 'new' })}>
                Add {closedCount > 0 ? 'a' : 'the first'} position
              </Button>
            }
          >
            A position is one stock plus the cash set aside for it.
          </Empty>
        ) : (
          <div className="table-wrap">
            <table className="table positions" aria-label="Positions">
              <thead>
                <tr>
                  <th>Symbol</th>
                  <th className="num">Shares</th>
                  <th className="num col-wide">Cash</th>
                  <th className="num">Value</th>
                  <th className="num">Stock</th>
                  <th className="num">Last price</th>
                  <th className="num">Anchor</th>
                  <th className="num col-wide">Buy ≤ / sell ≥</th>
                  <th className="col-wide">Last decision</th>
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => {
                  const age = priceAge(p.lastPriceAt, p.lastPriceLive, clockNow);
                  const open = p.status !== 'CLOSED';
                  return (
                    <tr key={p.id} data-testid={`position-${p.symbol}`}>
                      <td>
                        <div className="symbol-cell">
                          <a href={positionHref(p.id)}>
                            <strong>{p.symbol}</strong>
                          </a>
                          <StatusBadge status={p.status} />
                        </div>
                      </td>
                      <td className="num">{qty(p.qty)}</td>
                      <td className="num col-wide">{money(p.cashCents)}</td>
                      <td className="num">{money(p.valueCents)}</td>
                      <td className="num">{pct(p.stockPct, 1)}</td>
                      <td className="num">
                        {price(p.lastPrice)}
                        {age && <div className="small muted as-of">{age}</div>}
                      </td>
                      <td className="num">{price(p.anchor)}</td>
                      <td className="num col-wide nowrap">
                        <span className="buy">{trigger(p.triggers?.buyBelow, 'buy')}</span> /{' '}
                        <span className="sell">{trigger(p.triggers?.sellAbove, 'sell')}</span>
                      </td>
                      <td className="col-wide">
                        {p.lastAction ? (
                          <ActionBadge action={p.lastAction} />
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td className="actions-cell">
                        <RowMenu
                          label={`Actions for ${p.symbol}`}
                          items={[
                            {
                              label: busy[p.id]
                                ? `${busy[p.id]}…`
                                : p.status === 'PAUSED'
                                  ? 'Resume'
                                  : 'Pause',
                              onSelect: () => void toggle(p),
                              hidden: !open,
                            },
                            { label: 'Cash…', onSelect: () => setDialog({ kind: 'cash', position: p }) },
                            {
                              label: 'Set anchor…',
                              onSelect: () => setDialog({ kind: 'anchor', position: p }),
                              hidden: !open,
                            },
                            {
                              label: 'Settings…',
                              onSelect: () => setDialog({ kind: 'config', position: p }),
                              hidden: !open,
                            },
                            {
                              label: 'Rebalance to target…',
                              onSelect: () => setDialog({ kind: 'rebalance', position: p }),
                              hidden: !open,
                            },
                            {
                              label: 'Order ticket…',
                              onSelect: () => setDialog({ kind: 'ticket', position: p }),
                              hidden: !open,
                            },
                            {
                              label: 'Evaluate now',
                              onSelect: () => setDialog({ kind: 'evaluate', position: p }),
                              hidden: p.status !== 'ACTIVE',
                            },
                            {
                              label: 'Close…',
                              onSelect: () => setDialog({ kind: 'close', position: p }),
                              hidden: !open,
                              danger: true,
                            },
                            {
                              label: 'Delete…',
                              onSelect: () => setDialog({ kind: 'delete', position: p }),
                              // Only a position that never traded (the backend checks it again).
                              hidden: p.anchor !== null || p.totalCommissionPaidCents !== 0,
                              danger: true,
                            },
                          ]}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Modal title="New position" open={dialog?.kind === 'new'} onClose={close}>
        {dialog?.kind === 'new' && <NewPositionForm onDone={close} />}
      </Modal>
      <Modal title="New portfolio" open={dialog?.kind === 'portfolio'} onClose={close}>
        {dialog?.kind === 'portfolio' && <NewPortfolioForm onDone={close} />}
      </Modal>
      {(Object.keys(TITLES) as PositionDialogKind[]).map((kind) => (
        <Modal
          key={kind}
          title={
            dialog && 'position' in dialog ? `${TITLES[kind]} — ${dialog.position.symbol}` : TITLES[kind]
          }
          open={dialog?.kind === kind}
          onClose={close}
        >
          {dialog?.kind === kind && <PositionDialog kind={kind} position={dialog.position} onDone={close} />}
        </Modal>
      ))}
    </div>
  );
}

/** The form of one position's dialog (the list's row menu and the position page open the same ones). */
export function PositionDialog({
  kind,
  position,
  onDone,
}: {
  kind: PositionDialogKind;
  position: PositionDto;
  onDone: () => void;
}) {
  switch (kind) {
    case 'cash':
      return <CashForm position={position} onDone={onDone} />;
    case 'anchor':
      return <AnchorForm position={position} onDone={onDone} />;
    case 'config':
      return <ConfigForm position={position} onDone={onDone} />;
    case 'close':
      return <ClosePositionForm position={position} onDone={onDone} />;
    case 'delete':
      return <DeletePositionForm position={position} onDone={onDone} />;
    case 'rebalance':
      return <RebalanceForm position={position} onDone={onDone} />;
    case 'ticket':
      return <OrderTicketForm position={position} onDone={onDone} />;
    case 'evaluate':
      return <EvaluateNowPanel position={position} onDone={onDone} />;
  }
}

function NewPortfolioForm({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setError('Give the portfolio a name');
    setSaving(true);
    const r = await usePortfolioStore.getState().create(name.trim());
    setSaving(false);
    if (r.ok) onDone();
    else setError(r.issues[0]?.message ?? r.message);
  };
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="New portfolio">
      <Field label="Name" error={error} className="wide">
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoFocus />
      </Field>
      <div className="form-actions">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={saving}>
          Create portfolio
        </Button>
      </div>
    </form>
  );
}
