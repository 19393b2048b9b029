import { accessMessages } from './access';
import { arvMessages } from './arv';
import { detoxMessages } from './detox';
import { flagsMessages } from './flags';
import { prescriptionsMessages } from './prescriptions';
import { screeningMessages } from './screening';

/**
 * The medical area's messages (and the access log's), one file per slice so work on one slice
 * does not touch another's; joined into `vi.ts` / `en.ts`.
 */
function join(lang: 'vi' | 'en') {
  return {
    eventTypes: {
      ...screeningMessages[lang].eventTypes,
      ...detoxMessages[lang].eventTypes,
      ...prescriptionsMessages[lang].eventTypes,
      ...arvMessages[lang].eventTypes,
      ...flagsMessages[lang].eventTypes,
      ...accessMessages[lang].eventTypes,
    },
    screening: screeningMessages[lang].ui,
    detox: detoxMessages[lang].ui,
    prescriptions: prescriptionsMessages[lang].ui,
    arv: arvMessages[lang].ui,
    flags: flagsMessages[lang].ui,
    access: accessMessages[lang].ui,
  };
}

export const medicalVi = join('vi');
export const medicalEn: typeof medicalVi = join('en');
