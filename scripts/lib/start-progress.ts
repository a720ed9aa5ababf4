/**
 * One line when a step of `npm start` begins and one when it is done, with how long it took, so a
 * long step (the H5 build takes most of a minute on two cores) never looks like a hang.
 */
export function progressReporter(print: (line: string) => void = console.log, now: () => number = () => performance.now()) {
  return async function step<T>(starting: string, done: string, work: () => Promise<T> | T): Promise<T> {
    const started = now();
    print(`▶ ${starting}…`);
    const result = await work();
    print(`✓ ${done} (${((now() - started) / 1000).toFixed(1)} s)`);
    return result;
  };
}
