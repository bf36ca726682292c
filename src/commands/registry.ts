// Every command news has, in the order help lists them. A new command is one file here and one line below.

import type { AnyCommand } from '../cli/command.js';
import { completeSlugsCommand } from './complete-slugs.js';
import { completeValuesCommand } from './complete-values.js';
import { completionCommand } from './completion.js';
import { feedCommand } from './feed.js';
import { fetchCommand } from './fetch.js';
import { importCommand } from './import.js';
import { listCommand } from './list.js';
import { quotesCommand } from './quotes.js';
import { readCommand } from './read.js';
import { removeCommand } from './remove.js';
import { searchCommand } from './search.js';

export const COMMANDS: readonly AnyCommand[] = [
  listCommand,
  readCommand,
  searchCommand,
  quotesCommand,
  importCommand,
  removeCommand,
  feedCommand,
  fetchCommand,
  completionCommand,
  completeSlugsCommand,
  completeValuesCommand,
];
