import type { CLASSES_EVENTS, CLASSES_HANDLERS } from '../../../../shared/training/classes';
import type { TrainingSlice } from '../slice';
import { classesHandlers } from './handlers';
import { classesProjection } from './projection';

export const classesSlice: TrainingSlice<keyof typeof CLASSES_EVENTS, keyof typeof CLASSES_HANDLERS> = {
  projections: [classesProjection],
  handlers: classesHandlers,
  areas: {
    ClassOpened: ['literacy'],
    ClassClosed: ['literacy'],
    TraineeEnrolled: ['literacy', 'trainees'],
    TraineeWithdrawn: ['literacy', 'trainees'],
    AttendanceRecorded: ['literacy', 'trainees'],
  },
};
