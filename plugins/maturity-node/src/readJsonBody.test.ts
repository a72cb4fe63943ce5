import { readJsonBody } from './readJsonBody';

const createError = (message: string, status?: number) =>
  Object.assign(new Error(message), { status });

describe('readJsonBody', () => {
  it('reads the body as JSON', async () => {
    const response = new Response('{"incidents":[]}', { status: 200 });
    await expect(
      readJsonBody(response, { what: 'Tool GET /incidents', createError }),
    ).resolves.toEqual({ incidents: [] });
  });

  it('fails a body that is not JSON, naming the request and status', async () => {
    const response = new Response('{"incidents": [', { status: 201 });
    await expect(
      readJsonBody(response, { what: 'Tool GET /incidents', createError }),
    ).rejects.toMatchObject({
      message: 'Tool GET /incidents answered 201 with malformed JSON',
      status: 201,
    });
  });
});
