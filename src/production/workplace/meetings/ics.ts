// The .ics invitation of a meeting (iCalendar, RFC 5545): one VEVENT in a VCALENDAR published as is
// (METHOD:PUBLISH, no reply expected). Times are converted from Europe/Paris to UTC (« Z » form), so no
// VTIMEZONE is needed; lines end with CRLF and are folded at 75 octets; texts are escaped (§3.3.11).

export type IcsEvent = {
  uid: string;
  /** Instant the file is made (DTSTAMP, UTC). */
  stamp: string;
  date: string;
  startTime: string;
  endTime: string;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  cancelled: boolean;
  sequence: number;
};

const TIME_ZONE = 'Europe/Paris';

/** Offset of the time zone at an instant, in minutes (Paris: 60 in winter, 120 in summer). */
function offsetMinutes(utcMillis: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMillis));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - utcMillis) / 60_000);
}

/** 'YYYY-MM-DD' + 'HH:MM' in Paris → '20261203T090000Z'. */
export function parisToUtcStamp(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  let utc = asUtc - offsetMinutes(asUtc) * 60_000;
  utc = asUtc - offsetMinutes(utc) * 60_000;
  return utcStamp(new Date(utc).toISOString());
}

export function utcStamp(iso: string): string {
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function meetingIcs(event: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Agora//Réunions//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART:${parisToUtcStamp(event.date, event.startTime)}`,
    `DTEND:${parisToUtcStamp(event.date, event.endTime)}`,
    `SEQUENCE:${event.sequence}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
