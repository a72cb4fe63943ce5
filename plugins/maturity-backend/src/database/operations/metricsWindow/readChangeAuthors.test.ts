import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { at, pullRequest } from '../../../testing/testEvents';
import { readChangeAuthors } from './readChangeAuthors';

jest.setTimeout(60_000);

const SHOP = 'component:default/shop';

describe('readChangeAuthors', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

  it.each(databases.eachSupportedId())(
    'names each author once, with the windows they authored in, %p',
    async databaseId => {
      const {
        knex,
        db: { events },
      } = await migratedDatabase(databases, databaseId);
      const change = (id: string, author: string | undefined, day: string) =>
        pullRequest(
          SHOP,
          id,
          { authored: day, opened: day, merged: day },
          author ? { author } : {},
        );
      await events.ingest([
        change('P1', 'alice', '02-10 10:00'), // previous window
        change('P2', 'alice', '03-05 10:00'), // window
        change('P3', 'bob', '03-06 10:00'),
        change('P4', 'bob', '03-07 10:00'),
        change('P5', 'carol', '02-05 10:00'),
        change('P6', 'dave', '01-05 10:00'), // before both windows
        change('P7', undefined, '03-08 10:00'), // no author
      ]);
      const ids = new Map(
        (await knex('changes').select('id', 'external_id')).map(row => [
          row.external_id,
          Number(row.id),
        ]),
      );

      const authors = await readChangeAuthors(knex, {
        entities: [{ entityRef: SHOP }],
        previousFrom: new Date(at('02-01 00:00')),
        from: new Date(at('03-01 00:00')),
        to: new Date(at('04-01 00:00')),
      });
      expect(
        authors
          .map(a => [
            a.author,
            a.inPreviousWindow,
            a.inWindow,
            a.latestChangeId,
          ])
          .sort(),
      ).toEqual([
        ['alice', true, true, ids.get('P2')],
        ['bob', false, true, ids.get('P4')],
        ['carol', true, false, undefined],
      ]);
    },
  );
});
