import { describeCases, parseCases } from './round15-cases.util';

// Round 15: hazards and threats told in the other languages by what is happening (sparks, a
// blackened or crackling socket, water running into a socket, a CO alarm, smoke from an oven, a
// pan that caught fire, a threat with a knife or a bottle, choking, fainting and not waking).
// One case a line: type, + (found by the rules
// alone) or - (found by neither rules nor classifier), message.
const CASES = parseCases(String.raw`
safety + Die Steckdose im Flur knistert und raucht, was soll ich machen?
urgency + Die Steckdose im Flur knistert und raucht, was soll ich machen?
safety + Bei uns tropft Wasser in den Sicherungskasten im Keller
safety + la prise de la cuisine grésille et noircit dès qu’on branche la bouilloire
urgency + l'eau coule sur le tableau électrique du couloir
safety + el enchufe del salón echa chispas y huele a quemado
safety + la presa della camera fa scintille quando accendo la luce
safety + a tomada da sala deita fumo desde há cinco minutos
safety + het stopcontact in de keuken vonkt en er hangt een schroeilucht
safety + de CO-melder gaat af en we zijn allemaal duizelig
urgency + Der CO-Melder piept seit zehn Minuten im Bad
urgency + ça sent fortement le gaz dans l’entrée
safety + In der Küche qualmt es aus dem Backofen, der Rauch wird immer mehr
safety + de frituurpan vloog in brand en de kap smeult nog
safety + Ein Mann bedroht gerade die Kassiererin mit einem Messer
safety + Mein Nachbar hat mir gedroht, mich abzustechen
safety + un client menace le serveur avec un couteau
safety + un tipo sta minacciando il barista con una bottiglia rotta
safety + mon mari a fait un malaise et il ne se réveille pas
safety + mia suocera si è strozzata e non riesce a parlare
# Hard negatives: the same words about products, plans, the past and nothing happening.
safety - Ich brauche zwei neue Steckdosen in der Garage, wann haben Sie Zeit?
safety - mon fils est à fond sur l'électronique, il lui faut des prises dans le garage
safety - ¿Vendéis detectores de monóxido de carbono para la cocina?
safety - Die Steckdose im Bad funkt nicht mehr, können Sie eine neue einbauen?
safety - vorrei cambiare la presa della cucina con una più moderna, quando passate?
safety - Ma mère a fait un malaise il y a un mois, un de vos chauffeurs l'a aidée, merci
safety - cero olor a gas en la casa, solo quería saber si la estufa es de leña
urgency - Der Film heute Abend war so spannend, der Bösewicht bedroht alle mit einem Messer
`);

describeCases('the other languages’ hazards and threats told by what happens (round 15)', CASES);
