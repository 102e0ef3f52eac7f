import type { ReactNode } from 'react';

/** **bold** inside a line; everything else is plain text (never HTML). */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) =>
    part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts of one line never move
      <strong key={i}>{part.slice(2, -2)}</strong>
    ) : (
      part
    ),
  );
}

const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

/**
 * The bulletin's Markdown (headings, paragraphs, lists and one table) as React elements: the
 * server writes a small, known subset, so a few rules are enough and no HTML is ever injected.
 */
export function MarkdownView({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const content = inline(heading[2]!);
      blocks.push(
        level === 1 ? (
          <h2 key={i} className="md-title">
            {content}
          </h2>
        ) : level === 2 ? (
          <h3 key={i}>{content}</h3>
        ) : (
          <h4 key={i}>{content}</h4>
        ),
      );
      i++;
      continue;
    }
    if (line.trim().startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.trim().startsWith('|')) rows.push(lines[i++]!);
      const [head, ...rest] = rows;
      const body = rest.filter((r) => !/^\s*\|?\s*:?-{2,}/.test(r));
      blocks.push(
        <div key={`t${i}`} className="md-table-wrap">
          <table className="md-table">
            <thead>
              <tr>
                {cells(head!).map((c, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns of a fixed table
                  <th key={k}>{inline(c)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {body.map((r, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed table
                <tr key={n}>
                  {cells(r).map((c, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: columns of a fixed table
                    <td key={k}>{inline(c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>,
      );
      continue;
    }
    if (/^\s*[-*]\s+/.test(line)) {
      const items: string[] = [];
      while (i < lines.length && /^\s*[-*]\s+/.test(lines[i]!))
        items.push(lines[i++]!.replace(/^\s*[-*]\s+/, ''));
      blocks.push(
        <ul key={`l${i}`}>
          {items.map((item, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: items of a fixed list
            <li key={n}>{inline(item)}</li>
          ))}
        </ul>,
      );
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !/^(#{1,4}\s|\s*\||\s*[-*]\s)/.test(lines[i]!)) {
      paragraph.push(lines[i++]!);
    }
    if (paragraph.length === 0) paragraph.push(lines[i++]!);
    blocks.push(<p key={`p${i}`}>{inline(paragraph.join(''))}</p>);
  }
  return <article className="md-view">{blocks}</article>;
}
