/** jest with ts-jest in ESM mode (run with NODE_OPTIONS=--experimental-vm-modules). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.check.json' }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  globalSetup: '<rootDir>/__tests__/harness/global-setup.js',
  globalTeardown: '<rootDir>/__tests__/harness/global-teardown.js',
  testTimeout: 120_000,
  maxWorkers: 2,
};
