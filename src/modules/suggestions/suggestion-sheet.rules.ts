/**
 * A sheet of suggestions from another channel (a 12345 hotline export, a letters register): columns
 * 编号, 内容, 渠道, 提交时间 in any order, as files come (extra columns ignored, repeated header rows
 * skipped). Every problem names its row and column; one bad row refuses the whole sheet.
 */
export const SUGGESTION_MAX_LENGTH = 2000;

export const CHANNELS = ['web', 'wechat', 'hotline', 'letter', 'deputy', 'qrcode', 'visit', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  web: '网站',
  wechat: '微信',
  hotline: '12345热线',
  letter: '来信',
  deputy: '代表码',
  qrcode: '扫码',
  visit: '来访',
  other: '其他',
};

const CHANNEL_WORDS: Array<[RegExp, Channel]> = [
  [/12345|热线|电话/, 'hotline'],
  [/微信|公众号|小程序|H5/i, 'wechat'],
  [/代表/, 'deputy'],
  [/网站|网上|门户|网络|web/i, 'web'],
  [/来信|信件|书信|信函|邮寄/, 'letter'],
  [/二维码|扫码/, 'qrcode'],
  [/来访|走访|座谈|面谈/, 'visit'],
];

export function channelOf(text: string): Channel {
  const t = text.trim();
  if (!t) return 'other';
  return CHANNEL_WORDS.find(([re]) => re.test(t))?.[1] ?? 'other';
}

export interface SheetSuggestion {
  row: number;
  ref: string;
  text: string;
  channel: Channel;
  /** As written in the sheet when it did not name a known channel. */
  channelText: string;
  /** ISO timestamp in China time (+08:00), or null when the sheet gave none. */
  submittedAt: string | null;
}

export interface SheetProblem {
  row: number;
  column: string;
  message: string;
}

/** Each column's header names, the contract's own first: a sheet with 序号 (row numbers) and 编号 keeps 编号. */
const HEADERS = {
  ref: ['编号', '建议编号', '工单号', '工单编号', 'ID', '序号'],
  text: ['内容', '建议内容', '诉求内容', '意见建议', '建议'],
  channel: ['渠道', '来源渠道', '征集渠道', '来源'],
  submittedAt: ['提交时间', '来件时间', '提交日期', '时间', '日期'],
} as const;
type Column = keyof typeof HEADERS;
const LABELS: Record<Column, string> = {
  ref: '编号',
  text: '内容',
  channel: '渠道',
  submittedAt: '提交时间',
};

/**
 * A submission time as exports write it → ISO in +08:00: "2023-01-05", "2023/1/5 9:30", "2023年1月5日
 * 9时30分", "2023-01-05 09:30:00.0" (database exports), "2023-01-05T01:30:00Z" or with an offset (system
 * exports, turned into China time), "20230105093000", or an Excel day number. null for an empty cell,
 * undefined for what cannot be read as a real date and time.
 */
export function parseSubmittedAt(raw: string): string | null | undefined {
  const t = raw.trim();
  if (!t) return null;
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const ms = Math.round((Number(t) - 25569) * 86_400_000);
    return `${new Date(ms).toISOString().slice(0, 19)}+08:00`;
  }
  const g = (SUBMITTED_AT.exec(t) ?? COMPACT_SUBMITTED_AT.exec(t))?.groups;
  if (!g) return undefined;
  const [y, mo, d, h, mi, s] = [g.y, g.mo, g.d, g.h, g.mi, g.s ?? g.s2].map((part) => Number(part ?? 0));
  const wallClock = Date.UTC(y!, mo! - 1, d!, h, mi, s);
  const date = new Date(wallClock);
  if (date.getUTCMonth() !== mo! - 1 || date.getUTCDate() !== d! || h! > 23 || mi! > 59 || s! > 59)
    return undefined;
  const offsetMinutes = g.zone === undefined ? CHINA_OFFSET_MINUTES : zoneOffsetMinutes(g.zone);
  if (offsetMinutes === undefined) return undefined;
  const inChina = new Date(wallClock + (CHINA_OFFSET_MINUTES - offsetMinutes) * 60_000);
  return `${inChina.toISOString().slice(0, 19)}+08:00`;
}

const CHINA_OFFSET_MINUTES = 8 * 60;
const SUBMITTED_AT =
  /^(?<y>\d{4})[-/.年](?<mo>\d{1,2})[-/.月](?<d>\d{1,2})日?(?:(?:\s+|T|(?<=日))(?<h>\d{1,2})[:：时](?<mi>\d{1,2})分?(?:[:：](?<s>\d{1,2})(?:\.\d+)?|(?<s2>\d{1,2})秒)?)?\s*(?<zone>Z|[+-]\d{2}:?\d{2})?$/u;
const COMPACT_SUBMITTED_AT = /^(?<y>\d{4})(?<mo>\d{2})(?<d>\d{2})(?:(?<h>\d{2})(?<mi>\d{2})(?<s>\d{2})?)?$/u;

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})$/u.exec(zone)!;
  if (Number(hh) > 14 || Number(mm) > 59) return undefined;
  return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
}

const headerName = (cell: string) => cell.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();

function isHeader(key: Column, cell: string): boolean {
  return (HEADERS[key] as readonly string[]).includes(headerName(cell));
}

/** The column of the first of `key`'s names that the header has, -1 if none. */
function columnOf(key: Column, header: readonly string[]): number {
  const names = header.map(headerName);
  for (const name of HEADERS[key]) {
    const at = names.indexOf(name);
    if (at >= 0) return at;
  }
  return -1;
}

export function readSuggestionSheet(rows: readonly (readonly string[])[]): {
  suggestions: SheetSuggestion[];
  problems: SheetProblem[];
} {
  const problems: SheetProblem[] = [];
  const headerAt = rows.findIndex((r) => r.some((c) => isHeader('text', c)));
  if (headerAt < 0) {
    return {
      suggestions: [],
      problems: [
        {
          row: 1,
          column: '内容',
          message: '第 1 行：找不到“内容”列（表头应包含 编号、内容、渠道、提交时间）',
        },
      ],
    };
  }
  const header = rows[headerAt]!.map((c) => c.trim());
  const index = {} as Record<Column, number>;
  for (const key of Object.keys(HEADERS) as Column[]) index[key] = columnOf(key, header);
  if (index.ref < 0)
    problems.push({ row: headerAt + 1, column: '编号', message: `第 ${headerAt + 1} 行：找不到“编号”列` });

  const suggestions: SheetSuggestion[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    if (i <= headerAt) return;
    const row = i + 1;
    const cell = (key: Column) => (index[key] >= 0 ? (cells[index[key]] ?? '').trim() : '');
    if (cells.every((c) => !c.trim())) return;
    if (isHeader('text', cell('text'))) return; // a header repeated on each page
    const problem = (key: Column, message: string) =>
      problems.push({ row, column: LABELS[key], message: `第 ${row} 行“${LABELS[key]}”：${message}` });
    const ref = cell('ref');
    const text = cell('text');
    if (index.ref >= 0 && !ref) problem('ref', '编号不能为空');
    if (ref && seen.has(ref)) problem('ref', `编号 ${ref} 与第 ${seen.get(ref)} 行重复`);
    if (ref) seen.set(ref, row);
    if (!text) problem('text', '内容不能为空');
    else if ([...text].length > SUGGESTION_MAX_LENGTH)
      problem('text', `内容超过 ${SUGGESTION_MAX_LENGTH} 字`);
    const submittedAt = parseSubmittedAt(cell('submittedAt'));
    if (submittedAt === undefined)
      problem('submittedAt', `无法识别的时间“${cell('submittedAt')}”，请写成 2023-01-05 或 2023-01-05 09:30`);
    const channelText = cell('channel');
    suggestions.push({
      row,
      ref,
      text,
      channel: channelOf(channelText),
      channelText,
      submittedAt: submittedAt ?? null,
    });
  });
  return { suggestions, problems };
}

/** A code a resident can read out on the phone: no 0/O or 1/I, grouped in fours. */
export function trackingCode(randomBytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = Array.from(randomBytes.subarray(0, 8), (b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}
