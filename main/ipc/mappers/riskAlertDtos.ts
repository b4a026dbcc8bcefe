import type { DomainEvent } from '../../../shared/domain/DomainEvent';
import type { RiskAlertKind } from '../../../shared/domain/risk/RiskAlerts';
import {
  formatMoney,
  formatPercent,
  formatPercentSetting,
  formatPrice,
  formatShares,
} from '../../../shared/format/Format';
import { alertSubjectWords, riskAlertWords } from '../../../shared/format/RiskWords';
import type { RiskAlertDto } from '../../../shared/ipc/dto/risk';

/**
 * The alert list of the Risk page (SPEC 9): the RiskAlert crossings and re-arms, and the risk manager's
 * exits and halts (`RiskExit`, `TradingHalted`, `TradingResumed`, written by the live risk manager),
 * each with its time, what crossed, the value and the threshold, formatted here with the one formatter.
 * The risk manager's events are read by type name and their payloads defensively (a field missing is
 * shown as unknown), so the list does not depend on their exact shape.
 */
export const ALERT_LIST_TYPES = ['RiskAlert', 'RiskExit', 'TradingHalted', 'TradingResumed'] as const;

type Loose = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const REASONS: Record<string, string> = {
  position_stop: 'position stop',
  trailing_stop: 'trailing stop',
  daily_loss_stop: 'Daily loss stop',
  max_drawdown: 'Drawdown circuit breaker',
};

/** One event of the alert list, or null when it is not one of its types. */
export function riskAlertDto(event: {
  id: string;
  type: string;
  ts: number;
  symbol: string | null;
  positionId: string | null;
  portfolioId: string | null;
  payload: unknown;
}): RiskAlertDto | null {
  const base = {
    id: event.id,
    at: event.ts,
    type: event.type,
    symbol: event.symbol,
    positionId: event.positionId,
    portfolioId: event.portfolioId,
  };
  const p = (event.payload ?? {}) as Loose;
  switch (event.type) {
    case 'RiskAlert': {
      const a = p as unknown as DomainEvent<'RiskAlert'>['payload'];
      const crossed = a.transition === 'crossed';
      return {
        ...base,
        severity: crossed ? 'alert' : 'info',
        what: alertSubjectWords(a.kind as RiskAlertKind, event.symbol),
        value:
          a.value === null
            ? '—'
            : `${formatPercent(a.value, { digits: 1 })}${a.kind === 'var' ? ' of equity' : ''}`,
        threshold: a.threshold === null ? 'off' : formatPercentSetting(a.threshold),
        status: crossed ? 'crossed' : 'back inside: armed again',
        detail: riskAlertWords(a, event.symbol),
      };
    }
    case 'RiskExit': {
      const reason = REASONS[str(p.reason) ?? ''] ?? str(p.reason) ?? 'stop';
      const qty = num(p.qty);
      return {
        ...base,
        severity: 'alert',
        what: `${event.symbol ?? 'Position'} ${reason}`,
        value: formatPrice(num(p.price)),
        threshold: num(p.stopPrice) === null ? '—' : `stop at ${formatPrice(num(p.stopPrice))}`,
        status: qty === null ? 'sold' : `sold ${formatShares(qty)}`,
        detail:
          str(p.detail) ??
          `${event.symbol ?? 'The position'} hit its ${reason}: sold${qty === null ? '' : ` ${formatShares(qty)}`}, and the position is paused`,
      };
    }
    case 'TradingHalted': {
      const reason = REASONS[str(p.reason) ?? ''] ?? str(p.reason) ?? 'Risk limit';
      const equity = num(p.equityCents);
      const reference = num(p.referenceCents);
      const limit = num(p.limitPct);
      const buysOnly = p.scope === 'buys';
      return {
        ...base,
        severity: 'alert',
        what: reason,
        value:
          equity !== null && reference !== null && reference > 0
            ? formatPercent(equity / reference - 1, { digits: 1, signed: true })
            : equity !== null
              ? formatMoney(equity)
              : '—',
        threshold:
          limit === null
            ? '—'
            : `${formatPercentSetting(limit)} below the ${p.reason === 'max_drawdown' ? 'peak' : 'last close'}`,
        status: buysOnly ? 'no new buys this session' : 'trading halted',
        detail:
          str(p.detail) ??
          (buysOnly
            ? `${reason}: no new buys for the rest of the session`
            : `${reason}: trading of the portfolio is halted until you resume it`),
      };
    }
    case 'TradingResumed': {
      const by = str(p.by);
      const equity = num(p.equityCents);
      return {
        ...base,
        severity: 'info',
        what: 'Trading resumed',
        value: equity === null ? '—' : formatMoney(equity),
        threshold: '—',
        status: by === null ? 'resumed' : `resumed by ${by}`,
        detail: `Trading resumed${by === null ? '' : ` by ${by}`}${
          REASONS[str(p.reason) ?? '']
            ? ` after the ${(REASONS[str(p.reason) ?? ''] as string).toLowerCase()}`
            : ''
        }${str(p.why) ? `: ${str(p.why)}` : ''}`,
      };
    }
    default:
      return null;
  }
}
