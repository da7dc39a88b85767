// Child processes the bench scripts start: each one tracked, stopped gently (then killed), and all killed on exit or a signal.
import { once } from 'node:events';

const children = new Set();

export function track(child, name) {
  children.add(child);
  child.name = name;
  child.stderrText = '';
  child.stderr?.on('data', (d) => (child.stderrText = (child.stderrText + d).slice(-4000)));
  child.once('exit', () => children.delete(child));
  return child;
}

export async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
