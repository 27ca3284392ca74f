import { describeCases, parseCases } from './round15-cases.util';

// Round 15: "it is urgent / an emergency" in the other languages' own words is an urgency rule
// finding; enquiries, negations, plays on words and laughed-off claims are not. One case a line: type, + (found by the rules
// alone) or - (found by neither rules nor classifier), message.
const CASES = parseCases(String.raw`
urgency + Der Zahn pocht seit gestern. Das ist ein Notfall, haben Sie heute noch Zeit?
urgency + Bitte dringend zurückrufen, die Tür lässt sich nicht mehr abschließen
urgency + C'est une urgence : ma couronne est tombée et j'ai un rendez-vous à midi
urgency + Es muy urgente, el escaparate está roto y no cierra
urgency + È un'emergenza, il cancello è bloccato e i clienti non escono
urgency + É muito urgente, a montra partiu-se e não fecha
urgency + Het is een noodgeval, de voordeur gaat niet meer op slot
urgency + Kunnen jullie met spoed komen? De etalageruit ligt eruit
# Hard negatives.
urgency - Haben Sie auch Notfalltermine am Wochenende?
urgency - Es ist nicht dringend, nächste Woche reicht
urgency - Ce n'est pas urgent, la semaine prochaine ça ira
urgency - Quel est le numéro d'urgence du syndic ?
urgency - No es urgente, cuando podáis
urgency - Non è urgente, anche la settimana prossima va bene
urgency - Não é urgente, pode ser na próxima semana
urgency - Het is geen noodgeval, volgende week is prima
urgency - Wat geldt als spoedgeval bij jullie?
urgency - mon fils dit que le wifi lent c'est une urgence absolue mdr, vous avez une meilleure box ?
urgency - mia figlia dice che il phon rotto è un'emergenza ahah, lo riparate?
`);

describeCases('"it is urgent" in the other languages (round 15)', CASES);
