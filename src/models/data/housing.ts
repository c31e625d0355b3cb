/**
 * California housing as scikit-learn's `fetch_california_housing()` returns it: 20,640 districts of
 * the 1990 census in StatLib's row order, eight features and the median house value in $100,000s.
 * The app ships the census columns in static/data/cal_housing.bin (built by
 * scripts/build-housing-data.mjs; layout described there) and derives scikit-learn's features here,
 * in float64, exactly as sklearn does: AveRooms = totalRooms / households,
 * AveBedrms = totalBedrooms / households, AveOccup = population / households, target = value / 1e5.
 * Loaded only when the housing course opens.
 */
import type { Dataset } from '../types';
import { modelsCourses } from '../../i18n/messages/models-courses';
import { modelsData } from '../../i18n/messages/models-data';

/** One feature as a learner reads it. */
export interface HousingFeature {
  /** scikit-learn's name, as in `housing.feature_names`. */
  key: string;
  /** The label on the input form, with the unit. */
  label: string;
  unit: string;
  /** One sentence in plain words. */
  meaning: string;
  /** Smallest value that makes sense (0 for counts and averages), null where negatives are valid. */
  minimum: number | null;
}

type FeatureKey = 'MedInc' | 'HouseAge' | 'AveRooms' | 'AveBedrms' | 'Population' | 'AveOccup' | 'Latitude' | 'Longitude';

/** One feature whose label, unit and meaning are read in the language on screen. */
function feature(key: FeatureKey, minimum: number | null): HousingFeature {
  const words = () => modelsCourses.housing.features[key];
  return {
    key,
    get label() {
      return words().label;
    },
    get unit() {
      return words().unit;
    },
    get meaning() {
      return words().meaning;
    },
    minimum,
  };
}

export const HOUSING_FEATURES: readonly HousingFeature[] = [
  feature('MedInc', 0),
  feature('HouseAge', 0),
  feature('AveRooms', 0),
  feature('AveBedrms', 0),
  feature('Population', 0),
  feature('AveOccup', 0),
  feature('Latitude', null),
  feature('Longitude', null),
];

export const HOUSING_TARGET = {
  key: 'MedHouseVal',
  /** "median house value", in the language on screen. */
  get label(): string {
    return modelsCourses.housing.target.label;
  },
  /** "$100,000s" ("100.000 $" in German). */
  get unit(): string {
    return modelsCourses.housing.target.unit;
  },
  get meaning(): string {
    return modelsCourses.housing.target.meaning;
  },
  /** One unit of the target in dollars. */
  dollars: 100_000,
  /** The census' top code: every district at or above $500,001 reads 5.00001. */
  cap: 5.00001,
} as const;

export const HOUSING_ROWS = 20_640;
/** Where the app serves the shipped file from (static/ is the web root). */
export const HOUSING_FILE = 'data/cal_housing.bin';

/** The data in float64, as numpy holds it, plus the float32 Dataset the rest of the app uses. */
export interface HousingData {
  /** rows x 8, row-major, float64: scikit-learn's `housing.data`. */
  x64: Float64Array;
  /** Target in $100,000s, float64: scikit-learn's `housing.target`. */
  y64: Float64Array;
  /** The same numbers in float32, unscaled. */
  dataset: Dataset;
}

/** Reads the shipped file (see scripts/build-housing-data.mjs for its layout). */
export function parseHousing(buffer: ArrayBuffer | Uint8Array): HousingData {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (bytes.length < 8 || magic !== 'CALH') throw new Error(modelsData.housing.badHeader);
  const n = view.getUint32(4, true);
  if (bytes.length !== 8 + n * 21) throw new Error(modelsData.housing.truncated(bytes.length, n));
  let offset = 8;
  const column = (bytesPer: number, read: (o: number) => number, divisor = 1): Float64Array => {
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = read(offset + r * bytesPer) / divisor;
    offset += n * bytesPer;
    return out;
  };
  const u32 = (o: number) => view.getUint32(o, true);
  const i16 = (o: number) => view.getInt16(o, true);
  const u16 = (o: number) => view.getUint16(o, true);
  const medianIncome = column(4, u32, 10000);
  const medianHouseValue = column(4, u32);
  const longitude = column(2, i16, 100);
  const latitude = column(2, i16, 100);
  const totalRooms = column(2, u16);
  const totalBedrooms = column(2, u16);
  const population = column(2, u16);
  const households = column(2, u16);
  const housingMedianAge = column(1, (o) => view.getUint8(o));

  const f = HOUSING_FEATURES.length;
  const x64 = new Float64Array(n * f);
  const y64 = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const h = households[r];
    const row = [medianIncome[r], housingMedianAge[r], totalRooms[r] / h, totalBedrooms[r] / h, population[r], population[r] / h, latitude[r], longitude[r]];
    x64.set(row, r * f);
    y64[r] = medianHouseValue[r] / 100000;
  }
  return {
    x64,
    y64,
    dataset: {
      id: 'housing',
      title: modelsCourses.housing.title,
      x: Float32Array.from(x64),
      y: Float32Array.from(y64),
      rows: n,
      features: f,
      featureNames: HOUSING_FEATURES.map((d) => d.label),
      task: 'regression',
      classNames: [],
    },
  };
}

let cached: Promise<HousingData> | null = null;

/**
 * Fetches and parses the shipped file once per page (later calls share the promise; a failure
 * is not cached, so the next call tries again). `fetcher` lets tests read the file from disk.
 */
export function loadHousing(fetcher: (path: string) => Promise<ArrayBuffer> = fetchBytes): Promise<HousingData> {
  if (!cached) {
    cached = fetcher(HOUSING_FILE).then(parseHousing);
    cached.catch(() => (cached = null));
  }
  return cached;
}

async function fetchBytes(path: string): Promise<ArrayBuffer> {
  const base = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? './';
  const res = await fetch(`${base}${path}`);
  if (!res.ok) throw new Error(modelsData.housing.notLoaded(res.status, res.statusText));
  return res.arrayBuffer();
}

/** The row whose features are each feature's median over all rows, rounded as a learner would type them. */
export function medianDistrict(ds: Dataset): number[] {
  const f = ds.features;
  const n = ds.rows;
  return Array.from({ length: f }, (_, j) => {
    const col = new Float64Array(n);
    for (let r = 0; r < n; r++) col[r] = ds.x[r * f + j];
    col.sort();
    const m = n % 2 ? col[(n - 1) / 2] : (col[n / 2 - 1] + col[n / 2]) / 2;
    return Number(m.toPrecision(5));
  });
}

/** Row r's features from the float64 data (exactly sklearn's). */
export function housingRow(data: HousingData, r: number): number[] {
  const f = HOUSING_FEATURES.length;
  return Array.from(data.x64.subarray(r * f, (r + 1) * f));
}

/** Row r of a float32 table, each value at 7 significant digits (float32's precision): 8.3252, not 8.32520008. */
export function tableRow(ds: Dataset, r: number): number[] {
  return Array.from(ds.x.subarray(r * ds.features, (r + 1) * ds.features), (v) => Number(v.toPrecision(7)));
}

/**
 * A value of the target ($100,000s) as dollars, rounded to $100 as the census reports them:
 * 2.063 -> "$206,300", -0.05 -> "-$5,000" (German: "206.300 $", "−5.000 $"). Non-finite values read "—".
 */
export function formatDollars(value: number, roundTo = 100): string {
  if (!Number.isFinite(value)) return '—';
  const dollars = Math.round((value * HOUSING_TARGET.dollars) / roundTo) * roundTo;
  return modelsCourses.housing.dollars(dollars === 0 ? 0 : dollars);
}
