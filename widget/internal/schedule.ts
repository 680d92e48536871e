// The room's schedule as guests read it, one formatter for the entry card, the removed page and the
// demo: the article's "Thursday, June 12, 2025 · 10:00 AM – 10:45 AM EST", in the viewer's language and
// the room's own time zone (named, so a guest elsewhere can convert). The date and the time range are
// each isolated and kept whole: a line breaks only between them, and in Hebrew the range still reads
// start to end.
import { css, html, nothing } from 'lit';
import type { RoomSchedule } from './api-client.ts';

export interface ScheduleParts {
  /** "Thursday, June 12, 2025" */
  date: string;
  /** "10:00 AM – 10:45 AM", or the start alone */
  times: string;
  /** "EDT", "GMT-4" */
  zone: string;
}

const DATE: Intl.DateTimeFormatOptions = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

export function scheduleParts(room: RoomSchedule, language: string): ScheduleParts | undefined {
  if (!room.startsAt) return undefined;
  const start = new Date(room.startsAt);
  const end = room.endsAt ? new Date(room.endsAt) : undefined;
  let timeZone = room.timeZone ?? undefined;
  try {
    new Intl.DateTimeFormat(language, { timeZone });
  } catch {
    // An unknown time zone name: the viewer's own zone (named below) rather than nothing.
    timeZone = undefined;
  }
  const time = new Intl.DateTimeFormat(language, { ...TIME, timeZone });
  const zone =
    new Intl.DateTimeFormat(language, { ...TIME, timeZone, timeZoneName: 'short' })
      .formatToParts(start)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  return {
    date: new Intl.DateTimeFormat(language, { ...DATE, timeZone }).format(start),
    times: end && end > start ? `${time.format(start)} – ${time.format(end)}` : time.format(start),
    zone,
  };
}

/** One line of text (document titles, attributes): the parts isolated from the text around them. */
export function scheduleText(parts: ScheduleParts): string {
  return `\u2068${parts.date}\u2069 · \u2066${parts.times}${parts.zone ? ` ${parts.zone}` : ''}\u2069`;
}

/**
 * The schedule as markup: the date and the time range (left to right in any language) each a no-wrap
 * `<bdi>`, with a line break allowed between them (`<wbr>`: any page can wrap it, with or without CSS of
 * ours); the separator travels with the range, so `scheduleStyles` can hide it when the range wraps
 * instead of leaving it dangling.
 */
export function scheduleTemplate(parts: ScheduleParts | undefined) {
  if (!parts) return nothing;
  return html`<span class="schedule-line"
    ><bdi class="nowrap">${parts.date}</bdi
    ><wbr /><span class="nowrap"
      ><span class="separator"> · </span
      ><bdi dir="ltr">${parts.times}${parts.zone ? ` ${parts.zone}` : ''}</bdi></span
    ></span
  >`;
}

/**
 * The schedule's layout, for a page or shadow root that shows `scheduleTemplate` inside an element of class
 * `schedule`: when the range wraps to a line of its own, its separator starts that line outside the clip.
 */
export const scheduleStyles = css`
  .schedule {
    overflow: hidden;
  }
  .schedule-line {
    display: flex;
    flex-wrap: wrap;
    margin-inline-start: -1.25em;
  }
  /* The line's start, not the date's own: a Hebrew date on a left-to-right page is right to left. */
  .schedule-line:dir(ltr) > :first-child {
    margin-left: 1.25em;
  }
  .schedule-line:dir(rtl) > :first-child {
    margin-right: 1.25em;
  }
  .schedule-line .separator {
    display: inline-block;
    inline-size: 1.25em;
    text-align: center;
  }
  .schedule-line .nowrap {
    white-space: nowrap;
  }
`;
