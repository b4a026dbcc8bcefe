import type { ReportChart, ReportModel, ReportTable } from './ReportModel';
import { cellKind, formatCell, reportTables } from './ReportModel';
import { layoutChart } from './chartLayout';

const COLORS = ['#1f6feb', '#d97706'];

/**
 * A self-contained HTML report: inline CSS, inline SVG charts, no script and no external resource
 * (a Content-Security-Policy meta tag forbids any), so it opens offline and anywhere.
 */
export function renderHtmlReport(model: ReportModel): string {
  const tables = reportTables(model);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(model.title)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1b1f24;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.sub{color:#57606a;margin:0 0 16px}
table{border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d0d7de;padding:3px 7px;text-align:right;white-space:nowrap}
th{background:#f6f8fa;position:sticky;top:0}td.t,th.t{text-align:left}
.scroll{max-height:480px;overflow:auto;border:1px solid #d0d7de;display:inline-block;max-width:100%}
.scroll table{border:0}svg{max-width:100%;height:auto}.legend span{margin-right:16px}
.legend i{display:inline-block;width:14px;height:3px;margin-right:5px;vertical-align:middle}
nav a{margin-right:12px}
</style>
</head>
<body>
<h1>${esc(model.title)}</h1>
<p class="sub">${esc(model.subtitle)}</p>
<nav>${tables.map((t) => `<a href="#${t.id}">${esc(t.title)}</a>`).join('')}</nav>
${model.charts.map(renderChart).join('\n')}
${tables.map(renderTable).join('\n')}
</body>
</html>
`;
}

function renderChart(chart: ReportChart): string {
  const width = 960;
  const height = 320;
  const layout = layoutChart(chart, width, height);
  const { plot } = layout;
  const grid = layout.yTicks
    .map(
      (t) =>
        `<line x1="${plot.x}" x2="${plot.x + plot.width}" y1="${t.y}" y2="${t.y}" stroke="#eaeef2"/><text x="${plot.x - 6}" y="${t.y + 4}" text-anchor="end">${esc(t.label)}</text>`,
    )
    .join('');
  const xLabels = layout.xTicks
    .map(
      (t) => `<text x="${t.x}" y="${plot.y + plot.height + 18}" text-anchor="middle">${esc(t.label)}</text>`,
    )
    .join('');
  const lines = layout.lines
    .map(
      (l, k) =>
        `<polyline fill="none" stroke="${COLORS[k % COLORS.length]}" stroke-width="1.4" points="${l.points.map(([x, y]) => `${x},${y}`).join(' ')}"><title>${esc(l.label)}</title></polyline>`,
    )
    .join('');
  const legend = layout.lines
    .map((l, k) => `<span><i style="background:${COLORS[k % COLORS.length]}"></i>${esc(l.label)}</span>`)
    .join('');
  return `<section id="${chart.id}"><h2>${esc(chart.title)}</h2><div class="legend">${legend}</div>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(chart.title)}" font-size="11" fill="#57606a">
<rect x="${plot.x}" y="${plot.y}" width="${plot.width}" height="${plot.height}" fill="none" stroke="#d0d7de"/>${grid}${xLabels}${lines}
</svg></section>`;
}

function renderTable(table: ReportTable): string {
  const head = table.columns
    .map((c) => `<th class="${isTextKind(c.kind) ? 't' : ''}">${esc(c.label)}</th>`)
    .join('');
  const body = table.rows
    .map(
      (row, r) =>
        `<tr>${row
          .map((cell, c) => {
            const kind = cellKind(table, r, c);
            return `<td${isTextKind(kind) || typeof cell === 'string' ? ' class="t"' : ''}>${esc(formatCell(cell, kind))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const empty = table.rows.length === 0 ? '<p>None.</p>' : '';
  return `<section id="${table.id}"><h2>${esc(table.title)}</h2>${empty}<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></div></section>`;
}

function isTextKind(kind: string): boolean {
  return kind === 'text' || kind === 'date';
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
