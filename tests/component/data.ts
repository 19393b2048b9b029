import type { TraineeList, TraineeRecord } from '../../shared/admissions';
import type { TimelineEntry } from '../../shared/api';
import { ADMIN } from './fakeBridge';

export const HOA_ID = '11111111-1111-4111-8111-111111111111';
export const BINH_ID = '22222222-2222-4222-8222-222222222222';

export const hoa: TraineeRecord = {
  id: HOA_ID,
  fileNumber: 'HS-2024-001',
  fullName: 'Nguyễn Thị Hoà',
  sex: 'female',
  dateOfBirth: '1995-03-05',
  idNumber: '012345678901',
  homeAddress: 'Bản Mòng, xã Hua La, TP Sơn La',
  admissionType: 'compulsory',
  decisionNumber: '123/QĐ-TA',
  admissionDate: '2024-06-01',
  plannedReleaseDate: '2026-06-01',
  educationLevel: 'lower_secondary',
  substances: ['heroin', 'methamphetamine'],
  familyContact: { name: 'Nguyễn Văn Tám', relationship: 'Bố', phone: '0912 345 678' },
  status: 'in_care',
  phase: 'detox',
  releaseDate: null,
  releaseKind: null,
  releaseNote: '',
  version: 2,
};

export const roster: TraineeList = {
  items: [
    {
      id: HOA_ID,
      fileNumber: 'HS-2024-001',
      fullName: 'Nguyễn Thị Hoà',
      sex: 'female',
      dateOfBirth: '1995-03-05',
      admissionType: 'compulsory',
      admissionDate: '2024-06-01',
      plannedReleaseDate: '2026-06-01',
      status: 'in_care',
      phase: 'detox',
      releaseDate: null,
      atHospital: false,
      separateHousing: false,
      workRestrictions: [],
    },
    {
      id: BINH_ID,
      fileNumber: 'HS-2024-002',
      fullName: 'Lò Văn Bình',
      sex: 'male',
      dateOfBirth: '1988-11-20',
      admissionType: 'voluntary',
      admissionDate: '2024-07-15',
      plannedReleaseDate: '2025-01-15',
      status: 'in_care',
      phase: 'education',
      releaseDate: null,
      atHospital: false,
      separateHousing: false,
      workRestrictions: [],
    },
  ],
  counts: { shown: 2, inCare: 2, released: 1, compulsory: 2, voluntary: 1 },
  truncated: false,
};

export const hoaTimeline: TimelineEntry[] = [
  {
    seq: 5,
    type: 'TraineeAdmitted',
    occurredAt: '2024-06-01',
    recordedAt: '2024-06-01T08:30:00.000Z',
    actor: { id: ADMIN.id, fullName: ADMIN.fullName },
    meta: { actor: ADMIN.id, actorRoles: ['admin'] },
    data: { traineeId: HOA_ID, fileNumber: 'HS-2024-001', fullName: 'Nguyễn Thị Hoa', admissionType: 'compulsory', admissionDate: '2024-06-01' },
    voided: null,
  },
  {
    seq: 9,
    type: 'TraineeDetailsCorrected',
    occurredAt: '2024-06-03T09:00:00.000Z',
    recordedAt: '2024-06-03T09:00:00.000Z',
    actor: { id: ADMIN.id, fullName: ADMIN.fullName },
    meta: { actor: ADMIN.id, actorRoles: ['admin'], reason: 'Sai chính tả theo CCCD' },
    data: {
      traineeId: HOA_ID,
      corrects: 5,
      changes: [
        { field: 'fullName', from: 'Nguyễn Thị Hoa', to: 'Nguyễn Thị Hoà' },
        { field: 'dateOfBirth', from: '1995-05-03', to: '1995-03-05' },
      ],
      reason: 'Sai chính tả theo CCCD',
    },
    voided: null,
  },
];
