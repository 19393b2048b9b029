import type { EducationLevel, Sex, Substance } from '../../../shared/admissions';
import type { Rng } from './random';

/**
 * Made-up people of a northern mountain province (Điện Biên: see the seed articles): Kinh
 * families and the Thái and H'Mông families of the border communes, with their naming customs.
 * Every person is invented; any likeness to a real one is chance.
 */
export const PROVINCE = 'tỉnh Điện Biên';
export const FACILITY_NAME = 'Cơ sở cai nghiện ma túy tỉnh Điện Biên (dữ liệu mẫu)';
/** First three digits of a CCCD: the province of birth registration (Điện Biên). */
const CCCD_PROVINCE = '011';

type Group = 'kinh' | 'thai' | 'hmong';

const FAMILY: Record<Group, readonly (readonly [string, number])[]> = {
  kinh: [
    ['Nguyễn', 30], ['Trần', 10], ['Lê', 8], ['Phạm', 7], ['Hoàng', 6], ['Vũ', 5], ['Đặng', 4],
    ['Bùi', 4], ['Đỗ', 4], ['Hồ', 2], ['Ngô', 3], ['Dương', 2], ['Lý', 2], ['Phan', 3], ['Đinh', 2],
  ],
  thai: [['Lò', 10], ['Lường', 7], ['Quàng', 6], ['Cầm', 5], ['Tòng', 4], ['Điêu', 2], ['Lù', 2], ['Hà', 2]],
  hmong: [['Sùng', 8], ['Giàng', 8], ['Thào', 7], ['Vàng', 7], ['Mùa', 4], ['Lý', 3], ['Hạng', 3], ['Lầu', 2], ['Chá', 2]],
};

const MIDDLE: Record<Group, Record<Sex, readonly string[]>> = {
  kinh: {
    male: ['Văn', 'Văn', 'Văn', 'Đức', 'Hữu', 'Minh', 'Quang', 'Công', 'Xuân', 'Đình', 'Ngọc', 'Thanh'],
    female: ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng'],
  },
  thai: { male: ['Văn', 'Văn', 'Văn', 'Ngọc'], female: ['Thị'] },
  hmong: { male: ['A', 'A', 'A', 'Seo', 'Chứ'], female: ['Thị', 'Thị', 'Thị'] },
};

const GIVEN: Record<Group, Record<Sex, readonly string[]>> = {
  kinh: {
    male: [
      'Hùng', 'Dũng', 'Tuấn', 'Hải', 'Nam', 'Long', 'Thắng', 'Cường', 'Hoàng', 'Sơn', 'Phong', 'Trung',
      'Quân', 'Đạt', 'Hiếu', 'Bình', 'Toàn', 'Thành', 'Huy', 'Khánh', 'Tùng', 'Mạnh', 'Kiên', 'Quyết',
      'Việt', 'Đông', 'Tiến', 'Lực', 'Chiến', 'Thịnh', 'Hưng', 'Phúc', 'Trường', 'Vinh', 'Định', 'Lâm',
    ],
    female: ['Hương', 'Lan', 'Hoa', 'Mai', 'Thu', 'Hạnh', 'Nga', 'Trang', 'Huyền', 'Phượng', 'Yến', 'Liên'],
  },
  thai: {
    male: ['Thanh', 'Hùng', 'Hải', 'Sơn', 'Khánh', 'Thoan', 'Ún', 'Inh', 'Xuân', 'Pánh', 'Xiêng', 'Chiến', 'Phong', 'Thắng', 'Ngọc', 'Hặc', 'Piểng', 'Sương', 'Tươi', 'Lả'],
    female: ['Xuân', 'Ươi', 'Bua', 'Hoa', 'Phanh', 'Ỏn', 'Thuyết', 'Chiêm'],
  },
  hmong: {
    male: ['Páo', 'Dính', 'Sính', 'Chứ', 'Lử', 'Pó', 'Tủa', 'Di', 'Chơ', 'Kỷ', 'Lầu', 'Vừ', 'Chinh', 'Thề', 'Nủ', 'Sềnh', 'Giả', 'Mua', 'Sở', 'Dua'],
    female: ['Mỷ', 'Dua', 'Sua', 'Pà', 'Chở', 'Ly', 'Mai', 'Dợ'],
  },
};

/** Districts of the province and some of their communes or wards, with the groups living there (weights). */
interface District {
  name: string;
  communes: readonly string[];
  groups: readonly (readonly [Group, number])[];
  weight: number;
}

const DISTRICTS: readonly District[] = [
  { name: 'thành phố Điện Biên Phủ', communes: ['phường Him Lam', 'phường Mường Thanh', 'phường Tân Thanh', 'phường Noong Bua', 'phường Thanh Trường', 'xã Thanh Minh'], groups: [['kinh', 7], ['thai', 3]], weight: 14 },
  { name: 'huyện Điện Biên', communes: ['xã Thanh Xương', 'xã Thanh An', 'xã Noong Hẹt', 'xã Sam Mứn', 'xã Mường Phăng', 'xã Thanh Nưa', 'xã Núa Ngam', 'xã Na Ư', 'xã Mường Nhà'], groups: [['kinh', 4], ['thai', 5], ['hmong', 1]], weight: 16 },
  { name: 'huyện Tuần Giáo', communes: ['thị trấn Tuần Giáo', 'xã Quài Cang', 'xã Quài Nưa', 'xã Chiềng Sinh', 'xã Mường Mùn', 'xã Pú Nhung', 'xã Phình Sáng'], groups: [['kinh', 3], ['thai', 4], ['hmong', 3]], weight: 12 },
  { name: 'huyện Mường Ảng', communes: ['thị trấn Mường Ảng', 'xã Búng Lao', 'xã Ẳng Nưa', 'xã Ẳng Tở', 'xã Xuân Lao', 'xã Ngối Cáy'], groups: [['kinh', 2], ['thai', 5], ['hmong', 2]], weight: 9 },
  { name: 'huyện Điện Biên Đông', communes: ['xã Na Son', 'xã Keo Lôm', 'xã Phì Nhừ', 'xã Mường Luân', 'xã Xa Dung'], groups: [['kinh', 1], ['thai', 3], ['hmong', 6]], weight: 8 },
  { name: 'huyện Mường Chà', communes: ['thị trấn Mường Chà', 'xã Sá Tổng', 'xã Mường Mươn', 'xã Huổi Lèng', 'xã Sa Lông'], groups: [['kinh', 1], ['thai', 3], ['hmong', 6]], weight: 8 },
  { name: 'huyện Tủa Chùa', communes: ['thị trấn Tủa Chùa', 'xã Sính Phình', 'xã Mường Báng', 'xã Xá Nhè', 'xã Huổi Só'], groups: [['kinh', 1], ['thai', 2], ['hmong', 7]], weight: 7 },
  { name: 'huyện Mường Nhé', communes: ['xã Sín Thầu', 'xã Chung Chải', 'xã Leng Su Sìn', 'xã Quảng Lâm', 'xã Mường Toong'], groups: [['kinh', 1], ['thai', 2], ['hmong', 7]], weight: 6 },
  { name: 'huyện Nậm Pồ', communes: ['xã Vàng Đán', 'xã Nà Bủng', 'xã Nà Hỳ', 'xã Chà Cang', 'xã Nà Khoa', 'xã Si Pa Phìn'], groups: [['kinh', 1], ['thai', 3], ['hmong', 6]], weight: 10 },
  { name: 'thị xã Mường Lay', communes: ['phường Na Lay', 'phường Sông Đà', 'xã Lay Nưa'], groups: [['kinh', 4], ['thai', 6]], weight: 4 },
];

const HAMLET_PREFIX: Record<Group, readonly string[]> = {
  kinh: ['tổ dân phố', 'tổ', 'đội', 'thôn'],
  thai: ['bản'],
  hmong: ['bản'],
};
const HAMLETS: Record<Group, readonly string[]> = {
  kinh: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
  thai: ['Na Pen', 'Huổi Lếch', 'Noong Bua', 'Phiêng Ban', 'Co Mận', 'Ten', 'Hả', 'Phăng', 'Món', 'Nà Nọi', 'Tà Lèng', 'Pá Sáng'],
  hmong: ['Huổi Hoi', 'Pú Cai', 'Phì Cao', 'Sín Chải', 'Háng Lìa', 'Hồ Chim', 'Tìa Ghềnh', 'Huổi Só', 'Pa Tần', 'Nậm Chua', 'Phi Dình', 'Trung Phìn'],
};

export interface PersonDraft {
  fullName: string;
  sex: Sex;
  dateOfBirth: string;
  idNumber: string;
  homeAddress: string;
  educationLevel: EducationLevel;
  substances: Substance[];
  familyContact: { name: string; relationship: string; phone: string };
  group: Group;
  /** The district of the home address: its People's Court decides the compulsory admission. */
  district: string;
}

function fullName(rng: Rng, group: Group, sex: Sex, family = rng.weighted(FAMILY[group])): string {
  return `${family} ${rng.pick(MIDDLE[group][sex])} ${rng.pick(GIVEN[group][sex])}`;
}

function address(rng: Rng, district: District, group: Group): string {
  return `${rng.pick(HAMLET_PREFIX[group])} ${rng.pick(HAMLETS[group])}, ${rng.pick(district.communes)}, ${district.name}, ${PROVINCE}`;
}

/** Another commune of the same district (a family that moved). */
export function movedAddress(rng: Rng, group: Group, current: string): string {
  const district = DISTRICTS.find((d) => current.includes(d.name)) ?? DISTRICTS[0]!;
  for (let i = 0; i < 5; i++) {
    const next = address(rng, district, group);
    if (next !== current) return next;
  }
  return `tổ 1, ${district.communes[0]!}, ${district.name}, ${PROVINCE}`;
}

function phone(rng: Rng): string {
  const prefix = rng.pick(['096', '097', '098', '086', '091', '094', '088', '083', '035', '036', '037', '038', '039', '032', '033', '034']);
  const rest = rng.digits(7);
  return `${prefix}${rest.slice(0, 1)} ${rest.slice(1, 4)} ${rest.slice(4)}`;
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function randomDateInYear(rng: Rng, y: number): string {
  const m = rng.int(1, 12);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return isoDate(y, m, rng.int(1, last));
}

/** CCCD: province of registration, century-and-sex digit, two digits of the birth year, six more. */
function cccd(rng: Rng, sex: Sex, dateOfBirth: string): string {
  const y = Number(dateOfBirth.slice(0, 4));
  const centurySex = (y >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  return `${CCCD_PROVINCE}${centurySex}${String(y % 100).padStart(2, '0')}${rng.digits(6)}`;
}

/** A new person admitted on `admissionDate`: age 18–55 (mostly 22–40), mostly men. */
export function drawPerson(rng: Rng, admissionDate: string): PersonDraft {
  const district = rng.weighted(DISTRICTS.map((d) => [d, d.weight] as const));
  const group = rng.weighted(district.groups);
  const sex: Sex = rng.chance(0.08) ? 'female' : 'male';
  const age = rng.weighted([
    [rng.int(18, 21), 12],
    [rng.int(22, 30), 38],
    [rng.int(31, 40), 32],
    [rng.int(41, 48), 13],
    [rng.int(49, 55), 5],
  ]);
  const admissionYear = Number(admissionDate.slice(0, 4));
  let dateOfBirth = randomDateInYear(rng, admissionYear - age - 1);
  // Keep the age at admission within 18–55 whatever the day of the year.
  if (dateOfBirth.slice(5) < admissionDate.slice(5) && age >= 55) dateOfBirth = isoDate(admissionYear - age, 12, 31);
  const education = rng.weighted<EducationLevel>(
    group === 'hmong'
      ? [['none', 30], ['primary_incomplete', 35], ['primary', 20], ['lower_secondary', 12], ['upper_secondary', 3]]
      : [['none', 6], ['primary_incomplete', 18], ['primary', 24], ['lower_secondary', 34], ['upper_secondary', 15], ['higher', 3]],
  );
  const substances = rng.weighted<Substance[]>(
    group === 'hmong'
      ? [[['methamphetamine'], 40], [['heroin'], 35], [['heroin', 'methamphetamine'], 15], [['opium'], 7], [['opium', 'heroin'], 3]]
      : [
          [['methamphetamine'], 62],
          [['heroin'], 16],
          [['heroin', 'methamphetamine'], 10],
          [['methamphetamine', 'mdma'], 4],
          [['methamphetamine', 'ketamine'], 3],
          [['cannabis', 'methamphetamine'], 3],
          [['amphetamine'], 2],
        ],
  );
  const idNumber = rng.chance(0.04) ? '' : cccd(rng, sex, dateOfBirth);
  const name = fullName(rng, group, sex);
  const family = name.split(' ')[0]!;
  const relationship = rng.weighted([
    ['mẹ', 35],
    ['bố', 20],
    [sex === 'male' ? 'vợ' : 'chồng', 25],
    ['anh trai', 8],
    ['chị gái', 7],
    ['em gái', 5],
  ] as const);
  const contactSex: Sex = ['mẹ', 'vợ', 'chị gái', 'em gái'].includes(relationship) ? 'female' : 'male';
  const sameFamily = ['bố', 'anh trai', 'chị gái', 'em gái'].includes(relationship) || (relationship === 'mẹ' && group === 'hmong');
  const contactName = sameFamily ? fullName(rng, group, contactSex, family) : fullName(rng, group, contactSex);
  return {
    fullName: name,
    sex,
    dateOfBirth,
    idNumber,
    homeAddress: address(rng, district, group),
    educationLevel: education,
    substances,
    familyContact: { name: contactName, relationship, phone: rng.chance(0.9) ? phone(rng) : '' },
    group,
    district: district.name,
  };
}

/** Tone marks a hurried clerk drops or swaps: "Hùng" typed "Hưng", "Nguyễn" typed "Nguyên". */
const TYPOS: readonly (readonly [string, string])[] = [
  ['ễ', 'ê'], ['ù', 'u'], ['ư', 'u'], ['ả', 'a'], ['ắ', 'ă'], ['ấ', 'â'], ['ồ', 'ô'], ['ờ', 'ơ'],
  ['ị', 'i'], ['ạ', 'a'], ['ế', 'ê'], ['ũ', 'u'], ['ỏ', 'o'], ['ứ', 'ư'], ['à', 'a'], ['ỳ', 'y'],
  ['ổ', 'ô'], ['ì', 'i'], ['ò', 'o'], ['Đ', 'D'], ['đ', 'd'],
];

/** The name with one diacritic lost, as typed in a hurry; null when nothing can be lost. */
export function misspell(rng: Rng, name: string): string | null {
  const options = TYPOS.filter(([from]) => name.includes(from));
  if (options.length === 0) return null;
  const [from, to] = rng.pick(options);
  return name.replace(from, to);
}
