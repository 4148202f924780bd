// Calendar checks for the dates callers send. A pattern such as \d{4}-\d{2}-\d{2} lets
// 2020-13-45 through, and TigerGraph's DATETIME parsing rolls it over to 2021-02-14 instead of
// refusing it, so the service checks that the day exists before anything is stored or filtered.

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/** True when `text` is `YYYY-MM-DD` (optionally ` hh:mm:ss`) naming a real day and time. */
export function isCalendarDate(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1).map((s) => Number(s ?? 0));
  const at = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, minute, second));
  // Date.UTC rolls overflow into the next month/day; a real date survives the round trip.
  return (
    at.getUTCFullYear() === year &&
    at.getUTCMonth() + 1 === month &&
    at.getUTCDate() === day &&
    at.getUTCHours() === hour &&
    at.getUTCMinutes() === minute &&
    at.getUTCSeconds() === second
  );
}
