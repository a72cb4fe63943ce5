/**
 * Samples the process's resident set size every 100 ms and keeps the peak
 * of the current phase. The database server's memory (PostgreSQL) is not
 * part of it.
 */
export class MemorySampler {
  private timer?: NodeJS.Timeout;
  private peak = 0;

  start(): void {
    this.peak = process.memoryUsage.rss();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  /** The peak since the last reset (or start), and starts a new phase. */
  takePeak(): number {
    this.sample();
    const peak = this.peak;
    this.peak = process.memoryUsage.rss();
    return peak;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample() {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }
}
