import {
  AreaSeries,
  createChart,
  createSeriesMarkers,
  LineSeries,
  LineStyle,
  LineType,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { formatDollars, formatPercent } from '../../../shared/format/Format';

/** A point: `time` is epoch seconds (intraday) or an ISO date (daily). */
export interface ChartPoint {
  time: number | string;
  value: number;
}

export interface ChartSeries {
  id: string;
  label: string;
  /** A CSS variable of the theme (e.g. `--accent`), so the chart follows light and dark. */
  color: string;
  data: ChartPoint[];
  kind?: 'line' | 'area';
  step?: boolean;
  dashed?: boolean;
  width?: 1 | 2 | 3;
  /** Value format on the price scale. */
  format?: 'price' | 'percent' | 'money';
}

export interface ChartMarker {
  seriesId: string;
  time: number | string;
  above: boolean;
  color: string;
  text: string;
}

const newYork = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

function formatTime(time: Time): string {
  if (typeof time === 'number') return newYork.format(new Date(time * 1000));
  if (typeof time === 'string') return time;
  return `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

function toTime(t: number | string): Time {
  return (typeof t === 'number' ? (t as UTCTimestamp) : t) as Time;
}

/** Axis and crosshair labels through the one formatter (shared/format). */
const FORMATTERS = {
  price: (v: number) => formatDollars(v),
  percent: (v: number) => formatPercent(v, { digits: 1 }),
  money: (v: number) => formatDollars(v, { whole: true }),
};

/** About the width of a character of the markers' 11 px labels, in pixels. */
const LABEL_CHAR_PX = 6.5;

/** Characters of the longest time-axis label ("2019-12-31", "Feb 20, 11:00"). */
const AXIS_LABEL_CHARS = 13;

/**
 * Fits the data to the chart's width with room for half the longest label on each side: a marker's label
 * and a time-axis label are centred on their bar, so a fill or a tick on the first or last bar would be cut
 * at the chart's edge. The range is set from the bars themselves (logical indices 0 … bars − 1 over the
 * union of the series' times), not read back after `fitContent`, which applies on the next frame.
 */
function fitWithRoomForLabels(
  c: IChartApi,
  series: readonly ChartSeries[],
  markers: readonly ChartMarker[],
): void {
  const ts = c.timeScale();
  const times = new Set<number | string>();
  for (const s of series) for (const p of s.data) times.add(p.time);
  const bars = times.size;
  const width = ts.width();
  const longest = markers.reduce((n, m) => Math.max(n, m.text.length), AXIS_LABEL_CHARS);
  const half = (longest * LABEL_CHAR_PX) / 2 + 6;
  if (bars < 2 || !(width > 4 * half)) {
    ts.fitContent();
    return;
  }
  // Bars per pixel once the range holds the padding: pad = half × (span + 2·pad) / width.
  const span = bars - 1;
  const pad = (half * span) / (width - 2 * half);
  ts.setVisibleLogicalRange({ from: -pad, to: span + pad });
}

/**
 * lightweight-charts in a React component: builds the chart once, sets data when it changes, and
 * re-reads the theme's colours when `theme` changes. Times are shown in the market's zone.
 */
export function TimeSeriesChart({
  series,
  markers = [],
  theme,
  height = 'normal',
  label,
}: {
  series: ChartSeries[];
  markers?: ChartMarker[];
  theme: string;
  height?: 'normal' | 'small';
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const handles = useRef(new Map<string, ISeriesApi<'Line' | 'Area'>>());
  const markerApis = useRef(new Map<string, ISeriesMarkersPluginApi<Time>>());

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const c = createChart(el, {
      autoSize: true,
      // The logo's <style> element breaks the page's CSP (style-src 'self'); the attribution is in Settings › About.
      layout: { attributionLogo: false },
      localization: { timeFormatter: formatTime },
      timeScale: { timeVisible: true, secondsVisible: false, tickMarkFormatter: (t: Time) => formatTime(t) },
      rightPriceScale: { borderVisible: false },
      crosshair: { mode: 1 },
    });
    chart.current = c;
    const seriesHandles = handles.current;
    const markerHandles = markerApis.current;
    return () => {
      seriesHandles.clear();
      markerHandles.clear();
      c.remove();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const text = cssVar('--muted');
    const grid = cssVar('--border');
    c.applyOptions({
      layout: {
        background: { color: cssVar('--surface') },
        textColor: text,
        fontSize: 11,
        attributionLogo: false,
      },
      grid: { vertLines: { color: grid }, horzLines: { color: grid } },
      timeScale: { borderColor: grid },
    });
    const seen = new Set<string>();
    for (const def of series) {
      seen.add(def.id);
      const color = cssVar(def.color);
      const options = {
        color,
        lineWidth: def.width ?? 2,
        lineStyle: def.dashed ? LineStyle.Dashed : LineStyle.Solid,
        lineType: def.step ? LineType.WithSteps : LineType.Simple,
        priceLineVisible: false,
        lastValueVisible: !def.dashed,
        title: '',
        priceFormat: { type: 'custom' as const, formatter: FORMATTERS[def.format ?? 'price'], minMove: 0.01 },
      };
      let handle = handles.current.get(def.id);
      if (!handle) {
        handle =
          def.kind === 'area'
            ? c.addSeries(AreaSeries, {
                ...options,
                lineColor: color,
                topColor: `${color}55`,
                bottomColor: `${color}05`,
              })
            : c.addSeries(LineSeries, options);
        handles.current.set(def.id, handle);
      } else {
        handle.applyOptions(
          def.kind === 'area'
            ? { ...options, lineColor: color, topColor: `${color}55`, bottomColor: `${color}05` }
            : options,
        );
      }
      handle.setData(def.data.map((p) => ({ time: toTime(p.time), value: p.value })));
    }
    for (const [id, handle] of handles.current) {
      if (!seen.has(id)) {
        c.removeSeries(handle);
        handles.current.delete(id);
        markerApis.current.delete(id);
      }
    }
    for (const [id, handle] of handles.current) {
      const mine: SeriesMarker<Time>[] = markers
        .filter((m) => m.seriesId === id)
        .map((m) => ({
          time: toTime(m.time),
          position: m.above ? 'aboveBar' : 'belowBar',
          shape: m.above ? 'arrowDown' : 'arrowUp',
          color: cssVar(m.color),
          text: m.text,
        }));
      const api = markerApis.current.get(id);
      if (api) api.setMarkers(mine);
      else if (mine.length > 0) markerApis.current.set(id, createSeriesMarkers(handle, mine));
    }
    fitWithRoomForLabels(c, series, markers);
  }, [series, markers, theme]);

  return (
    <div
      ref={container}
      className={height === 'small' ? 'chart small' : 'chart'}
      role="img"
      aria-label={label}
    />
  );
}

export function Legend({ series }: { series: Pick<ChartSeries, 'id' | 'label' | 'color' | 'dashed'>[] }) {
  return (
    <div className="legend">
      {series.map((s) => (
        <span key={s.id}>
          <i style={{ background: `var(${s.color})` }} />
          {s.label}
        </span>
      ))}
    </div>
  );
}
