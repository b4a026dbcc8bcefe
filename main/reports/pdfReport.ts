import PDFDocument from 'pdfkit';
import type { ReportChart, ReportModel, ReportTable } from './ReportModel';
import { cellKind, formatCell, reportTables } from './ReportModel';
import { layoutChart } from './chartLayout';

const PAGE = { size: 'A4' as const, layout: 'landscape' as const, margin: 30 };
const COLORS = ['#1f6feb', '#d97706'];
const FONT_SIZE = 6.5;
const PAD = 2;

/**
 * The standard PDF fonts encode WinAnsi, which has no U+2212 minus sign (the formatter's sign of a
 * loss): the PDF prints a hyphen-minus in its place, the one glyph it changes.
 */
function winAnsi(text: string): string {
  return text.replace(/\u2212/g, '-');
}

/**
 * A PDF of the same content as the other formats: title, the two charts drawn as vectors, then every
 * table (long tables continue on the next pages with their header repeated). Built with pdfkit's
 * standard Helvetica, whose WinAnsi encoding covers all the text the report writes.
 */
export function renderPdfReport(model: ReportModel, stamp: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    ...PAGE,
    info: { Title: model.title, Creator: 'Volatility Balancing', CreationDate: stamp, ModDate: stamp },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(model.title);
  doc.font('Helvetica').fontSize(10).fillColor('#57606a').text(model.subtitle).fillColor('black');
  doc.moveDown(0.5);
  for (const chart of model.charts) drawChart(doc, chart);
  for (const table of reportTables(model)) drawTable(doc, table);
  doc.end();
  return done;
}

function pageBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function drawChart(doc: PDFKit.PDFDocument, chart: ReportChart): void {
  const width = contentWidth(doc);
  const height = 210;
  if (doc.y + height + 20 > pageBottom(doc)) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(11).text(chart.title, doc.page.margins.left, doc.y);
  const top = doc.y + 2;
  const left = doc.page.margins.left;
  const layout = layoutChart(chart, width, height);
  const { plot } = layout;
  doc.save();
  doc
    .lineWidth(0.5)
    .strokeColor('#d0d7de')
    .rect(left + plot.x, top + plot.y, plot.width, plot.height)
    .stroke();
  doc.font('Helvetica').fontSize(7).fillColor('#57606a');
  for (const t of layout.yTicks) {
    doc
      .strokeColor('#eaeef2')
      .moveTo(left + plot.x, top + t.y)
      .lineTo(left + plot.x + plot.width, top + t.y)
      .stroke();
    doc.text(winAnsi(t.label), left, top + t.y - 3, { width: plot.x - 6, align: 'right', lineBreak: false });
  }
  for (const t of layout.xTicks)
    doc.text(t.label, left + t.x - 15, top + plot.y + plot.height + 6, {
      width: 30,
      align: 'center',
      lineBreak: false,
    });
  layout.lines.forEach((line, k) => {
    const [first, ...rest] = line.points;
    if (first === undefined) return;
    doc.lineWidth(0.8).strokeColor(COLORS[k % COLORS.length] as string);
    doc.moveTo(left + first[0], top + first[1]);
    for (const [x, y] of rest) doc.lineTo(left + x, top + y);
    doc.stroke();
    const lx = left + plot.x + 8 + k * 110;
    doc.rect(lx, top + plot.y + 6, 12, 2).fill(COLORS[k % COLORS.length] as string);
    doc.fillColor('#1b1f24').text(line.label, lx + 16, top + plot.y + 3, { lineBreak: false });
  });
  doc.restore();
  doc.x = left;
  doc.y = top + height + 8;
}

function drawTable(doc: PDFKit.PDFDocument, table: ReportTable): void {
  const left = doc.page.margins.left;
  doc.font('Helvetica').fontSize(FONT_SIZE);
  const texts = table.rows.map((row, r) =>
    row.map((cell, c) => winAnsi(formatCell(cell, cellKind(table, r, c)))),
  );
  const widths = columnWidths(doc, table, texts, contentWidth(doc));
  const lineHeight = doc.currentLineHeight(true) + 2 * PAD;
  if (doc.y + 40 > pageBottom(doc)) doc.addPage();
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(table.title, left, doc.y + 6);
  doc.moveDown(0.3);
  if (table.rows.length === 0) {
    doc.font('Helvetica').fontSize(9).text('None.', left, doc.y);
    return;
  }
  const header = table.columns.map((c) => c.label);
  const drawRow = (cells: string[], bold: boolean): void => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
    const heights = cells.map((text, c) =>
      doc.widthOfString(text) <= (widths[c] as number) - 2 * PAD
        ? lineHeight
        : doc.heightOfString(text, { width: (widths[c] as number) - 2 * PAD }) + 2 * PAD,
    );
    const h = Math.max(lineHeight, ...heights);
    if (doc.y + h > pageBottom(doc)) {
      doc.addPage();
      if (!bold) drawRow(header, true);
    }
    const y = doc.y;
    const rowWidth = widths.reduce((s, w) => s + w, 0);
    if (bold) doc.rect(left, y, rowWidth, h).fill('#f6f8fa').fillColor('black');
    let x = left;
    cells.forEach((text, c) => {
      const w = widths[c] as number;
      const numeric =
        !bold &&
        table.columns[c] !== undefined &&
        !['text', 'date'].includes(cellKind(table, 0, c)) &&
        table.rowKinds === undefined;
      doc.text(text, x + PAD, y + PAD, {
        width: w - 2 * PAD,
        align: numeric ? 'right' : 'left',
        lineBreak: true,
      });
      x += w;
    });
    doc
      .lineWidth(0.3)
      .strokeColor('#d0d7de')
      .moveTo(left, y + h)
      .lineTo(left + rowWidth, y + h)
      .stroke();
    doc.x = left;
    doc.y = y + h;
  };
  drawRow(header, true);
  for (const cells of texts) drawRow(cells, false);
  doc.moveDown(0.5);
}

/** Column widths from the widest text of a sample of rows, scaled to the page width. */
function columnWidths(
  doc: PDFKit.PDFDocument,
  table: ReportTable,
  texts: string[][],
  width: number,
): number[] {
  doc.font('Helvetica').fontSize(FONT_SIZE);
  const sample = texts.length > 400 ? texts.filter((_, i) => i % Math.ceil(texts.length / 400) === 0) : texts;
  const natural = table.columns.map((c, i) => {
    let w = doc.widthOfString(c.label) * 1.1;
    for (const row of sample) w = Math.max(w, doc.widthOfString(row[i] ?? ''));
    return Math.min(w + 2 * PAD + 2, 220);
  });
  const total = natural.reduce((s, w) => s + w, 0);
  // Wide tables shrink to the page; narrow ones keep their natural widths (at least half the page).
  const scale = total > width ? width / total : Math.max(1, width / 2 / total);
  return natural.map((w) => w * scale);
}
