#!/usr/bin/env node
// `sen` command: runs the TypeScript CLI through tsx's ESM API (no separate build step).
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../electron/cli/index.ts', import.meta.url);
await main(process.argv);
