// A chalk instance built from the colour decision made in cli/settings.ts, never from chalk's own detection.

import { Chalk, type ChalkInstance } from 'chalk';

/** chalk ignores NO_COLOR (chalk#547), so it gets our decision: level 1 (16 colours) or none. */
export function createChalk(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
