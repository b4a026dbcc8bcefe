export interface DividendAnnouncement {
  id: string;
  tenantId: string;
  symbol: string;
  /** yyyy-mm-dd (exchange date). */
  exDate: string;
  /** yyyy-mm-dd; null = unknown, paid on the ex-date (SPEC 4.3). */
  payDate: string | null;
  amountPerShare: number;
  currency: string;
  /** Fraction; null = the position's or tenant's default. */
  withholdingTaxPct: number | null;
  source: string;
  createdAt: number;
}

export interface DividendAccrualRecord {
  id: string;
  tenantId: string;
  positionId: string;
  announcementId: string;
  qtyEligible: number;
  grossCents: number;
  withholdingCents: number;
  netCents: number;
  accruedAt: number;
  paidAt: number | null;
}

export interface DividendRepository {
  /**
   * Stores an announcement unless one exists for (symbol, ex-date) in the tenant (SPEC 4.3 dedupe).
   * Returns the stored announcement and whether it was new.
   */
  insertAnnouncement(
    tenantId: string,
    announcement: DividendAnnouncement,
  ): { inserted: boolean; announcement: DividendAnnouncement };
  getAnnouncement(tenantId: string, announcementId: string): DividendAnnouncement | null;
  /** Announcements with an ex-date in [fromDate, toDate] (inclusive), oldest ex-date first. */
  listAnnouncementsByExDate(tenantId: string, fromDate: string, toDate: string): DividendAnnouncement[];
  /** False when this (position, announcement) already accrued: each step happens once. */
  insertAccrual(tenantId: string, accrual: DividendAccrualRecord): boolean;
  getAccrual(tenantId: string, positionId: string, announcementId: string): DividendAccrualRecord | null;
  /** Unpaid accruals whose pay date (ex-date when unknown) is on or before `date`, oldest first. */
  listUnpaidDue(tenantId: string, date: string): DividendAccrualRecord[];
  /** Sets paid_at once; false when already paid or not found. */
  markPaid(tenantId: string, accrualId: string, paidAt: number): boolean;
  listAccrualsByPosition(tenantId: string, positionId: string): DividendAccrualRecord[];
}
