import { evaluateSearch, parseSearch, type SearchTerm } from '../fake-shopify.search';

const item = { title: 'iPhone 15 128GB', sku: 'IP15', status: 'active' };
const matches = (term: SearchTerm): boolean => {
  const value = term.value.toLowerCase();
  if (term.field === null) return item.title.toLowerCase().includes(value);
  return String(item[term.field as keyof typeof item] ?? '').toLowerCase() === value;
};

describe('the fake Shopify search syntax', () => {
  it.each([
    ['status:active AND "iphone" AND "15"', true],
    ['status:active "iphone" "16"', false],
    ['status:draft AND "iphone"', false],
    ['status:active AND (sku:"nope" OR title:"iPhone 15 128GB")', true],
    ['status:active AND (sku:"nope" OR sku:"other")', false],
    ['sku:"nope" OR sku:IP15', true],
    ['"12\\" iphone"', false],
    ['', true],
  ])('%s -> %s', (query, expected) => {
    expect(evaluateSearch(parseSearch(query), matches)).toBe(expected);
  });

  it('unescapes quoted values, so a quote inside a value is no syntax', () => {
    expect(parseSearch('title:"a\\" OR status:draft"')).toEqual({ term: { field: 'title', value: 'a" OR status:draft' } });
  });

  it.each([['(status:active'], ['status:active)'], ['AND'], ['"unterminated']])('rejects %s', (query) => {
    expect(() => parseSearch(query)).toThrow();
  });
});
