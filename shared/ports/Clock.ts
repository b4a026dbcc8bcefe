/** Time is a port (STYLE habit 3): application code never reads the wall clock itself. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}
