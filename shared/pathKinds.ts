/**
 * Paths the page may ask the desktop shell to pick with its native dialog (SenBridge.choosePath).
 * Alone in this file so the preload can check them without bundling the schemas.
 */
export const PATH_KINDS = ['folder', 'backupFile'] as const;
export type PathKind = (typeof PATH_KINDS)[number];
