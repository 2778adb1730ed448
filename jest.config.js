/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Two cores here: two workers keep the run short without starving the servers under test.
  maxWorkers: 2,
  testTimeout: 20000,
  globalSetup: '<rootDir>/test/global-setup.js',
};
