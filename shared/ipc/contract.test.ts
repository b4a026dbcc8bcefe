import { describe, expect, it } from 'vitest';
import { CHANNELS } from './channels';
import { contract } from './contract';

describe('IPC contract', () => {
  it('lists the same channels for the renderer as the contract declares', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
  });

  it('names every channel area.verbNoun', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+\.[a-z]+[A-Z][A-Za-z]*$/);
  });
});
