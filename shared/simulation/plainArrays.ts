/**
 * A typed column as the plain array a result carries (JSON-serialisable, structured-clonable). A
 * preallocated array filled by index: `Array.from` on a typed array walks the iterator protocol and
 * took several times as long, for every one of a full result's dozen session-long columns.
 */
export function plainArray(column: ArrayLike<number>): number[] {
  const out = new Array<number>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = column[i] as number;
  return out;
}
