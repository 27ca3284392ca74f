import { ApiProblem } from '../../api/problem.util';
import { errorAt, fieldErrorsOf } from '../field-errors.util';
import { safeFileName } from '../download.util';

describe('field errors of a problem', () => {
  const problem = new ApiProblem({
    status: 400,
    title: 'Validation failed',
    fields: [
      { path: 'timezone', message: 'an IANA time zone such as Europe/London' },
      { path: 'config.allowedOrigins.1', message: 'an origin such as https://shop.example' },
      { path: 'config.escalation.handoffMessage', message: 'too long' },
      { path: 'timezone', message: 'required' },
      { path: '', message: 'ignored without a path' },
    ],
  });

  it('groups messages by path', () => {
    expect(fieldErrorsOf(problem)).toEqual({
      timezone: 'an IANA time zone such as Europe/London; required',
      'config.allowedOrigins.1': 'an origin such as https://shop.example',
      'config.escalation.handoffMessage': 'too long',
    });
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });

  it('finds a control’s message at its path or below, naming list items', () => {
    const errors = fieldErrorsOf(problem);
    expect(errorAt(errors, 'timezone')).toBe('an IANA time zone such as Europe/London; required');
    expect(errorAt(errors, 'config.allowedOrigins')).toBe('item 2: an origin such as https://shop.example');
    expect(errorAt(errors, 'config.escalation')).toBe('handoffMessage: too long');
    expect(errorAt(errors, 'config.persona')).toBeUndefined();
    expect(errorAt(errors, 'time')).toBeUndefined();
  });
});

describe('download file names', () => {
  it('keeps letters, digits, dots, dashes and underscores', () => {
    expect(safeFileName('contact-dana@example.test-2026-12-06', 'json')).toBe('contact-dana-example.test-2026-12-06.json');
    expect(safeFileName('Zoë / Ünal', 'json')).toBe('Zoe-Unal.json');
    expect(safeFileName('///', 'json')).toBe('download.json');
  });
});
