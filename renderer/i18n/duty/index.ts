import { conductMessages } from './conduct';
import { dutyLogMessages } from './dutyLog';
import { housingMessages } from './housing';
import { keepApartMessages } from './keepApart';
import { recognitionMessages } from './recognition';

/** The duty area's messages, one file per slice; joined into `vi.ts` / `en.ts`. */
function join(lang: 'vi' | 'en') {
  return {
    eventTypes: {
      ...housingMessages[lang].eventTypes,
      ...keepApartMessages[lang].eventTypes,
      ...conductMessages[lang].eventTypes,
      ...recognitionMessages[lang].eventTypes,
      ...dutyLogMessages[lang].eventTypes,
    },
    housing: housingMessages[lang].ui,
    keepApart: keepApartMessages[lang].ui,
    conduct: conductMessages[lang].ui,
    recognition: recognitionMessages[lang].ui,
    dutyLog: dutyLogMessages[lang].ui,
  };
}

export const dutyVi = join('vi');
export const dutyEn: typeof dutyVi = join('en');
