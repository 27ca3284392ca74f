import type { LanguagePatterns } from './signal-rules.types';

/**
 * Round 13: asking for a call back or a person, and public shaming, told in the other languages
 * ("Bitte um Rückruf", "qualcuno del servizio clienti può chiamarmi", "a doutora pode me ligar",
 * "eine 1-Stern-Bewertung auf Google"); the English human_request rule has no counterpart there and
 * the classifier missed these on dev. Only the languages where dev confirmed a gain. Each runs only
 * for a message that may be in its language (normalize/language-gate.util); "no need for anyone to
 * call me any more" vetoes a finding (classifier/no-need-person.util), as it does the classifier's.
 */
export const HUMAN_REQUEST_I18N: LanguagePatterns = {
  de: [
    String.raw`(?:bitte )?um (?:einen |baldigen |schnellen )?rückruf|rückruf (?:bitte|erbeten|vom|von (?:einem|ihrem|dem))|(?:rufen sie|ruft|ruf) (?:mich|uns) (?:bitte |doch |sofort |umgehend |dringend )*(?:zurück|an)(?![a-zäöüß])|(?:mich|uns) (?:bitte |doch |sofort |umgehend |dringend )*(?:zurückrufen|anrufen)|mit (?:einem |einer )?(?:echten |richtigen |lebenden )?(?:menschen|person) (?:sprechen|reden|schreiben|chatten|telefonieren)|(?:einen?|ein) (?:echten|richtigen|lebenden) menschen|einen menschen,? bitte|(?:mit|einem) (?:echten |richtigen )?(?:mitarbeiter|mitarbeiterin|ansprechpartner)(?:in)? (?:sprechen|reden|verbinden)|(?:mit dem|den|die) (?:chef|chefin|geschäftsführer|geschäftsführerin|inhaber|inhaberin|vorgesetzten|filialleiter|filialleiterin) (?:sprechen|reden|anrufen|erreichen)`,
    String.raw`(?:schreibe|schreiben|hinterlasse|hinterlassen|gebe|geben|poste|posten|werde|werden)(?: [^ .!?]+){0,4} (?:bewertung|rezension)|(?:bewertung|rezension) (?:auf|bei) (?:google|trustpilot|tripadvisor|yelp) (?:schreiben|hinterlassen|geben|posten)`,
  ],
  it: [
    String.raw`chiamatemi|richiamatemi|mi (?:richiami|richiamate|chiami|chiamate|può chiamare|potete chiamare|può richiamare|potete richiamare|fate chiamare|faccia chiamare)|(?:può|potete|può qualcuno|qualcuno (?:può|potrebbe)) (?:chiamarmi|richiamarmi)|(?:parlare|parlo) con (?:una persona|un (?:umano|operatore|responsabile|tecnico vero)|qualcuno|il (?:titolare|responsabile|direttore|gestore|capo))|(?:passatemi|mi passi|mi passate) (?:un|una|il|qualcuno)|operatore umano`,
  ],
  pt: [
    String.raw`me ligu[ei]m?|me ligar|ligue-me|liguem-me|ligar-me|me (?:retorn[ea]m?|retornar)|retorn[ea]m? (?:a )?(?:minha )?(?:ligação|chamada)|falar com (?:uma pessoa|um humano|alguém|o (?:gerente|dono|responsável|encarregado|chefe)|a (?:gerente|dona|responsável|encarregada|chefe)|um atendente)|(?:atendente|pessoa) (?:humana|real|de verdade)`,
  ],
};
