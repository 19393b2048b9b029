import { describe, expect, it } from 'vitest';
import { BOM, parseCsv, toCsv } from '../../shared/csv';
import { guessMapping } from '../../shared/rosterImport';
import { csvFileName, csvText, type CsvColumn } from '../../renderer/components/csvExport';

describe('CSV writing', () => {
  it('starts with the UTF-8 byte-order mark and ends every line with CRLF', () => {
    const text = toCsv(['Số hồ sơ', 'Họ và tên'], [['HS-1', 'Nguyễn Văn Bình']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe('\uFEFFSố hồ sơ,Họ và tên\r\nHS-1,Nguyễn Văn Bình\r\n');
    // Encoded, the mark is EF BB BF and the diacritics are UTF-8 (what Excel needs to show them).
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('Nguyễn Văn Bình');
  });

  it('quotes commas, semicolons, quotes, line breaks and edge spaces; doubles quotes; empty for null', () => {
    const text = toCsv(['a'], [['Khu 3, xã Tân Lập', 'ghi chú; khác', 'nói "không"', 'dòng 1\ndòng 2', 'x\r\ny', ' lề ', null, undefined, 12, true, 'thường']]);
    const line = text.slice(text.indexOf('\r\n') + 2, -2);
    expect(line).toBe('"Khu 3, xã Tân Lập","ghi chú; khác","nói ""không""","dòng 1\ndòng 2","x\r\ny"," lề ",,,12,true,thường');
  });

  it('reads back exactly what it wrote', () => {
    const rows = [
      ['HS-1', 'Đặng Thị Hoà', 'Khu 3, xã Tân Lập', 'nói "không"\r\nlần 2', ''],
      ['HS-2', 'Lò Văn Páo', '', ';', ' '],
    ];
    const { records, separator } = parseCsv(toCsv(['a', 'b', 'c', 'd', 'e'], rows));
    expect(separator).toBe(',');
    expect(records).toEqual([['a', 'b', 'c', 'd', 'e'], ...rows]);
  });
});

describe('CSV reading', () => {
  it('takes semicolons (Vietnamese Excel), no mark, LF, blank lines, and a last line without an end', () => {
    const { records, separator } = parseCsv('Số hồ sơ;Họ và tên;Địa chỉ\n\nHS-1;Nguyễn Văn Bình;"Khu 3; Tân Sơn"\nHS-2;"Lê ""Bé"" Hoa";');
    expect(separator).toBe(';');
    expect(records).toEqual([
      ['Số hồ sơ', 'Họ và tên', 'Địa chỉ'],
      ['HS-1', 'Nguyễn Văn Bình', 'Khu 3; Tân Sơn'],
      ['HS-2', 'Lê "Bé" Hoa', ''],
    ]);
  });

  it('guesses the columns from Vietnamese or English headers, with or without diacritics or case', () => {
    expect(guessMapping(['STT', 'HỌ VÀ TÊN', 'so ho so', 'Ngày sinh:', 'CCCD', 'Giới tính', 'Ngày vào cơ sở', 'Phone'])).toEqual({
      fullName: 1,
      fileNumber: 2,
      dateOfBirth: 3,
      idNumber: 4,
      sex: 5,
      admissionDate: 6,
      familyContactPhone: 7,
    });
  });
});

describe('csvText (the export button)', () => {
  it('writes exactly the given rows through the columns, headers first', () => {
    const columns: CsvColumn<{ n: string; d: string }>[] = [
      { header: 'Họ và tên', value: (r) => r.n },
      { header: 'Ngày sinh', value: (r) => r.d },
    ];
    expect(csvText(columns, [{ n: 'Bùi Thị Lan', d: '05/03/1990' }])).toBe('\uFEFFHọ và tên,Ngày sinh\r\nBùi Thị Lan,05/03/1990\r\n');
    expect(csvText(columns, [])).toBe('\uFEFFHọ và tên,Ngày sinh\r\n');
    expect(csvFileName('danh-sach-hoc-vien', '2026-12-03')).toBe('danh-sach-hoc-vien-2026-12-03.csv');
  });
});
