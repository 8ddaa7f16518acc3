import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, meetingIcs, parisToUtcStamp } from './ics.ts';

// A strict reading of RFC 5545 (no iCalendar library in node_modules): CRLF lines of at most 75 octets,
// unfolding gives back the properties, the required ones are there once, texts unescape to the input.

function unfold(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  for (const raw of ics.slice(0, -2).split('\r\n')) {
    expect(raw).not.toMatch(/[\r\n]/);
    expect(new TextEncoder().encode(raw).length).toBeLessThanOrEqual(75);
  }
  return ics.slice(0, -2).replace(/\r\n /g, '').split('\r\n');
}
const unescapeText = (v: string) =>
  v.replace(/\\(n|N|,|;|\\)/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

const event = {
  uid: '0192c0de-0000-7000-8000-000000000001@agora',
  stamp: '2026-11-28T10:15:30.123Z',
  date: '2026-12-03',
  startTime: '09:30',
  endTime: '11:00',
  summary: 'Conseil municipal ; séance ordinaire, budget',
  description: `Ordre du jour :\n1. Budget primitif 2027, vote\n2. Questions diverses — ${'é'.repeat(80)}`,
  location: 'Salle du conseil, mairie',
  url: 'https://visio.example.fr/conseil',
  cancelled: false,
  sequence: 0,
};

describe('meeting .ics (RFC 5545)', () => {
  it('converts Paris time to UTC across the daylight-saving change', () => {
    expect(parisToUtcStamp('2026-12-03', '09:30')).toBe('20261203T083000Z');
    expect(parisToUtcStamp('2026-07-01', '09:30')).toBe('20260701T073000Z');
    expect(parisToUtcStamp('2026-03-29', '03:30')).toBe('20260329T013000Z');
  });

  it('has the required properties once each, CRLF and folded lines, escaped texts', () => {
    const lines = unfold(meetingIcs(event));
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const props = new Map<string, string[]>();
    for (const line of lines) {
      const name = line.slice(0, line.search(/[:;]/));
      props.set(name, [...(props.get(name) ?? []), line.slice(line.indexOf(':') + 1)]);
    }
    for (const required of ['VERSION', 'PRODID', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY'])
      expect(props.get(required), required).toHaveLength(1);
    expect(props.get('VERSION')).toEqual(['2.0']);
    expect(props.get('BEGIN')).toEqual(['VCALENDAR', 'VEVENT']);
    expect(props.get('END')).toEqual(['VEVENT', 'VCALENDAR']);
    expect(props.get('DTSTAMP')).toEqual(['20261128T101530Z']);
    expect(props.get('DTSTART')).toEqual(['20261203T083000Z']);
    expect(props.get('DTEND')).toEqual(['20261203T100000Z']);
    expect(props.get('DTSTART')![0]!.match(/^\d{8}T\d{6}Z$/)).not.toBeNull();
    expect(unescapeText(props.get('SUMMARY')![0]!)).toBe(event.summary);
    expect(unescapeText(props.get('DESCRIPTION')![0]!)).toBe(event.description);
    expect(unescapeText(props.get('LOCATION')![0]!)).toBe(event.location);
    expect(props.get('STATUS')).toEqual(['CONFIRMED']);
  });

  it('never folds inside a character, and escapes the four special characters', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`);
    for (const part of folded.split('\r\n')) expect(part).not.toContain('\uFFFD');
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'é'.repeat(100)}`);
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('a cancelled meeting says so', () => {
    expect(meetingIcs({ ...event, cancelled: true, sequence: 2 })).toContain(
      'STATUS:CANCELLED\r\nEND:VEVENT',
    );
  });
});
