import type ExcelJS from 'exceljs';

/**
 * Small pieces every .xlsx we hand out needs to print well. Offices print these sheets: without a
 * page setup Excel and LibreOffice cut a wide sheet into several pages across, and a row sized by
 * nobody shows one line of a wrapped cell.
 */

/**
 * Width of text in Excel's column units: a Chinese character takes a little more than two (2.2 as
 * LibreOffice renders the CJK fallback font; Excel's 等线 is a little narrower: erring wide is safe).
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? 2.2 : 1;
  return width;
}

/**
 * Neither Excel nor LibreOffice grows a row for wrapped text written by a program: the height is
 * set from the longest cell, line by line, so every word is on the printed page. A line of Chinese
 * at 11 pt takes about 17 pt (the CJK fonts' line spacing), not the 15 of Latin text.
 */
export function rowHeightFor(cells: readonly string[], widths: readonly number[], lineHeight = 17): number {
  let lines = 1;
  cells.forEach((text, i) => {
    const usable = Math.max(1, (widths[i] ?? 10) - 1);
    const n = text
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(409, lines * lineHeight + 4);
}

/**
 * Prints on A4, one page wide and as many pages down as it takes, centred, with the given header
 * rows repeated on every page (e.g. '2:2') and the page number at the foot.
 */
export function printOnA4(
  sheet: ExcelJS.Worksheet,
  options: { orientation: 'portrait' | 'landscape'; titleRows?: string },
): void {
  Object.assign(sheet.pageSetup, {
    paperSize: 9,
    orientation: options.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
  });
  sheet.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
}
