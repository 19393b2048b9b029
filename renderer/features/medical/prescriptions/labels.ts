import type { MantineColor } from '@mantine/core';
import type { DoseStatus } from '../../../../shared/medical/prescriptions';

/** One colour per dose status, the same on the round and on the administration record. */
export const STATUS_COLOR: Record<DoseStatus, MantineColor> = { given: 'teal', refused: 'red', held: 'yellow', missed: 'gray' };
