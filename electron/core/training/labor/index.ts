import type { LABOR_EVENTS, LABOR_HANDLERS } from '../../../../shared/training/labor';
import type { TrainingSlice } from '../slice';
import { laborHandlers } from './handlers';
import { laborProjection } from './projection';

export const laborSlice: TrainingSlice<keyof typeof LABOR_EVENTS, keyof typeof LABOR_HANDLERS> = {
  projections: [laborProjection],
  handlers: laborHandlers,
  areas: {
    WorkshopOpened: ['labor'],
    WorkshopChanged: ['labor'],
    WorkshopClosed: ['labor', 'trainees'],
    TraineeAssignedToWorkshop: ['labor', 'trainees'],
    TraineeUnassignedFromWorkshop: ['labor', 'trainees'],
    LaborRecorded: ['labor', 'trainees'],
  },
};
