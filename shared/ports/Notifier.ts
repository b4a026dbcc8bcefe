/**
 * What the investor is told about as it happens (SPEC 4.2): fills, rejections, dead intents, and the
 * market-data provider going down or coming back. The desktop shell shows them as tray notifications
 * (and lets the user mute each kind); headless mode logs them.
 */
export const NOTIFICATION_KINDS = [
  'fill',
  'rejection',
  'deadIntent',
  'providerDown',
  'providerRecovered',
  // The ledger's self-check failed, or a staged restore was refused (issues 19 and 20): never muted.
  'ledgerCheckFailed',
  'restoreRefused',
  // A risk alert crossed (SPEC 9, riskui): the investor set its threshold, so it is not muted.
  'riskAlert',
  // The risk manager (issue 17, SPEC 9): a stop's exit, a halt, a resume.
  'riskExit',
  'tradingHalted',
  'tradingResumed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  kind: NotificationKind;
  /** One short line, e.g. "Bought 61 AAPL @ 96.52". */
  title: string;
  /** A sentence or two with the details. */
  body: string;
  tenantId: string | null;
  positionId: string | null;
  symbol: string | null;
  /** When it happened, epoch ms on the backend's clock. */
  at: number;
}

export interface Notifier {
  /** Fire and forget: a notifier never throws and never blocks the caller. */
  notify(notification: Notification): void;
}
