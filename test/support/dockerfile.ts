// Reads a Dockerfile into stages of instructions, so a test can replay its steps without a Docker engine.

export interface Instruction {
  op: string;
  /** The arguments as written (continuations joined). */
  args: string;
  /** Flags such as `--from=build`, and JSON or shell words after them. */
  flags: Record<string, string>;
  words: string[];
}

export interface Stage {
  image: string;
  name: string | undefined;
  instructions: Instruction[];
}

function split(args: string): { flags: Record<string, string>; words: string[] } {
  const flags: Record<string, string> = {};
  let rest = args.trim();
  for (let m = /^--([\w-]+)=(\S+)\s*/.exec(rest); m; m = /^--([\w-]+)=(\S+)\s*/.exec(rest)) {
    flags[m[1]!] = m[2]!;
    rest = rest.slice(m[0].length);
  }
  const words = rest.startsWith('[') ? (JSON.parse(rest) as string[]) : rest.split(/\s+/).filter(Boolean);
  return { flags, words };
}

export function parseDockerfile(text: string): Stage[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = '', args = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    const upper = op.toUpperCase();
    if (upper === 'FROM') {
      const [image = '', as, name] = args.split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) throw new Error(`${upper} before FROM`);
    stage.instructions.push({ op: upper, args, ...split(args) });
  }
  return stages;
}

/** `ENV A=1 B=2` into an object. */
export function envOf(instruction: Instruction): Record<string, string> {
  return Object.fromEntries(instruction.words.map((w) => w.split('=') as [string, string]));
}

/** `HEALTHCHECK [options] CMD [...]`: the command's words. */
export function healthcheckCommand(instruction: Instruction): string[] {
  const cmd = /\bCMD\s+(.*)$/.exec(instruction.args)?.[1] ?? '';
  return cmd.startsWith('[') ? (JSON.parse(cmd) as string[]) : ['sh', '-c', cmd];
}
