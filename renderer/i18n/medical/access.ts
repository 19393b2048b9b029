/**
 * Messages of the access slice, Vietnamese and English with the same keys (the compiler checks
 * `en` against `vi`). `eventTypes` label this slice's event types in timelines; `ui` is
 * everything its screens say, under the key `access.` of the catalogs.
 */
const vi = {
  eventTypes: {
    AccessRecorded: 'Ghi nhận truy cập dữ liệu',
  },
  ui: {
    kinds: {
      medical_record: 'Mở hồ sơ y tế',
      export: 'Xuất dữ liệu',
      print: 'In',
      backup: 'Sao lưu',
      restore: 'Khôi phục',
    },
    log: {
      title: 'Nhật ký truy cập',
      open: 'Nhật ký truy cập',
      intro: 'Ai đã mở hồ sơ y tế, xuất, in hoặc sao lưu dữ liệu của ai, vào lúc nào. Mỗi lượt được ghi vào sổ sự kiện và không thể xoá.',
      from: 'Từ ngày',
      to: 'Đến ngày',
      person: 'Người truy cập',
      kind: 'Loại truy cập',
      trainee: 'Học viên',
      traineePlaceholder: 'Tên hoặc số hồ sơ',
      all: 'Tất cả',
      clear: 'Xoá bộ lọc',
      invalidDate: 'Ngày không hợp lệ (dd/mm/yyyy)',
      tableLabel: 'Các lượt truy cập, mới nhất trước',
      when: 'Thời điểm',
      who: 'Người truy cập',
      whose: 'Dữ liệu của',
      detail: 'Chi tiết',
      facilityWide: 'Toàn cơ sở',
      traineeGone: 'Hồ sơ học viên đã bị huỷ',
      system: 'Hệ thống',
      empty: 'Không có lượt truy cập nào khớp bộ lọc.',
      truncated: 'Chỉ hiện {{rows}} lượt mới nhất: hãy thu hẹp khoảng ngày hoặc bộ lọc.',
      backToAccounts: 'Tài khoản',
    },
    record: {
      open: 'Hồ sơ y tế',
      title: 'Hồ sơ y tế',
      backToTrainee: 'Trang học viên',
      logged: 'Lần mở hồ sơ này đã được ghi vào nhật ký truy cập.',
      entries: 'Số mục y tế (lúc mở hồ sơ)',
      lastEntry: 'Ghi gần nhất (lúc mở hồ sơ)',
      none: 'Chưa có',
      sections: 'Các phần của hồ sơ y tế',
      tabs: {
        screening: 'Sàng lọc',
        detox: 'Cắt cơn',
        prescriptions: 'Đơn thuốc',
        arv: 'Điều trị ARV',
        flags: 'Ở riêng, hạn chế, chuyển viện',
        timeline: 'Dòng thời gian',
      },
      keys: 'Phím tắt: Alt+1 … Alt+6 chuyển giữa các phần.',
    },
  },
};

const en: typeof vi = {
  eventTypes: {
    AccessRecorded: 'Data access recorded',
  },
  ui: {
    kinds: {
      medical_record: 'Medical record opened',
      export: 'Data exported',
      print: 'Printed',
      backup: 'Backup',
      restore: 'Restore',
    },
    log: {
      title: 'Access log',
      open: 'Access log',
      intro: 'Who opened a medical record, or exported, printed or backed up whose data, and when. Each one is written to the event log and cannot be erased.',
      from: 'From',
      to: 'To',
      person: 'Person',
      kind: 'Kind of access',
      trainee: 'Trainee',
      traineePlaceholder: 'Name or file number',
      all: 'All',
      clear: 'Clear filters',
      invalidDate: 'Invalid date (dd/mm/yyyy)',
      tableLabel: 'Accesses, newest first',
      when: 'When',
      who: 'Person',
      whose: 'Whose data',
      detail: 'Detail',
      facilityWide: 'Whole facility',
      traineeGone: 'Trainee file voided',
      system: 'System',
      empty: 'No access matches the filters.',
      truncated: 'Only the newest {{rows}} are shown: narrow the dates or filters.',
      backToAccounts: 'Accounts',
    },
    record: {
      open: 'Medical record',
      title: 'Medical record',
      backToTrainee: 'Trainee page',
      logged: 'This opening has been recorded in the access log.',
      entries: 'Medical entries (when opened)',
      lastEntry: 'Last entry (when opened)',
      none: 'None yet',
      sections: 'Parts of the medical record',
      tabs: {
        screening: 'Screening',
        detox: 'Detox',
        prescriptions: 'Prescriptions',
        arv: 'ARV treatment',
        flags: 'Separate housing, restrictions, referrals',
        timeline: 'Timeline',
      },
      keys: 'Shortcuts: Alt+1 … Alt+6 switch between parts.',
    },
  },
};

export const accessMessages = { vi, en };
