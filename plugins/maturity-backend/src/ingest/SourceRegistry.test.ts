import { mockServices } from '@backstage/backend-test-utils';
import { INCIDENT_SERVICE_ANNOTATIONS } from '@maturity-for-backstage/backstage-plugin-maturity-common';
import {
  MaturityEventSink,
  MaturityEventSource,
} from '@maturity-for-backstage/backstage-plugin-maturity-node';
import { RecordingSink } from '@maturity-for-backstage/backstage-plugin-maturity-node/testUtils';
import { SourceRegistry } from './SourceRegistry';

const source = (
  id: string,
  declared: Partial<MaturityEventSource> = {},
): MaturityEventSource => ({ id, connect: async () => {}, ...declared });

describe('SourceRegistry', () => {
  it('refuses an id that is not a source name, an id added twice and unknown event types', () => {
    const { extensionPoint } = new SourceRegistry();
    expect(() => extensionPoint.addSource(source('no spaces'))).toThrow(
      "Invalid maturity source id 'no spaces'",
    );
    extensionPoint.addSource(source('jenkins'));
    expect(() => extensionPoint.addSource(source('jenkins'))).toThrow(
      "Maturity source 'jenkins' added twice",
    );
    expect(() =>
      extensionPoint.addSource(
        source('odd', { collects: ['build', 'alert' as any] }),
      ),
    ).toThrow("Maturity source 'odd' collects unknown event types: alert");
  });

  it('lists the ids added and the annotations of the sources that collect incidents', () => {
    const sources = new SourceRegistry();
    sources.extensionPoint.addSource(
      source('github', {
        collects: ['build', 'change'],
        entityAnnotations: ['github.com/project-slug'],
      }),
      source('incident-io', {
        collects: ['incident'],
        entityAnnotations: ['incident.io/service'],
      }),
    );
    expect(sources.ids()).toEqual(['github', 'incident-io']);
    expect(sources.incidentAnnotations()).toEqual([
      ...INCIDENT_SERVICE_ANNOTATIONS,
      'incident.io/service',
    ]);
  });

  it('connects each source once to the sink made for its id, in the order added', async () => {
    const sources = new SourceRegistry();
    const connected: Array<[string, MaturityEventSink]> = [];
    for (const id of ['github', 'demo']) {
      sources.extensionPoint.addSource(
        source(id, { connect: async sink => void connected.push([id, sink]) }),
      );
    }
    const sinks = new Map<string, MaturityEventSink>();
    await sources.connect(id => {
      sinks.set(id, new RecordingSink());
      return sinks.get(id)!;
    }, mockServices.logger.mock());
    expect(connected).toEqual([
      ['github', sinks.get('github')],
      ['demo', sinks.get('demo')],
    ]);
  });
});
