import { REASON_TEXT, type ReasonCode } from '../../../shared/domain/ReasonCode';

/** A reason code in words (shared/domain/ReasonCode), falling back to the code itself. */
export function reasonText(code: string): string {
  return (REASON_TEXT as Record<string, string>)[code] ?? code;
}

export type { ReasonCode };
