// The store of faults: each with an id, its scope, how often it has fired and may fire, and a seeded draw for its probability.
import { SeededRandom } from '../seeded-random.js';
import { checkFaultSpec, type FaultSpec } from './fault-spec.js';
import { compileScope, type FaultRequest, type Scope, type ServedOrigin } from './matcher.js';

/** A fault as stored: its definition, its id, and how often it has fired. */
export interface Fault extends FaultSpec {
  id: string;
  fired: number;
}

/** The faults of a running sandbox, as the library hands them out. */
export interface Faults {
  /** Checks and stores a fault; a bad definition throws a `FaultDefinitionError` naming the field. */
  add(spec: FaultSpec): Fault;
  /** Every fault, in the order they were added (the order they are tried), with `fired`. */
  list(): Fault[];
  /** False when there is no such fault. */
  remove(id: string): boolean;
  clear(): void;
}

interface Stored {
  id: string;
  spec: Readonly<FaultSpec>;
  scope: Scope;
  fired: number;
  /** Draws for `probability`; none without one. */
  random: SeededRandom | undefined;
}

export class FaultStore implements Faults {
  private faults: Stored[] = [];
  private nextId = 1;

  /** `served` are the origins a fault may name; `sandboxSeed` seeds the draws of a fault given a probability but no seed. */
  constructor(private readonly served: readonly ServedOrigin[], private readonly sandboxSeed = 1) {}

  /** How many faults are defined: 0 lets every request through at the cost of reading this. */
  get size(): number {
    return this.faults.length;
  }

  add(input: FaultSpec): Fault {
    const spec = Object.freeze(checkFaultSpec(input));
    const scope = compileScope(spec, this.served);
    const id = `fault_${this.nextId++}`;
    // A seed given is the whole of the sequence, so two faults (or two sandboxes) with one seed draw alike; without one, the sandbox's seed and
    // the id, so a run is reproducible all the same.
    const random = spec.probability === undefined ? undefined : spec.seed !== undefined ? new SeededRandom(spec.seed, 'fault') : new SeededRandom(this.sandboxSeed, `fault:${id}`);
    const stored: Stored = { id, spec, scope, fired: 0, random };
    this.faults.push(stored);
    return view(stored);
  }

  list(): Fault[] {
    return this.faults.map(view);
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  /** Back to the start, as the sandbox's reset: no faults, ids counted from 1 again. */
  reset(): void {
    this.clear();
    this.nextId = 1;
  }

  /**
   * The first fault, in the order added, whose scope matches the request, that has times left and whose draw fires; counted as fired. A
   * fault whose draw skips lets the next one try. Undefined when none fires.
   */
  fire(request: FaultRequest): Readonly<FaultSpec> | undefined {
    for (const fault of this.faults) {
      const { spec } = fault;
      if (spec.times !== undefined && fault.fired >= spec.times) continue;
      if (!fault.scope(request)) continue;
      if (fault.random && !(fault.random.next() < spec.probability!)) continue;
      fault.fired += 1;
      return spec;
    }
    return undefined;
  }
}

function view(stored: Stored): Fault {
  return { id: stored.id, ...stored.spec, fired: stored.fired };
}
