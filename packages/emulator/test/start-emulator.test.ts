import { describe, expect, it } from 'vitest';
import { EmulatorDataError, EmulatorOptionsError, startEmulator } from '../src/index.js';
import { fixtureData, projectA, tokens } from './fixture.js';
import { get } from './http.js';

describe('startEmulator', () => {
  it('closes at the end of an `await using` block', async () => {
    let url: string;
    {
      await using emulator = await startEmulator({ data: fixtureData() });
      url = emulator.url;
      expect(emulator.port).toBeGreaterThan(0);
      expect(url).toBe(`http://127.0.0.1:${emulator.port}`);
      expect(emulator.demo).toBeUndefined();
      expect((await get(`${url}/__emulator/health`)).status).toBe(200);
    }
    await expect(fetch(`${url}/__emulator/health`)).rejects.toThrow();
  });

  it('starts empty without data, and gives each instance its own state', async () => {
    await using empty = await startEmulator();
    await using full = await startEmulator({ data: fixtureData() });
    expect((await get(`${empty.url}/__emulator/health`)).body).toEqual({
      status: 'ok',
      projects: {},
      checkpoint_items: 0,
    });
    expect((await get(`${full.url}/v1/${projectA}/checkpoint_items/count`, tokens.a)).body).toEqual({
      count: 10,
    });
    expect((await get(`${empty.url}/v1/${projectA}/checkpoint_items/count`, tokens.a)).status).toBe(401);
  });

  it('refuses bad options before it listens', async () => {
    await expect(startEmulator({ data: fixtureData(), generate: { count: 1 } })).rejects.toBeInstanceOf(
      EmulatorOptionsError,
    );
    await expect(startEmulator({ faults: { cutRate: 3 } })).rejects.toThrow(/cutRate/);
    await expect(startEmulator({ maxBodyBytes: -1 })).rejects.toThrow(/maxBodyBytes/);
    await expect(
      startEmulator({ data: { projects: { p: { checkpoint_items: [{ id: '' }] } } } }),
    ).rejects.toSatisfy(
      (e) => EmulatorDataError.isInstance(e) && e.project === 'p' && e.itemIndex === 0 && e.field === 'id',
    );
  });

  it('rejects when the port is taken', async () => {
    await using first = await startEmulator();
    await expect(startEmulator({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('load() replaces the data, or throws and changes nothing', async () => {
    await using emulator = await startEmulator({ data: fixtureData() });
    const count = async () =>
      (await get(`${emulator.url}/v1/${projectA}/checkpoint_items/count`, tokens.a)).body;
    const bad = fixtureData();
    bad.projects[projectA]!.checkpoint_items.push({ id: 'a01' });
    expect(() => emulator.load(bad)).toThrow(EmulatorDataError);
    expect(await count()).toEqual({ count: 10 });
    const small = fixtureData();
    small.projects[projectA]!.checkpoint_items.length = 3;
    emulator.load(small);
    expect(await count()).toEqual({ count: 3 });
    emulator.reset();
    expect(await count()).toEqual({ count: 10 });
  });

  it('marks its errors with a brand that survives duplicate installs', () => {
    const error = new EmulatorDataError('x', { field: 'f' });
    expect(EmulatorDataError.isInstance(error)).toBe(true);
    expect(EmulatorDataError.isInstance(new Error('x'))).toBe(false);
    expect(EmulatorDataError.isInstance(null)).toBe(false);
    // Another copy of the package brands with the same global symbol.
    expect(EmulatorDataError.isInstance({ [Symbol.for('csbs-kit.emulator.EmulatorDataError')]: true })).toBe(
      true,
    );
    expect(EmulatorOptionsError.isInstance(error)).toBe(false);
    expect(error.name).toBe('EmulatorDataError');
  });
});
