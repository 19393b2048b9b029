/**
 * The words of the demo's duty officers: what happened, where, measures, rewards, shift notes, in
 * the plain Vietnamese of a facility's conduct book. Invented events; no real person.
 */
import type { ReleaseKind } from '../../../shared/admissions';
import type { MeasureKind } from '../../../shared/duty/conduct';
import type { KeepApartReason } from '../../../shared/duty/keepApart';

/** The facility's own addition to the catalog (the built-in types are labelled by the app). */
export const GAMBLING = 'Đánh bạc, sát phạt ăn tiền';

export const PLACES = ['Phòng ở', 'Sân thể thao', 'Nhà ăn', 'Xưởng may', 'Khu lao động trị liệu', 'Vườn rau', 'Nhà vệ sinh khu ở', 'Hội trường', 'Khu thăm gặp'] as const;

/** Per violation type: what happened (one is picked), the measure usually decided, how many took part. */
export interface IncidentKind {
  typeId: string;
  weight: number;
  /** How many trainees took part: [count, weight] choices. */
  people: readonly (readonly [number, number])[];
  descriptions: readonly string[];
  measures: readonly (readonly [MeasureKind, number])[];
  /** Usual hour range of the incident. */
  hours: readonly [number, number];
}

export const INCIDENTS: readonly IncidentKind[] = [
  {
    typeId: 'disobeying_rules',
    weight: 30,
    people: [[1, 8], [2, 2]],
    descriptions: [
      'Không tham gia lao động trị liệu buổi chiều, nằm trong phòng dù đã được nhắc nhở',
      'Hút thuốc lá trong phòng ở sau giờ quy định',
      'Tự ý đổi giường ngủ với học viên khác, không báo cán bộ quản lý',
      'Không chấp hành giờ nghỉ trưa, gây ồn ào ảnh hưởng học viên khác',
      'Cãi lại, có lời lẽ thiếu tôn trọng cán bộ khi được nhắc nhở giữ vệ sinh',
      'Vắng mặt không lý do trong buổi sinh hoạt đội',
    ],
    measures: [['criticism', 6], ['warning', 3], ['other', 1]],
    hours: [7, 21],
  },
  {
    typeId: 'fighting',
    weight: 18,
    people: [[2, 7], [3, 3]],
    descriptions: [
      'Xô xát, đánh nhau trong giờ nghỉ trưa do mâu thuẫn khi chia phần việc',
      'Cãi nhau rồi đánh nhau tại nhà ăn vì tranh chỗ ngồi; một người bị xây xát nhẹ ở mặt',
      'Đánh nhau tại sân thể thao sau trận bóng, cán bộ trực can ngăn kịp thời',
      'Dùng gậy tre đánh học viên cùng phòng, gây sưng tay; có dấu hiệu bắt nạt',
    ],
    measures: [['discipline_room', 5], ['warning', 4], ['criticism', 1]],
    hours: [9, 21],
  },
  {
    typeId: 'mobile_phone',
    weight: 12,
    people: [[1, 9], [2, 1]],
    descriptions: [
      'Cất giấu điện thoại di động trong gối, phát hiện khi kiểm tra phòng đột xuất',
      'Sử dụng điện thoại di động do người nhà gửi lén trong gói quà thăm gặp',
      'Mượn điện thoại của học viên khác để gọi ra ngoài sau giờ ngủ',
    ],
    measures: [['warning', 6], ['criticism', 3], ['discipline_room', 1]],
    hours: [19, 22],
  },
  {
    typeId: 'drugs',
    weight: 5,
    people: [[1, 8], [2, 2]],
    descriptions: [
      'Phát hiện gói nhỏ nghi ma túy giấu trong hộp thức ăn người nhà gửi vào; đã lập biên bản, niêm phong',
      'Test nhanh nước tiểu dương tính sau buổi thăm gặp; học viên khai được người nhà đưa',
    ],
    measures: [['discipline_room', 8], ['warning', 2]],
    hours: [8, 17],
  },
  {
    typeId: 'alcohol',
    weight: 4,
    people: [[1, 5], [2, 4], [3, 1]],
    descriptions: ['Uống rượu tự nấu bằng cơm thừa ủ men trong phòng ở', 'Có mùi rượu khi điểm danh tối, khai được người nhà gửi vào trong chai nước'],
    measures: [['warning', 5], ['discipline_room', 3], ['criticism', 2]],
    hours: [18, 22],
  },
  {
    typeId: 'leaving_area',
    weight: 3,
    people: [[1, 1]],
    descriptions: ['Tự ý rời khu lao động ra khu vực hàng rào phía sau, cán bộ phát hiện đưa về', 'Trèo tường rào khu vườn rau định bỏ trốn, bị bảo vệ ngăn lại'],
    measures: [['discipline_room', 8], ['warning', 2]],
    hours: [6, 18],
  },
  {
    typeId: 'damaging_property',
    weight: 5,
    people: [[1, 8], [2, 2]],
    descriptions: ['Làm gãy giường tầng do đùa nghịch trong phòng', 'Đập vỡ kính cửa sổ phòng ở khi bực tức', 'Làm hỏng máy may tại xưởng do cố ý sử dụng sai cách'],
    measures: [['criticism', 5], ['warning', 4], ['other', 1]],
    hours: [8, 21],
  },
  {
    typeId: 'gambling',
    weight: 4,
    people: [[2, 4], [3, 6]],
    descriptions: ['Đánh bài ăn tiền trong phòng ở sau giờ ngủ', 'Chơi đánh bài tá lả ăn thuốc lá, mì tôm tại góc sân'],
    measures: [['criticism', 5], ['warning', 5]],
    hours: [20, 23],
  },
];

export const MEASURE_NOTES: Record<MeasureKind, readonly string[]> = {
  criticism: ['Phê bình trước đội', 'Phê bình trong buổi sinh hoạt đội, học viên nhận khuyết điểm'],
  warning: ['Cảnh cáo trước toàn khu', 'Cảnh cáo, thông báo cho gia đình'],
  discipline_room: ['Đưa vào phòng kỷ luật theo quyết định của Giám đốc', 'Phòng kỷ luật, theo dõi sức khỏe hằng ngày'],
  other: ['Lao động công ích vệ sinh khu ở 3 ngày', 'Tạm dừng nhận quà thăm gặp 1 tháng'],
};

export const SUSPEND_NOTES = ['Tạm hoãn do học viên đang điều trị ốm, thi hành sau khi khỏi', 'Tạm hoãn theo đề nghị của đội trưởng, học viên tiến bộ rõ'] as const;

export const KEEP_APART_NOTES: Record<KeepApartReason, readonly string[]> = {
  violence: ['Sau vụ đánh nhau, hai người còn hằn học, dễ tái diễn', 'Đã xô xát nhiều lần, tách ra để tránh xung đột'],
  threat: ['Một người đe dọa sẽ trả thù sau khi ra phòng kỷ luật'],
  gang: ['Cùng nhóm trước khi vào cơ sở, hay tụ tập gây mất trật tự'],
  bullying: ['Bắt người cùng phòng giặt đồ, làm thay phần việc'],
  other: ['Theo đề nghị của gia đình học viên'],
};
export const KEEP_APART_ENDED = ['Hết thời gian theo dõi, hai người không còn mâu thuẫn', 'Đã hòa giải trong buổi sinh hoạt đội'] as const;
export const KEEP_APART_ENDED_RELEASE = 'Một trong hai người đã rời cơ sở';

export const VACATE_REASONS: Record<ReleaseKind, string> = {
  completed: 'Chấp hành xong, rời cơ sở',
  transferred: 'Chuyển cơ sở khác',
  other: 'Rời cơ sở theo quyết định',
};

export const MOVE_REASONS = [
  'Đổi phòng theo đề nghị của đội trưởng, cân đối quân số',
  'Chuyển về phòng cùng đội lao động',
  'Giường cũ hỏng, đổi sang phòng khác',
  'Học viên xin chuyển phòng, gần người cùng địa phương',
] as const;
export const TO_SEPARATE = 'Chuyển sang phòng ở riêng theo yêu cầu của y tế';
export const FROM_SEPARATE = 'Hết thời gian ở riêng, về phòng chung';
export const KEEP_APART_MOVE = 'Tách ra theo quy định giữ khoảng cách';
export const SEPARATE_FULL_OVERRIDE = 'Phòng ở riêng đã kín chỗ, xếp tạm vào phòng chung, báo y tế theo dõi';

export const MISMATCH_SHORT = ['Thiếu 1 so với sổ, đang xác minh', 'Thiếu 1, báo trực ban ngay'] as const;
export const MISMATCH_EXTRA = 'Thừa 1: học viên phòng khác sang chơi chưa về';
export const mismatchResolved = (name: string, extra: boolean) =>
  extra ? `Học viên ${name} ở phòng bên cạnh, đã đưa về phòng mình và nhắc nhở` : `Học viên ${name} ở lại phòng y tế theo dõi qua đêm, đã đối chiếu với y tế`;

export const REWARD_REASONS = {
  commendation: (quarter: string) => `Xếp loại khá trở lên cả quý ${quarter}, có tháng tốt`,
  extraVisit: 'Chấp hành tốt nội quy, tích cực lao động trong tháng',
  gift: 'Quà Tết Nguyên đán cho học viên xếp loại tốt',
  termReduction: 'Đã chấp hành quá nửa thời hạn, xếp loại khá trở lên liên tục: đề nghị Tòa án xem xét giảm thời hạn',
  other: ['Dũng cảm giúp dập đám cháy nhỏ ở bếp', 'Phát hiện và báo cán bộ vụ cất giấu vật cấm'],
} as const;

/** Shift notes: a few ordinary lines, and something to hand over now and then. */
export const NIGHT_NOTES = [
  'Đêm yên tĩnh, điểm danh đủ quân số.',
  'Đêm bình thường. 1 học viên sốt nhẹ, đã báo y tế trực.',
  'Khoảng 2 giờ sáng mất điện 20 phút, đã kiểm tra các phòng, không có gì bất thường.',
  'Mưa to cả đêm, phòng cuối dãy bị dột, đề nghị ca ngày báo sửa.',
] as const;
export const DAY_NOTES = [
  'Ca ngày bình thường, học viên lao động đầy đủ.',
  'Buổi chiều có đoàn kiểm tra của Sở, khu ở gọn gàng.',
  'Ngày thăm gặp: kiểm tra quà gửi vào, không phát hiện vật cấm.',
  'Nhắc ca tối kiểm tra kỹ khu vực hàng rào phía sau vườn rau.',
] as const;

/** Tết Nguyên đán (first day of the lunar year), for the gifts: the facility's calendar. */
export const TET: Record<number, string> = {
  2014: '2014-01-31', 2015: '2015-02-19', 2016: '2016-02-08', 2017: '2017-01-28', 2018: '2018-02-16', 2019: '2019-02-05',
  2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29',
  2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03', 2031: '2031-01-23',
  2032: '2032-02-11', 2033: '2033-01-31', 2034: '2034-02-19', 2035: '2035-02-08', 2036: '2036-01-28', 2037: '2037-02-15',
  2038: '2038-02-04', 2039: '2039-01-24', 2040: '2040-02-12',
};
