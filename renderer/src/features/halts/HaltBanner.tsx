import { formatDateTime } from '../../../../shared/format/Format';
import { Button } from '../../components/Button';
import { haltedPortfolios, useHaltStore } from '../../stores/haltStore';

/**
 * The Dashboard's halt banner (SPEC 9): a portfolio the circuit breaker halted is shown unmistakably,
 * with the reason in the event's words and the Resume button; a daily loss stop says no buys until the
 * next session (it lapses by itself). `portfolioId` null shows every portfolio's.
 */
export function HaltBanner({ portfolioId }: { portfolioId: string | null }) {
  const halts = useHaltStore((s) => s.halts);
  const resuming = useHaltStore((s) => s.resuming);
  const error = useHaltStore((s) => s.error);
  const shown = haltedPortfolios(halts).filter((h) => portfolioId === null || h.portfolioId === portfolioId);
  if (shown.length === 0 && error === null) return null;
  return (
    <div className="halt-banners">
      {shown.map((h) =>
        h.state === 'halted' ? (
          <div
            key={h.portfolioId}
            className="banner error halt-banner"
            role="alert"
            data-testid="halt-banner"
          >
            <div className="halt-banner-text">
              <strong>Trading of {h.name} is halted.</strong> No order is placed, by the strategy or by hand,
              until you resume it.
              {h.summary && <div className="halt-reason">{h.summary}</div>}
              {h.since !== null && <div className="muted">Since {formatDateTime(h.since)}</div>}
            </div>
            <Button
              variant="primary"
              busy={resuming === h.portfolioId}
              onClick={() => void useHaltStore.getState().resume(h.portfolioId)}
            >
              Resume trading of {h.name}
            </Button>
          </div>
        ) : (
          <div key={h.portfolioId} className="banner warn" role="status" data-testid="no-buys-banner">
            <strong>No new buys in {h.name} today.</strong> {h.summary} Sells and stops still run; buying
            starts again next session.
          </div>
        ),
      )}
      {error !== null && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
