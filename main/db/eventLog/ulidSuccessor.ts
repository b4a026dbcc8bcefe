const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The next ULID after `id` in sort order (same time part, random part + 1). Used when the clock went
 * backwards between runs: a new event must still sort after every stored one, or the chain order breaks.
 */
export function ulidSuccessor(id: string): string {
  const chars = id.split('');
  for (let i = chars.length - 1; i >= 0; i -= 1) {
    const digit = CROCKFORD.indexOf(chars[i] ?? '');
    if (digit < 0) throw new RangeError(`ulidSuccessor: ${id} is not a ULID`);
    if (digit < CROCKFORD.length - 1) {
      chars[i] = CROCKFORD[digit + 1] ?? '';
      return chars.join('');
    }
    chars[i] = '0';
  }
  throw new RangeError(`ulidSuccessor: ${id} has no successor`);
}
