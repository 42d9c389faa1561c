/**
 * @sahaja/core — the domain library of Sahaja: identifiers, dates, eligibility, matching (pemadanan),
 * scheduling and the synthetic programme generator. Pure functions on plain data; no DOM, no Node APIs.
 */
export type {
  Holiday,
  IsoDate,
  Resident,
  School,
  Sex,
  StudentRecord,
  Team,
} from './domain/records.js';
export {
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  formatIsoDate,
  formatLongDate,
  fromDayNumber,
  fromExcelSerial,
  isLeapYear,
  isoDayOfWeek,
  isValidDate,
  MONTHS_EN,
  MONTHS_ID,
  parseIsoDate,
  toDayNumber,
  toExcelSerial,
  type PlainDate,
} from './dates/plain-date.js';
export {
  JAWA_TIMUR_REGENCIES,
  KAB_KEDIRI,
  KEDIRI_KECAMATAN,
  KOTA_KEDIRI,
  PROVINCES,
  type Kecamatan,
  type Region,
} from './regions/data.js';
export { HOLIDAYS_2023, HOLIDAYS_2024 } from './calendar/holidays.js';
export { Random, WeightedTable } from './random/prng.js';
export {
  DEFAULT_DEMO_OPTIONS,
  generateProgramme,
  holidaysFor,
  validateDemoOptions,
} from './generator/programme.js';
export { NOISE_RATES } from './generator/noise.js';
export { CORRUPTIONS } from './generator/types.js';
export type {
  Corruption,
  DemoOptions,
  DemoProgramme,
  DemoSummary,
  Progress,
  SchoolFile,
  SheetCell,
  SheetData,
  TruthRow,
  Village,
} from './generator/types.js';
export { CORE_VERSION, createCoreApi, type CoreApi, type DemoRequest } from './api.js';
