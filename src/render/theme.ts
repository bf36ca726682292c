// What the printers are told about where output goes, and the theme (plain or styled) that follows from it.

import type { ChalkInstance } from 'chalk';
import type { Theme } from './layout.js';
import { plainTheme } from './plain.js';

/** Everything a printer needs to know about where its output goes; decided once by the command line, passed down. */
export interface OutputSettings {
  /** Emit SGR colour codes. */
  color: boolean;
  /** Human layout (tables, boxes, highlighted snippets) rather than the plain, script-friendly one. */
  styled: boolean;
  /** The widest a line of text may be, in terminal cells. */
  width: number;
  /** The widest a table row (list, search hits) may be: a wide terminal's whole width. */
  tableWidth: number;
}

/** A chalk instance with the colour decision already made; loaded only for styled output. */
export async function loadChalk(output: OutputSettings): Promise<ChalkInstance> {
  const { createChalk } = await import('./colors.js');
  return createChalk(output.color);
}

/** The plain theme for pipes, the styled one (colour only when the settings say) for people. */
export async function chooseTheme(output: OutputSettings): Promise<Theme> {
  if (!output.styled) return plainTheme;
  const { createStyledTheme } = await import('./styled.js');
  return createStyledTheme(await loadChalk(output));
}
