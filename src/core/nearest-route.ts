// Finds the known route nearest an unmatched request, so a 404 can say what was probably meant.

export interface KnownRoute {
  method: string;
  path: string;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** Segment-wise: a templated segment (`:id`, `{id}`) matches any value; a wrong method costs a little. */
function cost(method: string, path: string, route: KnownRoute): number {
  const want = path.split('/').filter(Boolean);
  const have = route.path.split('/').filter(Boolean);
  let total = Math.abs(want.length - have.length) * 4;
  for (let i = 0; i < Math.min(want.length, have.length); i += 1) {
    const segment = have[i]!;
    if (segment.startsWith(':') || segment.startsWith('{')) continue;
    total += Math.min(4, distance(want[i]!.toLowerCase(), segment.toLowerCase()));
  }
  return total + (route.method.toUpperCase() === method.toUpperCase() ? 0 : 1);
}

export function nearestRoute(method: string, path: string, routes: readonly KnownRoute[]): KnownRoute | undefined {
  let best: KnownRoute | undefined;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const route of routes) {
    const c = cost(method, path, route);
    if (c < bestCost) {
      best = route;
      bestCost = c;
    }
  }
  return best;
}
