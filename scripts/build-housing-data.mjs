/**
 * Builds static/data/cal_housing.bin, the California housing data the housing course loads, from
 * StatLib's cal_housing table (1990 census, Pace and Barry 1997) as a CSV in Torgo's column order:
 *
 *   node scripts/build-housing-data.mjs [path/to/cal_housing.csv]
 *
 * (default: ../shared/fixtures/data/cal_housing.csv beside the checkout). Rows stay in the file's
 * order, which is scikit-learn's fetch_california_housing order, so validation_split=0.25 takes the
 * same last 5,160 rows Keras would.
 *
 * The file keeps the census columns exactly (every value in the table is a whole number after
 * scaling by 1, 100 or 10,000), so the loader can derive scikit-learn's float64 features bit for
 * bit: x / 100 and x / 10000 of an exact integer are the correctly rounded decimals numpy parses.
 *
 * Layout, little-endian, column by column (433,448 bytes for 20,640 rows):
 *   bytes 0-3  "CALH"; bytes 4-7 uint32 row count n
 *   uint32[n] medianIncome * 10000    uint32[n] medianHouseValue
 *   int16[n]  longitude * 100         int16[n]  latitude * 100
 *   uint16[n] totalRooms   uint16[n] totalBedrooms   uint16[n] population   uint16[n] households
 *   uint8[n]  housingMedianAge
 * src/models/data/housing.ts reads it; keep the two in step.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const source = process.argv[2] ?? here('../../shared/fixtures/data/cal_housing.csv');
const target = here('../static/data/cal_housing.bin');

const COLUMNS = ['longitude', 'latitude', 'housingMedianAge', 'totalRooms', 'totalBedrooms', 'population', 'households', 'medianIncome', 'medianHouseValue'];
/** column -> [factor, kind] in write order. */
const LAYOUT = [
  ['medianIncome', 10000, 'u32'],
  ['medianHouseValue', 1, 'u32'],
  ['longitude', 100, 'i16'],
  ['latitude', 100, 'i16'],
  ['totalRooms', 1, 'u16'],
  ['totalBedrooms', 1, 'u16'],
  ['population', 1, 'u16'],
  ['households', 1, 'u16'],
  ['housingMedianAge', 1, 'u8'],
];
const BYTES = { u32: 4, i16: 2, u16: 2, u8: 1 };
const RANGE = { u32: [0, 2 ** 32 - 1], i16: [-32768, 32767], u16: [0, 65535], u8: [0, 255] };

const lines = readFileSync(source, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
const header = lines[0].split(',').map((h) => h.trim());
if (header.join() !== COLUMNS.join()) throw new Error(`Unexpected header in ${source}: ${header.join(', ')}`);
const rows = lines.slice(1).map((l, r) => {
  const v = l.split(',').map(Number);
  if (v.length !== COLUMNS.length || v.some((x) => !Number.isFinite(x))) throw new Error(`Row ${r} is malformed: ${l}`);
  return v;
});
const n = rows.length;
const buf = Buffer.alloc(8 + n * LAYOUT.reduce((s, [, , k]) => s + BYTES[k], 0));
buf.write('CALH', 0, 'latin1');
buf.writeUInt32LE(n, 4);
let offset = 8;
for (const [name, factor, kind] of LAYOUT) {
  const c = COLUMNS.indexOf(name);
  for (let r = 0; r < n; r++) {
    const scaled = rows[r][c] * factor;
    const int = Math.round(scaled);
    if (Math.abs(scaled - int) > 1e-6 || int < RANGE[kind][0] || int > RANGE[kind][1]) {
      throw new Error(`Row ${r}, ${name} = ${rows[r][c]} does not fit ${kind} after * ${factor}.`);
    }
    if (kind === 'u32') buf.writeUInt32LE(int, offset);
    else if (kind === 'i16') buf.writeInt16LE(int, offset);
    else if (kind === 'u16') buf.writeUInt16LE(int, offset);
    else buf.writeUInt8(int, offset);
    offset += BYTES[kind];
  }
}
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, buf);
console.log(`${n} rows -> ${target} (${buf.length} bytes)`);
