import { retryOnContention } from './retryOnContention';

const failure = (code: string) =>
  Object.assign(new Error(`failed with ${code}`), { code });

describe('retryOnContention', () => {
  it.each(['40P01', '40001'])(
    'runs the transaction again after %s',
    async code => {
      const attempt = jest
        .fn()
        .mockRejectedValueOnce(failure(code))
        .mockResolvedValueOnce('done');
      await expect(
        retryOnContention(attempt, { baseDelayMs: 1 }),
      ).resolves.toBe('done');
      expect(attempt).toHaveBeenCalledTimes(2);
    },
  );

  it('gives up after the last attempt with the database error', async () => {
    const attempt = jest.fn().mockRejectedValue(failure('40P01'));
    await expect(
      retryOnContention(attempt, { attempts: 3, baseDelayMs: 1 }),
    ).rejects.toThrow('failed with 40P01');
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('does not retry any other error', async () => {
    const attempt = jest.fn().mockRejectedValue(failure('23505'));
    await expect(
      retryOnContention(attempt, { baseDelayMs: 1 }),
    ).rejects.toThrow('failed with 23505');
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
