/**
 * The words of the demo's medical officer: notes, reasons and hospitals, in the clinical
 * Vietnamese of a provincial facility (Điện Biên). Invented cases; no real person.
 */
import type { ArtChangeReason } from '../../../shared/medical/arv';
import type { WorkRestrictionCode } from '../../../shared/medical/flags';

export const HOSPITAL = {
  general: 'Bệnh viện Đa khoa tỉnh Điện Biên',
  lung: 'Bệnh viện Phổi tỉnh Điện Biên',
  psychiatric: 'Bệnh viện Tâm thần tỉnh Điện Biên',
  district: 'Trung tâm Y tế huyện Điện Biên',
} as const;

/** Referrals for an illness or injury during the stay: where, why, what the discharge paper said. */
export const REFERRALS: readonly { hospital: string; reason: string; returnNote: string; days: readonly [number, number] }[] = [
  { hospital: HOSPITAL.general, reason: 'Đau bụng hố chậu phải, sốt 38,5 °C: nghi viêm ruột thừa cấp', returnNote: 'Đã mổ nội soi cắt ruột thừa, ra viện ổn định; cắt chỉ tại cơ sở sau 7 ngày', days: [5, 9] },
  { hospital: HOSPITAL.general, reason: 'Chấn thương cổ tay trái do ngã khi lao động, sưng đau, hạn chế vận động', returnNote: 'Gãy đầu dưới xương quay, bó bột cẳng bàn tay 4 tuần; hẹn tái khám', days: [1, 3] },
  { hospital: HOSPITAL.general, reason: 'Sốt cao liên tục 3 ngày, đau đầu, đau mỏi người: nghi sốt xuất huyết', returnNote: 'Sốt virus, đã hạ sốt; tiểu cầu bình thường khi ra viện', days: [4, 8] },
  { hospital: HOSPITAL.general, reason: 'Nôn ra máu, đau thượng vị dữ dội', returnNote: 'Loét hành tá tràng, đã điều trị nội khoa; tiếp tục dùng thuốc dạ dày', days: [6, 12] },
  { hospital: HOSPITAL.psychiatric, reason: 'Ảo giác, hoang tưởng bị hại, kích động sau sử dụng ma túy đá kéo dài', returnNote: 'Loạn thần do chất kích thích, ổn định; tiếp tục theo dõi tại cơ sở', days: [10, 20] },
  { hospital: HOSPITAL.district, reason: 'Vết thương phần mềm ở cẳng chân phải do dao phát, chảy máu nhiều', returnNote: 'Đã khâu vết thương, tiêm phòng uốn ván; thay băng tại cơ sở', days: [1, 2] },
  { hospital: HOSPITAL.general, reason: 'Khó thở, ho khạc đờm, sốt: nghi viêm phổi', returnNote: 'Viêm phổi cộng đồng, đã điều trị kháng sinh; ra viện ổn định', days: [6, 11] },
];

export const TB_REFERRAL_REASON = 'Ho kéo dài trên 2 tuần, sốt về chiều, sụt cân: khám và xét nghiệm đờm (AFB, GeneXpert) loại trừ lao phổi';
export const TB_RULED_OUT = 'Xét nghiệm đờm GeneXpert âm tính, X-quang phổi không có tổn thương lao: loại trừ lao phổi';
export const TB_CONFIRMED = 'Lao phổi AFB (+): điều trị phác đồ 2RHZE/4RHE, cấp thuốc và theo dõi theo hẹn của Bệnh viện Phổi';
export const TB_ISOLATION_NOTE = 'Có triệu chứng nghi lao (ho kéo dài, sốt về chiều): ở phòng cách ly, đeo khẩu trang, chờ kết quả khám';
export const TB_FLAG_CLEARED_RULED_OUT = 'Đã loại trừ lao phổi, về phòng chung';
export const TB_FLAG_CLEARED_TREATED = 'Hết giai đoạn tấn công, AFB đờm âm tính: hết nguy cơ lây, về phòng chung';

export const DETOX_OBSERVATION_NOTE = 'Hội chứng cai nặng: theo dõi sát tại phòng theo dõi cắt cơn, đo mạch, huyết áp mỗi 4 giờ';
export const DETOX_OBSERVATION_CLEARED = 'Hết giai đoạn cắt cơn, chuyển về phòng chung';
export const REPLACED_BY_NEW_FLAG = 'Thay bằng cờ ở riêng theo lý do mới';

export const PROTECTION_NOTES = [
  'Bị học viên cùng phòng đe dọa, đòi nợ; tách phòng theo đề nghị của cán bộ quản lý',
  'Có biểu hiện trầm cảm, ý nghĩ tự hại: ở phòng gần phòng trực, theo dõi sát',
  'Học viên nhiều tuổi, sức yếu, bị bắt nạt: bố trí phòng riêng để bảo vệ',
];
export const PROTECTION_CLEARED = 'Tình hình ổn định, đã bố trí lại phòng ở';

export const VARICELLA_NOTE = 'Thủy đậu: cách ly đến khi các nốt khô vảy';
export const VARICELLA_CLEARED = 'Các nốt đã khô vảy, hết thời gian lây';

export const DETOX_CLOSE_NOTES: Record<'cows' | 'awq' | 'ciwa-ar', readonly string[]> = {
  cows: ['Hết triệu chứng cai, ăn ngủ được; COWS dưới 5 điểm trong 48 giờ', 'Hết đau mỏi, hết chảy nước mũi, ngủ được 6 giờ mỗi đêm'],
  awq: ['Hết thèm ngủ, tâm trạng ổn định, ăn uống bình thường', 'Giảm thèm ma túy rõ, ngủ sinh hoạt bình thường'],
  'ciwa-ar': ['Hết run, không ảo giác; đã giảm liều và ngừng diazepam', 'CIWA-Ar dưới 8 điểm trong 48 giờ, tỉnh táo, ăn ngủ được'],
};
export const DETOX_REFERRED_NOTE = 'Co giật trong giai đoạn cắt cơn: chuyển Bệnh viện Đa khoa tỉnh cấp cứu';
export const DETOX_REFERRAL_REASON = 'Co giật toàn thân một cơn trong giai đoạn cắt cơn, sau cơn lơ mơ';
export const DETOX_REFERRAL_RETURN = 'Không tái phát co giật, điện não đồ bình thường; tiếp tục theo dõi tại cơ sở';

/** Intake examination notes by what was used (the officer's words at the first session). */
export const INTAKE_NOTES = {
  heroin: ['Tiền sử tiêm chích heroin; sẹo tiêm cũ ở hai khuỷu tay', 'Hút, chích heroin nhiều năm; thể trạng gầy, da xanh'],
  opium: ['Hút thuốc phiện lâu năm; thể trạng gầy, ho khan'],
  methamphetamine: ['Sử dụng ma túy đá; ngủ nhiều, ăn kém, hay cáu gắt', 'Dùng ma túy đá nhiều năm; mất ngủ, lo âu', ''],
  other: ['', 'Tỉnh, tiếp xúc tốt; không phát hiện bất thường'],
};
export const HIV_POSITIVE_NOTE = 'Xét nghiệm khẳng định HIV dương tính; đã tư vấn sau xét nghiệm, hẹn khám điều trị ARV';
export const HIV_KNOWN_NOTE = 'Đã điều trị ARV tại phòng khám ngoại trú trước khi vào cơ sở (có sổ điều trị); tiếp tục điều trị';
export const SEROLOGY_PENDING_NOTE = 'Đã lấy máu xét nghiệm HIV, viêm gan B, C, giang mai: chờ kết quả';
export const SEROLOGY_RESULTS_NOTE = 'Kết quả xét nghiệm máu đầu vào';
export const URINE_POSITIVE_IN_CARE = 'Test nhanh nước tiểu dương tính: đã báo cáo ban giám đốc, lập biên bản theo quy định';

export const PRESCRIPTION_REASONS = {
  diazepamTaper: 'Giảm liều diazepam theo diễn biến CIWA-Ar',
  omeprazoleRenew: 'Còn đau thượng vị, dùng thêm 14 ngày',
  stoppedEarly: 'Hết triệu chứng, ngừng thuốc',
  stoppedSleepy: 'Buồn ngủ nhiều ban ngày, ngừng thuốc',
};

/** Short treatments for the everyday illnesses of a facility: drug name, dose, slots, days, why. */
export const MINOR_ILLNESSES: readonly { drug: string; dose: string; slots: readonly ('morning' | 'noon' | 'evening' | 'night')[]; days: readonly [number, number]; indication: string }[] = [
  { drug: 'Paracetamol', dose: '1 viên', slots: ['morning', 'evening'], days: [3, 5], indication: 'Sốt, đau đầu do cảm cúm' },
  { drug: 'Paracetamol', dose: '1 viên', slots: ['morning', 'noon', 'evening'], days: [3, 5], indication: 'Đau răng, chờ khám răng hàm mặt' },
  { drug: 'Omeprazole', dose: '1 viên', slots: ['morning'], days: [14, 14], indication: 'Viêm dạ dày, đau thượng vị' },
  { drug: 'Vitamin B1', dose: '1 viên', slots: ['morning'], days: [20, 30], indication: 'Tê bì chân tay, suy nhược cơ thể' },
  { drug: 'Paracetamol', dose: '1 viên', slots: ['morning', 'evening'], days: [3, 4], indication: 'Đau lưng sau lao động' },
];

export const WORK_RESTRICTION_REASONS: Record<WorkRestrictionCode, readonly string[]> = {
  no_heavy_labor: ['Thoát vị đĩa đệm cột sống thắt lưng', 'Tăng huyết áp độ 2, đang điều trị', 'Thể trạng suy kiệt, cân nặng dưới 40 kg'],
  no_sharp_tools: ['Run tay, hoa mắt sau cắt cơn', 'Có ý nghĩ tự gây thương tích, đang theo dõi tâm lý'],
  no_heat_or_chemicals: ['Viêm da tiếp xúc ở hai bàn tay', 'Hen phế quản, tránh khói bụi, hóa chất'],
  no_work: ['Nghỉ lao động theo chỉ định của bệnh viện sau ra viện'],
};
export const AFTER_HOSPITAL_RESTRICTION = 'Nghỉ lao động nặng sau ra viện theo giấy ra viện';

export const ART_CHANGES: Record<Extract<ArtChangeReason, 'new_guideline' | 'toxicity'>, string> = {
  new_guideline: 'Chuyển sang phác đồ TDF/3TC/DTG theo hướng dẫn điều trị HIV/AIDS của Bộ Y tế',
  toxicity: 'Chóng mặt, mất ngủ, ác mộng kéo dài do efavirenz',
};

export const PILL_COUNT_NOTES = { missed: 'Quên uống thuốc khi đi lao động ngoài khu', good: '' };

export const COUNSELLING_NOTES = [
  'Tư vấn tuân thủ lần 1: giải thích kết quả tải lượng vi rút cao và nguyên nhân thường gặp (quên liều, bỏ thuốc khi mệt); học viên cam kết uống thuốc đúng giờ dưới sự giám sát của cán bộ y tế',
  'Tư vấn lần 2: rà soát số viên thuốc, trong tháng không bỏ liều; nhắc lại các tác dụng phụ cần báo ngay',
  'Tư vấn lần 3: tuân thủ tốt; hẹn xét nghiệm lại tải lượng vi rút sau 3 tháng tăng cường tuân thủ',
];

export const DOSE_NOTES = {
  refused: ['Học viên từ chối uống, đã tư vấn', 'Từ chối, nói đã đỡ', 'Từ chối uống thuốc, báo cán bộ quản lý'],
  held: ['Tạm hoãn do buồn ngủ nhiều', 'Tạm hoãn liều: huyết áp thấp, theo dõi lại'],
  missed: ['Vắng mặt khi phát thuốc (đi lao động ngoài khu)', 'Không có mặt tại phòng khi phát thuốc'],
  atHospital: 'Đang điều trị tại bệnh viện',
};
