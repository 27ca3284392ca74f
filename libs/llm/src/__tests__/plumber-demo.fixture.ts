import type { KnowledgePassage } from '../generation/generation.types';

// The demo plumber's knowledge (demo/knowledge/plumber-*.md) as the provisioning chunker stores
// it: one chunk per section, starting with its heading path.
const SECTIONS: [string, string, string][] = [
  [
    'Services and prices',
    'Call-out and hourly rates',
    'Our standard call-out fee is £65, which includes the first 30 minutes of labour. After that we charge £48 per hour, billed in 15-minute steps. Evening and weekend call-outs (after 6pm and all day Saturday and Sunday) cost £95 including the first 30 minutes.',
  ],
  [
    'Services and prices',
    'Boiler servicing',
    'An annual boiler service costs £85 for gas combi and system boilers. It takes about an hour and includes a flue gas analysis and a written service record. We service Worcester Bosch, Vaillant, Baxi, Ideal and Viessmann boilers.',
  ],
  [
    'Services and prices',
    'Boiler installation',
    'A new combi boiler, fitted, starts at £2,400 including removal of the old boiler, a magnetic system filter and a powerflush. We give a written quote after a free survey visit. Installations come with a 10-year manufacturer warranty when the boiler is serviced every year.',
  ],
  [
    'Services and prices',
    'Gas safety certificates',
    'We do not issue landlord gas safety certificates (CP12). We can recommend a partner firm for those.',
  ],
  [
    'Services and prices',
    'Areas we cover',
    'We cover Leeds and up to 15 miles around it, including Horsforth, Headingley, Roundhay, Morley and Wetherby.',
  ],
  [
    'Frequently asked questions',
    'Do you do emergency call-outs?',
    'Yes. We run a 24-hour emergency line for burst pipes, major leaks and no heating in winter. We aim to be with you within two hours in Leeds.',
  ],
  [
    'Frequently asked questions',
    'What should I do if a pipe bursts?',
    'Turn off the water at the stopcock, usually under the kitchen sink. Switch off the electrics if water is near sockets or the fuse box. Then call us.',
  ],
  [
    'Frequently asked questions',
    'How do I book?',
    'Book through this chat, by phone on 0113 496 0000, or by email at bookings@bobsplumbing.example. We open bookings from 8am to 6pm, Monday to Friday.',
  ],
  [
    'Frequently asked questions',
    'Which payment methods do you take?',
    'We take card, bank transfer and cash. Payment is due when the job is done.',
  ],
  [
    'Frequently asked questions',
    'Are you Gas Safe registered?',
    'Yes, all our engineers are Gas Safe registered. Our registration number is 123456.',
  ],
];

/** Every chunk, all with the same retrieval score: the responder must find the right one itself. */
export const PLUMBER_DEMO_KNOWLEDGE: KnowledgePassage[] = SECTIONS.map(([title, heading, body], i) => ({
  chunkId: `chunk-${i}`,
  documentId: title === 'Services and prices' ? 'doc-services' : 'doc-faq',
  title,
  text: `${title} > ${heading}\n${body}`,
  score: 0.5,
}));
