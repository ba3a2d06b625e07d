// The smp-preview CLI: info and convert on real photos, and one clear line with
// exit code 2 for each bad input. SMP_CLI names the binary under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { badInputs, fixturesDir } from '../support/bad-files.mjs';

const cli = process.env.SMP_CLI;
let dir;

function run(...args) {
  assert.ok(cli, 'set SMP_CLI to the smp-preview binary');
  return spawnSync(cli, args, { encoding: 'utf8' });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'smp-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('info reports the EXIF-rotated photo upright', () => {
  const result = run('info', `${fixturesDir}/reisman_exif_orientation6.jpg`);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^size: 1192×1857 upright$/m);
  assert.match(result.stdout, /^stored: 1857×1192, orientation 6 /m);
  assert.match(result.stdout, /^format: JPEG, 3 channels, 8 bits per channel$/m);
});

test('convert writes an upright PNG and a JPEG at the requested size', () => {
  const png = join(dir, 'out.png');
  let result = run('convert', `${fixturesDir}/reisman_exif_orientation6.jpg`, '-o', png, '--max-side', '400');
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /\(257×400\)/);
  result = run('info', png);
  assert.match(result.stdout, /^size: 257×400 upright$/m);
  assert.match(result.stdout, /^stored: 257×400, orientation 1 /m);

  const jpg = join(dir, 'out.jpg');
  result = run('convert', `${fixturesDir}/collins_fullhair_control.png`, '-o', jpg);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual([...readFileSync(jpg).subarray(0, 3)], [0xff, 0xd8, 0xff]);
  assert.match(run('info', jpg).stdout, /^size: 512×512 upright$/m);
});

for (const { name, bytes, message } of badInputs()) {
  test(`bad input "${name}": exit 2 and one line`, () => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    for (const args of [['info', path], ['convert', path, '-o', join(dir, `${name}.png`)]]) {
      const result = run(...args);
      assert.equal(result.status, 2);
      assert.equal(result.stderr, `smp-preview: error: ${message}\n`);
      assert.equal(result.stdout, '');
    }
  });
}

test('a file over the input limit is refused unread', () => {
  const path = join(dir, 'huge.jpg');
  writeFileSync(path, '');
  truncateSync(path, 70 * 1024 * 1024); // sparse: costs no disk
  const result = run('info', path);
  assert.equal(result.status, 2);
  assert.equal(result.stderr, 'smp-preview: error: the file is 70.0 MiB, above the limit of 64.0 MiB\n');
});

test('a missing file and a directory are bad input too', () => {
  let result = run('info', join(dir, 'missing.jpg'));
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^smp-preview: error: cannot open .*missing\.jpg: No such file or directory\n$/);
  result = run('info', dir);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /is not a regular file\n$/);
});

test('usage errors exit 1 and show the usage', () => {
  for (const args of [[], ['frobnicate'], ['convert', 'a.jpg'], ['convert', 'a.jpg', '-o', 'x.gif'],
    ['convert', 'a.jpg', '-o', 'x.png', '--max-side', 'big']]) {
    const result = run(...args);
    assert.equal(result.status, 1, args.join(' '));
    assert.match(result.stderr, /usage: smp-preview info PHOTO/);
  }
});
