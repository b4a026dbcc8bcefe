import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNELS, PUSHES, isChannel, isPush } from './channels';
import { contract, pushes, type Channel, type Push } from './contract';
import { DEFAULT_PREFERENCES, preferencesSchema } from './dto/settings';

describe('IPC contract', () => {
  it('lists the same channels for the renderer as the contract declares', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
    expect([...PUSHES].sort()).toEqual(Object.keys(pushes).sort());
  });

  it('names every request channel area.verbNoun', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z]+[A-Z][A-Za-z]*$/);
  });

  it('names every push area.pastTenseFact', () => {
    for (const name of Object.keys(pushes))
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.([a-z]+[A-Z])?[a-zA-Z]*ed$/);
  });

  it('refuses unknown fields in every request (strict objects)', () => {
    for (const channel of Object.keys(contract) as Channel[]) {
      const schema = contract[channel].request as z.ZodType;
      const parsed = schema.safeParse({ __proto_pollution__: 1 });
      expect(parsed.success, channel).toBe(false);
    }
  });

  it('refuses non-object requests on every channel', () => {
    for (const channel of Object.keys(contract) as Channel[]) {
      for (const bad of [null, 42, 'x', [], true]) {
        expect(
          (contract[channel].request as z.ZodType).safeParse(bad).success,
          `${channel} ${String(bad)}`,
        ).toBe(false);
      }
    }
  });

  it('guards names', () => {
    expect(isChannel('app.getStatus')).toBe(true);
    expect(isChannel('app.nope')).toBe(false);
    expect(isChannel({})).toBe(false);
    expect(isPush('order.filled')).toBe(true);
    expect(isPush('app.getStatus')).toBe(false);
    const push: Push = 'order.filled';
    expect(pushes[push]).toBeDefined();
  });

  it('has valid default preferences', () => {
    expect(preferencesSchema.parse(DEFAULT_PREFERENCES)).toEqual(DEFAULT_PREFERENCES);
  });
});
