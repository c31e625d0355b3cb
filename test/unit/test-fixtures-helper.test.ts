/** The helper every fixture-reading test uses: found from the test's location; in CI a missing folder fails. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES_ROOT, fixtures, pythonWith } from '../fixtures';

describe('fixtures()', () => {
  it('resolves ../shared/fixtures from the test folder, not from the working directory', () => {
    expect(FIXTURES_ROOT).toBe(resolve(__dirname, '../../../shared/fixtures'));
    const cwd = process.cwd();
    try {
      process.chdir('/');
      expect(fixtures('models').dir).toBe(resolve(__dirname, '../../../shared/fixtures/models'));
    } finally {
      process.chdir(cwd);
    }
  });

  it('in CI, a missing folder throws a message that says what is missing and why the run fails', () => {
    expect(() => fixtures('models', { CI: 'true' }, '/nonexistent/shared/fixtures')).toThrow(
      /CI requires the shared fixtures at \/nonexistent\/shared\/fixtures\/models, but .* does not exist.*must not skip/,
    );
  });

  it('outside CI, a missing folder is a skip that says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const f = fixtures('models', {}, '/nonexistent/shared/fixtures');
    expect(f.present).toBe(false);
    expect(f.skipNote).toMatch(/SKIPPED: .*does not exist.*in CI this fails/);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/skipping tests that need the shared fixtures/));
    warn.mockRestore();
  });

  it('a present folder is present, with no skip note', () => {
    const f = fixtures('', { CI: 'true' }, __dirname);
    expect(f).toMatchObject({ present: true, skipNote: '', dir: __dirname });
    expect(f.path('x.json')).toBe(resolve(__dirname, 'x.json'));
    expect(existsSync(f.path('test-fixtures-helper.test.ts'))).toBe(true);
  });
});

describe('pythonWith()', () => {
  it('in CI, a python without the module throws; outside CI it is a skip that says so', () => {
    expect(() => pythonWith('no_such_module_xyz', { CI: 'true' })).toThrow(/CI requires python3 with no_such_module_xyz/);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(pythonWith('no_such_module_xyz', {})).toMatchObject({ python: null, present: false });
    warn.mockRestore();
  });
});

it('every test reaches ../shared/fixtures through this helper (no path of its own, no process.cwd())', () => {
  const root = resolve(__dirname, '..');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === '__screenshots__' ? [] : walk(resolve(dir, e.name))) : /\.(ts|mjs)$/.test(e.name) ? [resolve(dir, e.name)] : [],
    );
  const own = walk(root)
    .filter((f) => relative(root, f) !== 'fixtures.ts' && relative(root, f) !== 'unit/test-fixtures-helper.test.ts')
    .filter((f) => /['"][^'"\n]*shared\/fixtures[^'"\n]*['"]|['"]shared['"]\s*,\s*['"]fixtures['"]|process\.cwd\(\)/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(root, f));
  expect(own).toEqual([]);
});
