import type { PurchaseSignalKind } from '../extraction.types';

const DAY = String.raw`(?:today|tomorrow|tonight|this\s+(?:week|weekend|morning|afternoon|evening)|next\s+(?:week|\w+day)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|on\s+the\s+\d{1,2}(?:st|nd|rd|th)?)`;

/** Purchase signals: what the customer says when they are close to buying. Lower-case regex sources. */
export const PURCHASE_SIGNAL_RULES: ReadonlyArray<{ kind: PurchaseSignalKind; pattern: string; confidence: number }> = [
  {
    kind: 'price_question',
    pattern: String.raw`\bhow\s+much\s+(?:would|will|does|do|is|are|for|to|it|would\s+it|roughly|approx\w*)\b[^?.!]*`,
    confidence: 0.85,
  },
  {
    kind: 'price_question',
    pattern: String.raw`\bwhat\s+(?:do|would|will)\s+you\s+charge\b[^?.!]*|\bwhat(?:'s|\s+is|\s+are)\s+(?:the|your)\s+(?:price|cost|rates?|fees?|charges?)\b[^?.!]*`,
    confidence: 0.8,
  },
  {
    kind: 'quote_request',
    pattern: String.raw`\b(?:(?:can|could)\s+(?:i|you|we)\s+(?:get|have|give\s+me|send\s+(?:me\s+)?|do)\s+(?:a\s+)?(?:quote|quotation|estimate|price)|(?:send|email|give)\s+(?:me|us)\s+(?:a\s+|the\s+)?(?:quote|quotation|estimate|price))\b[^?.!]*`,
    confidence: 0.85,
  },
  {
    kind: 'booking_request',
    pattern: String.raw`\b(?:i'?d|i\s+would|we'?d|we\s+would)\s+(?:like|love)\s+to\s+(?:book|order|buy|reserve|arrange|go\s+ahead)\b[^?.!]*`,
    confidence: 0.9,
  },
  {
    kind: 'booking_request',
    pattern: String.raw`\b(?:can|could|may)\s+(?:i|we)\s+(?:book|reserve|order|get\s+a\s+table|make\s+an?\s+(?:booking|appointment|reservation))\b[^?.!]*`,
    confidence: 0.85,
  },
  {
    kind: 'availability_question',
    pattern: String.raw`\b(?:can|could)\s+(?:you|someone|somebody)\s+(?:come|do|make\s+it|pop\s+(?:out|round|over)|fit\s+(?:me|us|it)\s+in|start)\b[^?.!]{0,30}\b${DAY}\b[^?.!]*`,
    confidence: 0.85,
  },
  {
    kind: 'availability_question',
    pattern: String.raw`\b(?:any|have\s+you\s+got\s+any|do\s+you\s+have\s+(?:any)?)\s+(?:availability|slots?|space|tables?|appointments?)\b[^?.!]*|\b(?:when|how\s+soon)\s+(?:can|could)\s+you\s+(?:come|start|fit|do)\b[^?.!]*|\bis\s+it\s+still\s+available\b`,
    confidence: 0.8,
  },
  {
    kind: 'ready_to_buy',
    pattern: String.raw`\b(?:let'?s\s+go\s+ahead|happy\s+to\s+go\s+ahead|go\s+ahead\s+with|i'?ll\s+take\s+it|we'?ll\s+take\s+it|sounds\s+good,?\s+(?:book|let'?s)|where\s+do\s+i\s+(?:pay|sign)|how\s+do\s+i\s+pay|take\s+a\s+deposit)\b[^?.!]*`,
    confidence: 0.9,
  },
];
