import { createPagerDutySignatureValidator } from './createPagerDutySignatureValidator';
import {
  signPagerDutyBody,
  verifyPagerDutySignature,
} from './verifyPagerDutySignature';
import webhookIncidentResolved from '../__fixtures__/webhookIncidentResolved.json';

const body = Buffer.from(JSON.stringify(webhookIncidentResolved));
const SECRET = 'whsec-current';

describe('verifyPagerDutySignature', () => {
  it('accepts the HMAC-SHA256 of the raw body', () => {
    expect(
      verifyPagerDutySignature(body, signPagerDutyBody(body, SECRET), [SECRET]),
    ).toBe(true);
  });

  it('accepts any of several signatures during a secret rotation', () => {
    const header = `${signPagerDutyBody(
      body,
      'whsec-old',
    )}, ${signPagerDutyBody(body, 'whsec-new')}`;
    expect(verifyPagerDutySignature(body, header, ['whsec-new'])).toBe(true);
    expect(verifyPagerDutySignature(body, header, ['whsec-old'])).toBe(true);
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['another secret', signPagerDutyBody(body, 'whsec-forged')],
    ['another body', signPagerDutyBody(`${body} `, SECRET)],
    ['a truncated signature', signPagerDutyBody(body, SECRET).slice(0, 40)],
    ['an unknown scheme', signPagerDutyBody(body, SECRET).replace('v1', 'v2')],
  ])('rejects %s', (_name, header) => {
    expect(verifyPagerDutySignature(body, header, [SECRET])).toBe(false);
  });
});

describe('createPagerDutySignatureValidator', () => {
  const validate = createPagerDutySignatureValidator([SECRET]);
  const request = (signature?: string) => ({
    body: webhookIncidentResolved,
    headers: signature ? { 'x-pagerduty-signature': signature } : {},
    raw: { body, encoding: 'utf-8' as const },
  });

  it('lets a signed delivery through', async () => {
    const reject = jest.fn();
    await validate(request(signPagerDutyBody(body, SECRET)), { reject });
    expect(reject).not.toHaveBeenCalled();
  });

  it('rejects a forged or unsigned delivery with 401', async () => {
    for (const signature of [signPagerDutyBody(body, 'guess'), undefined]) {
      const reject = jest.fn();
      await validate(request(signature), { reject });
      expect(reject).toHaveBeenCalledWith({
        status: 401,
        payload: { message: 'Missing or invalid X-PagerDuty-Signature' },
      });
    }
  });
});
