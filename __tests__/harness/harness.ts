/**
 * The harness of a test file: the simulator (simulator/), started before its tests, its faults
 * dropped after each test, stopped after all.
 */
import { startSimulator, type Simulator } from '../../simulator/simulator.js';

export type Harness = Simulator;
export type { ActionRun } from '../../simulator/simulator.js';

/** The returned object stands for the simulator once it has started. */
export function useHarness(): Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startSimulator();
  });
  afterEach(() => harness?.reset());
  afterAll(() => harness?.stop());
  return new Proxy({} as Harness, {
    get: (_, key) => {
      if (!harness) throw new Error('The harness starts in beforeAll: use it inside a test.');
      return harness[key as keyof Harness];
    },
  });
}
