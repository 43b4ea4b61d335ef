import { csvCell, csvRow, defuseFormulas } from '../src/csv';

/** Splits one CSV line as a spreadsheet with separator `sep` would (quotes respected). */
function splitAs(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

const isFormula = (cell: string) => /^[=+\-@]/.test(cell.replace(/^[\t\r\s]+/, ''));

describe('the shared CSV writer', () => {
  it('keeps plain text as it is', () => {
    expect(csvRow(['team-a', 12, null, undefined, 'Novi Sad'])).toBe('team-a,12,,,Novi Sad');
  });

  it('quotes semicolons, so `x;=1+2` stays one cell in a `;` spreadsheet', () => {
    const line = csvRow(['x;=1+2', 'ok']);
    expect(line).toBe(`"x;'=1+2",ok`);
    const cells = splitAs(line, ';');
    expect(cells).toHaveLength(1);
  });

  it('defuses a formula start after any separator inside a cell', () => {
    expect(defuseFormulas('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(defuseFormulas('a,+1')).toBe("a,'+1");
    expect(defuseFormulas('a;@x')).toBe("a;'@x");
    expect(defuseFormulas('a\t-2')).toBe("a\t'-2");
    expect(defuseFormulas('line\n=HYPERLINK("x")')).toBe('line\n\'=HYPERLINK("x")');
    expect(defuseFormulas('well-known a-b')).toBe('well-known a-b');
  });

  it('no separator (comma, semicolon, tab) ever yields a cell that starts a formula', () => {
    const hostile = ['x;=1+2', '=1', 'a,=b', '-3;+4', '@SUM', 'q"=1"', 'a\t=1', 'ok;\r\n=2'];
    const line = csvRow(hostile);
    for (const sep of [',', ';', '\t']) {
      for (const cell of splitAs(line, sep)) expect(isFormula(cell)).toBe(false);
    }
  });

  it('writes negative numbers as numbers, so point columns can be summed', () => {
    expect(csvRow(['team-a', -3, 0, 2.5, -0.5])).toBe('team-a,-3,0,2.5,-0.5');
    // Text that merely looks like a number is still defused: it may come from a trainee.
    expect(csvCell('-3')).toBe(`"'-3"`);
  });

  it('doubles quotes inside quoted cells', () => {
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});
