import type { EquityClose } from '../../shared/domain/risk/TradingHalt';
import type { ClosePrices } from '../../shared/ports/ClosePrices';
import type { EquityHistoryRepository } from '../../shared/ports/EquityHistoryRepository';
import type { RiskReferences } from '../../shared/ports/RiskReferences';
import type { AccountingService } from './AccountingService';

/**
 * The live risk manager's references from SPEC 8's accounting (docs/adr/0130): average cost = book cost
 * of the open lots / shares held (the ledger replayed from the log, cached by the service); the highest
 * close from the same close prices as the equity history; the portfolio's closes from the equity history,
 * brought up to date first (a no-op when no session closed since the last rebuild).
 */
export class LiveRiskReferences implements RiskReferences {
  /** symbol → (range → highest close): closes of past sessions do not change. */
  private readonly highs = new Map<string, { key: string; value: number | null }>();

  constructor(
    private readonly accounting: Pick<AccountingService, 'ledger' | 'ensureHistory'>,
    private readonly equityHistory: Pick<EquityHistoryRepository, 'list'>,
    private readonly closes: ClosePrices,
  ) {}

  averageCost(_tenantId: string, positionId: string): number | null {
    const book = this.accounting.ledger().ledger.books.get(positionId);
    return book !== undefined && book.qty > 0 ? book.costCents / 100 / book.qty : null;
  }

  async highestClose(symbol: string, fromDate: string, toDate: string): Promise<number | null> {
    const key = `${fromDate}:${toDate}`;
    const cached = this.highs.get(symbol);
    if (cached?.key === key) return cached.value;
    let value: number | null = null;
    try {
      for (const close of (await this.closes.closes(symbol, fromDate, toDate)).values())
        if (value === null || close > value) value = close;
    } catch {
      value = null;
    }
    this.highs.set(symbol, { key, value });
    return value;
  }

  async equityCloses(tenantId: string, portfolioId: string): Promise<readonly EquityClose[]> {
    try {
      await this.accounting.ensureHistory();
    } catch {
      // The rebuild failed (logged by the loop's own rebuild): the rules judge on the closes stored.
    }
    return this.equityHistory
      .list(tenantId, { portfolioId, positionId: null })
      .map((r) => ({ date: r.date, equityCents: r.equityCents, flowsCents: r.flowsCents }));
  }
}
