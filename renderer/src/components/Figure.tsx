import { formatMoney, formatPercent, formatRatio } from '../../../shared/format/Format';

/**
 * A figure that can be negative (issue 16): signed and coloured through the one formatter, with a
 * tooltip saying how it is computed.
 */
export function Figure({
  value,
  kind,
  how,
  signed = true,
  testId,
}: {
  value: number | null | undefined;
  kind: 'money' | 'percent' | 'ratio';
  /** How the figure is computed, in words (the tooltip). */
  how: string;
  signed?: boolean;
  testId?: string;
}) {
  const text =
    kind === 'money'
      ? formatMoney(value, { signed })
      : kind === 'percent'
        ? formatPercent(value, { signed })
        : formatRatio(value, { signed });
  return (
    <span className={`figure figure-${signed ? shownSign(text) : 'flat'}`} title={how} data-testid={testId}>
      {text}
    </span>
  );
}

/**
 * The colour of a figure follows the sign it shows: a value that rounds to zero ("0.00 %") is flat, not
 * red or green without a sign.
 */
export function shownSign(text: string): 'gain' | 'loss' | 'flat' {
  if (text.startsWith('+')) return 'gain';
  if (text.startsWith('\u2212') || text.startsWith('-')) return 'loss';
  return 'flat';
}
