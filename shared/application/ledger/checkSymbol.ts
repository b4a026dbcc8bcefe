import type { SymbolDirectory, SymbolLookup } from '../../ports/SymbolDirectory';
import { fail, ok, type Result } from './Result';
import { symbolSchema } from './validation';

/** A symbol checked before a position is opened: its normalised form and what the directory knew. */
export type CheckedSymbol = Extract<SymbolLookup, { kind: 'known' }>;

/**
 * Issue 15: a position's symbol is checked against the bundled data and the provider before anything is
 * written. A malformed symbol, an unknown one and one that could not be checked are refused with a
 * message on the symbol field; nothing is written.
 */
export async function checkSymbol(symbols: SymbolDirectory, raw: unknown): Promise<Result<CheckedSymbol>> {
  const parsed = symbolSchema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Symbol is not valid';
    return fail('validation', message, [{ path: 'symbol', message }]);
  }
  const symbol = parsed.data;
  const found = await symbols.lookup(symbol);
  if (found.kind === 'known') return ok(found);
  const message =
    found.kind === 'unknown'
      ? `Unknown symbol "${symbol}": ${found.hint}. Check the ticker.`
      : `Could not check the symbol "${symbol}": ${found.message}. Try again when the provider is reachable.`;
  return fail('validation', message, [{ path: 'symbol', message }]);
}
