/**
 * Correlates of War state numbers (ccode) and abbreviations for the states in the graph, keyed
 * by ISO 3166 alpha-3, so the state-year export joins with COW data. Palestine has no COW code.
 */
export const COW_CODES: Record<string, { ccode: number; stateabb: string }> = {
  USA: { ccode: 2, stateabb: 'USA' }, RUS: { ccode: 365, stateabb: 'RUS' }, UKR: { ccode: 369, stateabb: 'UKR' },
  BLR: { ccode: 370, stateabb: 'BLR' }, AZE: { ccode: 373, stateabb: 'AZE' }, TUR: { ccode: 640, stateabb: 'TUR' },
  IRQ: { ccode: 645, stateabb: 'IRQ' }, EGY: { ccode: 651, stateabb: 'EGY' }, LBN: { ccode: 660, stateabb: 'LEB' },
  JOR: { ccode: 663, stateabb: 'JOR' }, ISR: { ccode: 666, stateabb: 'ISR' }, KWT: { ccode: 690, stateabb: 'KUW' },
  BHR: { ccode: 692, stateabb: 'BAH' }, QAT: { ccode: 694, stateabb: 'QAT' }, ARE: { ccode: 696, stateabb: 'UAE' },
  IRN: { ccode: 630, stateabb: 'IRN' }, AFG: { ccode: 700, stateabb: 'AFG' }, TKM: { ccode: 701, stateabb: 'TKM' },
  TJK: { ccode: 702, stateabb: 'TAJ' }, KGZ: { ccode: 703, stateabb: 'KYR' }, UZB: { ccode: 704, stateabb: 'UZB' },
  KAZ: { ccode: 705, stateabb: 'KZK' }, CHN: { ccode: 710, stateabb: 'CHN' }, MNG: { ccode: 712, stateabb: 'MON' },
  KOR: { ccode: 732, stateabb: 'ROK' }, JPN: { ccode: 740, stateabb: 'JPN' }, IND: { ccode: 750, stateabb: 'IND' },
  PAK: { ccode: 770, stateabb: 'PAK' }, BGD: { ccode: 771, stateabb: 'BNG' }, LKA: { ccode: 780, stateabb: 'SRI' },
  THA: { ccode: 800, stateabb: 'THI' }, KHM: { ccode: 811, stateabb: 'CAM' }, LAO: { ccode: 812, stateabb: 'LAO' },
  VNM: { ccode: 816, stateabb: 'DRV' }, MYS: { ccode: 820, stateabb: 'MAL' }, PHL: { ccode: 840, stateabb: 'PHI' },
  IDN: { ccode: 850, stateabb: 'INS' }, AUS: { ccode: 900, stateabb: 'AUL' },
};
