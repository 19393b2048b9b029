import { z } from 'zod';

/**
 * Withdrawal scales as data. A scale is a list of items, each with the points its options give
 * and short labels in Vietnamese and English, plus optional severity bands over the total. The
 * built-in scales (COWS, CIWA-Ar, AWQ) are always present; a facility adds its own forms (e.g.
 * the annexes of Circular 18/2021/TT-BYT) with `medical.detox.defineScale`, validated by
 * `scaleDefinitionSchema`, without a code change.
 */

const localizedText = (max: number) =>
  z
    .object({
      vi: z.string().trim().min(1, 'required').max(max, 'tooLong'),
      en: z.string().trim().min(1, 'required').max(max, 'tooLong'),
    })
    .strict();
export type Localized = z.infer<ReturnType<typeof localizedText>>;

export const scaleOptionSchema = z
  .object({
    points: z.number({ error: 'invalidType' }).int('invalid').min(0, 'outOfRange').max(100, 'outOfRange'),
    label: localizedText(120),
  })
  .strict();

export const scaleItemSchema = z
  .object({
    id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'invalidItemId'),
    label: localizedText(200),
    options: z
      .array(scaleOptionSchema)
      .min(2, 'required')
      .max(11, 'tooLong')
      // Strictly ascending points: no two options worth the same, and the grid reads left to right.
      .refine((o) => o.every((x, i) => i === 0 || x.points > o[i - 1]!.points), 'optionsNotAscending'),
  })
  .strict();

/** A severity band over the total: `max` null = no upper bound. `severity` 0 (none) to 4 (severe) colours it. */
export const scaleBandSchema = z
  .object({
    min: z.number({ error: 'invalidType' }).int('invalid').min(0, 'outOfRange'),
    max: z.number({ error: 'invalidType' }).int('invalid').min(0, 'outOfRange').nullable(),
    severity: z.number({ error: 'invalidType' }).int('invalid').min(0, 'outOfRange').max(4, 'outOfRange'),
    label: localizedText(80),
  })
  .strict();

export const scaleDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'invalidScaleId'),
    /** Short name: "COWS". */
    name: localizedText(40),
    /** What it measures: "Clinical Opiate Withdrawal Scale (opioids)". */
    description: localizedText(200),
    items: z.array(scaleItemSchema).min(1, 'required').max(50, 'tooLong'),
    /** Ascending, non-overlapping; empty = no published bands (the screens show the trend instead). */
    bands: z.array(scaleBandSchema).max(10, 'tooLong'),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'duplicateItem' });
      seen.add(item.id);
    });
    const max = scaleMax(s);
    s.bands.forEach((b, i) => {
      if ((b.max !== null && b.max < b.min) || b.min > max || (b.max !== null && b.max > max)) {
        ctx.addIssue({ code: 'custom', path: ['bands', i], message: 'bandOutOfRange' });
      } else if (i > 0) {
        const prev = s.bands[i - 1]!;
        if (prev.max === null || b.min <= prev.max) ctx.addIssue({ code: 'custom', path: ['bands', i], message: 'bandsOverlap' });
      }
    });
  });

export type ScaleOption = z.infer<typeof scaleOptionSchema>;
export type ScaleItem = z.infer<typeof scaleItemSchema>;
export type ScaleBand = z.infer<typeof scaleBandSchema>;
export type ScaleDefinition = z.infer<typeof scaleDefinitionSchema>;

/** Highest possible total: the top option of every item. */
export function scaleMax(s: Pick<ScaleDefinition, 'items'>): number {
  return s.items.reduce((sum, item) => sum + Math.max(0, ...item.options.map((o) => o.points)), 0);
}

/** The band a total falls in, or null (no bands, or a total outside them). */
export function bandOf(s: Pick<ScaleDefinition, 'bands'>, total: number): ScaleBand | null {
  return s.bands.find((b) => total >= b.min && (b.max === null || total <= b.max)) ?? null;
}

/** Points by item id; null = not answered. */
export type Answers = Record<string, number | null>;

/**
 * The total of a set of answers: only when every item of the scale is answered (a partial sum
 * would read as a milder withdrawal than the patient has).
 */
export function scaleTotal(s: Pick<ScaleDefinition, 'items'>, answers: Answers): number | null {
  let total = 0;
  for (const item of s.items) {
    const p = Object.hasOwn(answers, item.id) ? answers[item.id] : null;
    if (p === null || p === undefined) return null;
    total += p;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Built-in scales.

const L = (vi: string, en: string): Localized => ({ vi, en });
const opt = (points: number, vi: string, en: string): ScaleOption => ({ points, label: L(vi, en) });

/** Options 0..max where only some points have published anchors; the others read "Level n". */
function graded(max: number, anchors: Record<number, Localized>): ScaleOption[] {
  return Array.from({ length: max + 1 }, (_, p) => ({ points: p, label: anchors[p] ?? L(`Mức ${p}`, `Level ${p}`) }));
}

/** Clinical Opiate Withdrawal Scale (Wesson & Ling 2003): 11 items, total 0–48. */
export const COWS: ScaleDefinition = {
  id: 'cows',
  name: L('COWS', 'COWS'),
  description: L('Thang đánh giá hội chứng cai các chất dạng thuốc phiện (COWS)', 'Clinical Opiate Withdrawal Scale (opioids)'),
  items: [
    {
      id: 'pulse',
      label: L('Mạch lúc nghỉ (lần/phút)', 'Resting pulse rate (beats/min)'),
      options: [opt(0, '≤ 80', '≤ 80'), opt(1, '81–100', '81–100'), opt(2, '101–120', '101–120'), opt(4, '> 120', '> 120')],
    },
    {
      id: 'sweating',
      label: L('Vã mồ hôi (trong 30 phút qua)', 'Sweating (past 30 minutes)'),
      options: [
        opt(0, 'Không ớn lạnh, không đỏ bừng', 'No chills or flushing'),
        opt(1, 'Tự thấy ớn lạnh hoặc đỏ bừng', 'Subjective chills or flushing'),
        opt(2, 'Đỏ bừng, mặt ẩm rõ', 'Flushed or moist face'),
        opt(3, 'Giọt mồ hôi trên trán, mặt', 'Beads of sweat on brow or face'),
        opt(4, 'Mồ hôi chảy ròng trên mặt', 'Sweat streaming off face'),
      ],
    },
    {
      id: 'restlessness',
      label: L('Bồn chồn (khi đánh giá)', 'Restlessness (during assessment)'),
      options: [
        opt(0, 'Ngồi yên được', 'Able to sit still'),
        opt(1, 'Khó ngồi yên nhưng vẫn ngồi được', 'Finds it hard to sit still, but does'),
        opt(3, 'Thường xuyên cựa quậy, cử động thừa', 'Frequent shifting or extraneous movements'),
        opt(5, 'Không ngồi yên quá vài giây', 'Unable to sit still for more than a few seconds'),
      ],
    },
    {
      id: 'pupils',
      label: L('Kích thước đồng tử', 'Pupil size'),
      options: [
        opt(0, 'Co nhỏ hoặc bình thường', 'Pinned or normal for room light'),
        opt(1, 'Có thể to hơn bình thường', 'Possibly larger than normal'),
        opt(2, 'Giãn vừa', 'Moderately dilated'),
        opt(5, 'Giãn to, chỉ thấy viền mống mắt', 'So dilated only the rim of the iris is visible'),
      ],
    },
    {
      id: 'aches',
      label: L('Đau nhức xương khớp', 'Bone or joint aches'),
      options: [
        opt(0, 'Không có', 'Not present'),
        opt(1, 'Khó chịu lan tỏa nhẹ', 'Mild diffuse discomfort'),
        opt(2, 'Đau nhức lan tỏa nặng', 'Severe diffuse aching'),
        opt(4, 'Xoa bóp khớp, cơ; không ngồi yên được', 'Rubbing joints or muscles, unable to sit still'),
      ],
    },
    {
      id: 'rhinorrhea',
      label: L('Chảy nước mũi, chảy nước mắt', 'Runny nose or tearing'),
      options: [
        opt(0, 'Không có', 'Not present'),
        opt(1, 'Ngạt mũi hoặc mắt ướt', 'Nasal stuffiness or moist eyes'),
        opt(2, 'Chảy nước mũi hoặc nước mắt', 'Nose running or tearing'),
        opt(4, 'Chảy liên tục', 'Constantly running, tears streaming'),
      ],
    },
    {
      id: 'gi',
      label: L('Rối loạn tiêu hóa (trong 30 phút qua)', 'GI upset (past 30 minutes)'),
      options: [
        opt(0, 'Không có', 'No GI symptoms'),
        opt(1, 'Đau quặn bụng', 'Stomach cramps'),
        opt(2, 'Buồn nôn hoặc phân lỏng', 'Nausea or loose stool'),
        opt(3, 'Nôn hoặc tiêu chảy', 'Vomiting or diarrhoea'),
        opt(5, 'Nôn hoặc tiêu chảy nhiều lần', 'Multiple episodes of vomiting or diarrhoea'),
      ],
    },
    {
      id: 'tremor',
      label: L('Run (khi duỗi tay)', 'Tremor (outstretched hands)'),
      options: [
        opt(0, 'Không run', 'No tremor'),
        opt(1, 'Cảm thấy run, không thấy', 'Tremor felt, not observed'),
        opt(2, 'Run nhẹ thấy được', 'Slight tremor observable'),
        opt(4, 'Run mạnh hoặc co giật cơ', 'Gross tremor or muscle twitching'),
      ],
    },
    {
      id: 'yawning',
      label: L('Ngáp (khi đánh giá)', 'Yawning (during assessment)'),
      options: [
        opt(0, 'Không ngáp', 'No yawning'),
        opt(1, 'Một, hai lần', 'Once or twice'),
        opt(2, 'Ba lần trở lên', 'Three or more times'),
        opt(4, 'Nhiều lần mỗi phút', 'Several times a minute'),
      ],
    },
    {
      id: 'anxiety',
      label: L('Lo âu hoặc dễ kích động', 'Anxiety or irritability'),
      options: [
        opt(0, 'Không có', 'None'),
        opt(1, 'Tự thấy lo âu, bứt rứt tăng', 'Reports increasing irritability or anxiousness'),
        opt(2, 'Rõ ràng lo âu, bứt rứt', 'Obviously irritable or anxious'),
        opt(4, 'Bứt rứt đến mức khó hợp tác', 'So irritable or anxious that participation is difficult'),
      ],
    },
    {
      id: 'gooseflesh',
      label: L('Nổi da gà', 'Gooseflesh skin'),
      options: [
        opt(0, 'Da trơn', 'Skin is smooth'),
        opt(3, 'Sờ thấy nổi da gà, dựng lông', 'Piloerection felt or hairs standing up'),
        opt(5, 'Nổi da gà rõ', 'Prominent piloerection'),
      ],
    },
  ],
  bands: [
    { min: 0, max: 4, severity: 0, label: L('Không có hội chứng cai', 'No active withdrawal') },
    { min: 5, max: 12, severity: 1, label: L('Nhẹ', 'Mild') },
    { min: 13, max: 24, severity: 2, label: L('Trung bình', 'Moderate') },
    { min: 25, max: 36, severity: 3, label: L('Khá nặng', 'Moderately severe') },
    { min: 37, max: null, severity: 4, label: L('Nặng', 'Severe') },
  ],
};

const none = L('Không có', 'None');

/** Clinical Institute Withdrawal Assessment for Alcohol, revised: 10 items, total 0–67. */
export const CIWA_AR: ScaleDefinition = {
  id: 'ciwa-ar',
  name: L('CIWA-Ar', 'CIWA-Ar'),
  description: L('Thang đánh giá hội chứng cai rượu (CIWA-Ar)', 'Clinical Institute Withdrawal Assessment for Alcohol, revised'),
  items: [
    {
      id: 'nausea',
      label: L('Buồn nôn, nôn', 'Nausea and vomiting'),
      options: graded(7, { 0: L('Không buồn nôn, không nôn', 'No nausea, no vomiting'), 1: L('Buồn nôn nhẹ, không nôn', 'Mild nausea, no vomiting'), 4: L('Buồn nôn từng lúc, nôn khan', 'Intermittent nausea, dry heaves'), 7: L('Buồn nôn liên tục, nôn nhiều', 'Constant nausea, frequent vomiting') }),
    },
    {
      id: 'tremor',
      label: L('Run (khi duỗi tay)', 'Tremor (arms extended)'),
      options: graded(7, { 0: L('Không run', 'No tremor'), 1: L('Không thấy, sờ thấy run', 'Not visible, can be felt'), 4: L('Run vừa khi duỗi tay', 'Moderate, arms extended'), 7: L('Run nặng cả khi không duỗi tay', 'Severe, even arms not extended') }),
    },
    {
      id: 'sweats',
      label: L('Vã mồ hôi từng cơn', 'Paroxysmal sweats'),
      options: graded(7, { 0: L('Không thấy mồ hôi', 'No sweat visible'), 1: L('Ẩm lòng bàn tay', 'Palms moist'), 4: L('Giọt mồ hôi trên trán', 'Beads of sweat on forehead'), 7: L('Ướt đẫm mồ hôi', 'Drenching sweats') }),
    },
    {
      id: 'anxiety',
      label: L('Lo âu', 'Anxiety'),
      options: graded(7, { 0: L('Bình thản', 'At ease'), 1: L('Hơi lo âu', 'Mildly anxious'), 4: L('Lo âu vừa, dè chừng', 'Moderately anxious, guarded'), 7: L('Hoảng sợ cấp', 'Acute panic') }),
    },
    {
      id: 'agitation',
      label: L('Kích động', 'Agitation'),
      options: graded(7, { 0: L('Hoạt động bình thường', 'Normal activity'), 1: L('Hơi tăng hoạt động', 'Somewhat more than normal'), 4: L('Bồn chồn, cựa quậy', 'Moderately fidgety and restless'), 7: L('Đi lại liên tục, vật vã', 'Paces or thrashes about constantly') }),
    },
    {
      id: 'tactile',
      label: L('Rối loạn xúc giác', 'Tactile disturbances'),
      options: graded(7, { 0: none, 1: L('Rất nhẹ', 'Very mild'), 4: L('Ảo giác vừa', 'Moderate hallucinations'), 7: L('Ảo giác liên tục', 'Continuous hallucinations') }),
    },
    {
      id: 'auditory',
      label: L('Rối loạn thính giác', 'Auditory disturbances'),
      options: graded(7, { 0: none, 1: L('Rất nhẹ', 'Very mild'), 4: L('Ảo giác vừa', 'Moderate hallucinations'), 7: L('Ảo giác liên tục', 'Continuous hallucinations') }),
    },
    {
      id: 'visual',
      label: L('Rối loạn thị giác', 'Visual disturbances'),
      options: graded(7, { 0: none, 1: L('Rất nhẹ', 'Very mild'), 4: L('Ảo giác vừa', 'Moderate hallucinations'), 7: L('Ảo giác liên tục', 'Continuous hallucinations') }),
    },
    {
      id: 'headache',
      label: L('Đau đầu, nặng đầu', 'Headache, fullness in head'),
      options: graded(7, { 0: none, 1: L('Rất nhẹ', 'Very mild'), 4: L('Vừa nặng', 'Moderately severe'), 7: L('Cực kỳ nặng', 'Extremely severe') }),
    },
    {
      id: 'orientation',
      label: L('Định hướng, ý thức', 'Orientation and clouding of sensorium'),
      options: [
        opt(0, 'Định hướng tốt, cộng liên tiếp được', 'Oriented, can do serial additions'),
        opt(1, 'Không cộng liên tiếp được hoặc không chắc ngày', 'Cannot do serial additions or unsure of date'),
        opt(2, 'Nhầm ngày ≤ 2 ngày', 'Disoriented for date by ≤ 2 days'),
        opt(3, 'Nhầm ngày > 2 ngày', 'Disoriented for date by > 2 days'),
        opt(4, 'Mất định hướng nơi chốn hoặc người', 'Disoriented for place or person'),
      ],
    },
  ],
  bands: [
    { min: 0, max: 7, severity: 0, label: L('Tối thiểu', 'Minimal') },
    { min: 8, max: 14, severity: 2, label: L('Trung bình', 'Moderate') },
    { min: 15, max: null, severity: 4, label: L('Nặng', 'Severe') },
  ],
};

const likert = [
  opt(0, 'Không hề', 'Not at all'),
  opt(1, 'Hơi có', 'A little'),
  opt(2, 'Vừa phải', 'Moderately'),
  opt(3, 'Khá nhiều', 'Quite a lot'),
  opt(4, 'Rất nhiều', 'Extremely'),
];

/** Amphetamine Withdrawal Questionnaire: 10 self-report items over the last 24 h, total 0–40, no published bands. */
export const AWQ: ScaleDefinition = {
  id: 'awq',
  name: L('AWQ', 'AWQ'),
  description: L('Bộ câu hỏi hội chứng cai amphetamine, ma túy đá (AWQ, 24 giờ qua)', 'Amphetamine Withdrawal Questionnaire (methamphetamine; past 24 h)'),
  items: [
    { id: 'craving', label: L('Thèm ma túy', 'Craving for amphetamine'), options: likert },
    { id: 'sadness', label: L('Buồn bã', 'Sadness'), options: likert },
    { id: 'anhedonia', label: L('Mất hứng thú, mất niềm vui', 'Loss of interest or pleasure'), options: likert },
    { id: 'anxiety', label: L('Lo âu', 'Anxiety'), options: likert },
    { id: 'slowness', label: L('Cử động chậm chạp', 'Slowed movement'), options: likert },
    { id: 'agitation', label: L('Kích động', 'Agitation'), options: likert },
    { id: 'fatigue', label: L('Mệt mỏi', 'Tiredness'), options: likert },
    { id: 'appetite', label: L('Thèm ăn nhiều', 'Increased appetite'), options: likert },
    { id: 'dreams', label: L('Mơ nhiều, mơ rõ', 'Vivid or unpleasant dreams'), options: likert },
    { id: 'hypersomnia', label: L('Thèm ngủ, ngủ nhiều', 'Craving for sleep'), options: likert },
  ],
  bands: [],
};

export const BUILT_IN_SCALES: readonly ScaleDefinition[] = [COWS, CIWA_AR, AWQ];
export const BUILT_IN_SCALE_IDS: readonly string[] = BUILT_IN_SCALES.map((s) => s.id);
