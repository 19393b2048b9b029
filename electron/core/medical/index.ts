import type { Area } from '../../../shared/api';
import type { MedicalEventType, MedicalHandlerName } from '../../../shared/medical';
import type { HandlerMap } from '../context';
import type { Projection } from '../store/projection';
import { arvSlice } from './arv';
import { detoxSlice } from './detox';
import { flagsSlice } from './flags';
import { prescriptionsSlice } from './prescriptions';
import { screeningSlice } from './screening';
import type { Redaction } from './slice';

const SLICES = [screeningSlice, detoxSlice, prescriptionsSlice, arvSlice, flagsSlice] as const;

export const MEDICAL_PROJECTIONS: readonly Projection[] = SLICES.flatMap((s) => s.projections);

export const medicalHandlers: HandlerMap<MedicalHandlerName> = {
  ...screeningSlice.handlers,
  ...detoxSlice.handlers,
  ...prescriptionsSlice.handlers,
  ...arvSlice.handlers,
  ...flagsSlice.handlers,
};

export const MEDICAL_EVENT_AREAS: Record<MedicalEventType, Area[]> = {
  ...screeningSlice.areas,
  ...detoxSlice.areas,
  ...prescriptionsSlice.areas,
  ...arvSlice.areas,
  ...flagsSlice.areas,
};

export const MEDICAL_REDACTION: Record<MedicalEventType, Redaction> = {
  ...screeningSlice.redaction,
  ...detoxSlice.redaction,
  ...prescriptionsSlice.redaction,
  ...arvSlice.redaction,
  ...flagsSlice.redaction,
};
