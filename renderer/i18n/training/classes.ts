/**
 * Messages of the classes slice, Vietnamese and English with the same keys (the compiler checks
 * `en` against `vi`). `eventTypes` label this slice's event types in timelines; `ui` is
 * everything its screens say, under the key `classes.` of the catalogs.
 */
const vi = {
  eventTypes: {},
  ui: {},
};

const en: typeof vi = {
  eventTypes: {},
  ui: {},
};

export const classesMessages = { vi, en };
