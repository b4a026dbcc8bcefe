/**
 * Rows of text as a table for the terminal: every column as wide as its widest cell, two spaces apart,
 * text columns left-aligned and figures right-aligned. Widths count characters (the formatter's "−" and
 * "—" are one each), so the columns line up in any monospaced font.
 */
export function alignTable(
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[],
): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, c) => {
      widths[c] = Math.max(widths[c] ?? 0, [...cell].length);
    });
  return `${rows
    .map((row) =>
      row
        .map((cell, c) => {
          const pad = ' '.repeat((widths[c] ?? 0) - [...cell].length);
          return align[c] === 'right' ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}
