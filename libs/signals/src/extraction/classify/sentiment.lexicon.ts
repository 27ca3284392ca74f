/**
 * Sentiment lexicon: word or phrase -> valence (-3..3), matched on the normalised message at word
 * boundaries. Phrases are matched first and their words are not scored again. Routine politeness
 * ("please", "thanks", "sorry", "ok") carries no valence; "thank you so much" does.
 */
export const SENTIMENT_PHRASES: Readonly<Record<string, number>> = {
  'thank you so much': 2, 'thanks so much': 2, 'thanks a million': 2, 'thank you very much': 1.5, 'many thanks': 1,
  'over the moon': 3, "can't wait": 2, 'cant wait': 2, 'looking forward': 1.5, 'highly recommend': 3, 'well done': 2,
  'like new': 1.5, 'spot on': 2, 'top notch': 2, 'went above and beyond': 3, 'no problem': 0, 'no worries': 0,
  'fed up': -2.5, 'sick of': -2.5, 'sick and tired': -3, 'not good enough': -2.5, 'a joke': -2, 'a nightmare': -2.5,
  'a disgrace': -3, 'money back': -1.5, 'let down': -2, 'waste of': -2, 'rip off': -2.5, 'ripped off': -2.5,
  'no one has': -1.5, 'nobody has': -1.5, 'still waiting': -2, 'still not': -1.5, 'worse than before': -2.5,
  'at the end of my tether': -3, 'out of pocket': -1.5, 'not happy': -2.5, 'not impressed': -2.5, 'came out cold': -2,
  'not working': -0.5, 'have had to chase': -2, 'chase three times': -2, 'no reply': -1.5,
  'not great': -1.5, 'not ideal': -1.5, 'a shame': -1.5, 'no good': -0.5, 'not bad': 1,
  // greetings and routine phrases that contain a valence word but carry none
  'good morning': 0, 'good afternoon': 0, 'good evening': 0, 'best to': 0, 'is best': 0, 'best regards': 0,
  'best wishes': 0, 'all the best': 0, 'kind regards': 0, 'pet friendly': 0, 'dog friendly': 0, 'child friendly': 0,
  'family friendly': 0, 'nice one': 0.5, 'sounds good': 0.5, 'happy to': 0.5, 'still nothing': -2, "can't get hold of": -1.5,
  'not on': -1.5, 'best number': 0, 'best way': 0, 'best time': 0, 'best email': 0, 'not acceptable': -2.5,
  'too long': -1.5, 'asked twice': -1.5, 'use you again': 2, 'blood everywhere': -2, "didn't even apologise": -2.5, 'no apology': -2,
  // emoji
  '😡': -2.5, '😠': -2.5, '🙄': -1.5, '😞': -2, '😢': -2, '😭': -2, '👎': -2, '🎉': 2, '😊': 1.5, '🙂': 1, '😀': 2,
  '😃': 2, '😍': 2.5, '❤️': 2, '❤': 2, '👍': 1, '🙏': 0.5, 'love to': 0.5, 'would like': 0, "i'd like": 0, 'stopped working': -0.5,
};

export const SENTIMENT_WORDS: Readonly<Record<string, number>> = {
  // positive
  good: 1.5, great: 2, brilliant: 2.5, excellent: 3, amazing: 3, fantastic: 3, fab: 2, fabulous: 3, wonderful: 3,
  lovely: 2, perfect: 2.5, superb: 3, outstanding: 3, love: 2.5, loved: 2.5, loves: 2.5, like: 0, liked: 1.5, enjoyed: 2,
  happy: 2, pleased: 2, delighted: 3, impressed: 2.5, thrilled: 3, grateful: 2, appreciate: 1.5, appreciated: 2,
  helpful: 2, friendly: 2, kind: 1.5, professional: 1.5, quick: 0.5, star: 2, recommending: 2, perfectly: 2, slow: -1.5, acceptable: 1, efficient: 1.5, reliable: 1.5, recommend: 2,
  cheers: 0, thanks: 0, thank: 0, nice: 1.5, cool: 1, awesome: 3, best: 1.5, beautiful: 2.5, gorgeous: 2.5, delicious: 3,
  tasty: 2, smooth: 1, excited: 2, exciting: 2, glad: 1.5, relieved: 1.5, reasonable: 1, spotless: 2, cracking: 2,
  // negative
  bad: -2, terrible: -3, awful: -3, horrible: -3, dreadful: -3, appalling: -3, shocking: -3, disgusting: -3,
  disgraceful: -3, disgusted: -3, rubbish: -2.5, useless: -2.5, poor: -2, worst: -3, worse: -2, hate: -3, hated: -3, annoyed: -2,
  annoying: -2, angry: -2.5, furious: -3, fuming: -3, livid: -3, upset: -2, unhappy: -2.5, disappointed: -2.5,
  disappointing: -2.5, frustrated: -2.5, frustrating: -2.5, unacceptable: -3, ridiculous: -2.5, outrageous: -3,
  rude: -2.5, unprofessional: -2.5, incompetent: -3, shoddy: -2.5, cowboys: -2.5, scam: -3, worried: -1.5,
  worrying: -1.5, anxious: -1.5, stressed: -2, stressful: -2, nightmare: -2.5, complaint: -1.5, complain: -1.5,
  refund: -1, overcharged: -2.5, cold: -0.5, late: -0.5, delayed: -1, broken: -0.5, damaged: -1, filthy: -3, dirty: -2,
  painful: -1.5, pain: -1.5, agony: -2.5, excruciating: -3, unbearable: -2.5, desperate: -2, urgent: -0.5,
  sadly: -1, unfortunately: -1, ignored: -2, chased: -1, chasing: -1, misery: -2.5, miserable: -2.5, gutted: -2.5,
  disaster: -2.5, dangerous: -1.5, unsafe: -1.5, struggling: -1.5, confused: -1, confusing: -1.5, wrong: -0.5,
  freezing: -1.5, throbbing: -1.5, swollen: -1, sore: -1, terrified: -2, scared: -2, distressed: -2.5, tears: -2,
  mess: -1.5, pathetic: -3, joke: -1.5,
};

/** Words that flip the valence of what follows within three words ("not happy", "never good"). */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', "n't", 'dont', "don't", "didn't", 'didnt', "isn't", 'isnt', "wasn't", 'wasnt', "aren't", "weren't",
  "won't", 'wont', "can't", 'cant', 'cannot', "couldn't", "wouldn't", "shouldn't", "hasn't", "haven't", 'hardly', 'barely',
  'nothing', 'without', 'neither', 'nor',
]);

/** Multipliers for the next scored word ("very happy", "absolutely fuming", "a bit disappointed"). */
export const INTENSIFIERS: Readonly<Record<string, number>> = {
  very: 1.4, really: 1.4, so: 1.3, extremely: 1.6, absolutely: 1.6, completely: 1.5, totally: 1.5, utterly: 1.6,
  incredibly: 1.6, truly: 1.4, super: 1.4, massively: 1.5, hugely: 1.5, most: 1.3, too: 1.2, such: 1.3, properly: 1.3,
  slightly: 0.5, 'a bit': 0.6, bit: 0.6, little: 0.6, somewhat: 0.6, fairly: 0.8, quite: 0.9, kinda: 0.6,
};
