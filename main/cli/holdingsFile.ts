import { readFileSync } from 'node:fs';
import type { HeldShares } from '../../shared/application/risk/riskReport';
import { readDecimal } from '../../shared/format/NumberInput';
import { normalizeSymbol } from '../adapters/data/symbols';
import { BadInput } from './exitCodes';

/**
 * A holdings file for `vb risk --holdings` / `vb stress --holdings`: CSV lines `symbol,qty`, an
 * optional header line `symbol,qty`, blank lines and `#` comments ignored. Any bad line is refused
 * with its number; nothing partial is used.
 */
export function readHoldingsFile(file: string, flag = '--holdings'): HeldShares[] {
  const text = readFileSync(file, 'utf8');
  const holdings: HeldShares[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim());
    if (index === 0 || holdings.length === 0) {
      if (cells[0]?.toLowerCase() === 'symbol') return;
    }
    const where = `${flag} ${file} line ${index + 1}`;
    if (cells.length !== 2) throw new BadInput(`${where}: write "symbol,qty", e.g. KO,100`);
    const symbol = normalizeSymbol(cells[0] as string);
    if (symbol === null) throw new BadInput(`${where}: "${cells[0]}" is not a ticker symbol`);
    const qty = readDecimal(cells[1] as string, 'qty');
    if (!qty.ok || !(qty.value > 0))
      throw new BadInput(`${where}: the quantity "${cells[1]}" must be a number of shares above 0`);
    holdings.push({ symbol, qty: qty.value });
  });
  if (holdings.length === 0)
    throw new BadInput(`${flag} ${file}: no holdings in it; write lines like KO,100`);
  return holdings;
}
