import { createNameFinder } from '../name.detector';

const found = (names: string[], text: string): string[] => createNameFinder(names)(text).map((m) => text.slice(m.start, m.end));

describe('createNameFinder', () => {
  it.each([
    [['Zoë'], 'Hi, this is Zoë here', ['Zoë']],
    [['Zoë'], 'ZOË and zoë', ['ZOË', 'zoë']],
    [['Zoë'], 'decomposed Zoe\u0308 too', ['Zoe\u0308']],
    [['Zoe\u0308'], 'composed Zoë', ['Zoë']],
    [["O'Brien"], "Mr O'Brien and Mrs O’Brien", ["O'Brien", 'O’Brien']],
    [['Anne-Marie'], 'anne-marie called', ['anne-marie']],
    [['Anne-Marie', 'Anne'], 'Anne-Marie and Anne', ['Anne-Marie', 'Anne']],
    [['Mary Jane'], 'Mary  Jane rang', ['Mary  Jane']],
    [['José'], 'José, josé', ['José', 'josé']],
  ])('%j in %j finds %j', (names, text, expected) => {
    expect(found(names, text)).toEqual(expected);
  });

  it.each([
    [['Ann'], 'Anne and Annabel and Joann'],
    [['Zoë'], 'Zoëlle'],
    [['Anne-Marie'], 'Anne Marie'],
    [['Al'], 'Alan always'],
    [['A'], 'A cat'],
    [[''], 'anything'],
    [[], 'Bob'],
  ])('%j finds nothing in %j (whole words only, no empty or one-letter names)', (names, text) => {
    expect(found(names, text)).toEqual([]);
  });

  it('treats regex characters in names literally', () => {
    expect(found(['J.R. (Bob)'], 'J.R. (Bob) and JxRx (Bob)')).toEqual(['J.R. (Bob)']);
  });
});
