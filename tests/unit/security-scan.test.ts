/** The electronegativity gate (npm run security:scan): its policy file and its decision. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, unjustified, type Finding } from '../security/electronegativity';

const finding = (id: string, file: string): Finding => ({ id, file, line: 1, column: 1, severity: 'LOW', confidence: 'FIRM', description: '' });

describe('electronegativity policy', () => {
  const policy = loadPolicy();
  const doc = readFileSync(join(import.meta.dirname, '../../docs/security.md'), 'utf8');

  it('gives a reason for every justified finding and excluded check, each named in docs/security.md', () => {
    expect(policy.electronVersion).toMatch(/^45\./);
    for (const entry of [...policy.justified, ...policy.excludedChecks]) expect(entry.reason.length).toBeGreaterThan(40);
    for (const j of policy.justified) expect(doc).toContain(j.id);
    for (const c of policy.excludedChecks) expect(doc).toContain(c.check);
  });

  it('fails on findings the policy does not justify, by id and file', () => {
    expect(unjustified([finding('PRELOAD_JS_CHECK', 'main/index.js')], policy)).toEqual([]);
    expect(unjustified([finding('CSP_GLOBAL_CHECK', 'renderer/index.html')], policy)).toEqual([]);
    expect(unjustified([finding('CSP_GLOBAL_CHECK', 'renderer/other.html')], policy)).toHaveLength(1);
    expect(unjustified([finding('NODE_INTEGRATION_JS_CHECK', 'main/index.js')], policy)).toHaveLength(1);
    expect(unjustified([finding('OPEN_EXTERNAL_JS_CHECK', 'main/index.js')], policy)).toHaveLength(1);
    // A prefix matches the hashed renderer bundle only, not the main process.
    expect(unjustified([finding('DANGEROUS_FUNCTIONS_JS_CHECK', 'renderer/assets/index-Oo6ph4Ah.js')], policy)).toEqual([]);
    expect(unjustified([finding('DANGEROUS_FUNCTIONS_JS_CHECK', 'main/index.js')], policy)).toHaveLength(1);
  });
});
