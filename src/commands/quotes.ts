// `news quotes [slug]`: every direct quotation in one article (or all), with its speaker where the text says.

import { Option } from 'commander';
import { defineCommand } from '../cli/command.js';
import { completeWith } from '../cli/completion/values.js';
import { EXIT_ERROR, EXIT_NOT_FOUND, EXIT_OK } from '../errors.js';
import { formatMessage } from '../terminal/messages.js';
import { openLibrary, reportLibrary } from './library.js';

export interface QuotesInvocation {
  slug?: string;
  json: boolean;
  /** Keep only quotations whose speaker contains this, ignoring case. */
  speaker?: string;
  /** Quote articles marked as drafts too. */
  drafts: boolean;
}

export const quotesCommand = defineCommand<QuotesInvocation>({
  name: 'quotes',
  configure(command) {
    command
      .description(
        'list the direct quotations in an article, or in all, with who said them (piped: slug<TAB>speaker<TAB>quote)',
      )
      .argument('[slug]', 'the article; all articles when left out')
      .option('--json', 'print a JSON array of {slug, speaker, quote, paragraph}')
      .addOption(
        completeWith(
          new Option('--speaker <name>', 'only quotations whose speaker contains this (case ignored)'),
          'speakers',
        ),
      )
      .option('--drafts', 'quote articles marked as drafts too (with no slug)');
  },
  invocation([slug], options) {
    const invocation: QuotesInvocation = { json: options.json === true, drafts: options.drafts === true };
    if (typeof slug === 'string') invocation.slug = slug;
    if (typeof options.speaker === 'string') invocation.speaker = options.speaker;
    return invocation;
  },
  pageable: (invocation) => !invocation.json,
  async run(context, { slug, json, speaker, drafts }) {
    // The quotation rules are only needed here; loading them lazily keeps them out of every start-up.
    const { extractQuotations } = await import('../quotes/extract.js');
    const { renderQuotes } = await import('../render/quotes.js');
    const library = openLibrary(context);
    let hadProblems = false;
    const articles = await (slug === undefined
      ? library.articles({ drafts })
      : library.article(slug).then((one) => [one])
    ).finally(() => {
      hadProblems = reportLibrary(context, library);
    });
    const wanted = speaker?.toLowerCase();
    const rows = articles.flatMap(({ article, blocks }) =>
      extractQuotations(blocks)
        .filter((quotation) => wanted === undefined || quotation.speaker?.toLowerCase().includes(wanted))
        .map((quotation) => ({ slug: article.slug, ...quotation })),
    );
    context.io.stdout.write(await renderQuotes(rows, context.settings.output, json));
    if (hadProblems) return EXIT_ERROR;
    if (rows.length === 0) {
      const who = speaker === undefined ? '' : ` by '${speaker}'`;
      context.io.stderr.write(formatMessage('note', `no quotations${who} found`));
      return EXIT_NOT_FOUND;
    }
    return EXIT_OK;
  },
  warmUp: [['quotes'], ['quotes', '--color', 'always'], ['--dir', 'dist/warm-up/library', 'quotes']],
});
