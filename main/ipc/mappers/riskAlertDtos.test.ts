import { describe, expect, it } from 'vitest';
import { riskAlertDto } from './riskAlertDtos';

const at = Date.UTC(2024, 5, 3, 20, 5);
const event = (type: string, payload: unknown, symbol: string | null = null) => ({
  id: `e-${type}`,
  type,
  ts: at,
  symbol,
  positionId: symbol === null ? null : 'pos-1',
  portfolioId: 'pf-1',
  payload,
});

/** The alert list's lines (SPEC 9): what crossed, the value and the threshold, in the investor's units. */
describe('the alert list', () => {
  it('a drawdown crossing and its re-arm', () => {
    const crossed = riskAlertDto(
      event(
        'RiskAlert',
        {
          kind: 'position_drawdown',
          transition: 'crossed',
          value: 0.1234,
          threshold: 0.1,
          asOf: '2024-06-03',
        },
        'KO',
      ),
    );
    expect(crossed).toMatchObject({
      at,
      severity: 'alert',
      what: 'KO drawdown',
      value: '12.3 %',
      threshold: '10 %',
      status: 'crossed',
      detail: 'KO drawdown 12.3 % reached the alert at 10 % (close of 2024-06-03)',
    });
    const cleared = riskAlertDto(
      event('RiskAlert', {
        kind: 'var',
        transition: 'cleared',
        value: 0.019,
        threshold: 0.02,
        asOf: '2024-06-04',
      }),
    );
    expect(cleared).toMatchObject({
      severity: 'info',
      what: 'VaR (99 %, 1 day)',
      value: '1.9 % of equity',
      threshold: '2 %',
      status: 'back inside: armed again',
    });
  });

  it('the risk manager’s exits, halts and resumes, read by type name', () => {
    expect(
      riskAlertDto(
        event(
          'RiskExit',
          { reason: 'trailing_stop', orderId: 'o1', qty: 40, price: 57.1, stopPrice: 57.2 },
          'KO',
        ),
      ),
    ).toMatchObject({
      what: 'KO trailing stop',
      value: '$57.10',
      threshold: 'stop at $57.20',
      status: 'sold 40 shares',
    });
    expect(
      riskAlertDto(
        event('TradingHalted', {
          reason: 'max_drawdown',
          scope: 'all',
          session: 'REGULAR',
          equityCents: 8_000_000,
          referenceCents: 10_000_000,
          limitPct: 0.2,
        }),
      ),
    ).toMatchObject({
      what: 'Drawdown circuit breaker',
      value: '−20.0 %',
      threshold: '20 % below the peak',
      status: 'trading halted',
    });
    expect(
      riskAlertDto(
        event('TradingResumed', {
          reason: 'max_drawdown',
          by: 'user (desktop)',
          why: 'reviewed',
          equityCents: 8_000_000,
        }),
      ),
    ).toMatchObject({
      severity: 'info',
      value: '$80,000.00',
      status: 'resumed by user (desktop)',
      detail: 'Trading resumed by user (desktop) after the drawdown circuit breaker: reviewed',
    });
    expect(riskAlertDto(event('OrderFilled', {}))).toBeNull();
  });
});
