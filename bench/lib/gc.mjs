// Adds up V8's garbage-collection pauses on this thread during a timed window, from the `gc`
// entries of perf_hooks. The entries arrive on a later turn of the event loop, so `pausesIn` waits
// for one before it reads them.
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export async function gcRecorder() {
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  // Observing takes effect on a later turn too.
  await sleep(1);
  return {
    /** Total pause in ms of the collections that started within [from, to], and how many there were. */
    async pausesIn(from, to) {
      await sleep(20);
      const within = entries.filter((e) => e.startTime >= from && e.startTime <= to);
      return { ms: within.reduce((sum, e) => sum + e.duration, 0), count: within.length };
    },
    stop: () => observer.disconnect(),
  };
}
