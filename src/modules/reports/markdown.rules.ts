/**
 * Text from a plan (a project's name, a field) placed where Markdown needs one line: a heading or a
 * table cell. Names copied from documents carry line breaks mid-phrase ("农村寄递物流\n服务"): between
 * Chinese characters a break is dropped, between Latin words it becomes a space.
 */
export function oneLine(text: string): string {
  return text
    .trim()
    .replace(/\s*[\r\n]+\s*/gu, (space, at: number, whole: string) =>
      /[A-Za-z0-9]/.test(whole[at - 1] ?? '') && /[A-Za-z0-9]/.test(whole[at + space.length] ?? '')
        ? ' '
        : '',
    );
}

/** A table cell: one line, and a | that would end the cell escaped. */
export function tableCell(text: string): string {
  return oneLine(text).replaceAll('|', '\\|');
}
