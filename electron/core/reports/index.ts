/**
 * Reports (shared/reports.ts): read-only handlers over the other areas' tables; no events or
 * tables of their own (a print is an AccessRecorded of the access log).
 */
export { reportHandlers } from './handlers';
