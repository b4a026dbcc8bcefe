import type { TaxLotPart } from './WashSales';

/** SPEC 8 "Reports": one year of realised gains in the tax view. */
export interface TaxYear {
  year: number;
  sales: number;
  proceedsCents: number;
  taxCostCents: number;
  /** Reported gains (after wash-sale disallowance), short and long term. */
  shortTermCents: number;
  longTermCents: number;
  /** Sum of the losses disallowed by the sales of the year. */
  disallowedCents: number;
}

export function taxYears(parts: readonly TaxLotPart[]): TaxYear[] {
  const years = new Map<number, TaxYear>();
  for (const p of parts) {
    const year = Number(p.closeDate.slice(0, 4));
    let y = years.get(year);
    if (y === undefined) {
      y = {
        year,
        sales: 0,
        proceedsCents: 0,
        taxCostCents: 0,
        shortTermCents: 0,
        longTermCents: 0,
        disallowedCents: 0,
      };
      years.set(year, y);
    }
    y.sales++;
    y.proceedsCents += p.proceedsCents;
    y.taxCostCents += p.taxCostCents;
    if (p.longTerm) y.longTermCents += p.reportedGainCents;
    else y.shortTermCents += p.reportedGainCents;
    y.disallowedCents += p.disallowedCents;
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}
