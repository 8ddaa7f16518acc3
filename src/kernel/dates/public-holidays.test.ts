import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  isJourOuvrable,
  isJourOuvre,
  publicHolidayOn,
  publicHolidays,
} from './public-holidays.ts';

// The official lists of the public holidays of metropolitan France (C. trav. L3133-1), as published by
// Service-Public.fr, « Jours fériés et ponts dans le secteur privé »,
// https://www.service-public.fr/particuliers/vosdroits/F2405 — that page was not in the reference store
// of this session, so the dates were checked against pages quoting the same lists:
// 2025: https://bebesetmamans.20minutes.fr/femme/actualites/9586-quels-sont-les-dates-des-jours-feries-2025-en-france
// 2026: https://www.fo-fonctionnaires.fr/fgf-fo/droits-et-services/calendriers/calendrier-conges-feries.html
//       and https://vacances-scolaires.education/jours-feries-2026.php
// 2027: https://jours-feries-france.fr/france/calendrier-des-jours-feries/metropole/2027
const OFFICIAL: Record<number, string[]> = {
  2025: [
    '2025-01-01',
    '2025-04-21',
    '2025-05-01',
    '2025-05-08',
    '2025-05-29',
    '2025-06-09',
    '2025-07-14',
    '2025-08-15',
    '2025-11-01',
    '2025-11-11',
    '2025-12-25',
  ],
  2026: [
    '2026-01-01',
    '2026-04-06',
    '2026-05-01',
    '2026-05-08',
    '2026-05-14',
    '2026-05-25',
    '2026-07-14',
    '2026-08-15',
    '2026-11-01',
    '2026-11-11',
    '2026-12-25',
  ],
  2027: [
    '2027-01-01',
    '2027-03-29',
    '2027-05-01',
    '2027-05-06',
    '2027-05-08',
    '2027-05-17',
    '2027-07-14',
    '2027-08-15',
    '2027-11-01',
    '2027-11-11',
    '2027-12-25',
  ],
};

describe('public holidays of metropolitan France', () => {
  it.each([2025, 2026, 2027])('gives the 11 official holidays of %i', (year) => {
    expect(publicHolidays(year).map((h) => h.date)).toEqual(OFFICIAL[year]);
  });

  it('computes Easter Sunday (published dates: 2025-04-20, 2026-04-05, 2027-03-28, 2038-04-25, 2285-03-22)', () => {
    // 2038 and 2285 are the latest and earliest dates Easter can take in these centuries.
    expect(['2025', '2026', '2027', '2038', '2285'].map((y) => easterSunday(Number(y)))).toEqual([
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
      '2285-03-22',
    ]);
  });

  it('names the day, and tells jours ouvrables from jours ouvrés', () => {
    expect(publicHolidayOn('2026-05-14')).toBe('Ascension');
    expect(publicHolidayOn('2026-05-15')).toBeNull();
    // 2008: Ascension fell on 1 May.
    expect(publicHolidayOn('2008-05-01')).toBe('Fête du Travail et Ascension');
    expect(publicHolidays(2008)).toHaveLength(11);
    // Saturday 2026-07-11: ouvrable, not ouvré; Sunday: neither; Tuesday 14 July: holiday, neither.
    expect([isJourOuvrable('2026-07-11'), isJourOuvre('2026-07-11')]).toEqual([true, false]);
    expect([isJourOuvrable('2026-07-12'), isJourOuvre('2026-07-12')]).toEqual([false, false]);
    expect([isJourOuvrable('2026-07-14'), isJourOuvre('2026-07-14')]).toEqual([false, false]);
    expect([isJourOuvrable('2026-07-15'), isJourOuvre('2026-07-15')]).toEqual([true, true]);
  });
});
