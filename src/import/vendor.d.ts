// Types for the GFM plugin, which ships none: each export is a turndown plugin.

declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export function tables(service: TurndownService): void;
  export function strikethrough(service: TurndownService): void;
  export function gfm(service: TurndownService): void;
}
