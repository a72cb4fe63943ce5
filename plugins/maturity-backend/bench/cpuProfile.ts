import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

/**
 * Records a V8 CPU profile of one phase into `directory` as
 * `<name>.cpuprofile` (open it in Chrome DevTools or VS Code). Only the
 * phase is sampled, so the profile shows where its own time goes.
 */
export async function withCpuProfile<T>(
  directory: string | undefined,
  name: string,
  phase: () => Promise<T>,
): Promise<T> {
  if (!directory) return phase();
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const result = await phase();
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(
      path.join(directory, `${name}.cpuprofile`),
      JSON.stringify(profile),
    );
    return result;
  } finally {
    session.disconnect();
  }
}
