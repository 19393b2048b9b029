import { describe, expect, it } from 'vitest';
import { foldForSearch } from '../../shared/text';
import { formatDate, isValidIsoDate, parseDisplayDate } from '../../shared/dates';

describe('foldForSearch', () => {
  it('ignores diacritics, đ and case', () => {
    expect(foldForSearch('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldForSearch('  NGUYỄN   thị HOÀ ')).toBe('nguyen thi hoa');
    expect(foldForSearch('Nguyễn Thị Hòa')).toBe(foldForSearch('Nguyễn Thị Hoà'));
  });
  it('treats precomposed and decomposed input alike', () => {
    expect(foldForSearch('Hoà'.normalize('NFD'))).toBe(foldForSearch('Hoà'.normalize('NFC')));
  });
});

describe('dates', () => {
  it('parses dd/MM/yyyy into ISO and refuses impossible dates', () => {
    expect(parseDisplayDate('05/03/1990')).toBe('1990-03-05');
    expect(parseDisplayDate('5/3/1990')).toBe('1990-03-05');
    expect(parseDisplayDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDisplayDate('29/02/2023')).toBeNull();
    expect(parseDisplayDate('31/04/2020')).toBeNull();
    expect(parseDisplayDate('1990-03-05')).toBeNull();
    expect(isValidIsoDate('2026-13-01')).toBe(false);
  });
  it('formats ISO dates as dd/MM/yyyy', () => {
    expect(formatDate('1990-03-05')).toBe('05/03/1990');
    expect(formatDate(null)).toBe('');
  });
});
