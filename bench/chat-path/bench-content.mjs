// The bench's questions and its tenant's knowledge documents (bench.mjs, turn-read-ab.mjs).
export const QUESTIONS = [
  'How much is the call-out fee at weekends?',
  'Do you fix boilers as well, and how quickly can someone come?',
  'My kitchen tap drips all the time, can you replace the washer?',
  'What areas do you cover and do you charge for travel?',
  'Can I pay by card, and do you give a guarantee on the work?',
  'How long does a boiler service take and what does it cost?',
];
export const KNOWLEDGE = [
  {
    title: 'Prices',
    content:
      'Call-out fee: 65 pounds on weekdays (8am to 6pm) and 95 pounds at weekends and on bank holidays. Labour is 55 pounds per hour after the first hour. ' +
      'Parts are charged at cost plus 10 percent. A boiler service costs 89 pounds and takes about an hour. Replacing a tap washer is 45 pounds including the part.',
  },
  {
    title: 'Service area and response times',
    content:
      'We cover the city and every postcode within 15 miles; travel is free inside that area. Emergency call-outs are answered within two hours, ' +
      'day or night. Routine work such as a dripping tap or a boiler service is booked within three working days.',
  },
  {
    title: 'Payment and guarantee',
    content:
      'We accept card, bank transfer and cash. Every repair carries a 12-month guarantee on parts and labour; new boilers carry the manufacturer warranty ' +
      'of up to 10 years when we fit them. We are Gas Safe registered and fully insured.',
  },
  {
    title: 'Boilers',
    content:
      'We repair and service all major boiler brands, combi and system boilers. A boiler that shows a fault code or has lost pressure can often be fixed ' +
      'on the first visit; we carry common parts in the van. New boiler installations take one to two days.',
  },
];
