import type { DemoCredentials } from './types.js';

/**
 * The fixed, fake credentials of generated data. They are printed by the bin and documented
 * in the README: they open nothing but an emulator.
 */
export const demoCredentials: DemoCredentials = Object.freeze({
  projectId: '3d0e8b1c5a2f4e6d9b7c1a0f2e4d6c8b',
  otherProjectId: '9a7c5e3b1d2f4a6c8e0b2d4f6a8c0e1f',
  token: 'demo-token',
  otherToken: 'demo-other-token',
  adminToken: 'demo-admin-token',
  accessKey: 'DEMOACCESSKEY0000001',
  secretKey: 'demo-secret-key-0000000000000000000000001',
  username: 'demo',
  password: 'demo-password',
  domainName: 'demo-domain',
  projectName: 'eu-de_demo',
});
