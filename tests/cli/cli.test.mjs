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

// --- render ------------------------------------------------------------------------

const REISMAN = `${fixturesDir}/reisman_shaved_front.jpg`; // 1192×1857
const REISMAN_HANDLES = '334,237,551,215,768,237'; // full-size pixels

function render(name, ...extra) {
  const out = join(dir, `${name}.png`);
  const dots = join(dir, `${name}.csv`);
  const result = run('render', REISMAN, '-o', out, '--handles', REISMAN_HANDLES, '--max-side', '400',
    '--dump-dots', dots, ...extra);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  return { stdout: result.stdout, png: readFileSync(out), csv: readFileSync(dots, 'utf8') };
}

test('render writes a PNG of the photo with the dots and a dots.csv', () => {
  const { stdout, png, csv } = render('seed7', '--template', 'sharp', '--shade', '2', '--seed', '7');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [257, 400]);
  const summary = stdout.match(/^wrote .*seed7\.png \(257×400\): (\d+) dots, ([\d.]+) px\/mm$/m);
  assert.ok(summary, stdout);
  assert.match(stdout, /^ {2}front-mid +[\d.]+ dots\/cm² \(target 90\.0\) over [\d.]+ cm²$/m);
  assert.match(stdout, /^ {2}stages ms: frame [\d.]+ hairline [\d.]+ mask/m);

  const lines = csv.split('\n');
  assert.equal(lines.pop(), ''); // ends with a newline
  assert.equal(lines[0], 'x_px,y_px,diameter_mm,angle_deg,depth_mm,strength,session');
  assert.equal(lines.length - 1, Number(summary[1]));
  assert.ok(lines.length > 1000, `${lines.length - 1} dots`);
  for (const line of lines.slice(1)) {
    const fields = line.split(',');
    assert.equal(fields.length, 7, line);
    assert.ok(fields.every((f) => /^-?\d+(\.\d+)?$/.test(f) && Number.isFinite(Number(f))), line);
    const [x, y, diameter, , depth, strength, session] = fields.map(Number);
    assert.ok(x >= 0 && x <= 257 && y >= 0 && y <= 400, line);
    assert.ok(diameter > 0 && depth > 0 && strength > 0 && [1, 2, 3].includes(session), line);
  }
});

test('render: the same seed gives the same bytes, another seed different ones', () => {
  const a = render('a', '--seed', '11');
  const b = render('b', '--seed', '11');
  const c = render('c', '--seed', '12');
  assert.ok(a.png.equals(b.png));
  assert.equal(a.csv, b.csv);
  assert.equal(a.png.equals(c.png), false);
  assert.notEqual(a.csv, c.csv);
});

test('render writes a JPEG too', () => {
  const out = join(dir, 'render.jpg');
  const result = run('render', REISMAN, '-o', out, '--handles', REISMAN_HANDLES, '--max-side', '300');
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual([...readFileSync(out).subarray(0, 3)], [0xff, 0xd8, 0xff]);
  assert.match(run('info', out).stdout, /^size: 193×300 upright$/m);
});

// Each case: arguments after PHOTO -o OUT, the exit code, the first line of stderr.
const RENDER_ERRORS = [
  ['handles with five numbers', ['--handles', '334,237,551,215,768'], 1,
    'smp-preview: --handles needs six numbers: x1,y1,x2,y2,x3,y3'],
  ['handles with seven numbers', ['--handles', `${REISMAN_HANDLES},5`], 1,
    'smp-preview: --handles needs six numbers: x1,y1,x2,y2,x3,y3'],
  ['handles that are not numbers', ['--handles', '334,237,mid,215,768,237'], 1,
    'smp-preview: --handles needs six numbers: x1,y1,x2,y2,x3,y3'],
  ['no handles', [], 1, 'smp-preview: render needs --handles x1,y1,x2,y2,x3,y3'],
  ['swapped temple corners', ['--handles', '768,237,551,215,334,237'], 2,
    'smp-preview: error: the left and right temple corners are swapped'],
  ['a handle off the photo', ['--handles', '334,237,551,-40,768,237'], 2,
    'smp-preview: error: the mid-frontal point at (551, -40) is outside the photo (1192×1857)'],
  ['a handle beyond the right edge', ['--handles', '334,237,551,215,1300,237'], 2,
    'smp-preview: error: the right temple corner at (1300, 237) is outside the photo (1192×1857)'],
  ['an unknown template', ['--handles', REISMAN_HANDLES, '--template', 'mohawk'], 2,
    "smp-preview: error: unknown hairline template 'mohawk' (soft, sharp, straight, rounded, receded, widows-peak)"],
  ['density 2', ['--handles', REISMAN_HANDLES, '--density', '2'], 1,
    'smp-preview: --density needs a number from 0.3 to 1.5'],
  ['shade 6', ['--handles', REISMAN_HANDLES, '--shade', '6'], 1,
    'smp-preview: --shade needs a whole number from 1 to 5'],
  ['a fractional seed', ['--handles', REISMAN_HANDLES, '--seed', '1.5'], 1,
    'smp-preview: --seed needs a whole number from 0 to 4294967295'],
  ['an unknown coverage', ['--handles', REISMAN_HANDLES, '--coverage', 'all'], 1,
    "smp-preview: unknown coverage 'all' (full, crown, density-fill, patch)"],
];

for (const [name, args, status, firstLine] of RENDER_ERRORS) {
  test(`render refuses ${name}: exit ${status}, one line naming it`, () => {
    const out = join(dir, 'refused.png');
    rmSync(out, { force: true });
    const result = run('render', REISMAN, '-o', out, ...args);
    assert.equal(result.status, status, result.stderr);
    assert.equal(result.stdout, '');
    const lines = result.stderr.split('\n');
    assert.equal(lines[0], firstLine);
    // Bad input is that one line; a usage error adds the usage after it.
    if (status === 2) assert.equal(result.stderr, `${firstLine}\n`);
    else assert.match(result.stderr, /\nusage: smp-preview info PHOTO\n/);
    assert.throws(() => readFileSync(out), /ENOENT/, 'an output file was written');
  });
}

// --- place: automatic placement ----------------------------------------------------

test('place proposes handles near the annotated ones, ready for render --handles', () => {
  const result = run('place', `${fixturesDir}/reisman_exif_orientation6.jpg`);
  assert.equal(result.status, 0, result.stderr);
  const proposal = JSON.parse(result.stdout);
  assert.equal(proposal.reason, 'ok');
  assert.equal(proposal.faces.length, 1);
  // tests/placement/annotations.json: midFront (541, 162), pupils 4.715 px/mm.
  const [x, y] = proposal.handles.midFront;
  assert.ok(Math.hypot(x - 541, y - 162) / 4.715 < 5, `midFront ${x}, ${y}`);
  assert.ok(Math.abs(proposal.pxPerMm / 4.715 - 1) < 0.03, `${proposal.pxPerMm} px/mm`);
  const rendered = run('render', `${fixturesDir}/reisman_exif_orientation6.jpg`, '-o', join(dir, 'placed.png'),
    '--handles', proposal.handlesArgument, '--scale', String(proposal.pxPerMm));
  assert.equal(rendered.status, 0, rendered.stderr);
});

test('place: rounded style lowers the hairline; bad values and bundles are refused', () => {
  const photo = `${fixturesDir}/collins_fullhair_control.png`;
  const standard = JSON.parse(run('place', photo).stdout);
  const rounded = JSON.parse(run('place', photo, '--template', 'rounded').stdout);
  assert.equal(standard.hairlineHeightMm, 70);
  assert.equal(rounded.hairlineHeightMm, 55);
  assert.ok(rounded.handles.midFront[1] > standard.handles.midFront[1]);
  let result = run('place', photo, '--height', '10');
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^smp-preview: --height needs a number from 30 to 120 \(mm\)\n/);
  const broken = join(dir, 'broken.bin');
  writeFileSync(broken, 'SMPCAS01');
  result = run('place', photo, '--cascades', broken);
  assert.equal(result.status, 2);
  assert.equal(result.stderr, 'smp-preview: error: the cascade bundle is invalid: implausible cascade count\n');
  result = run('place', photo, '--face', '4');
  assert.equal(result.status, 2);
  assert.equal(result.stderr, 'smp-preview: error: face index 4 but only 1 faces were found\n');
});

test('place on a photo without a face: reason no-face and no handles', () => {
  const blank = join(dir, 'blank.bmp');
  // A 64×48 grey 24-bit BMP.
  const [w, h] = [64, 48];
  const row = w * 3;
  const bmp = Buffer.alloc(54 + row * h, 180);
  bmp.write('BM', 0, 'latin1');
  bmp.writeUInt32LE(bmp.length, 2);
  bmp.writeUInt32LE(54, 10);
  bmp.writeUInt32LE(40, 14);
  bmp.writeInt32LE(w, 18);
  bmp.writeInt32LE(h, 22);
  bmp.writeUInt16LE(1, 26);
  bmp.writeUInt16LE(24, 28);
  bmp.writeUInt32LE(0, 30);
  bmp.writeUInt32LE(row * h, 34);
  bmp.fill(0, 38, 54);
  writeFileSync(blank, bmp);
  const result = run('place', blank);
  assert.equal(result.status, 0, result.stderr);
  const proposal = JSON.parse(result.stdout);
  assert.equal(proposal.reason, 'no-face');
  assert.deepEqual(proposal.faces, []);
  assert.equal(proposal.handles, undefined);
});
