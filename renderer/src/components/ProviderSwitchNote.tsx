/**
 * Issue 15: switching the market-data provider says that it switches database and what happens to the
 * current portfolio. The demo and live trading keep separate databases in the data folder, so neither
 * ever mixes with the other.
 */
export function ProviderSwitchNote({ from, to }: { from: 'demo' | 'yahoo'; to: 'demo' | 'yahoo' }) {
  if (from === to) return null;
  return (
    <p className="note warn small" role="note" data-testid="provider-switch-note">
      {to === 'yahoo' ? (
        <>
          Switching to <strong>Yahoo Finance</strong> switches database at the next start: the app then opens
          its live database (<code>volatility-balancing.db</code>), which starts empty — create your portfolio
          there. The demo portfolio stays in <code>demo.db</code>, untouched, and comes back if you switch
          back. Trading stays on paper either way.
        </>
      ) : (
        <>
          Switching to the <strong>demo</strong> switches database at the next start: the app then opens{' '}
          <code>demo.db</code> and its replayed history. Your live portfolio stays in{' '}
          <code>volatility-balancing.db</code>, untouched, and nothing of it trades until you switch back.
        </>
      )}
    </p>
  );
}
