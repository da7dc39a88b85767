// resetAll: a provider's reset made from the parts it lists.
import { describe, expect, it } from 'vitest';
import { resetAll } from './resettable.js';

describe('resetAll', () => {
  it('resets every part listed, in the order given, each time it is called', () => {
    const calls: string[] = [];
    const part = (name: string) => ({ reset: () => void calls.push(name) });
    const reset = resetAll(part('accounts'), part('grants'), part('authorization server'));
    reset();
    reset();
    expect(calls).toEqual(['accounts', 'grants', 'authorization server', 'accounts', 'grants', 'authorization server']);
  });

  it('calls each part as a method, so a class keeps its this', () => {
    class Accounts {
      private rows = [1, 2];
      reset(): void {
        this.rows = [];
      }
      get size(): number {
        return this.rows.length;
      }
    }
    const accounts = new Accounts();
    resetAll(accounts)();
    expect(accounts.size).toBe(0);
  });
});
