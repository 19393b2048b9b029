/**
 * Messages of the dutyLog slice, Vietnamese and English with the same keys (the compiler checks
 * `en` against `vi`). `eventTypes` label this slice's event types in timelines; `ui` is
 * everything its screens say, under the key `dutyLog.` of the catalogs.
 */
const vi = {
  eventTypes: {
    ShiftNoteRecorded: 'Ghi chú ca trực',
  },
  ui: {
    title: 'Sổ trực',
    day: 'Ngày',
    previousDay: 'Ngày trước',
    nextDay: 'Ngày sau',
    today: 'Hôm nay',
    lines: 'Việc cán bộ trực đã ghi trong ngày',
    noLines: 'Không có việc nào được ghi trong ngày này.',
    columns: { time: 'Giờ', officer: 'Cán bộ', what: 'Việc', whom: 'Học viên' },
    voided: 'Hủy: {{type}}',
    details: {
      place: 'phòng {{room}}, giường {{bed}}',
      room: 'phòng {{room}}',
      reason: 'lý do: {{reason}}',
      override: 'ghi nhận dù có cảnh báo: {{reason}}',
      at: 'tại {{place}}',
      from: 'từ {{date}}',
      span: '{{n}} ngày, {{start}}–{{end}}',
      until: 'đến hết {{date}}',
      headcountRoom: 'phòng {{room}} {{counted}}/{{expected}}',
      off: 'lệch {{n}}',
    },
    shifts: { day: 'Ca ngày', night: 'Ca đêm' },
    notes: 'Ghi chú ca trực',
    noNotes: 'Chưa có ghi chú cho ngày này.',
    noteBy: '{{officer}}, lúc {{time}}',
    voidNote: 'Hủy ghi chú',
    form: {
      title: 'Ghi chú ca trực',
      date: 'Ngày của ca',
      shift: 'Ca',
      text: 'Nội dung',
      submit: 'Ghi chú',
      success: 'Đã ghi chú ca trực.',
    },
    handover: {
      title: 'Bàn giao ca',
      lastShift: '{{shift}} ngày {{date}}',
      noNotes: 'Chưa có ghi chú ca nào.',
      inCare: 'Học viên đang quản lý',
      atHospital: 'Đang ở bệnh viện',
      separateHousing: 'Cần ở riêng',
      withoutBed: 'Chưa xếp giường',
      activeKeepApart: 'Cặp cần tách riêng',
      openMismatches: 'Điểm danh lệch chưa xử lý',
      recordedToday: 'Việc đã ghi hôm nay',
    },
  },
};

const en: typeof vi = {
  eventTypes: {
    ShiftNoteRecorded: 'Shift note',
  },
  ui: {
    title: 'Duty log',
    day: 'Day',
    previousDay: 'Previous day',
    nextDay: 'Next day',
    today: 'Today',
    lines: 'Recorded by duty officers that day',
    noLines: 'Nothing was recorded on this day.',
    columns: { time: 'Time', officer: 'Officer', what: 'What', whom: 'Trainee' },
    voided: 'Voided: {{type}}',
    details: {
      place: 'room {{room}}, bed {{bed}}',
      room: 'room {{room}}',
      reason: 'reason: {{reason}}',
      override: 'recorded despite warnings: {{reason}}',
      at: 'at {{place}}',
      from: 'from {{date}}',
      span: 'days: {{n}}, {{start}}–{{end}}',
      until: 'until {{date}}',
      headcountRoom: 'room {{room}} {{counted}}/{{expected}}',
      off: 'off by {{n}}',
    },
    shifts: { day: 'Day shift', night: 'Night shift' },
    notes: 'Shift notes',
    noNotes: 'No notes for this day yet.',
    noteBy: '{{officer}}, at {{time}}',
    voidNote: 'Void note',
    form: {
      title: 'Shift note',
      date: 'Day of the shift',
      shift: 'Shift',
      text: 'Note',
      submit: 'Save note',
      success: 'Shift note saved.',
    },
    handover: {
      title: 'Handover',
      lastShift: '{{shift}} of {{date}}',
      noNotes: 'No shift notes yet.',
      inCare: 'Trainees in care',
      atHospital: 'At hospital',
      separateHousing: 'Separate housing required',
      withoutBed: 'Without a bed',
      activeKeepApart: 'Keep-apart pairs',
      openMismatches: 'Open headcount differences',
      recordedToday: 'Recorded today',
    },
  },
};

export const dutyLogMessages = { vi, en };
