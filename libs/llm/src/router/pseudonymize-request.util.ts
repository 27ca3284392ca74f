import type { GenerationRequest, ResponseDirective } from '../generation/generation.types';
import type { Pseudonymizer } from '../pii';

/** Names the pseudonymizer must hide: those the extractor found and a returning customer's name. */
export function namesToHide(request: GenerationRequest): string[] {
  const names = [...(request.knownNames ?? [])];
  for (const directive of request.directives) if (directive.kind === 'greet_returning') names.push(directive.name);
  return names;
}

/**
 * The request as an external provider may see it: the visitor's words (history and this
 * message) and a returning customer's name pseudonymized. The tenant's own texts (persona,
 * knowledge, emergency and handoff texts) are published business information and go as they are.
 */
export function pseudonymizeRequest(request: GenerationRequest, pii: Pseudonymizer): GenerationRequest {
  const directives = request.directives.map((directive): ResponseDirective =>
    directive.kind === 'greet_returning' ? { ...directive, name: pii.pseudonymize(directive.name) } : directive,
  );
  return {
    ...request,
    history: request.history.map((message) => ({ ...message, content: pii.pseudonymize(message.content) })),
    userMessage: pii.pseudonymize(request.userMessage),
    directives,
    knownNames: [],
  };
}
