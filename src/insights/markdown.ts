/** Small Markdown builders for the job summary (GitHub renders Markdown and Mermaid there). */

/** A table cell: no pipes or line breaks, and no HTML. */
export function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/[\r\n]+/g, ' ');
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

export function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${text}`;
}

/** Blocks separated by blank lines, as Markdown needs. */
export function blocks(...parts: Array<string | undefined | false>): string {
  return parts.filter(Boolean).join('\n\n');
}
