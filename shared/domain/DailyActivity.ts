/** What a position has already done on the current exchange trading day (SPEC 2.5 rule 4). */
export interface DailyActivity {
  /** Orders today that were not rejected or cancelled. */
  ordersToday: number;
  /** Sum of today's booked notionals, in cents. */
  notionalTodayCents: number;
}

export const NO_ACTIVITY: DailyActivity = { ordersToday: 0, notionalTodayCents: 0 };
