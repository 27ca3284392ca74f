import { IntegrationCallError } from '../connector.types';
import type { PlaceholderValue } from '../mapping/placeholder-values.util';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const WHOLE_PLACEHOLDER = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

function valueOf(values: Readonly<Record<string, PlaceholderValue>>, name: string): PlaceholderValue {
  if (!Object.prototype.hasOwnProperty.call(values, name))
    throw new IntegrationCallError('invalid_arguments', `the endpoint needs a value for "${name}"`);
  return values[name];
}

/** Fills `{name}` placeholders; `encode` is applied to each value (URL-encoding for paths). */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, PlaceholderValue>>,
  encode: (value: string) => string = (value) => value,
): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => encode(String(valueOf(values, name))));
}

/** A path template with every value URL-encoded (a `/` or `?` in a value stays inside its segment). */
export function fillPath(template: string, values: Readonly<Record<string, PlaceholderValue>>): string {
  return fillTemplate(template, values, encodeURIComponent);
}

/**
 * A JSON body from its template: a value that is one whole placeholder keeps its type (a number
 * stays a number), any other is text with the placeholders filled in.
 */
export function fillBody(
  template: Readonly<Record<string, string>>,
  values: Readonly<Record<string, PlaceholderValue>>,
): Record<string, PlaceholderValue> {
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) => {
      const whole = WHOLE_PLACEHOLDER.exec(value);
      return [key, whole ? valueOf(values, whole[1]) : fillTemplate(value, values)];
    }),
  );
}
