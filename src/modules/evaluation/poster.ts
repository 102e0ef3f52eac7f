import QRCode from 'qrcode';

/**
 * The poster put up at a project's site: the project's name, a QR code that opens its public page,
 * and 码上查 · 码上评 · 码上提. Both forms are vector, so they print sharp at any size: SVG for the
 * browser and the print shop, PDF for the office printer. The PDF names the standard Adobe-GB1 font
 * (STSong-Light) instead of embedding one, as official PDFs in China commonly do: every reader with
 * Chinese support draws it with its own Song/Ming face, and the file stays a few kilobytes.
 */
export interface PosterContent {
  /** e.g. 沁水县2023年民生实事 */
  heading: string;
  projectName: string;
  url: string;
}

const WORDS = [
  { word: '码上查', note: '查看项目进展' },
  { word: '码上评', note: '评价满意程度' },
  { word: '码上提', note: '提出意见建议' },
];
const RED = '#b71c1c';

function qrModules(url: string): { size: number; dark: (row: number, col: number) => boolean } {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (row, col) => data[row * size + col] === 1 };
}

/** Splits a name into lines of at most `perLine` ems (digits and letters are half width), at most `maxLines`. */
export function wrapText(text: string, perLine: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of text) {
    const w = ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
    if (width + w > perLine) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${[...kept[maxLines - 1]!].slice(0, -1).join('')}…`;
  return kept;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A4 portrait in millimetres. */
export function posterSvg(content: PosterContent): string {
  const qr = qrModules(content.url);
  const qrSide = 120;
  const cell = qrSide / (qr.size + 8);
  const qrX = (210 - qrSide) / 2;
  const qrY = 112;
  let path = '';
  for (let r = 0; r < qr.size; r++)
    for (let c = 0; c < qr.size; c++)
      if (qr.dark(r, c))
        path += `M${(qrX + (c + 4) * cell).toFixed(3)} ${(qrY + (r + 4) * cell).toFixed(3)}h${cell.toFixed(3)}v${cell.toFixed(3)}h-${cell.toFixed(3)}z`;
  const nameLines = wrapText(content.projectName, 11);
  const font = `font-family="Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, SimHei, sans-serif"`;
  const name = nameLines
    .map(
      (line, i) =>
        `<text x="105" y="${62 + i * 16}" font-size="14" font-weight="700" text-anchor="middle" fill="#222">${escapeXml(line)}</text>`,
    )
    .join('');
  const words = WORDS.map(
    (w, i) =>
      `<g transform="translate(${40 + i * 65} 252)"><rect x="-28" y="-12" width="56" height="26" rx="4" fill="${RED}"/>` +
      `<text y="5" font-size="11" font-weight="700" text-anchor="middle" fill="#fff">${w.word}</text>` +
      `<text y="24" font-size="5" text-anchor="middle" fill="#444">${w.note}</text></g>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" ${font}>
<rect width="210" height="297" fill="#fff"/>
<rect width="210" height="34" fill="${RED}"/>
<text x="105" y="22" font-size="11" font-weight="700" text-anchor="middle" fill="#fff">${escapeXml(content.heading)}</text>
${name}
<rect x="${qrX}" y="${qrY}" width="${qrSide}" height="${qrSide}" fill="#fff" stroke="${RED}" stroke-width="0.8"/>
<path d="${path}" fill="#000"/>
${words}
<text x="105" y="287" font-size="4.5" text-anchor="middle" fill="#666">微信或手机相机扫码 · ${escapeXml(content.url)}</text>
</svg>`;
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────────

const PT_PER_MM = 72 / 25.4;

/** Text as UTF-16BE hex for the UniGB-UCS2-H encoding. */
function hex(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += (code > 0xffff ? 0x25a1 : code).toString(16).padStart(4, '0');
  }
  return `<${out}>`;
}

/** Width in ems: CJK full width, ASCII half (the font's W array below says the same). */
function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

export function posterPdf(content: PosterContent): Buffer {
  const H = 297 * PT_PER_MM;
  const W = 210 * PT_PER_MM;
  const mm = (v: number) => (v * PT_PER_MM).toFixed(2);
  const y = (v: number) => (H - v * PT_PER_MM).toFixed(2);
  const ops: string[] = [];
  const rgb = '0.718 0.110 0.110';
  const centred = (text: string, size: number, yMm: number, color: string) => {
    const x = (W - ems(text) * size) / 2;
    ops.push(`BT ${color} rg /F1 ${size} Tf ${x.toFixed(2)} ${y(yMm)} Td ${hex(text)} Tj ET`);
  };
  ops.push(`${rgb} rg 0 ${y(34)} ${W.toFixed(2)} ${mm(34)} re f`);
  centred(content.heading, 31, 22, '1 1 1');
  wrapText(content.projectName, 11).forEach((line, i) => {
    centred(line, 40, 62 + i * 16, '0.13 0.13 0.13');
  });
  const qr = qrModules(content.url);
  const qrSide = 120;
  const cell = qrSide / (qr.size + 8);
  const qrX = (210 - qrSide) / 2;
  const qrY = 112;
  ops.push(`${rgb} RG 2 w ${mm(qrX)} ${y(qrY + qrSide)} ${mm(qrSide)} ${mm(qrSide)} re S 0 0 0 rg`);
  for (let r = 0; r < qr.size; r++)
    for (let c = 0; c < qr.size; c++)
      if (qr.dark(r, c))
        ops.push(`${mm(qrX + (c + 4) * cell)} ${y(qrY + (r + 5) * cell)} ${mm(cell)} ${mm(cell)} re`);
  ops.push('f');
  WORDS.forEach((w, i) => {
    const cx = 40 + i * 65;
    ops.push(`${rgb} rg ${mm(cx - 28)} ${y(252 + 14)} ${mm(56)} ${mm(26)} re f`);
    const x = cx * PT_PER_MM - (ems(w.word) * 31) / 2;
    ops.push(`BT 1 1 1 rg /F1 31 Tf ${x.toFixed(2)} ${y(257)} Td ${hex(w.word)} Tj ET`);
    const nx = cx * PT_PER_MM - (ems(w.note) * 14) / 2;
    ops.push(`BT 0.27 0.27 0.27 rg /F1 14 Tf ${nx.toFixed(2)} ${y(276)} Td ${hex(w.note)} Tj ET`);
  });
  centred('微信或手机相机扫码', 13, 286, '0.4 0.4 0.4');
  centred(content.url, 10, 291, '0.4 0.4 0.4');
  const stream = ops.join('\n');
  const widths = Array.from({ length: 95 }, () => 500).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W.toFixed(2)} ${H.toFixed(2)}] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>`,
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 /W [1 [${widths}]] >>`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info << /Producer (minsheng) >> >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
