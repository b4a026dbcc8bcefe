import { useState, type FormEvent } from 'react';
import type { PositionDto } from '../../../../shared/ipc/dto/ledger';
import { positionHref } from '../../app/routes';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { Empty, ErrorBanner, Loading } from '../../components/States';
import { money, pct, price, qty } from '../../lib/format';
import { usePortfolioStore } from '../../stores/portfolioStore';
import { usePositionsStore } from '../../stores/positionsStore';
import { AnchorForm } from './AnchorForm';
import { CashForm } from './CashForm';
import { ConfigForm } from './ConfigForm';
import { NewPositionForm } from './NewPositionForm';
import { PortfolioPicker } from './PortfolioPicker';
import { StatusBadge, ActionBadge } from './badges';

type Dialog =
  | { kind: 'new' }
  | { kind: 'portfolio' }
  | { kind: 'cash' | 'anchor' | 'config'; position: PositionDto }
  | null;

export function PositionsPage() {
  const positions = usePositionsStore((s) => s.positions);
  const loaded = usePositionsStore((s) => s.loaded);
  const error = usePositionsStore((s) => s.error);
  const busy = usePositionsStore((s) => s.busy);
  const selectedId = usePortfolioStore((s) => s.selectedId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const shown = positions.filter((p) => selectedId === null || p.portfolioId === selectedId);
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
            title="No positions yet"
            action={
              <Button variant="primary" onClick={() => setDialog({ kind: 'new' })}>
                Add the first position
              </Button>
            }
          >
            A position is one stock plus the cash set aside for it.
          </Empty>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="Positions">
              <thead>
                <tr>
                  <th>Symbol</th>
                  <th>Status</th>
                  <th className="num">Shares</th>
                  <th className="num">Cash</th>
                  <th className="num">Value</th>
                  <th className="num">Stock</th>
                  <th className="num">Last price</th>
                  <th className="num">Anchor</th>
                  <th className="num">Buy ≤ / sell ≥</th>
                  <th>Last decision</th>
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.id} data-testid={`position-${p.symbol}`}>
                    <td>
                      <a href={positionHref(p.id)}>
                        <strong>{p.symbol}</strong>
                      </a>
                    </td>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td className="num">{qty(p.qty)}</td>
                    <td className="num">{money(p.cashCents)}</td>
                    <td className="num">{money(p.valueCents)}</td>
                    <td className="num">{pct(p.stockPct, 1)}</td>
                    <td className="num">{price(p.lastPrice)}</td>
                    <td className="num">{price(p.anchor)}</td>
                    <td className="num">
                      <span className="buy">{price(p.triggers?.buyBelow)}</span> /{' '}
                      <span className="sell">{price(p.triggers?.sellAbove)}</span>
                    </td>
                    <td>
                      {p.lastAction ? (
                        <ActionBadge action={p.lastAction} />
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td>
                      <div className="row-actions">
                        {p.status !== 'CLOSED' && (
                          <Button
                            small
                            busy={busy[p.id] === 'pausing' || busy[p.id] === 'resuming'}
                            onClick={() => void toggle(p)}
                          >
                            {p.status === 'PAUSED' ? 'Resume' : 'Pause'}
                          </Button>
                        )}
                        <Button
                          small
                          onClick={() => setDialog({ kind: 'cash', position: p })}
                          aria-label={`Cash of ${p.symbol}`}
                        >
                          Cash…
                        </Button>
                        {p.status !== 'CLOSED' && (
                          <>
                            <Button
                              small
                              onClick={() => setDialog({ kind: 'anchor', position: p })}
                              aria-label={`Anchor of ${p.symbol}`}
                            >
                              Anchor…
                            </Button>
                            <Button
                              small
                              onClick={() => setDialog({ kind: 'config', position: p })}
                              aria-label={`Settings of ${p.symbol}`}
                            >
                              Settings…
                            </Button>
                          </>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
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
      <Modal
        title={dialog && 'position' in dialog ? `Cash — ${dialog.position.symbol}` : 'Cash'}
        open={dialog?.kind === 'cash'}
        onClose={close}
      >
        {dialog?.kind === 'cash' && <CashForm position={dialog.position} onDone={close} />}
      </Modal>
      <Modal
        title={dialog && 'position' in dialog ? `Set the anchor — ${dialog.position.symbol}` : 'Anchor'}
        open={dialog?.kind === 'anchor'}
        onClose={close}
      >
        {dialog?.kind === 'anchor' && <AnchorForm position={dialog.position} onDone={close} />}
      </Modal>
      <Modal
        title={dialog && 'position' in dialog ? `Settings — ${dialog.position.symbol}` : 'Settings'}
        open={dialog?.kind === 'config'}
        onClose={close}
      >
        {dialog?.kind === 'config' && <ConfigForm position={dialog.position} onDone={close} />}
      </Modal>
    </div>
  );
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
