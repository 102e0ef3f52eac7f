import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  decodeTableText,
  parseDelimitedText,
  readTableRows,
  readXlsxRows,
  sniffDelimiter,
} from './candidate-table.reader';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeTableText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeTableText(utf8('票号,甲'))).toBe('票号,甲');
    expect(decodeTableText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('票号')]))).toBe('票号');
  });

  it('reads the GB18030 that Excel on Chinese Windows saves as CSV', () => {
    const gb = new Uint8Array([198, 177, 186, 197, 44, 188, 215, 10, 48, 48, 49, 44, 212, 222, 179, 201, 10]);
    expect(decodeTableText(gb)).toBe('票号,甲\n001,赞成\n');
  });

  it('reads the UTF-16 of Excel’s "Unicode text"', () => {
    expect(decodeTableText(new Uint8Array(Buffer.from('\ufeff序号\t项目名称', 'utf16le')))).toBe(
      '序号\t项目名称',
    );
  });
});

describe('parseDelimitedText', () => {
  it('keeps line breaks and doubled quotes inside quoted cells', () => {
    expect(parseDelimitedText('1\t"牵头：住建局\n配合：交警大队"\t"说""明"\n2\tx\ty\n', '\t')).toEqual([
      ['1', '牵头：住建局\n配合：交警大队', '说"明'],
      ['2', 'x', 'y'],
    ]);
  });

  it('reads CRLF rows, blank rows and empty trailing cells', () => {
    expect(parseDelimitedText('a,b,\r\n\r\nc,,d', ',')).toEqual([['a', 'b', ''], [''], ['c', '', 'd']]);
  });

  it('reads a quote inside an unquoted cell as a character', () => {
    expect(parseDelimitedText('5"寸,b', ',')).toEqual([['5"寸', 'b']]);
  });

  it('drops the BOM of the first cell', () => {
    expect(parseDelimitedText('\ufeff票号,甲', ',')).toEqual([['票号', '甲']]);
  });

  it('refuses an unclosed quote, naming the row it opens on', () => {
    expect(() => parseDelimitedText('a,b\n1,"2\n3,4', ',')).toThrow(
      '第 2 行有未闭合的引号，无法确定单元格在哪里结束',
    );
  });

  it('sniffs tabs or commas from the first line', () => {
    expect(sniffDelimiter('序号\t项目名称\t推进计划\n1,2')).toBe('\t');
    expect(sniffDelimiter('票号,甲,乙')).toBe(',');
    expect(sniffDelimiter('单列')).toBe(',');
    expect(parseDelimitedText('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

async function workbookBytes(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('候选项目'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readXlsxRows', () => {
  it('reads text, numbers, rich text, formula results and dates; merged cells only once', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.getCell('A1').value = '2023 年候选项目清单';
      sheet.mergeCells('A1:D1');
      sheet.addRow(['序号', '项目名称', '推进计划', '需财政投入资金']);
      sheet.addRow([
        1,
        { richText: [{ text: '口袋' }, { text: '公园', font: { bold: true } }] },
        '2 月份完成\n3 月份完成',
        { formula: '500+500', result: 1000 },
      ]);
      sheet.addRow([]);
      sheet.addRow([2, '慢行系统', new Date(Date.UTC(2023, 5, 30)), '']);
      // A time of day as Excel's day fraction stores it, a hair short of 09:30.
      sheet.addRow([3, '零工市场', new Date(Date.UTC(2023, 0, 5, 9, 30) - 0.4), '']);
    });
    expect(await readXlsxRows(bytes)).toEqual([
      ['2023 年候选项目清单', '', '', ''],
      ['序号', '项目名称', '推进计划', '需财政投入资金'],
      ['1', '口袋公园', '2 月份完成\n3 月份完成', '1000'],
      [],
      ['2', '慢行系统', '2023-06-30', ''],
      ['3', '零工市场', '2023-01-05 09:30:00', ''],
    ]);
  });

  it('reads a row left blank at its end as empty cells, as wide as the widest row, not as a short row', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['票号', '甲', '乙', '丙']);
      sheet.addRow(['001', '赞成', '', '']);
      sheet.addRow(['002']);
      // Formatting alone stretches the sheet's columns; no content there.
      sheet.getCell('H3').value = '';
      sheet.getCell('H3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    });
    expect(await readXlsxRows(bytes)).toEqual([
      ['票号', '甲', '乙', '丙'],
      ['001', '赞成', '', ''],
      ['002', '', '', ''],
    ]);
  });

  it('leaves the other cells of a vertical merge empty, so the rows read as one project', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['序号', '项目名称', '推进计划']);
      sheet.addRow([1, '口袋公园', '2 月份完成']);
      sheet.addRow([null, null, '3 月份完成']);
      sheet.mergeCells('A2:A3');
      sheet.mergeCells('B2:B3');
    });
    expect(await readXlsxRows(bytes)).toEqual([
      ['序号', '项目名称', '推进计划'],
      ['1', '口袋公园', '2 月份完成'],
      ['', '', '3 月份完成'],
    ]);
  });

  it('gives a cell merged down over two projects to both, each row having its own 序号', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['序号', '项目名称', '县级分管领导']);
      sheet.addRow([5, '中医巡回医疗', '于小丽']);
      sheet.addRow([6, '家庭医生签约', null]);
      sheet.addRow([7, '口袋公园', '张鹏军']);
      sheet.mergeCells('C2:C3');
    });
    expect(await readXlsxRows(bytes)).toEqual([
      ['序号', '项目名称', '县级分管领导'],
      ['5', '中医巡回医疗', '于小丽'],
      ['6', '家庭医生签约', '于小丽'],
      ['7', '口袋公园', '张鹏军'],
    ]);
  });

  it('keeps a merge across a row (a title) in its first cell', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['2023年民生实事候选项目', null, null]);
      sheet.addRow(['序号', '项目名称', '推进计划']);
      sheet.mergeCells('A1:C1');
    });
    expect((await readXlsxRows(bytes))[0]).toEqual(['2023年民生实事候选项目', '', '']);
  });

  it('names a missing sheet and refuses what is not an Excel file', async () => {
    const bytes = await workbookBytes((sheet) => sheet.addRow(['a']));
    await expect(readXlsxRows(bytes, '票决')).rejects.toThrow('Excel 文件中没有名为“票决”的工作表');
    await expect(readXlsxRows(utf8('not a zip'))).rejects.toThrow(
      '无法打开 Excel 文件，请确认是 .xlsx 格式且未损坏',
    );
  });
});

describe('readTableRows', () => {
  it('picks the reader by extension', async () => {
    expect(await readTableRows('选票.CSV', utf8('票号\t甲,乙'))).toEqual([['票号\t甲', '乙']]);
    expect(await readTableRows('清单.tsv', utf8('a,b\tc'))).toEqual([['a,b', 'c']]);
    expect(await readTableRows('清单.txt', utf8('a\tb'))).toEqual([['a', 'b']]);
    const xlsx = await workbookBytes((sheet) => sheet.addRow(['序号', '项目名称']));
    expect(await readTableRows('清单.xlsx', xlsx)).toEqual([['序号', '项目名称']]);
  });

  it('asks for .xlsx instead of the old binary formats', async () => {
    await expect(readTableRows('清单.xls', utf8(''))).rejects.toThrow(
      '不支持 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入',
    );
  });

  it('tells a file that is not a table by its first bytes, whatever its name, instead of echoing them', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...utf8('word/document.xml')]);
    await expect(readTableRows('选票.csv', zip)).rejects.toThrow(
      '这不是表格文件（可能是 Word 文档、压缩包或图片），请导入 .xlsx、.csv 或 .tsv 表格',
    );
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readTableRows('选票.csv', ole)).rejects.toThrow('这是旧版 Office 文件（.xls/.doc）');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
    await expect(readTableRows('选票.tsv', png)).rejects.toThrow('这不是表格文件');
  });

  it('reads an .xlsx saved under another name as the workbook it is', async () => {
    const xlsx = await workbookBytes((sheet) => sheet.addRow(['票号', '甲']));
    expect(await readTableRows('选票.csv', xlsx)).toEqual([['票号', '甲']]);
  });
});
