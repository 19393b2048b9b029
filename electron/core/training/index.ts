import type { Area } from '../../../shared/api';
import type { TrainingEventType, TrainingHandlerName } from '../../../shared/training';
import type { HandlerMap } from '../context';
import type { Projection } from '../store/projection';
import { classesSlice } from './classes';
import { laborSlice } from './labor';
import { literacySlice } from './literacy';
import { reintegrationSlice } from './reintegration';

export const TRAINING_PROJECTIONS: readonly Projection[] = [classesSlice, literacySlice, laborSlice, reintegrationSlice].flatMap((s) => s.projections);

export const trainingHandlers: HandlerMap<TrainingHandlerName> = {
  ...classesSlice.handlers,
  ...literacySlice.handlers,
  ...laborSlice.handlers,
  ...reintegrationSlice.handlers,
};

export const TRAINING_EVENT_AREAS: Record<TrainingEventType, Area[]> = {
  ...classesSlice.areas,
  ...literacySlice.areas,
  ...laborSlice.areas,
  ...reintegrationSlice.areas,
};
