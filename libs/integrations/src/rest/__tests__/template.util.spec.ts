import { IntegrationCallError } from '../../connector.types';
import { fillBody, fillPath, fillTemplate } from '../template.util';

describe('templates', () => {
  it('URL-encodes path values so they stay inside their segment', () => {
    expect(fillPath('/products/{product}/stock', { product: 'a/b?c=1 d' })).toBe('/products/a%2Fb%3Fc%3D1%20d/stock');
  });

  it('fills query text as is (the URL encodes it) and keeps body value types', () => {
    expect(fillTemplate('name:{query}*', { query: 'blue mug' })).toBe('name:blue mug*');
    expect(fillBody({ q: '{query}', n: '{limit}', label: 'q={query}' }, { query: 'mug', limit: 5 })).toEqual({
      q: 'mug',
      n: 5,
      label: 'q=mug',
    });
  });

  it('refuses a placeholder without a value (invalid_arguments), and never reads prototypes', () => {
    expect(() => fillPath('/orders/{order_number}', {})).toThrow(expect.objectContaining({ failure: 'invalid_arguments' }));
    expect(() => fillTemplate('{constructor}', {})).toThrow(IntegrationCallError);
  });
});
