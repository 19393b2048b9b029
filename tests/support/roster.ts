/** A paper roster typed into Excel and saved as CSV: Vietnamese headers, dd/MM/yyyy dates, labels not codes. */
import { toCsv } from '../../shared/csv';

export const ROSTER_HEADERS = [
  'Số hồ sơ',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số CCCD',
  'Địa chỉ thường trú',
  'Loại tiếp nhận',
  'Số quyết định',
  'Ngày tiếp nhận',
  'Ngày dự kiến ra',
  'Trình độ học vấn',
  'Chất gây nghiện',
  'Người thân',
  'Quan hệ',
  'Số điện thoại',
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Văn Bình', 'Đức Thắng', 'Thị Hoa', 'Quốc Huy', 'Minh Đức', 'Thị Lan', 'Văn Dũng'];

/** Row i (0-based) of a valid roster: file numbers NK-0001…, admitted in 2026. */
export function rosterRecord(i: number, prefix = 'NK'): string[] {
  const female = i % 7 === 2 || i % 7 === 5;
  return [
    `${prefix}-${String(i + 1).padStart(4, '0')}`,
    `${FAMILY[i % FAMILY.length]} ${GIVEN[i % GIVEN.length]}`,
    female ? 'Nữ' : 'Nam',
    `${String((i % 27) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${80 + (i % 20)}`,
    i % 5 === 0 ? '' : `0250${String(90000000 + i).padStart(8, '0')}`,
    `Khu ${(i % 9) + 1}, xã Tân Lập, huyện Tân Sơn, tỉnh Phú Thọ`,
    i % 4 === 0 ? 'Tự nguyện' : 'Bắt buộc',
    i % 4 === 0 ? '' : `${i + 10}/2026/QĐ-TA`,
    `${String((i % 28) + 1).padStart(2, '0')}/03/2026`,
    `${String((i % 28) + 1).padStart(2, '0')}/03/2028`,
    i % 3 === 0 ? 'Tiểu học' : 'Trung học cơ sở',
    i % 2 === 0 ? 'Ma túy đá, Heroin' : 'Heroin',
    'Nguyễn Thị Lan',
    'mẹ',
    '0912 345 678',
  ];
}

/** The three mistakes of the tests: a date written the wrong way round, a short ID number, a repeated file number. */
export function spoil(records: string[][]): string[][] {
  const out = records.map((r) => [...r]);
  out[4]![3] = '1990-13-45';
  out[19]![4] = '12345';
  out[36]![0] = out[10]![0]!;
  return out;
}

export function rosterCsv(records: string[][]): string {
  return toCsv(ROSTER_HEADERS, records);
}

export function records(n: number, prefix = 'NK'): string[][] {
  return Array.from({ length: n }, (_, i) => rosterRecord(i, prefix));
}
