/**
 * The sweep heatmap's colour scale (issue 15, ADR 0064): diverging, centred on buy-and-hold. A cell better
 * than buy-and-hold for the chosen metric is green, a worse one red, one equal to it white; the further
 * from buy-and-hold (relative to the furthest cell), the stronger the colour. Light enough everywhere for
 * dark text.
 */
export interface DivergingScale {
  /** The value shown white: buy-and-hold's, else the middle of the cells' range. */
  centre: number;
  /** The largest distance of a cell from the centre (the scale's two ends are centre ± span); 0 when all equal. */
  span: number;
  centredOnBuyAndHold: boolean;
}

export function divergingScale(values: readonly number[], buyAndHold: number | null): DivergingScale {
  const finite = values.filter((v) => Number.isFinite(v));
  const centredOnBuyAndHold = buyAndHold !== null && Number.isFinite(buyAndHold);
  const centre = centredOnBuyAndHold
    ? (buyAndHold as number)
    : finite.length === 0
      ? 0
      : (Math.min(...finite) + Math.max(...finite)) / 2;
  const span = finite.reduce((m, v) => Math.max(m, Math.abs(v - centre)), 0);
  return { centre, span, centredOnBuyAndHold };
}

/** −1 (furthest worse) … 0 (at the centre) … 1 (furthest better). */
export function scalePosition(scale: DivergingScale, value: number): number {
  if (scale.span === 0) return 0;
  return Math.max(-1, Math.min(1, (value - scale.centre) / scale.span));
}

const BETTER_HUE = 145;
const WORSE_HUE = 4;
const WHITE_LIGHTNESS = 98;
const DEEPEST_LIGHTNESS = 60;

/** The cell colour at a position of the scale: white at 0, green above, red below. */
export function divergingColour(t: number): string {
  const strength = Math.min(1, Math.abs(t));
  const lightness = Math.round(WHITE_LIGHTNESS - (WHITE_LIGHTNESS - DEEPEST_LIGHTNESS) * strength);
  const saturation = Math.round(70 * strength);
  return `hsl(${t >= 0 ? BETTER_HUE : WORSE_HUE} ${saturation}% ${lightness}%)`;
}
