/** A day in medium style, e.g. `Nov 23, 2026`; the input when unparsable. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });
}
