// A strict RFC 4180 reader for the tests: it throws on anything a careful
// spreadsheet would misread (a stray quote, an unterminated field).
export function parseCsv(input: string): string[][] {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quoted field");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === '"') throw new Error(`stray quote at ${i}`);
        cell += text[i++];
      }
    }
    row.push(cell);
    if (text[i] === ",") {
      i++;
    } else if (text.startsWith("\r\n", i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) {
      throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
    }
  }
  if (row.length > 0) throw new Error("last line does not end in CRLF");
  return rows;
}

/** Rows as objects keyed by the header row. */
export function csvRecords(input: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(input);
  if (!header) throw new Error("no header");
  return rows.map((r) => {
    if (r.length !== header.length) throw new Error(`row has ${r.length} cells, header ${header.length}`);
    return Object.fromEntries(header.map((h, n) => [h, r[n] ?? ""]));
  });
}
