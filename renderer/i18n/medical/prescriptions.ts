/**
 * Messages of the prescriptions slice, Vietnamese and English with the same keys (the compiler checks
 * `en` against `vi`). `eventTypes` label this slice's event types in timelines; `ui` is
 * everything its screens say, under the key `prescriptions.` of the catalogs.
 */
const vi = {
  eventTypes: {
    FormularyItemAdded: 'Thêm thuốc vào danh mục',
    FormularyItemChanged: 'Sửa thuốc trong danh mục',
    PrescriptionWritten: 'Kê đơn thuốc',
    PrescriptionRevised: 'Điều chỉnh đơn thuốc',
    PrescriptionRenewed: 'Gia hạn đơn thuốc',
    PrescriptionDiscontinued: 'Ngừng thuốc',
    DoseRecorded: 'Ghi nhận liều thuốc',
  },
  ui: {},
};

const en: typeof vi = {
  eventTypes: {
    FormularyItemAdded: 'Formulary item added',
    FormularyItemChanged: 'Formulary item changed',
    PrescriptionWritten: 'Prescription written',
    PrescriptionRevised: 'Prescription revised',
    PrescriptionRenewed: 'Prescription renewed',
    PrescriptionDiscontinued: 'Prescription discontinued',
    DoseRecorded: 'Dose recorded',
  },
  ui: {},
};

export const prescriptionsMessages = { vi, en };
