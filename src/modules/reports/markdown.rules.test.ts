import { describe, expect, it } from 'vitest';
import { oneLine, tableCell } from './markdown.rules';

describe('text placed where Markdown needs one line', () => {
  it('drops a line break inside a Chinese name and keeps the words of a Latin one apart', () => {
    expect(oneLine('农村寄递物流\n服务全覆盖')).toBe('农村寄递物流服务全覆盖');
    expect(oneLine('  AED 配置\r\n及培训 ')).toBe('AED 配置及培训');
    expect(oneLine('Smart\nCity')).toBe('Smart City');
  });

  it('escapes the bar that would end a table cell', () => {
    expect(tableCell('甲|乙\n项目')).toBe('甲\\|乙项目');
  });
});
