import { TableColumn } from '@backstage/core-components';
import { ReactNode } from 'react';
import { EventLink } from '../components/EventLink';
import { EventStatus, EventStatusValue } from '../components/EventStatus';
import { RelativeTime } from '../components/RelativeTime';

/**
 * A column naming each event, linked to its record in the source tool when
 * the source gave a URL.
 */
export function eventLinkColumn<T extends { url?: string }>(
  title: string,
  text: (event: T) => ReactNode,
): TableColumn<T> {
  return {
    title,
    render: event => <EventLink url={event.url}>{text(event)}</EventLink>,
  };
}

/** A column of each event's status or state, as an icon and a word. */
export function eventStatusColumn<T extends object>(
  title: string,
  status: (event: T) => EventStatusValue,
): TableColumn<T> {
  return { title, render: event => <EventStatus status={status(event)} /> };
}

/** A column of one time of each event, relative to now; a dash when absent. */
export function relativeTimeColumn<T extends object>(
  title: string,
  time: (event: T) => string | undefined,
): TableColumn<T> {
  return { title, render: event => <RelativeTime time={time(event)} /> };
}
