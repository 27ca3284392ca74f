import { maskContactDetails } from '../contact-details-mask.util';

describe('maskContactDetails', () => {
  it('masks email addresses and phone numbers in every string, at any depth, and keeps the rest', () => {
    const at = new Date('2026-12-06T10:00:00Z');
    expect(
      maskContactDetails({
        orderNumber: '#1001',
        email: 'Alice.Smith@example.com',
        phone: '+44 7700 900123',
        notes: ['call 07700 900456 or mail bob@shop.example', 42, null],
        nested: { customer: { contact: 'carol@example.org' } },
        quantity: 3,
        at,
      }),
    ).toEqual({
      orderNumber: '#1001',
      email: 'A***@example.com',
      phone: '***123',
      notes: ['call ***456 or mail b***@shop.example', 42, null],
      nested: { customer: { contact: 'c***@example.org' } },
      quantity: 3,
      at,
    });
  });

  it('leaves text without contact details as it is', () => {
    expect(maskContactDetails({ query: 'iPhone 15 128GB', sku: 'IP15-128' })).toEqual({ query: 'iPhone 15 128GB', sku: 'IP15-128' });
    expect(maskContactDetails('Order 1001 shipped')).toBe('Order 1001 shipped');
  });
});
