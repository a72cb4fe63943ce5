import { formatRelativeTime } from '../../time/formatRelativeTime';

/** Props of {@link RelativeTime}. */
export interface RelativeTimeProps {
  /** ISO 8601 time; renders an em dash when absent. */
  time?: string;
}

/**
 * A time shown relative to now (`3 days ago`), with the exact time as a
 * tooltip and in the `datetime` attribute.
 */
export function RelativeTime(props: RelativeTimeProps) {
  const { time } = props;
  if (!time) {
    return <>—</>;
  }
  const exact = new Date(time);
  return (
    <time
      dateTime={time}
      title={Number.isNaN(exact.getTime()) ? time : exact.toLocaleString()}
    >
      {formatRelativeTime(time)}
    </time>
  );
}
