/**
 * How often each disagreement between a school's list and the registry is introduced. The rates are
 * per student row (or per row that can carry the corruption, where said) and aim at what field reports
 * describe: most rows are clean, NIKs are often missing, Muhammad is spelt many ways. The generator's
 * tests check that the observed rates match these.
 */
export const NOISE_RATES = {
  /** Registry children absent from the registry (not on their family card). */
  notInRegistry: 0.025,
  /** Rows that list a student a second time (same school or after a transfer). */
  duplicateListing: 0.005,
  /** Births that are twins. */
  twinBirths: 0.012,
  /** Registry birth dates corrected after the NIK was issued (NIK date then disagrees). */
  birthDateCorrected: 0.004,

  nikMissing: 0.12,
  nikOneDigit: 0.03,
  nikTransposed: 0.015,
  nikParent: 0.008,
  nikSibling: 0.006,

  /** Of names that start with a Muhammad-family word: written with another spelling. */
  muhammadVariant: 0.6,
  /** Of names with Siti, Abdul, Nur/Nurul or Ahmad: the abbreviated or other form. */
  abbreviation: 0.25,
  nameSpaces: 0.03,
  namePunctuation: 0.02,
  nameTitle: 0.002,
  nameOldSpelling: 0.01,
  nameBinBinti: 0.005,
  nameOrderSwapped: 0.008,
  /** Of names with three or more words. */
  nameWordDropped: 0.04,
  nameWordAdded: 0.008,
  nameTypo: 0.03,

  dateDayMonthSwapped: 0.01,
  dateOneDigit: 0.012,
  dateYearOff: 0.008,
  dateMonthOff: 0.005,

  motherMissing: 0.05,
  motherVariant: 0.1,
  birthplaceVariant: 0.08,
  sexWrong: 0.003,
} as const;

/** Share of people aged 17 or more whose KTP-el is already recorded, by age on the reference date. */
export const RECORDED_SHARE_BY_AGE: Readonly<Record<number, number>> = {
  13: 0,
  14: 0.002,
  15: 0.02,
  16: 0.18,
  17: 0.55,
  18: 0.78,
  19: 0.87,
  20: 0.9,
};

/** Share of married people by age and sex (child marriage is rare but real and changes eligibility). */
export const MARRIED_SHARE_BY_AGE: Readonly<Record<'L' | 'P', Readonly<Record<number, number>>>> = {
  P: { 15: 0.002, 16: 0.008, 17: 0.02, 18: 0.04, 19: 0.07, 20: 0.1 },
  L: { 17: 0.002, 18: 0.005, 19: 0.015, 20: 0.03 },
};

/** Share of foreigners with a permanent stay permit (ITAP) in the extract. */
export const FOREIGNER_SHARE = 0.0002;
