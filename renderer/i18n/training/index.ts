import { classesMessages } from './classes';
import { laborMessages } from './labor';
import { literacyMessages } from './literacy';
import { reintegrationMessages } from './reintegration';

/** The teachers' and instructors' area's messages, one file per slice; joined into `vi.ts` / `en.ts`. */
function join(lang: 'vi' | 'en') {
  return {
    eventTypes: {
      ...classesMessages[lang].eventTypes,
      ...literacyMessages[lang].eventTypes,
      ...laborMessages[lang].eventTypes,
      ...reintegrationMessages[lang].eventTypes,
    },
    /** Field issue codes of the slices, joined into the catalogs' `validation.` keys. */
    validation: { ...classesMessages[lang].validation, ...literacyMessages[lang].validation, ...laborMessages[lang].validation },
    classes: classesMessages[lang].ui,
    literacy: literacyMessages[lang].ui,
    labor: laborMessages[lang].ui,
    reintegration: reintegrationMessages[lang].ui,
  };
}

export const trainingVi = join('vi');
export const trainingEn: typeof trainingVi = join('en');
