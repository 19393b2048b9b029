// Electron main process entry (out/main/index.js).
import { start } from './app';

start();
