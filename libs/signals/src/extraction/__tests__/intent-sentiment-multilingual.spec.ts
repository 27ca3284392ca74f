import { extractMessage } from '../extract-message';
import { mergeConversation } from '../merge-conversation';

const conversation = (...messages: string[]) => mergeConversation(messages.map((m) => extractMessage(m)));

describe('intent and sentiment in seven languages (issue 15 point 3)', () => {
  it.each([
    ['Bitte stornieren Sie meine Bestellung', 'cancellation'],
    ['Je souhaite annuler ma commande', 'cancellation'],
    ['Ik wil mijn abonnement opzeggen', 'cancellation'],
    ['Ich muss leider sagen, dass ich sehr enttäuscht bin.', 'complaint'],
    ['Il tecnico non si è presentato. È inaccettabile.', 'complaint'],
    ['Ich möchte einen Tisch für vier Personen reservieren', 'booking'],
    ['je peux prendre rendez-vous pour une coupe jeudi ?', 'booking'],
    ['queria marcar um horário para amanhã', 'booking'],
    ['Wie viel kostet eine Zahnreinigung?', 'pricing'],
    ['¿Cuánto cuesta un blanqueamiento?', 'pricing'],
    ['Wat kost een controle?', 'pricing'],
    ['Ma commande est arrivée cassée, que dois-je faire ?', 'support'],
    ['Mijn bestelling is nog steeds niet geleverd, waar blijft hij?', 'support'],
    ['Avete il parcheggio?', 'enquiry'],
    ['Têm quartos com vista para o mar?', 'enquiry'],
    ['Je voulais juste vous remercier, notre chat va beaucoup mieux', 'other'],
  ])('%p is %s', (text, intent) => {
    expect(extractMessage(text).intent.label).toBe(intent);
  });

  it('intent is decided over the conversation: a booking after a fault report is a booking', () => {
    expect(conversation('Hallo, unsere Heizung ist seit gestern kalt', 'Könnten Sie morgen vorbeikommen?').intent.label).toBe('booking');
    expect(conversation('Bonjour, ma fournaise ne démarre plus', 'pouvez-vous venir demain?').intent.label).toBe('booking');
  });

  it.each([
    ['Vielen Dank, das ist super nett!', 'positive'],
    ["Merci beaucoup, c'est très gentil !", 'positive'],
    ['¡Muchas gracias, sois geniales!', 'positive'],
    ['Grazie mille, gentilissimi!', 'positive'],
    ['Muito obrigada, são uns queridos!', 'positive'],
    ['Super bedankt, top geregeld!', 'positive'],
    ['Thank you so much, you guys are the best!! 😊', 'positive'],
    ['Ich muss leider sagen, dass ich sehr enttäuscht bin.', 'negative'],
    ['Je suis très déçue de votre service.', 'negative'],
    ['Lamento decirlo pero estoy muy decepcionado con el servicio.', 'negative'],
    ['Devo dire che sono molto deluso.', 'negative'],
    ['Sinceramente estou muito decepcionado com o atendimento.', 'negative'],
    ['Ik moet helaas zeggen dat ik erg teleurgesteld ben.', 'negative'],
    ["With respect, I'd appreciate a refund. Frankly it's not good enough.", 'negative'],
    ['Parfait, merci', 'neutral'],
    ['ok grazie', 'neutral'],
    ['Mit freundlichen Grüßen, Thomas Becker', 'neutral'],
    ['A minha encomenda ainda não chegou, podem verificar?', 'neutral'],
  ])('%p is %s', (text, label) => {
    expect(extractMessage(text).sentiment.label).toBe(label);
  });

  it('a warm closing lifts the end of a neutral conversation', () => {
    expect(
      conversation('Hola, quería reservar una mesa para cinco el sábado', 'Me llamo Lucía', '¡Muchas gracias, sois geniales!').sentiment
        .label,
    ).toBe('positive');
  });
});

describe('more ways to book, report a fault or complain, per language', () => {
  it.each([
    ['Ich hätte gern einen Tisch für zwei am Freitag', 'booking'],
    ['Kann ich mich für den Erste-Hilfe-Kurs anmelden?', 'booking'],
    ['Je voudrais une table pour quatre samedi', 'booking'],
    ['Quisiera una mesa para cuatro el sábado', 'booking'],
    ['Necesito agendar una revisión para mi coche', 'booking'],
    ['Vorrei un appuntamento per giovedì pomeriggio', 'booking'],
    ['Queria agendar uma limpeza para a próxima semana', 'booking'],
    ['Ik wil graag een kamer boeken voor het weekend', 'booking'],
    ['Die Spülmaschine zeigt eine Fehlermeldung E15', 'support'],
    ['Le lave-linge ne s’allume plus depuis hier', 'support'],
    ['A impressora não liga', 'support'],
    ['De printer doet het niet meer', 'support'],
    ['Ik ben echt woedend over de rekening', 'complaint'],
    ['Sono davvero arrabbiato per il ritardo', 'complaint'],
  ])('%p -> %s', (text, intent) => {
    expect(extractMessage(text).intent.label).toBe(intent);
  });
});

describe('anticipation and excitement in the other languages', () => {
  it.each([
    'Wir freuen uns riesig auf den Tag!',
    "On a tellement hâte d'y être",
    'me caso en marzo y estoy emocionadísima',
    "non vedo l'ora di venire",
    'mal posso esperar pelo sábado',
    'we hebben er echt zin in!',
  ])('%p is positive', (text) => {
    expect(extractMessage(text).sentiment.label).toBe('positive');
  });
});
