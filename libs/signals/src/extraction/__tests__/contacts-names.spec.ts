import { extractMessage } from '../extract-message';

const customerName = (text: string) => extractMessage(text).customer.name?.value;

describe('customer names', () => {
  it.each([
    ["Hi, I'm Dave, my boiler's leaking", 'Dave'],
    ['my name is Helen Carter', 'Helen Carter'],
    ["Name's Connor McBride", 'Connor McBride'],
    ['This is Noel by the way', 'Noel'],
    ["It's Daniel Ng, 07700 900 553", 'Daniel Ng'],
    ['Dave here, about the boiler', 'Dave'],
    ['Thanks, Dave', 'Dave'],
    ['Kind regards, Hannah Lewis-Wright', 'Hannah Lewis-Wright'],
    ['Call me on 0117 496 0612 - Joanne Price-Davies', 'Joanne Price-Davies'],
    ['You can reach me at 020 7946 0418. Tom', 'Tom'],
    ['Gaz', 'Gaz'],
    ['Rachel (flat 7)', 'Rachel'],
    ['Mrs Siobhan McAllister', 'Siobhan McAllister'],
    ['booked in under Peter Hughes', 'Peter Hughes'],
    ['Booking is under the name Rodriguez', 'Rodriguez'],
    ['it is under Mr and Mrs Dubois', 'Dubois'],
    ['Thanks, Priya (letting agent)', 'Priya'],
    ['Will definitely be back. Fiona & Rob', 'Fiona'],
    ["My name's Gareth Price", 'Gareth Price'],
    ["I'm Kelly. See you Friday", 'Kelly'],
    ['Morning. Sam speaking, I run the cafe', 'Sam'],
    ['table for 4 at 7.45, under Harrington', 'Harrington'],
    ['Its Ben W, 07700 900 599', 'Ben W'],
    ['Stuart McLeod - 0141 496 0555', 'Stuart McLeod'],
    ['Owner is Dorota Kaminska, 07700 900 924', 'Dorota Kaminska'],
    ['Jim Barraclough 07700 900 811', 'Jim Barraclough'],
    ["jade o'reilly", "Jade O'Reilly"],
    ["It's Mrs Khan from Oak Drive", 'Khan'],
    ["I'm Alex, their son, 07700 900 210", 'Alex'],
  ])('%p -> %p', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    ['José', "Hi, I'm José"],
    ['Zoë Clarke', "Name's Zoë Clarke, mobile 07700 900845"],
    ['Siân Pritchard', 'It was booked under Siân Pritchard'],
    ["Renée O'Hara", "my name is renée o'hara"],
  ])('keeps accents: %p', (name, text) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    ["mark o'connor, 0161 496 0752", "Mark O'Connor"],
    ['Liam O’Sullivan, 07700 900 818', "Liam O'Sullivan"],
    ["Patrick O'Donnell", "Patrick O'Donnell"],
  ])('handles apostrophes: %p', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    ["i'm chloe-ann, 07700 900 145", 'Chloe-Ann'],
    ['Name on the booking is Anne-Marie Duffy, thanks', 'Anne-Marie Duffy'],
    ["name's kelly-marie", 'Kelly-Marie'],
  ])('handles hyphens: %p', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    ["i'm dave", 'Dave'],
    ['im steve btw', 'Steve'],
    ['my name is kieran walsh', 'Kieran Walsh'],
    ['i am kofi mensah', 'Kofi Mensah'],
    ['cheers mate. im rob, 07700900458', 'Rob'],
  ])('title-cases lower-case names: %p', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    ["I'm fine thanks for asking"],
    ["I'm looking for a plumber"],
    ["I'm interested in the flat"],
    ["I'm not sure if you do this"],
    ["I'm afraid I need to cancel"],
    ["I'm really upset about this"],
    ["I'm a nurse at the LGI"],
    ['this is completely unacceptable'],
    ["it's still not here"],
    ['ok, thanks anyway'],
    ['Cheers lads!'],
    ['Absolutely fuming'],
    ["I'm in Cork, my number is +353 87 123 4567"],
    ['the MOT is due'],
    ['ok and how long does it take'],
    ["i'm mostly free after 5"],
    ['I booked for 2 under the old system'],
    ['How much for 6 windows? Roughly'],
    ['actually use samwhitfield@gmail.com instead, I am leaving uni'],
  ])('%p holds no name', (text) => {
    expect(customerName(text)).toBeUndefined();
  });
});

describe('third parties', () => {
  it("\"I'm Dave's wife\": Dave is someone else and the customer's name is not given", () => {
    const e = extractMessage("I'm Dave's wife, he ordered a drill");
    expect(e.customer.name).toBeUndefined();
    expect(e.contacts).toEqual([expect.objectContaining({ field: 'name', value: 'Dave', owner: 'third_party', relation: 'wife' })]);
  });

  it.each([
    ['my wife Sarah will call', 'Sarah', 'wife'],
    ['my husband José will call', 'José', 'husband'],
    ['His name is Marcus, he needs a hygienist appointment', 'Marcus', 'his'],
    ["My dad's name is Alan", 'Alan', 'dad'],
    ['my son, Oliver, needs a check-up', 'Oliver', 'son'],
  ])('%p names a third party', (text, name, relation) => {
    const e = extractMessage(text);
    expect(e.customer.name).toBeUndefined();
    expect(e.contacts).toContainEqual(expect.objectContaining({ field: 'name', value: name, owner: 'third_party', relation }));
  });

  it.each([
    ["I'm her daughter, Beth", 'Beth'],
    ["I'm his mum, Kate", 'Kate'],
    ["I'm the tenant, Chloe", 'Chloe'],
    ["I'm the owner, Mrs Jennifer Ashworth-Lee", 'Jennifer Ashworth-Lee'],
  ])('%p: a relation the customer states about themselves keeps the name theirs', (text, name) => {
    expect(customerName(text)).toBe(name);
  });

  it.each([
    ['call my landlord on 07700 900456', 'landlord'],
    ['My landlord said to contact you. His number is 07700 900456', 'his'],
    ['can you call my wife Sarah on 07700 900 733 when it is ready', 'wife'],
    ['can someone call my mum, she is on 0117 496 0870', 'she'],
    ["my wife's email is sarah@example.com", 'wife'],
  ])("%p is not the customer's contact", (text, relation) => {
    const e = extractMessage(text);
    expect(e.customer.phone).toBeUndefined();
    expect(e.customer.email).toBeUndefined();
    expect(e.contacts.filter((c) => c.field !== 'name')).toEqual([expect.objectContaining({ owner: 'third_party', relation })]);
  });

  it("a third party's number and the customer's own in one message are told apart", () => {
    const e = extractMessage("my neighbour Tony's number is 07700 900 902. I'm Angela, on 07700 900 290");
    expect(e.customer.phone?.value).toBe('+447700900290');
    expect(e.customer.name?.value).toBe('Angela');
    expect(e.contacts.filter((c) => c.owner === 'third_party').map((c) => c.value)).toEqual(expect.arrayContaining(['+447700900902']));
  });
});
