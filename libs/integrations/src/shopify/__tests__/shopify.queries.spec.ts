import { orderSearchString, productLookupString, productSearchString, searchValue } from '../shopify.queries';

describe('Shopify search strings', () => {
  it('quotes values and escapes quotes and backslashes', () => {
    expect(searchValue('iPhone 15')).toBe('"iPhone 15"');
    expect(searchValue('12" pizza')).toBe('"12\\" pizza"');
    expect(searchValue('a\\" OR status:draft')).toBe('"a\\\\\\" OR status:draft"');
  });

  it('searches active products for every word', () => {
    expect(productSearchString('  iphone   15 ')).toBe('status:active AND "iphone" AND "15"');
    expect(productSearchString('x status:draft')).toBe('status:active AND "x" AND "status:draft"');
  });

  it('looks a product up by handle, SKU or title', () => {
    expect(productLookupString('IP15-128')).toBe('status:active AND (handle:"IP15-128" OR sku:"IP15-128" OR title:"IP15-128")');
  });

  it('finds an order by its name with or without #', () => {
    expect(orderSearchString('#1001')).toBe('name:"#1001" OR name:"1001"');
    expect(orderSearchString('1001')).toBe('name:"#1001" OR name:"1001"');
  });
});
