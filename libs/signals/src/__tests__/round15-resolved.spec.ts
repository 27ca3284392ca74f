import { describeCases, parseCases } from './round15-cases.util';

// Round 15: a hazard that is over, never there, or told as a dated story is not safety, nor is a
// pet's emergency (the guide: urgency), a dish or a fright named after a medical emergency; the
// same hazards now still are. One case a line: type, + (found by the rules
// alone) or - (found by neither rules nor classifier), message.
const CASES = parseCases(String.raw`
safety - the smell of gas turned out to be the drains, all good
safety - there was a smell of burning but it was just the dust on the new heater
safety - your electrician found exposed wires behind the cooker and capped them off, please send the bill
safety - the extension lead caught fire once, so I want the sockets checked before the baby arrives
safety - our van caught fire on the motorway in the 80s, anyway do you do MOTs?
safety - Der Gasgeruch im Keller war ja doch nur der Abfluss, danke trotzdem
safety - fausse alerte pour l'odeur de gaz, c'était juste le fromage
safety - falsa alarma, el olor a gas era solo el cubo de basura
safety - l'odore di gas in cantina era solo la vernice del vicino
safety - afinal era só o esgoto, o cheiro a gás já passou
safety - de gaslucht in de keuken bleek gewoon de riolering te zijn, de monteur hoeft niet meer te komen
safety - o meu carro pegou fogo em 2018, por isso quero uma revisão completa
# The same hazards now, told with a time word or a story word elsewhere in the message.
safety + I can smell gas in the kitchen right now. It was only the drains last time but this is much stronger
safety + there is a strong gas smell in the hall and it is getting worse
safety + the socket is sparking and there is a burning smell, please come now
safety + Es riecht stark nach Gas im Treppenhaus, bitte sofort kommen
safety + ça sent le gaz dans la cuisine, on est sortis
safety + huele mucho a gas en el portal, ¿podéis venir?
safety + c'è puzza di gas in cucina, cosa facciamo?
safety + cheira muito a gás na cozinha, venham já
safety + het ruikt sterk naar gas in de gang
safety - my cat is having a fit on the kitchen floor, can you see her now?
safety - our rabbit has stopped breathing properly since this morning
safety - el perro convulsiona desde hace un rato, ¿abrís hoy?
safety - can I order two of the "Heart Attack" burgers for collection?
safety - my phone bill nearly gave me a heart attack this month
safety - do you sell EpiPen trainers for a first aid course?
safety - Haben Sie EpiPen-Trainer für die Schule?
safety - does the annual service include testing the carbon monoxide alarm?
safety - what's the procedure for reporting a gas leak in the block? just reading the handbook
safety - Im Aufzug hängt ein Schild "Bei Brand Aufzug nicht benutzen", gilt das auch für den Lastenaufzug?
safety - mia suocera ci ammazza con le sue lasagne ogni domenica 😂
safety + my son is having a fit and his lips are going blue
safety + a customer has collapsed and is not breathing
safety + my husband has chest pains spreading to his arm
safety + mi hijo convulsiona y no responde
safety + my dog bit my daughter and she is bleeding heavily
`);

describeCases('resolved, dated, pet and named emergencies (round 15)', CASES);
