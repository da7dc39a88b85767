// A documented shell command split into words as sh would for the providers' examples: `\`-newline joins lines, single and double quotes
// keep their content whole (the examples hold no escapes inside quotes).
export function shellWords(command: string): string[] {
  return [...command.replace(/\\\n/g, ' ').matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}
