import * as cheerio from 'cheerio';
// cheerio's own node types (a dependency of cheerio's), named for the helpers' signatures.
import type { Element } from 'domhandler';

/**
 * The text of an HTML page (or of a .docx, which mammoth turns into HTML):
 * block elements end a line; a data table keeps its cells, one row per line
 * with the cells separated by tabs (a merged cell repeated down the rows it
 * spans, left empty across the columns), so the parser can read its columns;
 * a numbered list keeps its numbers. Tables used for page layout (holding
 * other tables, or whole articles) are read as blocks.
 */

const blocks = 'p, div, h1, h2, h3, h4, h5, h6, li, tr, table, section, article, header, footer, nav, aside, ul, ol, dl, dt, dd, blockquote, pre';
const longestDataCell = 3000;

/** A cell's text on one line: its own line breaks become spaces, tabs never appear inside. */
function cellText($: cheerio.CheerioAPI, cell: Element): string {
  const copy = $(cell).clone();
  copy.find('br').replaceWith(' ');
  copy.find(blocks).each((_, el) => {
    $(el).append(' ');
  });
  return copy.text().replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

function isDataTable($: cheerio.CheerioAPI, table: Element): boolean {
  if ($(table).find('table').length > 0) return false;
  const rows = $(table).find('tr').toArray();
  const cells = $(table).find('td, th').toArray();
  return rows.length >= 2 && rows.some((r) => $(r).children('td, th').length >= 2) && cells.every((c) => $(c).text().length <= longestDataCell);
}

/** The table's rows as lines of tab-separated cells. */
function tableLines($: cheerio.CheerioAPI, table: Element): string[] {
  const spans: Array<{ text: string; rows: number } | undefined> = [];
  return $(table)
    .find('tr')
    .toArray()
    .map((tr) => {
      const row: string[] = [];
      let column = 0;
      const next = () => {
        // Cells merged down from rows above take their place first.
        while (spans[column] && spans[column]!.rows > 0) {
          row.push(spans[column]!.text);
          spans[column]!.rows--;
          column++;
        }
      };
      for (const cell of $(tr).children('td, th').toArray()) {
        next();
        const text = cellText($, cell);
        const across = Math.max(1, Number($(cell).attr('colspan')) || 1);
        const down = Math.max(1, Number($(cell).attr('rowspan')) || 1);
        for (let k = 0; k < across; k++) {
          row.push(k === 0 ? text : '');
          if (down > 1) spans[column] = { text: k === 0 ? text : '', rows: down - 1 };
          column++;
        }
      }
      next();
      return row.join('\t');
    });
}

const startsNumbered = /^\s*(?:[（(]?[0-9０-９一二三四五六七八九十]+[）)]|[0-9０-９一二三四五六七八九十]+\s*[、.．])/;

/** The number a list item shows, by its depth: 1. then （1） then 1）. */
function listMarker(depth: number, n: number): string {
  return depth <= 1 ? `${n}.` : depth === 2 ? `（${n}）` : `${n}）`;
}

function numberLists($: cheerio.CheerioAPI): void {
  $('ol').each((_, ol) => {
    const depth = $(ol).parents('ol').length + 1;
    let n = Number($(ol).attr('start')) || 1;
    $(ol)
      .children('li')
      .each((__, li) => {
        if (!startsNumbered.test($(li).text())) $(li).prepend(listMarker(depth, n));
        n++;
      });
  });
}

export function htmlToText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript, template').remove();
  numberLists($);
  // Innermost tables first, so a data table inside a layout table is kept as a table.
  for (const table of $('table').toArray().reverse()) {
    if (!isDataTable($, table)) continue;
    $(table).replaceWith(`<div>${tableLines($, table).map((line) => `<p>${escape(line)}</p>`).join('')}</div>`);
  }
  $('br').replaceWith('\n');
  $(blocks).each((_, el) => {
    $(el).append('\n');
  });
  $('td, th').each((_, el) => {
    $(el).append('\n');
  });
  return $.root().text();
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
